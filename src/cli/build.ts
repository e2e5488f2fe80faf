import type { BuildOptions, BuildResult } from '../domain/documents.js';
import { countErrors, plural, printDiagnostics, seconds, shownPath } from './format.js';
import { createProgress, endProgress } from './progress.js';

export type BuildFlags = Pick<BuildOptions, 'out' | 'html' | 'force'>;

/** Tells bin/motedok.js that this run loaded the whole build, so the code cache it keeps for builds is made from such a run. */
function markFullBuild(): void {
  (globalThis as { motedokPrinted?: boolean }).motedokPrinted = true;
}

/** `motedok build`: the PDFs, or, when nothing changed since the last build, only a line saying so. */
export async function runBuild(paths: string[], flags: BuildFlags): Promise<number> {
  const started = performance.now();
  // unchanged.js is kept apart from build.js: answering «nothing changed» must not load the browser, pdf-lib or remark.
  const { unchangedSinceLast } = await import('../build/unchanged.js');
  const uendret = unchangedSinceLast(paths, flags);
  if (!uendret) {
    markFullBuild();
    // Chromium starts while the rest of the build loads.
    const nettleser = (await import('../build/printer.js')).startPrinter();
    const { buildMoter } = await import('../build/build.js');
    return reportBuild('build', await buildMoter(paths, { ...flags, underveis: createProgress() }, nettleser), started);
  }
  printDiagnostics(uendret.diagnostics);
  const pages = uendret.dokumenter.reduce((n, d) => n + d.sider, 0);
  console.log(
    `motedok build: ingenting er endret siden forrige bygging; ${plural(uendret.moter, 'møte', 'møter')}, ${plural(uendret.dokumenter.length, 'dokument', 'dokumenter')}, ${plural(pages, 'side', 'sider')} er som før (${seconds(performance.now() - started)} s).`,
  );
  return 0;
}

/** `motedok publish`: always builds (the site is not in the build cache), then writes the site. */
export async function runPublish(paths: string[], flags: BuildFlags): Promise<number> {
  const started = performance.now();
  markFullBuild();
  const { publishMoter } = await import('../build/publish.js');
  return reportBuild('publish', await publishMoter(paths, { ...flags, underveis: createProgress() }), started);
}

function reportBuild(
  command: 'build' | 'publish',
  result: BuildResult & { nettsted?: string; ogsaPublisert?: string[] },
  started: number,
): number {
  endProgress();
  printDiagnostics(result.diagnostics);
  const errors = countErrors(result.diagnostics);
  if (errors > 0) {
    console.error(`motedok build: ${plural(errors, 'feil', 'feil')}; ingen dokumenter ble skrevet for møtene med feil.`);
    return 1;
  }
  const pages = result.dokumenter.reduce((n, d) => n + d.sider, 0);
  if (result.ogsaPublisert)
    console.log(
      `  publiserte også ${result.ogsaPublisert.join(', ')} på nytt: ${result.ogsaPublisert.length === 1 ? 'møtet ligger' : 'møtene ligger'} på nettstedet, og kildene er endret siden sist`,
    );
  if (result.nettsted) console.log(`  skrev nettstedet ${shownPath(result.nettsted)}/index.html`);
  const gjenbrukt = result.dokumenter.filter((d) => d.fraBuffer).length;
  const cache = gjenbrukt > 0 ? ` (${gjenbrukt} hentet fra hurtigbufferen)` : '';
  console.log(
    `motedok ${command}: ${plural(result.moter.length, 'møte', 'møter')}, ${plural(result.dokumenter.length, 'dokument', 'dokumenter')}${cache}, ${plural(pages, 'side', 'sider')} på ${seconds(performance.now() - started)} s.`,
  );
  return 0;
}
