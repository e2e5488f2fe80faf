import { sak } from '../../helpers/prosjekt.js';
import type { Tilfelle } from './tilfeller.js';

/**
 * Exemption from public access (issues 12 and 15): the legal basis must be a paragraph of
 * offentleglova §§ 13–26, a public title belongs to an exempt sak, and a sak exempt under § 13
 * (taushetsplikt) without a public title is warned about, since its title is published.
 */
const M = '2025-05-22-ssu';
const TILLATT =
  'Tillatt: en paragraf i offentleglova §§ 13–26, for eksempel «offl. § 13 jf. fvl. § 13 første ledd nr. 1», «offl. § 23 første ledd», «offentleglova § 14» eller «offl. § 15 andre ledd».';
const PARAGRAF_13 =
  'advarsel: saken er unntatt etter offl. § 13 (taushetsplikt), men har ingen «offentlig_tittel», så tittelen står i de offentlige dokumentene, på nettstedet og i kalenderfilen. Er noe i tittelen taushetsbelagt, skriv en tittel uten det: offentlig_tittel: Personalsak.';
const unntatt = (hjemmel: string, ekstra = '') => sak(`tittel: A\ntype: tema\nminutter: 5\nunntatt_offentlighet: ${hjemmel}${ekstra}`);

export const TILFELLER_OFFENTLIG: Tilfelle[] = [
  {
    navn: 'offentlighet: «unntatt_offentlighet: ja» er ikke en hjemmel',
    filer: { [`${M}/13-a.md`]: unntatt('ja') },
    meldinger: [
      `${M}/13-a.md:5:23: feil: «unntatt_offentlighet»: «ja» er ikke en hjemmel; feltet skal si hvorfor saken er unntatt, med paragrafen i offentleglova (og fjernes når saken ikke er unntatt). ${TILLATT}`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: en paragraf i offentleglova som ikke gir unntak (§ 5)',
    filer: { [`${M}/13-a.md`]: unntatt('offl. § 5') },
    meldinger: [
      `${M}/13-a.md:5:23: feil: «unntatt_offentlighet»: § 5 i offentleglova gir ikke unntak fra innsyn; unntakene står i §§ 13–26. ${TILLATT}`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: forvaltningsloven alene, uten offentleglova',
    filer: { [`${M}/13-a.md`]: unntatt('fvl. § 13') },
    meldinger: [
      `${M}/13-a.md:5:23: feil: «unntatt_offentlighet»: «fvl. § 13» viser ikke til offentleglova, som er loven som gir unntak fra innsyn; en taushetsplikt etter en annen lov skrives med «jf.», for eksempel «offl. § 13 jf. fvl. § 13». ${TILLATT}`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: en paragraf uten lov',
    filer: { [`${M}/13-a.md`]: unntatt('"§ 23"') },
    meldinger: [
      `${M}/13-a.md:5:23: feil: «unntatt_offentlighet»: «§ 23» sier ikke hvilken lov paragrafen er i; skriv «offl.» foran, for eksempel «offl. § 23». ${TILLATT}`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: tekst etter hjemmelen som ikke er ledd, nr. eller jf.',
    filer: { [`${M}/13-a.md`]: unntatt('offl. § 23 første ledd (anbud)') },
    meldinger: [
      `${M}/13-a.md:5:23: feil: «unntatt_offentlighet»: forstår ikke «(anbud)» etter «offl. § 23 første ledd»; etter paragrafen kan det stå ledd, nr., bokstav og punktum («første ledd nr. 1») og «jf.» med en annen lov («jf. fvl. § 13»). ${TILLATT}`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: «jf.» uten lov og paragraf',
    filer: { [`${M}/13-a.md`]: unntatt('offl. § 13 jf. taushetsplikt') },
    meldinger: [
      `${M}/13-a.md:5:23: feil: «unntatt_offentlighet»: etter «jf.» må det stå en lov og en paragraf, for eksempel «jf. fvl. § 13 første ledd nr. 1». ${TILLATT}`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: hjemmelen som liste',
    filer: { [`${M}/13-a.md`]: unntatt('[offl. § 13]') },
    meldinger: [
      `${M}/13-a.md:5:23: feil: «unntatt_offentlighet» er en liste, som ikke er gyldig. Tillatt: hjemmelen som tekst, en paragraf i offentleglova §§ 13–26, for eksempel "offl. § 13 jf. fvl. § 13". Tekst som begynner med { eller [ må stå i anførselstegn.`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: de vanlige formene godtas, og § 13 med offentlig tittel gir ingen advarsel',
    filer: {
      [`${M}/13-a.md`]: unntatt('offl. § 13 jf. fvl. § 13 første ledd nr. 1', '\noffentlig_tittel: Personalsak'),
      [`${M}/14-b.md`]: unntatt('offl. § 23 første ledd'),
      [`${M}/15-c.md`]: unntatt('offentleglova § 14'),
      [`${M}/16-d.md`]: unntatt('Offl. § 15 andre ledd'),
    },
    meldinger: [],
    kode: 0,
    utskrift: ['  Sak 02.25  09.02–09.07  A (5 min)  [unntatt offentlighet]'],
  },
  {
    navn: 'offentlighet: § 13 uten offentlig tittel gir en advarsel der hjemmelen står',
    filer: { [`${M}/13-a.md`]: unntatt('offl. § 13 jf. fvl. § 13') },
    meldinger: [`${M}/13-a.md:5:23: ${PARAGRAF_13}`],
    kode: 0,
  },
  {
    navn: 'offentlighet: offentlig tittel på en sak som ikke er unntatt',
    filer: { [`${M}/13-a.md`]: sak('tittel: Ansettelse av Kari\ntype: tema\nminutter: 5\noffentlig_tittel: Ansettelse') },
    meldinger: [
      `${M}/13-a.md:5:19: feil: «offentlig_tittel» brukes bare for en sak som er unntatt offentlighet; skriv hjemmelen i «unntatt_offentlighet», eller fjern feltet.`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: tom offentlig tittel',
    filer: { [`${M}/13-a.md`]: unntatt('offl. § 13 jf. fvl. § 13', '\noffentlig_tittel: ""') },
    meldinger: [
      `${M}/13-a.md:6:19: feil: «offentlig_tittel» er tom. Tillatt: en tekst: tittelen de offentlige versjonene viser for en sak som er unntatt offentlighet.`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: feilstavet offentlig_tittel',
    filer: { [`${M}/13-a.md`]: unntatt('offl. § 23', '\noffentlig_titel: Anbud') },
    meldinger: [
      `${M}/13-a.md:6:1: feil: ukjent felt «offentlig_titel». Mente du «offentlig_tittel»? Tillatte felt: tittel, type, minutter, beskrivelse, saksnummer, saksbehandler, vedlegg, unntatt_offentlighet, offentlig_tittel, trukket.`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: en eventuelt-sak med ugyldig hjemmel kontrolleres som de andre',
    filer: { [`${M}/99-e.md`]: sak('tittel: E\ntype: eventuelt\nminutter: 5\nunntatt_offentlighet: ja', 'Tekst.\n') },
    meldinger: [
      `${M}/99-e.md:5:23: feil: «unntatt_offentlighet»: «ja» er ikke en hjemmel; feltet skal si hvorfor saken er unntatt, med paragrafen i offentleglova (og fjernes når saken ikke er unntatt). ${TILLATT}`,
    ],
    kode: 1,
  },
  {
    navn: 'offentlighet: en unntatt eventuelt-sak med offentlig tittel vises som unntatt i sakslisten',
    filer: {
      [`${M}/99-e.md`]: sak(
        'tittel: Klage fra Ola\ntype: eventuelt\nminutter: 5\nunntatt_offentlighet: offl. § 13 jf. fvl. § 13\noffentlig_tittel: Klagesak',
        'Tekst.\n',
      ),
    },
    meldinger: [],
    kode: 0,
    utskrift: ['    –        09.02–09.07  Klage fra Ola (5 min)  [unntatt offentlighet]'],
  },
];
