import { MOTE, sak } from '../../helpers/prosjekt.js';
import type { Tilfelle } from './tilfeller.js';

/**
 * Text lost without a word (issue 15): HTML pasted from e-mail, a proposal written as HTML, a
 * comment or element never closed, a footnote written twice, a reference image, characters the
 * fonts lack. Each is kept, or `check` says where and what is left out.
 */
const M = '2025-05-22-ssu';
const TEMA = 'tittel: A\ntype: tema\nminutter: 5';
const BESLUTNING = 'tittel: A\ntype: beslutning\nminutter: 5';
const REFERAT = (body: string) => `---\ntil_stede: [kari, ola]\nforfall: [per]\nreferent: Marte\nstatus: utkast\n---\n\n${body}`;
const TATT_UT = (tag: string) =>
  `«${tag}» tas ikke med i dokumentene, og heller ikke det som står i den: skript, stil, rammer og innebygde objekter er ikke tekst. Teksten i andre HTML-elementer (div, p, td …) tas med.`;
const ALDRI_LUKKET = (tag: string) =>
  `«<${tag}>» lukkes aldri (det mangler «</${tag}>»), så alt etter den ville falle bort fra dokumentene; skriv «</${tag}>» der den slutter, eller fjern den.`;
const KOMMENTAR =
  'kommentaren «<!--» lukkes aldri, så alt etter den ville falle bort fra dokumentene; skriv «-->» der kommentaren slutter.';
const SOM_TEKST =
  '«<!--» lukkes ikke i samme avsnitt, så det er ingen kommentar og vises som tekst i dokumentene; skriv «-->» der kommentaren slutter (i samme avsnitt), eller «&lt;!--» om tegnene skal stå der.';
const TOMT_FORSLAG =
  '«Forslag til vedtak» har ingen tekst som synes i dokumentene (bare HTML som tas ut, kommentarer eller bilder); skriv forslaget som tekst under overskriften, gjerne som nummerert liste.';
const SKRIFT =
  'finnes ikke i skriften Source Sans 3 og skrives ut med en annen skrift eller som en tom rute; skriften har latinske bokstaver, tall og vanlig tegnsetting. Skriv det med ord, eller bruk et tegn skriften har.';
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

