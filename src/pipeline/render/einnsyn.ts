import { type Journal, tilleggsinnkallingFile } from '../../domain/journal.js';
import { frase } from '../../domain/sprak.js';
import type { Medlem, Mote, Referatsak, Sak, SakType, Stemme } from '../../domain/types.js';
import { stableUuid } from '../../util/uuid.js';
import type {
  Dokumentbeskrivelse,
  Moetedokument,
  Moetemappe,
  Moetesak,
  Moetesaksbeskrivelse,
  Vedtak,
  Votering,
} from '../model/einnsyn-format.js';
import { offentligVersjon } from '../model/offentlig.js';
import { langDato, saksnummer } from '../model/tid.js';
import { avstemning } from './views.js';

/**
 * A meeting as eInnsyn's Moetemappe (model/einnsyn-format.ts), made from the meeting's public
 * version only: an exempt sak reaches this module with its public title and nothing else, so no
 * exempt text can be written. Only records go in: the saker and documents that are sent, and the
 * decisions and the protokoll of an approved referat. What is left out is said in `utelatt`.
 *
 * Every object's systemId is a UUID v5 of the committee and what the object is (util/uuid.ts):
 *   Moetemappe     utvalg/møtedato                     (journal.json's system_id)
 *   Moetesak       utvalg/år/løpenummer                (journal.json's system_id of the sak)
 *   in a sak       utvalg/år/løpenummer/<del>          utredning, saksbeskrivelse, innstilling, …
 *   Moetedokument  utvalg/møtedato/<dokument>          innkalling, tilleggsinnkalling-<sending>, protokoll
 *   Moetedeltaker  utvalg/møtedato/moetedeltaker/<medlem>
 */

export interface EinnsynSource {
  mote: Mote;
  /** The meeting's journal.json, when it has been sent. */
  journal?: Journal;
  /** The meeting's number in its committee's year, `2/2025`. */
  moetenummer: string;
  /** The systemIds of the committee's previous and next meeting in the project. */
  forrige?: string;
  neste?: string;
  /** SHA-256 of the files in the meeting's output folder, by path relative to it: `offentlig/innkalling.pdf`. */
  sjekksummer: ReadonlyMap<string, string>;
}

export interface EinnsynEksport {
  /** Undefined when nothing of the meeting is a record yet. */
  moetemappe?: Moetemappe;
  /** What was left out and why (Norwegian, for the user), and the meeting's file it is about. */
  utelatt: Utelatt[];
}

export interface Utelatt {
  fil: 'mote.yaml' | 'referat.md' | 'journal.json';
  melding: string;
}

/** The meeting's systemId: the one the journal stored when it was sent, or the same one derived. */
export function moteSystemId(mote: Mote, journal: Journal | undefined): string {
  return journal?.system_id ?? stableUuid(mote.utvalg.key, mote.dato);
}

/** The committee's meetings in the project around this one, and its number in the committee's year. */
export function naboMoter(mote: Mote, alleMoter: readonly Mote[]): { forrige?: Mote; neste?: Mote; moetenummer: string } {
  const utvalgets = alleMoter.filter((m) => m.utvalg.key === mote.utvalg.key).sort((a, b) => a.dato.localeCompare(b.dato));
  const i = utvalgets.indexOf(mote);
  const ar = mote.dato.slice(0, 4);
  const iAret = utvalgets.filter((m) => m.dato.startsWith(ar));
  return { forrige: utvalgets[i - 1], neste: utvalgets[i + 1], moetenummer: `${iAret.indexOf(mote) + 1}/${ar}` };
}

/** A date and clock time in Norway (Europe/Oslo, summer time included) as UTC, `2025-05-22T07:00:00Z`. */
export function utcTid(dato: string, minutter: number): string {
  const lokal = Date.UTC(Number(dato.slice(0, 4)), Number(dato.slice(5, 7)) - 1, Number(dato.slice(8, 10)), 0, minutter);
  const osloSom = (utc: number) => {
    const deler = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(utc));
    const del = (type: string) => Number(deler.find((d) => d.type === type)!.value);
    return Date.UTC(del('year'), del('month') - 1, del('day'), del('hour'), del('minute'));
  };
  // The offset at the guess, then at the corrected time (they differ only next to a change of summer time).
  let utc = lokal - (osloSom(lokal) - lokal);
  utc = lokal - (osloSom(utc) - utc);
  return `${new Date(utc).toISOString().slice(0, 19)}Z`;
}

