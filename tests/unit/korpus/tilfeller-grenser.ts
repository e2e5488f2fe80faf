import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOTE, ORGANISASJON, sak } from '../../helpers/prosjekt.js';
import type { Tilfelle } from './tilfeller.js';

/**
 * Limits instead of crashes and hangs: input made to overflow the stack, exhaust memory or block
 * (found by a red-team run). Each is an error at the place the limit is passed, with the limit.
 * The big inputs are made here, when the tests run; none is stored.
 */
const M = '2025-05-22-ssu';
const NESTING = 'lister og sitater (>) ligger her mer enn 100 nivåer inn i hverandre; høyst 100 nivåer er tillatt. Bruk færre nivåer.';
/** Case papers far larger than any real one, as the red-team run wrote them; made when the tests run. */
const trapp = (linjer: number) => Array.from({ length: linjer }, (_, i) => `${'  '.repeat(i % 99)}- punkt`).join('\n');
const ELEMENTER =
  'teksten har for mange elementer (avsnitt, overskrifter, tabellrader, kodelinjer, listepunkter og sitatmerker): grensen på 3 000 passeres her. Del teksten på flere saker, eller legg den ved som PDF under vedlegg/.';
const LINJENIVAER =
  'for mye av teksten ligger inne i lister og sitater: hver linje teller én gang for hvert nivå den ligger inne i, og grensen på 20 000 passeres her. Bruk færre nivåer, eller legg teksten ved som PDF under vedlegg/.';
const TEGN =
  'teksten er for lang: grensen på 500 000 tegn (om lag 150 sider) passeres her. Del teksten på flere saker, eller legg den ved som PDF under vedlegg/.';
const YAML_NIVAER =
  'verdiene ligger her mer enn 100 nivåer inn i hverandre (lister med [ ] eller «- », oppslag med { } og innrykk); høyst 100 nivåer er tillatt. Bruk færre nivåer.';
const ALIAS =
  'med aliasene (*…) skrevet ut blir innholdet for stort her; høyst 100 000 verdier og 10 MB tekst er tillatt. Skriv verdiene ut i stedet for å la alias vise til andre alias.';

