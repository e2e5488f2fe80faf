import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { kontrollerArsplaner } from '../build/check-arsplan.js';
import { loadMeetings } from '../build/load.js';
import { type Diagnostic, formatDiagnostic, sortDiagnostics } from '../domain/diagnostics.js';
import { UsageError } from '../domain/errors.js';
import { sakslisteSomTekst } from '../pipeline/render/saksliste-tekst.js';
import { NY_HJELP } from '../scaffold/new.js';

const HJELP = `motedok – saksdokumenter for utvalgsmøter fra Markdown

Bruk:
  motedok build [møtemapper …]   lag innkalling, saksliste og vedlegg som PDF
        --out MAPPE              hvor PDF-ene skrives (standard: output)
        --html                   skriv også HTML-en hver PDF ble laget fra
        --force                  skriv ut alt på nytt, uten hurtigbufferen
  motedok check [møtemapper …]   kontroller møtene og vis planlagt saksliste
  motedok publish [møtemapper …] lag dokumentene og et nettsted med de offentlige versjonene
        --out MAPPE              nettstedet skrives til MAPPE/nettsted (standard: output)
  motedok new mote <utvalg> <dato> [--sted … --start … --slutt …]
                                 lag en ny møtemappe med mote.yaml
  motedok new sak <møtemappe> "<tittel>" [--type beslutning --minutter 30]
                                 lag neste saksfil og vis saksnummeret den får
  motedok new referat <møtemappe> lag referat.md med sakene og medlemmene
  motedok arsplan <år> [--out MAPPE]
                                 lag årsplanen for året som PDF og kalenderfil (.ics)
  motedok watch <møtemappe> [--port 8080]
                                 vis møtets dokumenter i nettleseren, oppdatert når du lagrer
  motedok --help                 vis denne hjelpen
  motedok --version              vis versjonen

Uten møtemapper brukes alle møter under ./cases.
Fra en kopi av prosjektet: npm run motedok -- check cases/2025-05-22-ssu

Avslutningskoder: 0 ingen feil (advarsler er lov), 1 feil i innholdet, 2 feil bruk av kommandoen.`;

const CHECK_HJELP = `motedok check [møtemapper …]

Kontrollerer møtemappene uten å lage dokumenter, og skriver den planlagte sakslisten for hvert
møte: saksnummer, klokkeslett og tittel. Feil og advarsler skrives som fil:linje:kolonne.
Uten møtemapper brukes alle møter under ./cases.`;

