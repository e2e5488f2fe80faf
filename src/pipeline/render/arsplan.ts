import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Fraser, frase, ukedagPa } from '../../domain/sprak.js';
import type { Dato } from '../../domain/types.js';
import type { Arsplan, ArsplanMote } from '../model/arsplan.js';
import { offentligVersjon } from '../model/offentlig.js';
import { dagOgManed, klokkeslett } from '../model/tid.js';
import type { CalendarEvent } from './kalender.js';
import { moteEvent } from './kalender.js';

/** `12. feb.`, or `11.–12. mars` and `30. mars–1. april` over several days. */
function datotekst(m: ArsplanMote): string {
  if (!m.dato) return m.tidspunkt ?? '';
  if (!m.tilDato) return dagOgManed(m.dato);
  const samme = m.dato.slice(5, 7) === m.tilDato.slice(5, 7);
  return samme ? `${Number(m.dato.slice(8, 10))}.–${dagOgManed(m.tilDato)}` : `${dagOgManed(m.dato)}–${dagOgManed(m.tilDato)}`;
}

function dagtekst(m: ArsplanMote, fraser: Fraser): string {
  if (!m.dato) return '';
  const ukedag = (d: Dato) => ukedagPa(fraser, d);
  const stor = (d: Dato) => ukedag(d).replace(/^./, (c) => c.toUpperCase());
  return m.tilDato ? `${stor(m.dato)}–${ukedag(m.tilDato)}` : stor(m.dato);
}

export function arsplanView(plan: Arsplan, fraser: Fraser) {
  const { organisasjon, ar } = plan;
  const t = (key: string, verdier: Record<string, string | number> = {}) => frase(fraser, key, verdier);
  const logo = organisasjon.logo ? resolve(dirname(organisasjon.file), organisasjon.logo) : undefined;
  const tittel = t('arsplan.tittel', { organisasjon: organisasjon.navn, ar });
  return {
    lang: fraser.lang,
    fraser,
    tittel,
    dokumenttype: t('arsplan.dokumenttype'),
    dokumentklasse: 'arsplan',
    topptekst: `${t('arsplan.dokumenttype')} ${ar}`,
    farge: organisasjon.farge ?? '#00509e',
    organisasjon: { navn: organisasjon.navn, logo: logo ? pathToFileURL(logo).href : undefined },
    ar,
    utvalg: plan.utvalg.map(({ utvalg, moter }) => ({
      navn: utvalg.navn,
      kortnavn: utvalg.kortnavn,
      antallTekst: t(moter.length === 1 ? 'arsplan.antall_ett' : 'arsplan.antall', {
        utvalg: utvalg.navn,
        kortnavn: utvalg.kortnavn,
        antall: moter.length,
        ar,
      }),
      moter: moter.map((m) => ({
        dag: dagtekst(m, fraser),
        dato: datotekst(m),
        tid: m.start !== undefined && m.slutt !== undefined ? `${klokkeslett(m.start)}–${klokkeslett(m.slutt)}` : '',
        sted: m.sted ?? '',
        tema: m.tema,
        opprettet: !!m.mote,
      })),
    })),
  };
}

/** The plan's dated meetings as calendar events; a meeting with a folder is the same event as its mote.ics. */
export function arsplanHendelser(plan: Arsplan, fraser: Fraser): CalendarEvent[] {
  return plan.utvalg.flatMap(({ utvalg, moter }) =>
    moter.flatMap((m): CalendarEvent[] => {
      if (!m.dato) return [];
      if (m.mote) return [moteEvent(offentligVersjon(m.mote))];
      const tema = m.tema.length ? `${frase(fraser, 'arsplan.kalender_saker')}\n${m.tema.map((t) => `- ${t}`).join('\n')}` : undefined;
      return [
        {
          id: `${m.dato}-${utvalg.key}`,
          organisasjon: plan.organisasjon.navn,
          dato: m.dato,
          tilDato: m.tilDato,
          start: m.start,
          slutt: m.slutt,
          tittel: frase(fraser, 'kalender.tittel', { utvalg: utvalg.navn }),
          sted: m.sted,
          beskrivelse: tema,
        },
      ];
    }),
  );
}
