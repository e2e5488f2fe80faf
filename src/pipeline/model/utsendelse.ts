import { createHash } from 'node:crypto';
import type { Journal, JournalSak } from '../../domain/journal.js';
import type { Dato, Endring, Mote, Sak, Saksliste, SakType, Utsendelse } from '../../domain/types.js';
import { listWords } from '../../util/suggest.js';
import { type Pause, planSaksliste } from './saksliste.js';
import { kortDato, parseSaksnummer, saksnummer } from './tid.js';
import type { Utkast } from './utkast.js';

/**
 * A sent meeting's saker bound to what the journal recorded: a sent sak keeps the number it was
 * sent with, whatever later happens to its file name, order or type. A sak whose file is gone
 * must be marked as withdrawn in mote.yaml (`trukket:`), and then keeps its number too.
 */

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What the journal records of a sak's text, to tell later whether it changed. */
export function sakSjekksummer(sak: Sak): JournalSak['sha256'] {
  return { forslag: sha256(sak.forslagTilVedtak?.markdown ?? ''), saksfremlegg: sha256(sak.saksfremlegg) };
}

interface Post {
  sak: JournalSak;
  nr: number;
  dato: string;
  path: (string | number)[];
}

const postene = (journal: Journal): Post[] =>
  journal.utsendelser.flatMap((u, i) => u.saker.map((sak, j) => ({ sak, nr: u.nr, dato: u.dato, path: ['utsendelser', i, 'saker', j] })));

const fileName = (post: Post) => post.sak.fil?.replace(/\.md$/i, '').normalize('NFC');

/** Pairs each journal entry with a sak: fixed saker by place, files by name, a renamed file by its title. */
function match(poster: Post[], faste: readonly Sak[], saker: readonly Sak[]): Map<Post, Sak> {
  const paired = new Map<Post, Sak>();
  const taken = new Set<Sak>();
  const pair = (post: Post, sak: Sak | undefined) => {
    if (!sak || taken.has(sak)) return;
    paired.set(post, sak);
    taken.add(sak);
  };
  for (const post of poster) if (post.sak.fast) pair(post, faste[post.sak.fast - 1]);
  for (const post of poster)
    if (post.sak.fil)
      pair(
        post,
        saker.find((s) => s.fileName?.normalize('NFC') === fileName(post)),
      );
  const norm = (t: string) => t.normalize('NFC').trim().toLowerCase();
  for (const post of poster) {
    if (post.sak.fil && !paired.has(post))
      pair(
        post,
        saker.find((s) => !taken.has(s) && norm(s.tittel) === norm(post.sak.tittel)),
      );
  }
  return paired;
}

/** A sak withdrawn after it was sent, whose file is gone: made from what the journal recorded. */
function withdrawnSak(post: Post, grunn: string, u: Utkast): Sak {
  return {
    source: { file: u.source.moteFile, position: u.source.mote!.locate(['trukket']) },
    fileName: fileName(post),
    fast: false,
    type: post.sak.type as SakType,
    tittel: post.sak.tittel,
    minutter: post.sak.minutter,
    vedlegg: [],
    unntattOffentlighet: post.sak.unntatt_offentlighet,
    offentligTittel: post.sak.unntatt_offentlighet ? post.sak.offentlig_tittel : undefined,
    saksfremlegg: '',
    harSaksfremlegg: false,
    referanser: [],
    trukket: grunn,
  };
}

function endringer(post: Post, sak: Sak): Endring[] {
  const now = sakSjekksummer(sak);
  const changes: Endring[] = [];
  if (sak.tittel !== post.sak.tittel) changes.push('tittel');
  if (sak.type !== post.sak.type) changes.push('type');
  if (!sak.fast && now.forslag !== post.sak.sha256.forslag) changes.push('forslag');
  if (!sak.fast && now.saksfremlegg !== post.sak.sha256.saksfremlegg) changes.push('saksfremlegg');
  if ((sak.unntattOffentlighet ?? '') !== (post.sak.unntatt_offentlighet ?? '')) changes.push('unntak');
  return changes;
}