const BUILD_HJELP = `motedok build [møtemapper …] [--out MAPPE] [--html]

Kontrollerer møtene og lager dokumentene deres som PDF, for hvert møte i <out>/<møtemappe>/:
  innkalling.pdf          innkalling med saksliste, vedleggsliste og forslag til vedtak
  saksliste.pdf           sakslisten alene
  vedlegg/sak-NN-ÅÅ.pdf   saksfremlegget for hver sak, med sakens PDF-vedlegg bakerst
Har et møte feil, lages ingenting for det; tidligere PDF-er blir stående som de var.
Uten møtemapper brukes alle møter under ./cases.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2).replace('.', ',');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

async function check(paths: string[]): Promise<number> {
  const started = performance.now();
  const lastet = await loadMeetings(paths);
  // Checking the whole project (no folders, or the folder with organisasjon.yaml) checks the annual plan files too.
  const helt = paths.length === 0 || paths.some((p) => existsSync(join(resolve(p), 'organisasjon.yaml')));
  const result = !helt
    ? lastet
    : { ...lastet, diagnostics: sortDiagnostics([...lastet.diagnostics, ...kontrollerArsplaner(lastet.organisasjon, lastet.alleMoter)]) };
  for (const mote of result.moter) {
    console.log(`${relative(process.cwd(), mote.dir) || '.'}`);
    console.log(sakslisteSomTekst(mote));
    console.log('');
  }
  for (const d of result.diagnostics) console.error(formatDiagnostic(d));
  const errors = result.diagnostics.filter((d) => d.severity === 'feil').length;
  const warnings = result.diagnostics.length - errors;
  const saker = result.moter.reduce((n, m) => n + m.saker.length, 0);
  const summary = `${errors === 0 ? 'ingen feil' : plural(errors, 'feil', 'feil')}, ${plural(warnings, 'advarsel', 'advarsler')}`;
  console.log(
    `motedok check: ${plural(result.folders.length, 'møte', 'møter')} og ${plural(saker, 'sak', 'saker')} kontrollert på ${seconds(performance.now() - started)} s – ${summary}.`,
  );
  return errors > 0 ? 1 : 0;
}

/**
 * Progress while building: on a terminal one line that is rewritten (documents written, current
 * meeting); elsewhere (CI, a log file) one plain line per document written.
 */
function fremdrift(): (d: { mote: string; fil: string; sider: number }) => void {
  let antall = 0;
  return (d) => {
    antall++;
    if (process.stdout.isTTY) {
      process.stdout.write(
        `\r\x1b[K  ${plural(antall, 'dokument', 'dokumenter')} skrevet · ${d.mote} · ${relative(process.cwd(), d.fil)}`.slice(
          0,
          (process.stdout.columns || 100) - 1,
        ),
      );
    } else {
      console.log(`  skrev ${relative(process.cwd(), d.fil)} (${plural(d.sider, 'side', 'sider')})`);
    }
  };
}

async function build(paths: string[], out: string | undefined, html: boolean, force: boolean, publish = false): Promise<number> {
  const started = performance.now();
  const { uendretSidenSist } = await import('../build/unchanged.js');
  const uendret = publish ? undefined : uendretSidenSist(paths, { out, html, force });
  if (uendret) {
    for (const d of uendret.diagnostics) console.error(formatDiagnostic(d));
    const sider = uendret.dokumenter.reduce((n, d) => n + d.sider, 0);
    console.log(
      `motedok build: ingenting er endret siden forrige bygging; ${plural(uendret.moter, 'møte', 'møter')}, ${plural(uendret.dokumenter.length, 'dokument', 'dokumenter')}, ${plural(sider, 'side', 'sider')} er som før (${seconds(performance.now() - started)} s).`,
    );
    return 0;
  }
  const { buildMeetings } = await import('../build/build.js');
  const { publishMeetings } = await import('../build/publish.js');
  const { NettleserFeil } = await import('../pipeline/print/browser.js');
  const { UtdataFeil } = await import('../pipeline/write/atomic.js');
  let result;
  try {
    result = await (publish ? publishMeetings : buildMeetings)(paths, {
      out,
      html,
      force,
      underveis: fremdrift(),
    });
  } catch (error) {
    if (error instanceof NettleserFeil || error instanceof UtdataFeil) {
      console.error(`motedok: ${error.message}`);
      return 1;
    }
    throw error;
  }
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  for (const d of result.diagnostics) console.error(formatDiagnostic(d));
  const errors = result.diagnostics.filter((d) => d.severity === 'feil').length;
  const sider = result.dokumenter.reduce((n, d) => n + d.sider, 0);
  if (errors > 0) {
    console.error(`motedok build: ${plural(errors, 'feil', 'feil')}; ingen dokumenter ble skrevet for møtene med feil.`);
    return 1;
  }
  const tid = (performance.now() - started) / 1000;
  const nettsted = (result as { nettsted?: string }).nettsted;
  if (nettsted) console.log(`  skrev nettstedet ${relative(process.cwd(), nettsted)}/index.html`);
  const gjenbrukt = result.dokumenter.filter((d) => d.fraBuffer).length;
  const buffer = gjenbrukt > 0 ? ` (${gjenbrukt} hentet fra hurtigbufferen)` : '';
  console.log(
    `motedok ${publish ? 'publish' : 'build'}: ${plural(result.moter.length, 'møte', 'møter')}, ${plural(result.dokumenter.length, 'dokument', 'dokumenter')}${buffer}, ${plural(sider, 'side', 'sider')} på ${seconds(tid * 1000)} s.`,
  );
  return 0;
}

/** `motedok new mote|sak|referat …`: writes the file, says what it made, and shows problems found reading it back. */
async function ny(
  args: string[],
  valg: { sted?: string; start?: string; slutt?: string; type?: string; minutter?: string },
): Promise<number> {
  const { FinnesFeil, nyttMote, nySak, nyttReferat } = await import('../scaffold/new.js');
  const [hva, ...rest] = args;
  const bruk = (melding: string) => {
    console.error(`motedok: ${melding}\n\n${NY_HJELP}`);
    return 2;
  };
  const tillatt: Record<string, string[]> = { mote: ['sted', 'start', 'slutt'], sak: ['type', 'minutter'], referat: [] };
  if (hva === undefined || !(hva in tillatt))
    return bruk(
      hva === undefined ? 'si hva som skal lages: mote, sak eller referat.' : `ukjent «${hva}»; motedok new lager mote, sak eller referat.`,
    );
  const feilValg = Object.entries(valg).find(([k, v]) => v !== undefined && !tillatt[hva]!.includes(k));
  if (feilValg) return bruk(`valget «--${feilValg[0]}» gjelder ikke for «motedok new ${hva}».`);
  const antall = { mote: 2, sak: 2, referat: 1 }[hva as 'mote' | 'sak' | 'referat'];
  if (rest.length !== antall) {
    return bruk(
      hva === 'mote'
        ? 'oppgi utvalg og dato, for eksempel: motedok new mote ssu 2026-02-12'
        : hva === 'sak'
          ? 'oppgi møtemappen og tittelen i anførselstegn, for eksempel: motedok new sak cases/2026-02-12-ssu "Årsplan 2027"'
          : 'oppgi møtemappen, for eksempel: motedok new referat cases/2026-02-12-ssu',
    );
  }
  let resultat;
  try {
    resultat =
      hva === 'mote'
        ? await nyttMote(rest[0]!, rest[1]!, valg)
        : hva === 'sak'
          ? await nySak(rest[0]!, rest[1]!, valg)
          : await nyttReferat(rest[0]!);
  } catch (error) {
    if (error instanceof FinnesFeil) {
      console.error(`motedok: ${error.message}`);
      return 1;
    }
    throw error;
  }
  for (const linje of resultat.linjer) console.log(linje);
  const vis = resultat.diagnostics.filter((d) => d.severity === 'feil' || d.file === resultat.fil);
  for (const d of vis) console.error(formatDiagnostic(d));
  return vis.some((d) => d.severity === 'feil') ? 1 : 0;
}

const ARSPLAN_HJELP = `motedok arsplan <år> [--out MAPPE]

Lager årsplanen: alle utvalgenes møter i året med dag, dato, tid, sted og planlagte saker, fra
møtemappene i cases/ og fra cases/arsplan-<år>.yaml for møter som ikke er opprettet ennå.
Skriver <out>/arsplan-<år>.pdf og <out>/arsplan-<år>.ics (standard: output).`;

async function arsplan(args: string[], out: string | undefined): Promise<number> {
  if (args.length !== 1 || !/^\d{4}$/.test(args[0]!)) {
    console.error(`motedok: oppgi året som fire sifre, for eksempel: motedok arsplan 2026\n\n${ARSPLAN_HJELP}`);
    return 2;
  }
  const started = performance.now();
  const { byggArsplan } = await import('../build/arsplan.js');
  const { NettleserFeil } = await import('../pipeline/print/browser.js');
  let resultat;
  try {
    resultat = await byggArsplan(Number(args[0]), { out });
  } catch (error) {
    if (error instanceof NettleserFeil) {
      console.error(`motedok: ${error.message}`);
      return 1;
    }
    throw error;
  }
  for (const d of resultat.diagnostics) console.error(formatDiagnostic(d));
  const errors = resultat.diagnostics.filter((d) => d.severity === 'feil').length;
  if (errors > 0) {
    console.error(`motedok arsplan: ${plural(errors, 'feil', 'feil')}; årsplanen ble ikke laget.`);
    return 1;
  }
  for (const fil of resultat.filer) console.log(`  skrev ${relative(process.cwd(), fil)}`);
  console.log(`motedok arsplan: ${plural(resultat.moter, 'møte', 'møter')} i ${args[0]} på ${seconds(performance.now() - started)} s.`);
  return 0;
}

async function forhandsvis(args: string[], port: string | undefined): Promise<number> {
  if (args.length !== 1) {
    console.error('motedok: oppgi én møtemappe, for eksempel: motedok watch cases/2025-05-22-ssu');
    return 2;
  }
  if (port !== undefined && !/^\d{1,5}$/.test(port)) {
    console.error(`motedok: --port må være et tall, for eksempel 8080, men er «${port}».`);
    return 2;
  }
  const { startForhandsvisning } = await import('../preview/watch.js');
  const vis = (diagnostics: readonly Diagnostic[]) => {
    for (const d of diagnostics) console.error(formatDiagnostic(d));
    const feil = diagnostics.filter((d) => d.severity === 'feil').length;
    console.log(`${new Date().toLocaleTimeString('nb-NO')} ${feil ? `${plural(feil, 'feil', 'feil')}; siden viser dem` : 'oppdatert'}`);
  };
  // The PDFs are rebuilt in the background after each change without errors, one build at a time.
  const { buildMeetings } = await import('../build/build.js');
  let bygger: Promise<void> | undefined;
  let igjen = false;
  const byggPdf = () => {
    if (bygger) {
      igjen = true;
      return;
    }
    bygger = buildMeetings([args[0]!])
      .then(
        (r) => {
          const skrevet = r.dokumenter.filter((d) => !d.fraBuffer).length;
          if (!r.diagnostics.some((d) => d.severity === 'feil'))
            console.log(`  PDF-ene i output/ er oppdatert (${plural(skrevet, 'dokument', 'dokumenter')} skrevet på nytt).`);
        },
        (error: Error) => console.error(`motedok: PDF-ene ble ikke laget: ${error.message.split('\n')[0]}`),
      )
      .finally(() => {
        bygger = undefined;
        if (igjen) {
          igjen = false;
          byggPdf();
        }
      });
  };
  let visning;
  try {
    visning = await startForhandsvisning(args[0]!, {
      port: port === undefined ? 8080 : Number(port),
      underveis: ({ diagnostics }) => {
        vis(diagnostics);
        if (!diagnostics.some((d) => d.severity === 'feil')) byggPdf();
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`motedok: porten ${port ?? 8080} er i bruk; velg en annen med --port, for eksempel --port 8081.`);
      return 2;
    }
    throw error;
  }
  for (const d of visning.diagnostics) console.error(formatDiagnostic(d));
  console.log(`motedok watch: åpne ${visning.url} i nettleseren. Siden oppdateres når du lagrer en fil i møtemappen. Avslutt med Ctrl-C.`);
  if (!visning.diagnostics.some((d) => d.severity === 'feil')) byggPdf();
  return new Promise<number>(() => undefined);
}

/** The command line. Returns the exit code; never throws for a user's mistake. */
export async function main(argv: string[]): Promise<number> {
  // Ctrl-C and kill: stop at once. Nothing half-written is left (files are renamed into place
  // whole), and the exit listeners close Chromium and remove temporary files.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        out: { type: 'string' },
        html: { type: 'boolean' },
        force: { type: 'boolean' },
        sted: { type: 'string' },
        start: { type: 'string' },
        slutt: { type: 'string' },
        type: { type: 'string' },
        minutter: { type: 'string' },
        port: { type: 'string' },
      },
    });
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    console.error(`motedok: ukjent valg${option ? ` «${option}»` : ''}. Se «motedok --help».`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.version) {
    console.log(`motedok ${version()}`);
    return 0;
  }
  if (parsed.values.help || command === undefined || command === 'hjelp' || command === 'help') {
    console.log(
      command === 'check'
        ? CHECK_HJELP
        : command === 'build'
          ? BUILD_HJELP
          : command === 'new' || command === 'ny'
            ? NY_HJELP
            : command === 'arsplan'
              ? ARSPLAN_HJELP
              : HJELP,
    );
    return command === undefined && !parsed.values.help ? 2 : 0;
  }
  const nyValg = (['sted', 'start', 'slutt', 'type', 'minutter'] as const).filter((v) => parsed.values[v] !== undefined);
  if (nyValg.length > 0 && command !== 'new' && command !== 'ny') {
    console.error(`motedok: valget «--${nyValg[0]}» hører til «motedok new». Se «motedok --help».`);
    return 2;
  }
  try {
    switch (command) {
      case 'new':
      case 'ny':
        return await ny(rest, parsed.values);
      case 'check':
      case 'sjekk':
        return await check(rest);
      case 'build':
      case 'bygg':
        return await build(rest, parsed.values.out, parsed.values.html ?? false, parsed.values.force ?? false);
      case 'publish':
      case 'publiser':
        return await build(rest, parsed.values.out, parsed.values.html ?? false, parsed.values.force ?? false, true);
      case 'watch':
      case 'vis':
        return await forhandsvis(rest, parsed.values.port);
      case 'arsplan':
      case 'årsplan':
        return await arsplan(rest, parsed.values.out);
      default:
        console.error(
          `motedok: ukjent kommando «${command}». Kommandoene er: build, check, publish, new, arsplan og watch. Se «motedok --help».`,
        );
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`motedok: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
