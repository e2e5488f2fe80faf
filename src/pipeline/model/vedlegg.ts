import type { Diagnostics, Position } from '../../domain/diagnostics.js';
import type { SakSource, VedleggProbe, YamlPath, YamlSource } from '../../domain/sources.js';
import type { Vedlegg } from '../../domain/types.js';
import { closest } from '../../util/suggest.js';
import { aktivtContentMessage, ikkeTaggetMessage } from './aktivt-innhold.js';
import type { SakData } from './schema.js';

type Item = SakData['vedlegg'][number];
type Part = Exclude<Item, string>['deler'] extends (infer P)[] | undefined ? P : never;

interface Context {
  source: SakSource;
  diags: Diagnostics;
  fm: YamlSource;
  /** Each nr the sak has used, and where. */
  used: Map<string, Position>;
}

/** A sak's `vedlegg:` as attachments with their parts; an attachment whose file cannot be used is reported and left out. */
export function vedleggFrom(source: SakSource, data: SakData, diags: Diagnostics, fm: YamlSource): Vedlegg[] {
  const context: Context = { source, diags, fm, used: new Map() };
  checkMixedNumbering(context, data.vedlegg, ['vedlegg']);
  return data.vedlegg.flatMap((item, index) => {
    const vedlegg = vedleggOf(context, item, ['vedlegg', index]);
    if (!vedlegg || typeof item === 'string' || !item.deler) return vedlegg ? [vedlegg] : [];
    const at: YamlPath = ['vedlegg', index, 'deler'];
    checkMixedNumbering(context, item.deler, at);
    const deler = item.deler.flatMap((part, i) => vedleggOf(context, part, [...at, i]) ?? []);
    return [{ ...vedlegg, deler }];
  });
}

function vedleggOf(context: Context, item: Item | Part, at: YamlPath): Vedlegg | undefined {
  const { source, diags, fm } = context;
  if (typeof item === 'string') return { tittel: item, source: { file: source.file, position: fm.locate(at) } };
  if (item.nr !== undefined) checkUnique(context, item.nr, [...at, 'nr']);
  const nr = item.nr !== undefined ? { nr: item.nr } : {};
  const position = fm.locate([...at, item.fil ? 'fil' : 'tittel']);
  if (!item.fil) return { tittel: item.tittel, ...nr, source: { file: source.file, position } };
  const probe = source.vedlegg.get(item.fil) as VedleggProbe;
  const problem = vedleggProblem(item.fil, probe);
  if (problem) {
    diags.error(source.file, position, problem);
    return undefined;
  }
  for (const aktivt of probe.aktivtContent ?? []) diags.warning(source.file, position, aktivtContentMessage(item.fil, aktivt));
  if (probe.tagget === false) diags.warning(source.file, position, ikkeTaggetMessage(item.fil));
  return { tittel: item.tittel, ...nr, file: probe.path, source: { file: source.file, position } };
}

function checkUnique(context: Context, nr: string, at: YamlPath): void {
  const position = context.fm.locate(at, 'value');
  const before = context.used.get(nr.toLowerCase());
  if (before) {
    context.diags.error(
      context.source.file,
      position,
      `vedleggsnummeret «${nr}» er brukt før i saken (linje ${before.line}); gi hvert vedlegg sitt eget nummer, for eksempel 2a og 2b.`,
    );
  } else context.used.set(nr.toLowerCase(), position);
}

/** Within one list, either every attachment has its nr or none has: «1, 2a, 3» beside an unnumbered one reads as a mistake. */
function checkMixedNumbering(context: Context, items: readonly (Item | Part)[], at: YamlPath): void {
  const nrOf = (item: Item | Part) => (typeof item === 'string' ? undefined : item.nr);
  const numbered = items.find((item) => nrOf(item) !== undefined);
  if (!numbered) return;
  items.forEach((item, i) => {
    if (nrOf(item) !== undefined) return;
    const how = typeof item === 'string' ? `skriv det som { tittel: "${item}", nr: … }` : 'gi det et nr';
    context.diags.error(
      context.source.file,
      context.fm.locate([...at, i]),
      `dette vedlegget har ikke nr, men andre i samme liste har det (for eksempel «${nrOf(numbered)}»); ${how}, eller ta nr bort fra alle i listen.`,
    );
  });
}

function vedleggProblem(written: string, probe: VedleggProbe): string | undefined {
  switch (probe.status) {
    case 'ok':
      return undefined;
    case 'absolutt':
      return `vedleggsfilen «${written}» er en absolutt sti; skriv stien relativt til møtemappen, for eksempel vedlegg/rapport.pdf.`;
    case 'utenfor':
      return `vedleggsfilen «${written}» ligger utenfor møtemappen; legg filen i møtemappens vedlegg/-mappe.`;
    case 'mappe':
      return `vedleggsfilen «${written}» er en mappe, ikke en PDF-fil.`;
    case 'blindlenke':
      return `vedleggsfilen «${written}» er en snarvei som ikke fører til noen fil (den peker på seg selv, går i ring eller viser til noe som er borte); legg selve PDF-filen i møtemappen.`;
    case 'ikke-fil':
      return `vedleggsfilen «${written}» er ikke en vanlig fil (et navngitt rør, en enhet eller lignende) og åpnes ikke; vis til en PDF-fil i møtemappen.`;
    case 'ikke-pdf':
      return `vedleggsfilen «${written}» er ikke en PDF; eksporter dokumentet til PDF og vis til PDF-filen.`;
    case 'kryptert':
      return `vedleggsfilen «${written}» er kryptert eller passordbeskyttet og kan ikke settes inn; lagre den som en vanlig PDF uten passord.`;
    case 'skadet':
      return `vedleggsfilen «${written}» er skadet eller ufullstendig (slutten av PDF-en mangler, kanskje en avbrutt nedlasting); eksporter eller last den ned på nytt.`;
    case 'mangler': {
      const name = written.split('/').pop() ?? written;
      const hint = closest(name, probe.siblings ?? []);
      return `vedleggsfilen «${written}» finnes ikke.${hint ? ` Mente du «${written.slice(0, written.length - name.length)}${hint}»?` : ''}`;
    }
  }
}