const ENDRING_TEXT: Record<Endring, string> = {
  tittel: 'tittelen',
  type: 'typen',
  forslag: 'forslaget til vedtak',
  saksfremlegg: 'saksfremlegget',
  unntak: 'unntaket fra offentlighet',
};

function warnAboutChanges(post: Post, sak: Sak, u: Utkast): void {
  const changes = sak.endret ?? [];
  if (changes.length === 0 || sak.trukket) return;
  const nummer = post.sak.saksnummer;
  const hva = listWords(changes.map((c) => ENDRING_TEXT[c]));
  const type = changes.includes('type') ? ` (sendt som ${post.sak.type}, nå ${sak.type}; den beholder nummeret)` : '';
  const unntak = changes.includes('unntak')
    ? ` (sendt ${unntakText(post.sak.unntatt_offentlighet, 'som offentlig')}, nå ${unntakText(sak.unntattOffentlighet, 'offentlig')})`
    : '';
  u.diags.warning(
    sak.source.file,
    sak.source.position,
    `sak ${nummer} ble sendt ut ${kortDato(post.dato as Dato)}, og ${hva} er endret etter det${type}${unntak}. Innkallingen som bygges nå, sier at saken er endret etter utsendelsen; kopien som ble sendt, står urørt i sendt/.`,
  );
}

const unntakText = (hjemmel: string | undefined, offentlig: string) => (hjemmel ? `unntatt etter ${hjemmel}` : offentlig);

export interface Binding {
  /** Each sent sak with its number and sending. */
  sendt: Map<Sak, { lopenummer: number; nr: number }>;
  /** Withdrawn saker whose files are gone, to be put in the agenda. */
  trukne: Sak[];
}

/** Binds the saker to the journal, marks what changed and what is withdrawn, and reports what is missing. */
export function bindUtsendelser(u: Utkast, journal: Journal, faste: readonly Sak[], saker: readonly Sak[]): Binding {
  const poster = postene(journal);
  const paired = match(poster, faste, saker);
  const trukket = trukketIMoteYaml(u);
  const binding: Binding = { sendt: new Map(), trukne: [] };
  for (const post of poster) {
    let sak = paired.get(post);
    const grunn = post.sak.saksnummer ? trukket.get(post.sak.saksnummer) : undefined;
    if (!sak && grunn !== undefined) {
      sak = withdrawnSak(post, grunn, u);
      binding.trukne.push(sak);
    }
    if (!sak) {
      reportMissing(post, u);
      continue;
    }
    if (grunn !== undefined) sak.trukket ??= grunn;
    sak.utsendelse = post.nr;
    const changes = endringer(post, sak);
    if (changes.length > 0 && !binding.trukne.includes(sak)) sak.endret = changes;
    warnAboutChanges(post, sak, u);
    const nummer = post.sak.saksnummer ? parseSaksnummer(post.sak.saksnummer) : undefined;
    if (nummer?.ok) binding.sendt.set(sak, { lopenummer: nummer.value.lopenummer, nr: post.nr });
  }
  checkTrukket(u, poster);
  return binding;
}

function reportMissing(post: Post, u: Utkast): void {
  const nummer = post.sak.saksnummer;
  u.diags.error(
    u.source.journalFile,
    u.source.journal!.locate(post.path),
    `sak ${nummer} «${post.sak.tittel}» (${post.sak.fil}) ble sendt ut ${kortDato(post.dato as Dato)}, men filen finnes ikke lenger. Legg filen tilbake, eller merk saken som trukket i mote.yaml: trukket: [{ sak: "${nummer}", grunn: "…" }]. En sak som er sendt ut, beholder nummeret sitt.`,
  );
}

/** `trukket:` in a sak file belongs to a sak that was sent: one never sent is removed, not withdrawn. */
export function checkUnsentTrukket(u: Utkast): void {
  for (const sak of u.saker) {
    if (sak.trukket === undefined || sak.utsendelse !== undefined) continue;
    const frontmatter = u.source.saker.find((s) => s.file === sak.source.file)?.markdown?.frontmatter;
    u.diags.error(
      sak.source.file,
      frontmatter?.locate(['trukket'], 'key') ?? sak.source.position,
      '«trukket»: saken er ikke sendt ut, så den kan ikke trekkes; en sak som ikke er sendt ut, tar du bort ved å slette filen (eller flytte den til møtet der den skal behandles). «trukket» er for en sak som er sendt ut og så trekkes, og som beholder nummeret sitt.',
    );
  }
}