const MOETESAKSTYPE: Record<SakType, Moetesak['moetesakstype']> = {
  beslutning: 'politisk',
  tema: 'annet',
  referat: 'referat',
  eventuelt: 'annet',
};

const STEMME: Record<Stemme, Votering['stemme']> = { for: 'Ja', mot: 'Nei', avstar: 'Blankt' };

const markdown = (systemId: string, text: string): Moetesaksbeskrivelse => ({
  systemId,
  tekstInnhold: text,
  tekstFormat: 'text/markdown',
});

function dokumentbeskrivelse(id: (del: string) => string, tittel: string, file: string, checksum: string): Dokumentbeskrivelse {
  return {
    systemId: id('dokumentbeskrivelse'),
    tittel,
    tittelSensitiv: tittel,
    dokumentnummer: 1,
    tilknyttetRegistreringSom: 'hoveddokument',
    dokumentobjekt: [
      { systemId: id('dokumentobjekt'), referanseDokumentfil: file, format: 'PDF', sjekksum: checksum, sjekksumAlgoritme: 'SHA-256' },
    ],
  };
}

class Eksport {
  readonly utelatt: Utelatt[] = [];

  utelat(file: Utelatt['fil'], message: string): void {
    this.utelatt.push({ fil: file, melding: message });
  }
  /** The public version: what eInnsyn may show. */
  readonly mote: Mote;
  readonly godkjent: boolean;

  constructor(readonly source: EinnsynSource) {
    this.mote = offentligVersjon(source.mote);
    this.godkjent = source.mote.referat?.status === 'godkjent';
  }

  moteId(...del: (string | number)[]): string {
    return stableUuid(this.mote.utvalg.key, this.mote.dato, ...del);
  }

  sakId(sak: Sak): string {
    const nr = saksnummer(sak.nummer!);
    const lagret = this.source.journal?.utsendelser.flatMap((u) => u.saker).find((s) => s.saksnummer === nr)?.system_id;
    return lagret ?? stableUuid(this.mote.utvalg.key, sak.nummer!.ar, sak.nummer!.lopenummer);
  }

  /** A file of the public version, with its checksum; a note when the build did not leave it. */
  fil(file: string): { fil: string; sjekksum: string } | undefined {
    const path = `offentlig/${file}`;
    const checksum = this.source.sjekksummer.get(path);
    if (!checksum) this.utelat('mote.yaml', `${path} finnes ikke i utmappen, så dokumentet er ikke med.`);
    return checksum ? { fil: path, sjekksum: checksum } : undefined;
  }

  dokument(
    type: Moetedokument['moetedokumenttype'],
    idDel: string,
    file: string,
    tittel: string,
    beskrivelse: string,
  ): Moetedokument | undefined {
    const funnet = this.fil(file);
    if (!funnet) return undefined;
    const id = (...del: string[]) => this.moteId(idDel, ...del);
    return {
      systemId: id(),
      offentligTittel: tittel,
      offentligTittelSensitiv: tittel,
      beskrivelse,
      moetedokumenttype: type,
      dokumentbeskrivelse: [dokumentbeskrivelse((del) => id(del), tittel, funnet.fil, funnet.sjekksum)],
    };
  }

  fraser(key: string, verdier: Record<string, string | number | undefined> = {}): string {
    return frase(this.mote.fraser, key, verdier);
  }

  /** The innkalling and each tilleggsinnkalling as the journal recorded them sent. */
  utsendelser(): Moetedokument[] {
    const journal = this.source.journal;
    const utvalg = this.mote.utvalg.navn;
    const dato = langDato(this.mote.dato);
    return (journal?.utsendelser ?? []).flatMap((u) => {
      if (u.dokumenter.length === 0) {
        this.utelat('journal.json', `utsendelse nr. ${u.nr} ble ikke fullført; kjør «motedok send» igjen, så kommer den med.`);
        return [];
      }
      const file = u.nr === 1 ? 'innkalling.pdf' : tilleggsinnkallingFile(u.nr);
      const tittel = this.fraser(u.nr === 1 ? 'innkalling.tittel' : 'tilleggsinnkalling.tittel', { utvalg, dato });
      const dokument = this.dokument(u.type, u.nr === 1 ? 'innkalling' : `tilleggsinnkalling-${u.nr}`, file, tittel, `Sendt ${u.dato}.`);
      const sendt = u.dokumenter.find((d) => d.fil === file)?.sha256;
      const checksum = this.source.sjekksummer.get(`offentlig/${file}`);
      // Without exempt saker the public file is the members' file: it should be the one that was sent.
      if (dokument && sendt && !this.harUnntak() && checksum !== sendt)
        this.utelat(
          'journal.json',
          `${file} er bygget på nytt etter at den ble sendt ${u.dato}; eksporten har sjekksummen for filen slik den er nå, den som ble sendt ligger i sendt/${u.nr}/.`,
        );
      return dokument ? [dokument] : [];
    });
  }