export const TILFELLER_TEKST: Tilfelle[] = [
  {
    navn: 'tekst: HTML fra en e-post (div, p, td, details, ukjente elementer) tas med uten melding',
    filer: {
      [`${M}/13-a.md`]: sak(
        TEMA,
        '<div style="font-family:Calibri">Hei, her er tallene:</div>\n\n<p class="MsoNormal">Avsnitt <font color="#1f497d">med farge</font></p>\n\n<table><tr><td style="display:none">Celle</td></tr></table>\n\n<details><summary>Mer</summary>Detaljer</details>\n\n<center>Sentrert</center>\n',
      ),
    },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'tekst: en hel e-post limt inn som HTML-dokument gir bare en advarsel for stilarket',
    filer: {
      [`${M}/13-a.md`]: sak(
        TEMA,
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Emne: Budsjett</title>\n<style>p { color: red }</style></head>\n<body>\n<p class="MsoNormal">Hei alle,</p>\n<table border="1"><tr><td>Lønn</td><td>1 000 000</td></tr></table>\n</body></html>\n',
      ),
    },
    meldinger: [`${M}/13-a.md:9:1: advarsel: ${TATT_UT('<style>')}`],
    kode: 0,
  },
  {
    navn: 'tekst: <style>, <script>, <iframe> og <object> fra en e-post tas ut med en advarsel hver',
    filer: {
      [`${M}/13-a.md`]: sak(
        TEMA,
        '<style>p.MsoNormal { margin: 0 }</style>\n\nTeksten.\n\n<script>alert(1)</script>\n\nMer <iframe src="https://example.invalid"></iframe> og <object data="x"></object> og <embed src="x">.\n',
      ),
    },
    meldinger: [
      `${M}/13-a.md:7:1: advarsel: ${TATT_UT('<style>')}`,
      `${M}/13-a.md:11:1: advarsel: ${TATT_UT('<script>')}`,
      `${M}/13-a.md:13:5: advarsel: ${TATT_UT('<iframe>')}`,
      `${M}/13-a.md:13:56: advarsel: ${TATT_UT('<object>')}`,
      `${M}/13-a.md:13:86: advarsel: ${TATT_UT('<embed>')}`,
    ],
    kode: 0,
  },
  {
    navn: 'tekst: en <script> som aldri lukkes, ville tatt med seg resten av saken',
    filer: { [`${M}/13-a.md`]: sak(BESLUTNING, 'Først.\n\n<script>\nvar x = 1;\n\n## Forslag til vedtak\n\nGodkjent.\n') },
    meldinger: [`${M}/13-a.md:9:1: feil: ${ALDRI_LUKKET('script')}`],
    kode: 1,
  },
  {
    navn: 'tekst: en <object> som aldri lukkes, midt i saken',
    filer: { [`${M}/13-a.md`]: sak(TEMA, 'Først.\n\nSe <object data="x"> her.\n\nResten av saken.\n') },
    meldinger: [`${M}/13-a.md:9:4: feil: ${ALDRI_LUKKET('object')}`],
    kode: 1,
  },
  {
    navn: 'tekst: <?php … ?> og <![CDATA[ … ]]> er ikke tekst',
    filer: { [`${M}/13-a.md`]: sak(TEMA, 'Tekst.\n\n<?php echo "hei"; ?>\n\n<![CDATA[ data ]]>\n') },
    meldinger: [`${M}/13-a.md:9:1: advarsel: ${TATT_UT('<?php')}`, `${M}/13-a.md:11:1: advarsel: ${TATT_UT('<![CDATA[')}`],
    kode: 0,
  },
  {
    navn: 'tekst: et forslag til vedtak skrevet som HTML kommer med',
    filer: {
      [`${M}/13-a.md`]: sak(
        BESLUTNING,
        '## Forslag til vedtak\n\n<ol><li>Utvalget godkjenner.</li><li>Utvalget ber om en rapport.</li></ol>\n',
      ),
    },
    meldinger: [],
    kode: 0,
    utskrift: ['  Sak 02.25  09.02–09.07  A (5 min)'],
  },
  {
    navn: 'tekst: et forslag til vedtak uten tekst som synes (et skript, en kommentar og et bilde) er en feil ved overskriften',
    filer: {
      [`${M}/13-a.md`]: sak(
        TEMA,
        'Bakgrunn.\n\n## Forslag til vedtak\n\n<script>x</script>\n\n<!-- kommer -->\n\n![Figur: plan](plan.png)\n',
      ),
      [`${M}/plan.png`]: PNG,
    },
    meldinger: [`${M}/13-a.md:9:1: feil: ${TOMT_FORSLAG}`, `${M}/13-a.md:11:1: advarsel: ${TATT_UT('<script>')}`],
    kode: 1,
  },
  {
    navn: 'tekst: et forslag til vedtak av bare en skillelinje er tomt',
    filer: { [`${M}/13-a.md`]: sak(BESLUTNING, '## Forslag til vedtak\n\n***\n') },
    meldinger: [`${M}/13-a.md:7:1: feil: ${TOMT_FORSLAG}`],
    kode: 1,
  },
  {
    navn: 'tekst: et forslag til vedtak av bare et hardt mellomrom (&nbsp;) er tomt',
    filer: { [`${M}/13-a.md`]: sak(BESLUTNING, 'Bakgrunn.\n\n## Forslag til vedtak\n\n&nbsp;\n') },
    meldinger: [`${M}/13-a.md:9:1: feil: ${TOMT_FORSLAG}`],
    kode: 1,
  },
  {
    navn: 'tekst: et vedtak i referatet uten tekst som synes er en feil ved «### Vedtak»',
    filer: {
      [`${M}/13-a.md`]: sak(BESLUTNING),
      [`${M}/referat.md`]: REFERAT('## Sak 01.25\n\n## Sak 02.25\n\nDrøftet.\n\n### Vedtak\n\n<div><script>x</script></div>\n'),
    },
    meldinger: [
      `${M}/referat.md:14:1: feil: vedtaket i sak 02.25 har ingen tekst som synes i dokumentene (bare HTML som tas ut, kommentarer eller bilder); skriv vedtaket som tekst under «### Vedtak».`,
      `${M}/referat.md:16:6: advarsel: ${TATT_UT('<script>')}`,
    ],
    kode: 1,
  },
  {
    navn: 'tekst: en kommentar som aldri lukkes, skjuler resten av saken',
    filer: { [`${M}/13-a.md`]: sak(BESLUTNING, 'Bakgrunn.\n\n  <!-- utkast:\n\n## Forslag til vedtak\n\nGodkjent.\n') },
    meldinger: [
      `${M}/13-a.md:3:7: feil: en beslutningssak må ha en seksjon «## Forslag til vedtak» med vedtaket, gjerne som nummerert liste.`,
      `${M}/13-a.md:9:3: feil: ${KOMMENTAR}`,
    ],
    kode: 1,
  },
  {
    navn: 'tekst: en kommentar som ikke lukkes i avsnittet, etter en som gjør det, midt på en linje i referatet, vises som tekst',
    filer: {
      [`${M}/13-a.md`]: sak(BESLUTNING),
      [`${M}/referat.md`]: REFERAT('## Sak 01.25\n\n## Sak 02.25\n\nDrøftet <!-- ok --> og `<!--` i kode, men <!-- her\n\n## Eventuelt\n'),
    },
    meldinger: [`${M}/referat.md:12:43: advarsel: ${SOM_TEKST}`],
    kode: 0,
  },
  {
    navn: 'tekst: «<!--» i kode (innrykket, inngjerdet, i en kodebit) er ingen kommentar',
    filer: {
      [`${M}/13-a.md`]: sak(TEMA, 'Kode:\n\n    <!-- innrykket\n    mer\n\n```html\n<!-- inngjerdet\n```\n\nOg `<!--` her.\n'),
    },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'tekst: en kommentar som aldri lukkes, i beskrivelse',
    filer: { [`${M}/13-a.md`]: sak(`${TEMA}\nbeskrivelse: "Først <!-- utkast"`) },
    meldinger: [
      `${M}/13-a.md:5:14: feil: «beskrivelse»: kommentaren «<!--» lukkes aldri, så resten av beskrivelsen ville falle bort; skriv «-->» der kommentaren slutter.`,
    ],
    kode: 1,
  },
  {
    navn: 'tekst: en fotnote skrevet to ganger er en feil ved den andre, som nevner den første',
    filer: { [`${M}/13-a.md`]: sak(TEMA, 'Tekst[^1] og mer[^2].\n\n[^1]: Første.\n[^2]: Andre.\n[^1]: Tredje.\n') },
    meldinger: [
      `${M}/13-a.md:11:1: feil: fotnoten «[^1]» er skrevet to ganger; den første, på linje 9, brukes, og teksten i denne ville falle bort. Gi hver fotnote sitt eget navn, for eksempel «[^3]», eller slå dem sammen.`,
    ],
    kode: 1,
  },
  {
    navn: 'tekst: en fotnote ingen viser til, kommer ikke med',
    filer: { [`${M}/13-a.md`]: sak(TEMA, 'Tekst[^kilde].\n\n[^kilde]: Brukt.\n\n[^Ubrukt]: Ikke brukt.\n') },
    meldinger: [
      `${M}/13-a.md:11:1: advarsel: fotnoten «[^Ubrukt]» brukes ikke i teksten og kommer ikke med i dokumentene; vis til den med «[^Ubrukt]» der den hører hjemme, eller fjern den.`,
    ],
    kode: 0,
  },
  {
    navn: 'tekst: et referansebilde definert nederst i filen (under forslaget) virker i saksfremlegget',
    filer: {
      [`${M}/13-a.md`]: sak(
        BESLUTNING,
        '![Figur: plan][plan] og en fotnote[^1].\n\n## Forslag til vedtak\n\nGodkjent.\n\n[plan]: figurer/plan.png\n[^1]: Kilde.\n',
      ),
      [`${M}/figurer/plan.png`]: PNG,
    },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'tekst: et referansebilde som ikke finnes eller ligger utenfor møtemappen, er en feil der det står',
    filer: {
      [`${M}/13-a.md`]: sak(TEMA, 'Se ![Figur: a][a] og\n![Figur: b][b].\n\n[a]: figurer/borte.png\n[b]: ../utenfor.png\n'),
      'utenfor.png': PNG,
    },
    meldinger: [
      `${M}/13-a.md:7:4: feil: bildet «figurer/borte.png» finnes ikke; legg bildefilen i møtemappen og skriv stien relativt til den.`,
      `${M}/13-a.md:8:1: feil: bildet «../utenfor.png» ligger utenfor møtemappen; legg bildefilen i møtemappen.`,
    ],
    kode: 1,
  },
  {
    navn: 'tekst: et <img> fra en e-post som ikke er en fil i møtemappen, tas ut med en advarsel',
    filer: {
      [`${M}/13-a.md`]: sak(TEMA, 'Hilsen\n\n<img src="cid:image001.png@01DA" alt="Logo"> <img src="figur.png">\n'),
      [`${M}/figur.png`]: PNG,
    },
    meldinger: [
      `${M}/13-a.md:9:1: advarsel: bildet «cid:image001.png@01DA» i HTML-en er ikke en fil i møtemappen og tas ikke med; bare beskrivelsen «Logo» vises. Legg bildefilen i møtemappen og skriv ![beskrivelse](fil.png), om bildet skal med.`,
      `${M}/13-a.md:9:46: advarsel: bildet «figur.png» mangler alternativ tekst; skriv en beskrivelse i alt="…", eller skriv bildet som ![beskrivelse](figur.png).`,
    ],
    kode: 0,
  },
  {
    navn: 'tekst: emoji og tegn skriften mangler, i tittel, tekst og møtested, én advarsel per tegn',
    filer: {
      [`${M}/mote.yaml`]: MOTE.replace('sted: Lillehammer', 'sted: Lillehammer ☕'),
      [`${M}/13-a.md`]: sak(
        'tittel: Godt nytt 🎉\ntype: tema\nminutter: 5',
        'Tommel opp 👍🏽, pil → og 🎉 igjen. <!-- 🙈 ikke skrevet ut -->\n\nÆØÅ, čđŋšŧž og «–» går fint.\n',
      ),
    },
    meldinger: [
      `${M}/13-a.md:2:19: advarsel: tegnet «🎉» (U+1F389) ${SKRIFT} Tegnet står 2 ganger i filen; dette er første gang.`,
      `${M}/13-a.md:7:12: advarsel: tegnet «👍🏽» (U+1F44D U+1F3FD) ${SKRIFT}`,
      `${M}/13-a.md:7:22: advarsel: tegnet «→» (U+2192) ${SKRIFT}`,
      `${M}/mote.yaml:5:19: advarsel: tegnet «☕» (U+2615) ${SKRIFT}`,
    ],
    kode: 0,
  },
  {
    navn: 'tekst: en HTML-overskrift i referatet som nevner en annen sak, er en feil der den står',
    filer: {
      [`${M}/13-a.md`]: sak(BESLUTNING),
      [`${M}/referat.md`]: REFERAT(
        '## Sak 01.25\n\nNotat.\n\n<h3>Sak 02.25 Godkjenning av referat</h3>\n\nPersonalsak.\n\n<div><h2 class="x">Sak 01.25</h2></div>\n\n<h3>Oppfølging</h3>\n\n## Sak 02.25\n\n## Eventuelt\n',
      ),
    },
    meldinger: [
      `${M}/referat.md:12:1: feil: HTML-overskriften «<h3>Sak 02.25 Godkjenning av referat</h3>» nevner en sak, men er ingen seksjon; teksten under den ville havnet under saken over. Skriv den som «## Sak 02.25 Godkjenning av referat», eller flytt teksten dit den hører hjemme.`,
      `${M}/referat.md:16:6: feil: HTML-overskriften «<h2>Sak 01.25</h2>» nevner en sak, men er ingen seksjon; teksten under den ville havnet under saken over. Skriv den som «## Sak 01.25», eller flytt teksten dit den hører hjemme.`,
    ],
    kode: 1,
  },
  {
    navn: 'tekst: bilder i referatet følger samme regel som i sakene',
    filer: {
      [`${M}/13-a.md`]: sak(BESLUTNING),
      [`${M}/referat.md`]: REFERAT(
        '## Sak 01.25\n\n![Mangler](finnes-ikke.png)\n\n![Ut](../../etc/hostname)\n\n![Nett](https://example.com/a.png)\n\n## Sak 02.25\n\n## Eventuelt\n',
      ),
    },
    meldinger: [
      `${M}/referat.md:10:1: feil: bildet «finnes-ikke.png» finnes ikke; legg bildefilen i møtemappen og skriv stien relativt til den.`,
      `${M}/referat.md:12:1: feil: bildet «../../etc/hostname» ligger utenfor møtemappen; legg bildefilen i møtemappen.`,
      `${M}/referat.md:14:1: feil: bildet «https://example.com/a.png» er ikke en fil i møtemappen; bilder fra nett eller andre steder tas ikke med. Last ned bildet og legg det i møtemappen.`,
    ],
    kode: 1,
  },
];