/** `trukket:` in mote.yaml, by sak number. */
function trukketIMoteYaml(u: Utkast): Map<string, string> {
  return new Map((u.data?.trukket ?? []).map((t) => [saksnummer(t.sak), t.grunn]));
}

function checkTrukket(u: Utkast, poster: Post[]): void {
  const sendte = new Set(poster.flatMap((p) => (p.sak.saksnummer ? [p.sak.saksnummer] : [])));
  (u.data?.trukket ?? []).forEach((t, index) => {
    const nummer = saksnummer(t.sak);
    if (sendte.has(nummer)) return;
    u.diags.error(
      u.source.moteFile,
      u.source.mote!.locate(['trukket', index, 'sak']),
      `sak ${nummer} er ikke sendt ut i dette møtet, så den kan ikke trekkes her; en sak som ikke er sendt ut, fjerner du ved å slette filen, og en sak som er sendt, nevnes med nummeret den ble sendt med (${[...sendte].join(', ') || 'ingen'}).`,
    );
  });
}

/** The sendings, with the saker they announced as they are now. */
export function utsendelserFor(journal: Journal | undefined, saker: readonly Sak[]): Utsendelse[] {
  return (journal?.utsendelser ?? []).map((u) => ({
    nr: u.nr,
    type: u.type,
    dato: u.dato as Dato,
    saker: saker.filter((s) => s.utsendelse === u.nr),
  }));
}

/** The breaks of a planned agenda, each after the sak it follows. */
function pauserI(saksliste: Saksliste): Pause[] {
  return saksliste.grupper.flatMap((g) =>
    g.punkter.flatMap((p, i): Pause[] => {
      const etter = g.punkter
        .slice(0, i)
        .reverse()
        .find((q) => q.kind === 'sak');
      return p.kind === 'pause' && etter?.kind === 'sak'
        ? [{ etter: etter.sak, minutter: p.minutter, tittel: p.tittel, source: p.source }]
        : [];
    }),
  );
}

/**
 * The meeting as its innkalling announced it: the saker it was sent with, as they are now, timed
 * without the saker added since (those are in the tilleggsinnkalling). Unsent: the meeting itself.
 */
export function innkallingsversjon(mote: Mote): Mote {
  if (mote.utsendelser.length === 0) return mote;
  const saker = mote.saker.filter((s) => s.utsendelse === 1);
  const pauser = pauserI(mote.saksliste).filter((p) => saker.includes(p.etter));
  return {
    ...mote,
    saker,
    saksliste: planSaksliste(saker, pauser, mote.start, mote.slutt),
    vedlegg: mote.vedlegg.filter((v) => saker.includes(v.sak)),
  };
}

/** A sent sak that now stands after a sak it was sent after (in the same sending): the order changed, the numbers did not. */
export function warnAboutSentOrder(u: Utkast, ordnet: readonly Sak[]): void {
  const forrige = new Map<number, Sak>();
  for (const sak of ordnet) {
    if (!sak.nummer || sak.utsendelse === undefined || sak.fast) continue;
    const tidligere = forrige.get(sak.utsendelse);
    if (tidligere?.nummer && sak.nummer.lopenummer < tidligere.nummer.lopenummer) {
      u.diags.warning(
        sak.source.file,
        sak.source.position,
        `sak ${saksnummer(sak.nummer)} står nå etter sak ${saksnummer(tidligere.nummer)} i sakslisten, men ble sendt ut foran den; rekkefølgen er endret etter utsendelsen. Sakene beholder numrene sine; gi filene navn som sorterer som før hvis rekkefølgen ikke skulle endres.`,
      );
    }
    if (!tidligere?.nummer || sak.nummer.lopenummer > tidligere.nummer.lopenummer) forrige.set(sak.utsendelse, sak);
  }
}