  harUnntak(): boolean {
    return this.source.mote.saker.some((s) => s.unntattOffentlighet);
  }

  protokoll(): Moetedokument[] {
    const referat = this.source.mote.referat;
    if (!referat) {
      this.utelat('mote.yaml', 'møtet har ikke referat ennå, så protokoll og vedtak er ikke med.');
      return [];
    }
    if (!this.godkjent) {
      this.utelat(
        'referat.md',
        'referatet er ikke godkjent (status: utkast), så protokollen og vedtakene er ikke med; de kommer med når referatet er godkjent.',
      );
      return [];
    }
    const tittel = this.fraser('referat.tittel', { utvalg: this.mote.utvalg.navn, dato: langDato(this.mote.dato) });
    const godkjent = referat.godkjent ? `Godkjent ${referat.godkjent.dato}.` : 'Godkjent.';
    const rettelser = referat.rettelser.length ? ` ${referat.rettelser.length} rettelse(r) etter godkjenning.` : '';
    const dokument = this.dokument('protokoll', 'protokoll', 'referat.pdf', tittel, godkjent + rettelser);
    return dokument ? [dokument] : [];
  }

  /** Saker are records once sent, or once the approved referat has dealt with them. */
  saker(): Sak[] {
    const sendt = this.mote.utsendelser.length > 0;
    const nummererte = this.mote.saker.filter((s) => s.nummer);
    const endelige = nummererte.filter((s) => this.godkjent || (sendt && s.utsendelse !== undefined));
    const ikke = nummererte.filter((s) => !endelige.includes(s)).map((s) => saksnummer(s.nummer!));
    if (ikke.length && sendt)
      this.utelat(
        'mote.yaml',
        `sak ${ikke.join(', ')} er ikke sendt ennå; kjør «motedok send» for en tilleggsinnkalling, så kommer de med.`,
      );
    return endelige;
  }

  moetesak(sak: Sak): Moetesak {
    const id = this.sakId(sak);
    const del = (name: string, ...mer: string[]) => stableUuid(this.mote.utvalg.key, sak.nummer!.ar, sak.nummer!.lopenummer, name, ...mer);
    const tittel = sak.tittel;
    const grunnlag: Moetesak = {
      systemId: id,
      offentligTittel: tittel,
      offentligTittelSensitiv: tittel,
      moetesakstype: sak.fast ? 'godkjenning' : MOETESAKSTYPE[sak.type],
      moetesaksaar: sak.nummer!.ar,
      moetesakssekvensnummer: sak.nummer!.lopenummer,
      utvalg: this.mote.utvalg.navn,
    };
    if (sak.unntattOffentlighet)
      return {
        ...grunnlag,
        skjerming: { systemId: del('skjerming'), tilgangsrestriksjon: 'UO', skjermingshjemmel: sak.unntattOffentlighet },
      };
    if (sak.trukket) return { ...grunnlag, beskrivelse: `${this.fraser('felles.trukket')}: ${sak.trukket}`.slice(0, 1000) };
    const forslag = sak.forslagTilVedtak?.markdown.trim();
    const innstilling = forslag ? markdown(del('innstilling'), forslag) : undefined;
    const saksfremlegg = this.saksfremlegg(sak, del);
    const vedtak = this.vedtak(sak, del);
    return {
      ...grunnlag,
      ...(sak.beskrivelse ? { beskrivelse: sak.beskrivelse.slice(0, 1000) } : {}),
      ...(saksfremlegg && forslag
        ? {
            utredning: {
              systemId: del('utredning'),
              saksbeskrivelse: markdown(del('saksbeskrivelse'), saksfremlegg.tekst),
              innstilling: markdown(del('utredning', 'innstilling'), forslag),
              ...(saksfremlegg.dokument ? { utredningsdokument: [saksfremlegg.dokument] } : {}),
            },
          }
        : {}),
      ...(saksfremlegg?.dokument && !forslag ? { dokumentbeskrivelse: [saksfremlegg.dokument] } : {}),
      ...(innstilling ? { innstilling } : {}),
      ...(vedtak ? { vedtak } : {}),
    };
  }