/** «Billion laughs»: ten aliases of ten aliases …, a few hundred bytes that expand to 10^9 values. */
function aliasBombe(): string {
  const linjer = ['x0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]'];
  for (let i = 1; i < 9; i++)
    linjer.push(
      `x${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return linjer.join('\n');
}

/** A meeting that starts at sak 998, so that its saker pass 999: numbers of any length are assigned, written and read back. */
const MOTE_998 = `${MOTE}forste_saksnummer: 998\n`;
const REFERAT_998 = (body: string) => `---\ntil_stede: [kari, ola]\nforfall: [per]\nreferent: Marte\nstatus: utkast\n---\n\n${body}`;

/** A YAML file of 4.8 MB, under the 5 MB limit for text files: ten nested lists a hundred thousand times over. */
function storYaml(): string {
  const enhet = `${'['.repeat(10)}1${']'.repeat(10)}, `;
  return `x: [${enhet.repeat(Math.ceil(4.8e6 / enhet.length))}]`;
}

/** The organisation with its own template folder, `egne-maler/`. */
const EGNE = { 'organisasjon.yaml': `${ORGANISASJON}maler: egne-maler\n`, [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5') };

function fifo(root: string, fil: string): void {
  unlinkSync(join(root, fil));
  execFileSync('mkfifo', [join(root, fil)]);
}

export const TILFELLER_GRENSER: Tilfelle[] = [
  {
    navn: 'grense: 10 000 sitatnivåer (>) i en sak',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5', `${'>'.repeat(10_000)} dypt\n`) },
    meldinger: [`${M}/13-a.md:7:101: feil: ${NESTING}`],
    kode: 1,
  },
  {
    navn: 'grense: 150 listenivåer med innrykk i en sak',
    filer: {
      [`${M}/13-a.md`]: sak(
        'tittel: A\ntype: tema\nminutter: 5',
        `${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- punkt`).join('\n')}\n`,
      ),
    },
    meldinger: [`${M}/13-a.md:107:201: feil: ${NESTING}`],
    kode: 1,
  },
  {
    navn: 'grense: 100 nivåer av lister og sitater virker, og kode i et kodeområde teller ikke',
    filer: {
      [`${M}/13-a.md`]: sak(
        'tittel: A\ntype: beslutning\nminutter: 5',
        `${'>'.repeat(100)} dypt\n\n${'1. '.repeat(100)}punkt\n\n\`\`\`\n${'>'.repeat(500)}\n\`\`\`\n\n## Forslag til vedtak\n\nGodkjent.\n`,
      ),
    },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'grense: 5 000 listenivåer (- - - …) i beskrivelse',
    filer: { [`${M}/13-a.md`]: sak(`tittel: A\ntype: tema\nminutter: 5\nbeskrivelse: "${'- '.repeat(900)}x"`) },
    meldinger: [
      `${M}/13-a.md:5:14: feil: «beskrivelse»: lister og sitater (>) ligger mer enn 100 nivåer inn i hverandre; høyst 100 nivåer er tillatt.`,
    ],
    kode: 1,
  },
  {
    navn: 'grense: en tittel på 1 MB',
    filer: { [`${M}/13-a.md`]: sak(`tittel: ${'x'.repeat(1024 * 1024)}\ntype: tema\nminutter: 5`) },
    meldinger: [`${M}/13-a.md:2:9: feil: «tittel» er for lang (1048576 tegn); høyst 300 tegn er tillatt. Skriv en kortere tekst.`],
    kode: 1,
  },
  {
    navn: 'grense: en tittel på 300 tegn virker',
    filer: { [`${M}/13-a.md`]: sak(`tittel: ${'x'.repeat(300)}\ntype: tema\nminutter: 5`) },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'grense: et møtested på 301 tegn og en beskrivelse på over 2000 tegn',
    filer: {
      [`${M}/mote.yaml`]: MOTE.replace('sted: Lillehammer', `sted: ${'s'.repeat(301)}`),
      [`${M}/13-a.md`]: sak(`tittel: A\ntype: tema\nminutter: 5\nbeskrivelse: ${'b'.repeat(2001)}`),
    },
    meldinger: [
      `${M}/13-a.md:5:14: feil: «beskrivelse» er for lang (2001 tegn); høyst 2000 tegn er tillatt. Skriv en kortere tekst.`,
      `${M}/mote.yaml:5:7: feil: «sted» er for lang (301 tegn); høyst 300 tegn er tillatt. Skriv en kortere tekst.`,
    ],
    kode: 1,
  },
  {
    navn: 'grense: alias av alias («billion laughs») i en sak',
    filer: { [`${M}/13-a.md`]: sak(`tittel: A\ntype: tema\nminutter: 5\n${aliasBombe()}\nvedlegg: *a8`) },
    meldinger: [`${M}/13-a.md:9:45: feil: ${ALIAS}`],
    kode: 1,
  },
  {
    navn: 'grense: alias av alias («billion laughs») i organisasjon.yaml',
    filer: { 'organisasjon.yaml': `${aliasBombe()}\n${ORGANISASJON}`, [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5') },
    meldinger: ['organisasjon.yaml:5:45: feil: ' + ALIAS],
    kode: 1,
  },
  {
    navn: 'grense: mote.yaml som er en FIFO (navngitt rør) blokkerer ikke',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5') },
    lag: (root) => fifo(root, `${M}/mote.yaml`),
    meldinger: [
      `${M}/mote.yaml: feil: dette er et navngitt rør (FIFO), ikke en vanlig fil; bare vanlige tekstfiler kan leses. Erstatt den med en vanlig fil.`,
    ],
    kode: 1,
  },
  {
    navn: 'grense: en hjelper som ikke finnes i organisasjonens egen mal',
    filer: {
      'organisasjon.yaml': `${ORGANISASJON}maler: egne-maler\n`,
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5'),
      'egne-maler/saksliste.hbs': '<h1>{{mote.utvalg}}</h1>\n\n  <p>{{frobnicate mote}}</p>\n',
    },
    meldinger: [
      "egne-maler/saksliste.hbs:3:6: feil: malen bruker hjelperen «frobnicate», som ikke finnes; tillatt er Handlebars' egne (if, unless, each, with, lookup) og cssTekst og t.",
    ],
    kode: 1,
  },
  {
    navn: 'grense: saksnummer forbi 999 (998.25–1000.25) tildeles, skrives i frontmatter og leses i referatets overskrifter',
    filer: {
      [`${M}/mote.yaml`]: MOTE_998,
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5'),
      [`${M}/14-b.md`]: sak('tittel: B\ntype: tema\nminutter: 5\nsaksnummer: "1000.25"'),
      [`${M}/referat.md`]: REFERAT_998(
        '## Sak 998.25\n\nGodkjent.\n\n## Sak 999.25 A\n\nNotat.\n\n## Sak 1000.25 B\n\nNotat.\n\n## Eventuelt\n\nIngen.\n',
      ),
    },
    meldinger: [],
    kode: 0,
    utskrift: ['  Sak 998.25   09.00–09.02  Godkjenning av innkalling og saksliste (2 min)', '  Sak 1000.25  09.07–09.12  B (5 min)'],
  },
  {
    navn: 'grense: en referatoverskrift med sak 1000.25 kontrolleres som alle andre (feil tittel, sak som ikke finnes)',
    filer: {
      [`${M}/mote.yaml`]: MOTE_998,
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5'),
      [`${M}/14-b.md`]: sak('tittel: B\ntype: tema\nminutter: 5'),
      [`${M}/referat.md`]: REFERAT_998(
        '## Sak 998.25\n\nGodkjent.\n\n## Sak 999.25 A\n\nNotat.\n\n## Sak 1000.25 A\n\nNotat.\n\n## Sak 1001.25\n\nX.\n',
      ),
    },
    meldinger: [
      `${M}/referat.md:16:1: feil: overskriften «## Sak 1000.25 A» har nummeret til sak 1000.25 «B», men tittelen til sak 999.25 «A»; rett nummeret eller tittelen, så notatene havner under riktig sak.`,
      `${M}/referat.md:20:1: feil: sak 1001.25 står ikke på sakslisten til møtet ${M}; sakene er 998.25, 999.25, 1000.25.`,
    ],
    kode: 1,
  },
  {
    navn: 'grense: tittel med 100 000 [ i en sak',
    filer: { [`${M}/13-a.md`]: sak(`tittel: ${'['.repeat(100_000)}\ntype: tema\nminutter: 5`) },
    meldinger: [`${M}/13-a.md:2:108: feil: ${YAML_NIVAER}`],
    kode: 1,
  },
  {
    navn: 'grense: [{ 50 000 ganger i mote.yaml (hang i YAML-leseren før)',
    filer: { [`${M}/mote.yaml`]: `${MOTE}sted: ${'[{'.repeat(50_000)}\n`, [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5') },
    meldinger: [`${M}/mote.yaml:6:106: feil: ${YAML_NIVAER}`],
    kode: 1,
  },
  {
    navn: 'grense: «- - - …» 50 000 nivåer i organisasjon.yaml',
    filer: {
      'organisasjon.yaml': `${ORGANISASJON}x:\n  ${'- '.repeat(50_000)}y\n`,
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5'),
    },
    meldinger: ['organisasjon.yaml:11:199: feil: ' + YAML_NIVAER],
    kode: 1,
  },
  {
    navn: 'grense: 4,8 MB nestet YAML i en sak leses ikke av YAML-leseren (tok 19 s og 2,6 GB før)',
    filer: { [`${M}/13-a.md`]: sak(`tittel: A\ntype: tema\nminutter: 5\n${storYaml()}`) },
    meldinger: [
      `${M}/13-a.md:5:41800: feil: for mange YAML-verdier (nøkler, listepunkter, [ ] og { }): grensen på 20 000 passeres her. Så lange lister hører ikke hjemme i YAML; skriv dem i Markdown-teksten, eller legg dem ved som tabellfil eller PDF.`,
    ],
    kode: 1,
  },
  {
    navn: 'grense: klammer i tekst med anførselstegn, i en blokktekst og i en kommentar teller ikke som nivåer',
    filer: {
      [`${M}/13-a.md`]: sak(
        `tittel: "${'['.repeat(150)}" # ${'{'.repeat(500)}\ntype: tema\nminutter: 5\nbeskrivelse: |\n  ${'['.repeat(1000)}\n  ${'- '.repeat(50)}`,
      ),
    },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'grense: en trappeliste på 2,3 MB (hver linje ett nivå lenger inn, opp til 99) i en sak',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5', `${trapp(21_700)}\n`) },
    meldinger: [`${M}/13-a.md:422:41: feil: ${LINJENIVAER}`],
    kode: 1,
  },
  {
    navn: 'grense: tusenvis av listepunkter med «- - - …» opp til 99 nivåer i en sak',
    filer: {
      [`${M}/13-a.md`]: sak(
        'tittel: A\ntype: tema\nminutter: 5',
        `${Array.from({ length: 5000 }, (_, i) => `${'- '.repeat(i % 99)}punkt`).join('\n')}\n`,
      ),
    },
    meldinger: [`${M}/13-a.md:84:147: feil: ${ELEMENTER}`],
    kode: 1,
  },
  {
    navn: 'grense: 3 001 listepunkter i referatet',
    filer: {
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5'),
      [`${M}/referat.md`]: `---\ntil_stede: [kari, ola]\nforfall: [per]\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 01.25\n\nGodkjent.\n\n## Sak 02.25 A\n\nNotat.\n\n## Eventuelt\n\n${Array.from({ length: 3001 }, (_, i) => `- punkt ${i}`).join('\n')}\n`,
    },
    meldinger: [`${M}/referat.md:3013:1: feil: ${ELEMENTER}`],
    kode: 1,
  },
  {
    navn: 'grense: 17 000 «a]» i ett avsnitt (hver ] leter bakover i avsnittet)',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5', `${'a] '.repeat(17_000)}\n`) },
    meldinger: [
      `${M}/13-a.md:7:15002: feil: teksten har for mange hakeparenteser ([ og ], som lenker, bilder og fotnoter skrives med): grensen på 5 000 passeres her. Del teksten på flere saker, eller legg den ved som PDF under vedlegg/.`,
    ],
    kode: 1,
  },
  {
    navn: 'grense: en lang sak innenfor grensene (2 000 listepunkter, 10 nivåer, 1 000 lenker, en tabell) virker',
    filer: {
      [`${M}/13-a.md`]: sak(
        'tittel: A\ntype: beslutning\nminutter: 5',
        `${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i % 10)}- punkt [lenke](https://example.org/${i})`).join('\n')}\n\n| a | b |\n|---|---:|\n${'| x | 1 |\n'.repeat(500)}\n## Forslag til vedtak\n\nGodkjent.\n`,
      ),
    },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'mal: en partial i egen malmappe som er en snarvei til /etc/passwd',
    filer: { ...EGNE, 'egne-maler/saksliste.hbs': '{{#> dokument}}{{> moteinfo}}{{/dokument}}\n' },
    lag: (root) => {
      mkdirSync(join(root, 'egne-maler', 'partials'));
      symlinkSync('/etc/passwd', join(root, 'egne-maler', 'partials', 'moteinfo.hbs'));
    },
    meldinger: [
      'egne-maler/partials/moteinfo.hbs: feil: malfilen er en snarvei til «/etc/passwd», som ligger utenfor malmappen; bare vanlige filer inne i malmappen kan brukes. Kopier filen inn i malmappen i stedet.',
    ],
    kode: 1,
  },
  {
    navn: 'mal: en mappe med partials som er en snarvei ut av malmappen, og en mal som er et navngitt rør',
    filer: { ...EGNE, 'utenfor/partials/egen.hbs': 'hemmelig\n' },
    lag: (root) => {
      mkdirSync(join(root, 'egne-maler'));
      symlinkSync(join(root, 'utenfor', 'partials'), join(root, 'egne-maler', 'partials'));
      execFileSync('mkfifo', [join(root, 'egne-maler', 'innkalling.hbs')]);
    },
    meldinger: (root) => [
      'egne-maler/innkalling.hbs: feil: dette er et navngitt rør (FIFO), ikke en vanlig fil; bare vanlige tekstfiler kan leses. Erstatt den med en vanlig fil.',
      `egne-maler/partials/egen.hbs: feil: malfilen er en snarvei til «${join(root, 'utenfor', 'partials', 'egen.hbs')}», som ligger utenfor malmappen; bare vanlige filer inne i malmappen kan brukes. Kopier filen inn i malmappen i stedet.`,
    ],
    kode: 1,
  },
  {
    navn: 'mal: iframe, object, embed og frame i en mal, og filer utenfor malmappen i src, href, url() og @import',
    filer: {
      ...EGNE,
      'egne-maler/saksliste.hbs':
        '{{#> dokument}}\n<iframe src="file:///etc/passwd"></iframe>\n  <object data="x"></object><EMBED src=y>\n<frame>\n<img src="/etc/passwd"> <link rel="stylesheet" href="../organisasjon.yaml">\n{{/dokument}}\n',
      'egne-maler/print.css':
        'body { background: url("../../../etc/passwd"); }\n@import "file:///etc/hosts";\na { b: url(javascript:x) }\n',
    },
    meldinger: [
      'egne-maler/print.css:1:25: feil: malen viser til «../../../etc/passwd», som ikke er en fil i malmappen; en mal kan bare bruke filer i sin egen mappe (etter at snarveier er fulgt).',
      'egne-maler/print.css:2:10: feil: malen viser til «file:///etc/hosts», som ikke er en fil i malmappen; en mal kan bare bruke filer i sin egen mappe (etter at snarveier er fulgt).',
      'egne-maler/print.css:3:12: feil: malen bruker adressen «javascript:x»; i en mal er bare http, https, mailto, data og filer i malmappen tillatt.',
      'egne-maler/saksliste.hbs:2:1: feil: malen bruker <iframe>, som ikke er tillatt i en mal: rammer og innebygde objekter (iframe, frame, object, embed) og <base> kan vise filer fra maskinen i dokumentene. Skriv innholdet rett i malen.',
      'egne-maler/saksliste.hbs:2:14: feil: malen viser til «file:///etc/passwd», som ikke er en fil i malmappen; en mal kan bare bruke filer i sin egen mappe (etter at snarveier er fulgt).',
      'egne-maler/saksliste.hbs:3:3: feil: malen bruker <object>, som ikke er tillatt i en mal: rammer og innebygde objekter (iframe, frame, object, embed) og <base> kan vise filer fra maskinen i dokumentene. Skriv innholdet rett i malen.',
      'egne-maler/saksliste.hbs:3:17: feil: malen viser til «x», som ikke er en fil i malmappen; en mal kan bare bruke filer i sin egen mappe (etter at snarveier er fulgt).',
      'egne-maler/saksliste.hbs:3:29: feil: malen bruker <embed>, som ikke er tillatt i en mal: rammer og innebygde objekter (iframe, frame, object, embed) og <base> kan vise filer fra maskinen i dokumentene. Skriv innholdet rett i malen.',
      'egne-maler/saksliste.hbs:3:40: feil: malen viser til «y», som ikke er en fil i malmappen; en mal kan bare bruke filer i sin egen mappe (etter at snarveier er fulgt).',
      'egne-maler/saksliste.hbs:4:1: feil: malen bruker <frame>, som ikke er tillatt i en mal: rammer og innebygde objekter (iframe, frame, object, embed) og <base> kan vise filer fra maskinen i dokumentene. Skriv innholdet rett i malen.',
      'egne-maler/saksliste.hbs:5:11: feil: malen viser til «/etc/passwd», som ikke er en fil i malmappen; en mal kan bare bruke filer i sin egen mappe (etter at snarveier er fulgt).',
      'egne-maler/saksliste.hbs:5:54: feil: malen viser til «../organisasjon.yaml», som ikke er en fil i malmappen; en mal kan bare bruke filer i sin egen mappe (etter at snarveier er fulgt).',
    ],
    kode: 1,
  },
  {
    navn: 'mal: en partial som ikke finnes, en blokkpartial uten blokk, partialer i ring og hjelpere uten verdi',
    filer: {
      ...EGNE,
      'egne-maler/saksliste.hbs':
        '{{#> dokument}}\n  {{> mangler}}\n{{#> finnes-ikke}}reserve{{/finnes-ikke}}{{> a}}\n{{#if}}x{{/if}} {{t}}\n{{/dokument}}\n',
      'egne-maler/innkalling.hbs': '{{> dokument}}\n{{> @partial-block}}\n',
      'egne-maler/partials/a.hbs': '{{> b}}\n',
      'egne-maler/partials/b.hbs': 'b {{> a}}\n',
    },
    meldinger: [
      'egne-maler/innkalling.hbs:1:1: feil: partialen «dokument» må brukes som blokk, {{#> dokument}} … {{/dokument}}, fordi den setter inn innholdet sitt med {{> @partial-block}}.',
      'egne-maler/innkalling.hbs:2:1: feil: {{> @partial-block}} kan bare stå i en partial (i partials/ eller nettsted/ramme.hbs) som brukes som blokk, {{#> navn}} … {{/navn}}.',
      'egne-maler/partials/a.hbs:1:1: feil: partialene bruker hverandre i ring (a → b → a); det ville aldri blitt ferdig. Fjern én av dem.',
      'egne-maler/partials/b.hbs:1:3: feil: partialene bruker hverandre i ring (b → a → b); det ville aldri blitt ferdig. Fjern én av dem.',
      'egne-maler/saksliste.hbs:2:3: feil: malen bruker partialen «mangler», som ikke finnes; partialene er a, b, dokument, moteinfo, nettsted/ramme, saksliste, vedleggsdeler.',
      'egne-maler/saksliste.hbs:4:1: feil: «if» trenger nøyaktig én verdi, for eksempel {{#if mote.sted}}.',
      'egne-maler/saksliste.hbs:4:17: feil: «t» trenger nøyaktig én verdi, for eksempel {{t "innkalling.saksliste"}}.',
    ],
    kode: 1,
  },
  {
    navn: 'mal: «maler:» som viser til en fil, ikke en mappe',
    filer: { 'organisasjon.yaml': `${ORGANISASJON}maler: ${M}/13-a.md\n`, [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5') },
    meldinger: [`organisasjon.yaml: feil: malmappen «${M}/13-a.md» er ikke en mappe; «maler:» skal vise til en mappe med maler.`],
    kode: 1,
  },
  {
    navn: 'mal: egne maler med et bilde og en snarvei inne i malmappen, lenker til nettet og en inline-partial virker',
    filer: {
      ...EGNE,
      'egne-maler/bilder/segl.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'egne-maler/saksliste.hbs':
        '{{#*inline "topp"}}<p>Topp</p>{{/inline}}{{#> dokument}}{{> topp}}<img src="bilder/segl.svg" alt=""><a href="https://example.org/">nett</a>{{> saksliste}}{{/dokument}}\n',
    },
    lag: (root) => {
      mkdirSync(join(root, 'egne-maler', 'partials'), { recursive: true });
      writeFileSync(join(root, 'egne-maler', 'partials', 'ekte.hbs'), '<p>{{mote.sted}}</p>');
      symlinkSync(join(root, 'egne-maler', 'partials', 'ekte.hbs'), join(root, 'egne-maler', 'partials', 'moteinfo.hbs'));
    },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'logo: en snarvei til en fil utenfor prosjektet',
    filer: { 'organisasjon.yaml': `logo: logo.png\n${ORGANISASJON}`, [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5') },
    lag: (root) => symlinkSync('/etc/passwd', join(root, 'logo.png')),
    meldinger: [
      'organisasjon.yaml:1:7: feil: logoen «logo.png» ligger utenfor prosjektmappen (mappen med organisasjon.yaml), eller er en snarvei dit; kopier bildet inn i prosjektmappen.',
    ],
    kode: 1,
  },
  {
    navn: 'logo: en sti ut av prosjektet',
    filer: {
      'organisasjon.yaml': `logo: ../../../../etc/passwd\n${ORGANISASJON}`,
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5'),
    },
    meldinger: [
      'organisasjon.yaml:1:7: feil: logoen «../../../../etc/passwd» ligger utenfor prosjektmappen (mappen med organisasjon.yaml), eller er en snarvei dit; kopier bildet inn i prosjektmappen.',
    ],
    kode: 1,
  },
  {
    navn: 'logo: en fil som ikke er et bilde',
    filer: {
      'organisasjon.yaml': `logo: hemmelig.txt\n${ORGANISASJON}`,
      'hemmelig.txt': 'passord\n',
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5'),
    },
    meldinger: [
      'organisasjon.yaml:1:7: feil: logoen «hemmelig.txt» er ikke et bilde motedok viser; logoen må være en SVG-, PNG- eller JPEG-fil (.svg, .png, .jpg).',
    ],
    kode: 1,
  },
  {
    navn: 'logo: en mappe',
    filer: { 'organisasjon.yaml': `logo: ${M}\n${ORGANISASJON}`, [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5') },
    meldinger: [`organisasjon.yaml:1:7: feil: logoen «${M}» er ingen vanlig fil; logoen må være en bildefil (SVG, PNG eller JPEG).`],
    kode: 1,
  },
  {
    navn: 'grense: én linje på 4 MB i en sak',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5', `${'Ord og ord. '.repeat(350_000)}\n`) },
    // The body is a blank line 6 and then the long line 7: its 500 000th character is the body's 500 001st.
    meldinger: [`${M}/13-a.md:7:500000: feil: ${TEGN}`],
    kode: 1,
  },
  {
    navn: 'grense: 500 000 tegn er tillatt, fordelt på avsnitt',
    filer: {
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5', `${'Ord og ord. '.repeat(40)}\n\n`.repeat(1000).slice(0, 499_000)),
    },
    meldinger: [],
    kode: 0,
  },
];
