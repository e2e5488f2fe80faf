import { readFileSync } from 'node:fs';
import { NEW_HELP } from '../scaffold/new-help.js';

const HJELP = `motedok – saksdokumenter for utvalgsmøter fra Markdown

Bruk:
  motedok build [møtemapper …]   lag innkalling, saksliste og vedlegg som PDF
        --out MAPPE              hvor PDF-ene skrives (standard: output)
        --html                   skriv også HTML-en hver PDF ble laget fra
        --force                  skriv ut alt på nytt, uten hurtigbufferen
  motedok check [møtemapper …]   kontroller møtene og vis planlagt saksliste
  motedok send <møtemappe> [--dato ÅÅÅÅ-MM-DD]
                                 registrer at innkallingen er sendt (eller en tilleggsinnkalling
                                 for saker lagt til etterpå); sakene beholder da numrene sine;
                                 lager e-posten med møteinvitasjonen (output/<møte>/innkalling.eml)
  motedok eksport [møtemapper …] skriv møtenes arkivdokumenter for arkivet og eInnsyn (einnsyn.json)
        --out MAPPE              hvor einnsyn.json skrives, MAPPE/<møtemappe>/ (standard: output)
  motedok publish [møtemapper …] lag dokumentene og et nettsted med de offentlige versjonene
        --out MAPPE              nettstedet skrives til MAPPE/nettsted (standard: output)
  motedok new mote <utvalg> <dato> [--sted … --start … --slutt …]
                                 lag en ny møtemappe med mote.yaml
  motedok new sak <møtemappe> "<tittel>" [--type beslutning --minutter 30]
                                 lag neste saksfil og vis saksnummeret den får
  motedok new referat <møtemappe> lag referat.md med sakene og medlemmene
  motedok new ci github|gitlab   lag oppsett for kontroll og publisering fra CI
  motedok arsplan <år> [--out MAPPE]
                                 lag årsplanen for året som PDF og kalenderfil (.ics)
  motedok watch <møtemappe> [--port 8080]
                                 vis møtets dokumenter i nettleseren, oppdatert når du lagrer
  motedok --help                 vis denne hjelpen
  motedok --version              vis versjonen

Uten møtemapper brukes alle møter under ./cases.
Fra en kopi av prosjektet: npm run motedok -- check cases/2025-05-22-ssu

Avslutningskoder: 0 ingen feil (advarsler er lov), 1 feil i innholdet, 2 feil bruk av kommandoen.`;

const CHECK_HJELP = `motedok check [møtemapper …] [--out MAPPE]

Kontrollerer møtemappene uten å lage dokumenter, og skriver den planlagte sakslisten for hvert
møte: saksnummer, klokkeslett og tittel. Feil og advarsler skrives som fil:linje:kolonne.
Uten møtemapper brukes alle møter under ./cases. Filer som er uendret siden forrige build eller
check, leses fra hurtigbufferen i <out>/.hurtigbuffer (standard: output), om den finnes.`;

const BUILD_HJELP = `motedok build [møtemapper …] [--out MAPPE] [--html]

Kontrollerer møtene og lager dokumentene deres som PDF, for hvert møte i <out>/<møtemappe>/:
  innkalling.pdf          innkalling med saksliste, vedleggsliste og forslag til vedtak
  saksliste.pdf           sakslisten alene
  vedlegg/sak-NN-ÅÅ.pdf   saksfremlegget for hver sak, med sakens PDF-vedlegg bakerst
Har et møte feil, lages ingenting for det; tidligere PDF-er blir stående som de var.
Uten møtemapper brukes alle møter under ./cases.`;

export const ARSPLAN_HELP = `motedok arsplan <år> [--out MAPPE]

Lager årsplanen: alle utvalgenes møter i året med dag, dato, tid, sted og planlagte saker, fra
møtemappene i cases/ og fra cases/arsplan-<år>.yaml for møter som ikke er opprettet ennå.
Skriver <out>/arsplan-<år>.pdf og <out>/arsplan-<år>.ics (standard: output).`;

const SEND_HJELP = `motedok send <møtemappe> [--dato ÅÅÅÅ-MM-DD] [--out MAPPE]

Registrerer at innkallingen er sendt til medlemmene. Stopper hvis «motedok check» finner feil.
Skriver journal.json i møtemappen (dato, hver sak med nummer, fil, tittel, type og unntak, og
sjekksummer for dokumentene) og legger en kopi av PDF-ene som ble sendt i møtemappens sendt/1/.
Etter det beholder hver sak nummeret sitt, hva som enn skjer med filen. En sak som legges til
senere, får neste ledige nummer i utvalgets år; kjør «motedok send» igjen, så lages og
registreres en tilleggsinnkalling med bare de nye sakene (sendt/2/, …).
Hver utsendelse lager et e-postutkast til medlemmene i utmappen (innkalling.eml,
tilleggsinnkalling.eml) med dokumentene og en møteinvitasjon; åpne det i Outlook eller
Thunderbird og send det. Er tid eller sted endret, eller står «avlyst: <grunn>» i mote.yaml,
lager «motedok send» en ny invitasjon (endring.eml) eller en avlysning (avlysning.eml).
--dato gir datoen innkallingen ble sendt (standard: i dag).`;

const EKSPORT_HJELP = `motedok eksport [møtemapper …] [--out MAPPE]

Lager dokumentene som «motedok build», og skriver så for hvert møte <out>/<møtemappe>/einnsyn.json:
møtet i eInnsyns møtemodell (Moetemappe med Moetesak og Moetedokument) for arkivet (Noark 5) og
eInnsyn. Bare det som er endelig kommer med: sakene og innkallingene som er sendt («motedok send»),
og vedtakene og protokollen når referatet er godkjent. Det som mangler, står i advarslene. En
sak unntatt offentlighet har bare den offentlige tittelen og hjemmelen (skjerming).
Uten møtemapper brukes alle møter under ./cases.`;

const COMMAND_HELP = new Map([
  ['eksport', EKSPORT_HJELP],
  ['send', SEND_HJELP],
  ['check', CHECK_HJELP],
  ['build', BUILD_HJELP],
  ['new', NEW_HELP],
  ['ny', NEW_HELP],
  ['arsplan', ARSPLAN_HELP],
]);

/** The help for a command, or the general help for anything else. */
export function helpFor(command: string | undefined): string {
  return (command !== undefined && COMMAND_HELP.get(command)) || HJELP;
}

export function version(): string {
  // Read beside the bundle (dist/cli.js → package.json), which this module is part of.
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