  saksfremlegg(sak: Sak, del: (name: string, ...mer: string[]) => string): { tekst: string; dokument?: Dokumentbeskrivelse } | undefined {
    if (!sak.harSaksfremlegg || sak.saksfremlegg.trim() === '') return undefined;
    const nummer = saksnummer(sak.nummer!);
    const funnet = this.fil(`vedlegg/sak-${nummer.replace('.', '-')}.pdf`);
    const tittel = this.fraser('vedlegg.tittel', { nummer, tittel: sak.tittel });
    return {
      tekst: sak.saksfremlegg.trim(),
      ...(funnet ? { dokument: dokumentbeskrivelse((d) => del('saksfremlegg', d), tittel, funnet.fil, funnet.sjekksum) } : {}),
    };
  }

  vedtak(sak: Sak, del: (name: string, ...mer: string[]) => string): Vedtak | undefined {
    if (!this.godkjent) return undefined;
    const r = this.mote.referat?.saker.find((x) => x.nummer.ar === sak.nummer!.ar && x.nummer.lopenummer === sak.nummer!.lopenummer);
    if (!r?.vedtatt) return undefined;
    const votering = this.votering(r, del);
    return {
      systemId: del('vedtak'),
      vedtakstekst: markdown(del('vedtakstekst'), r.vedtatt.trim()),
      ...(votering.length ? { votering } : {}),
      behandlingsprotokoll: markdown(del('behandlingsprotokoll'), this.behandling(r)),
      dato: this.mote.dato,
    };
  }

  behandling(r: Referatsak): string {
    const linjer = [
      r.somForeslatt && `${this.fraser('referat.vedtak')} ${this.fraser('referat.som_foreslatt')}.`,
      avstemning(r, this.mote),
      r.votering?.tekst,
      r.protokolltilforsel && `${this.fraser('referat.protokolltilforsel')}: ${r.protokolltilforsel.trim()}`,
    ];
    return linjer.filter((l): l is string => !!l && l.trim() !== '').join('\n\n');
  }

  votering(r: Referatsak, del: (name: string, ...mer: string[]) => string): Votering[] {
    const name = r.votering?.navn ?? {};
    return (['for', 'mot', 'avstar'] as const).flatMap((stemme) =>
      (name[stemme] ?? []).map((medlem: Medlem) => ({
        systemId: del('votering', medlem.id),
        moetedeltaker: {
          systemId: this.moteId('moetedeltaker', medlem.id),
          moetedeltakerNavn: medlem.navn,
          ...(medlem.rolle ? { moetedeltakerFunksjon: medlem.rolle } : {}),
        },
        stemme: STEMME[stemme],
      })),
    );
  }
}

/** The meeting as eInnsyn's Moetemappe, or nothing when none of it is a record yet. */
export function renderEinnsyn(source: EinnsynSource): EinnsynEksport {
  const e = new Eksport(source);
  const { mote } = e;
  const sendt = mote.utsendelser.length > 0;
  if (!sendt && !e.godkjent) {
    const hvorfor = mote.referat ? 'og referatet er ikke godkjent' : 'og har ikke godkjent referat';
    return {
      utelatt: [
        {
          fil: 'mote.yaml',
          melding: `møtet er ikke sendt («motedok send») ${hvorfor}, så ingenting i det er endelig; einnsyn.json er ikke skrevet. Saksnumrene kan ennå endre seg.`,
        },
      ],
    };
  }
  if (!sendt)
    e.utelat(
      'mote.yaml',
      'innkallingen er ikke registrert sendt («motedok send»), så den er ikke med; sakene er med fra det godkjente referatet.',
    );
  const moetedokument = [...e.utsendelser(), ...e.protokoll()];
  const moetesak = e.saker().map((s) => e.moetesak(s));
  const tittel = e.fraser('kalender.tittel', { utvalg: mote.utvalg.navn }) + ` ${langDato(mote.dato)}`;
  return {
    moetemappe: {
      systemId: moteSystemId(mote, source.journal),
      offentligTittel: tittel,
      offentligTittelSensitiv: tittel,
      moetenummer: source.moetenummer,
      utvalg: mote.utvalg.navn,
      moetedato: utcTid(mote.dato, mote.start),
      moetested: mote.sted,
      ...(source.forrige ? { referanseForrigeMoete: source.forrige } : {}),
      ...(source.neste ? { referanseNesteMoete: source.neste } : {}),
      moetedokument,
      moetesak,
    },
    utelatt: e.utelatt,
  };
}
