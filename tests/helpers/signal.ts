import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeProject, sak } from './prosjekt.js';

/** Four meetings of 50 saker, each a long case paper (100 kB of ordinary text): a check that reads for seconds. */
export function storeMoter(): { root: string; saker: number } {
  const avsnitt = 'Strategisk samarbeidsutvalg ber sekretariatet utrede saken videre, med vekt på økonomi og gevinster.\n';
  const tekst = `${avsnitt.repeat(4)}\n`.repeat(250);
  const filer: Record<string, string> = {
    'organisasjon.yaml': 'navn: Test\nutvalg:\n  ssu:\n    navn: Strategisk samarbeidsutvalg\n    kortnavn: SSU\n',
  };
  for (const [i, dato] of ['2025-02-20', '2025-05-22', '2025-09-18', '2025-11-27'].entries()) {
    filer[`${dato}-ssu/mote.yaml`] = `utvalg: ssu\ndato: ${dato}\nstart: "09:00"\nslutt: "23:00"\nsted: Hamar\n`;
    for (let n = 10; n < 60; n++) filer[`${dato}-ssu/${n}-sak.md`] = sak(`tittel: Sak ${i}-${n}\ntype: tema\nminutter: 5`, tekst);
  }
  return { root: makeProject(filer, false), saker: 200 };
}

/**
 * Runs motedok with a marker line on stderr for every .md file it opens, sends `signal` when the
 * `etter`-th sak file is opened, and waits for the exit. Returns the exit code and how many sak
 * files were opened in all.
 */
export async function avbrytVedLesing(args: string[], cwd: string, tmp: string, signal: NodeJS.Signals, etter: number) {
  const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'motedok.js');
  const lesemerke = pathToFileURL(resolve(import.meta.dirname, 'lesemerke.mjs')).href;
  const barn = spawn(process.execPath, ['--import', lesemerke, bin, ...args], { cwd, env: { ...process.env, TMPDIR: tmp } });
  let lest = 0;
  let rest = '';
  barn.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const linjer = (rest + chunk).split('\n');
    rest = linjer.pop()!;
    for (const linje of linjer) {
      if (linje.startsWith('leser ') && linje.endsWith('-sak.md') && ++lest === etter) barn.kill(signal);
    }
  });
  const kode = await new Promise<number | null>((ok) => barn.on('exit', (code) => ok(code)));
  return { kode, lest };
}
