#!/usr/bin/env node
// `npm run bench`: measures `motedok check` on a synthetic year (10 SSU meetings of 10 saker
// each, case papers with headings, lists and budget tables), and `motedok build` of the examples. Not a test: this machine is shared
// and noisy, so figures are medians of several runs and nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = 7;

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function casePaper(meeting, n) {
  const rows = Array.from({ length: 4 + (n % 5) }, (_, i) => `| Tiltak ${i + 1} i sak ${n} | ${(i + 1) * 250} 000 | ${(i + 2) * 125} 000 |`);
  const paragraphs = Array.from({ length: 2 + (n % 6) }, (_, i) =>
    `Avsnitt ${i + 1}. Strategisk samarbeidsutvalg har i flere møter drøftet hvordan partnerne sammen kan sikre likeverdige og bærekraftige tjenester. Dette avsnittet står for den løpende teksten i et saksfremlegg, med nok ord til å gi realistiske linjer for parseren.`);
  return `## Bakgrunn\n\n${paragraphs.join('\n\n')}\n\n### Tall\n\n| Tiltak | 2025 | 2026 |\n|---|---:|---:|\n${rows.join('\n')}\n\n## Vurdering\n\n- Første punkt i vurderingen\n- Andre punkt, med **utheving**\n  - underpunkt\n\n## Forslag til vedtak\n\n1. Strategisk samarbeidsutvalg slutter seg til forslaget i møte ${meeting}.\n2. Strategisk samarbeidsutvalg ber sekretariatet følge opp\n   a) budsjett\n   b) implementeringsplan\n`;
}

function makeYear() {
  const dir = mkdtempSync(join(tmpdir(), 'motedok-bench-'));
  write(join(dir, 'organisasjon.yaml'), 'navn: Helsefellesskap Bench\nutvalg:\n  ssu:\n    navn: Strategisk samarbeidsutvalg\n    kortnavn: SSU\n    medlemmer:\n      - { id: kari, navn: Kari Nordmann }\n');
  const types = ['beslutning', 'beslutning', 'beslutning', 'beslutning', 'tema', 'tema', 'tema', 'referat', 'referat', 'eventuelt'];
  for (let m = 0; m < 10; m++) {
    const date = `2025-${String(m + 2).padStart(2, '0')}-1${m % 9}`;
    const folder = join(dir, `${date}-ssu`);
    write(join(folder, 'mote.yaml'), `utvalg: ssu\ndato: ${date}\nstart: "09:00"\nslutt: "15:00"\nsted: Hamar\npauser:\n  - { etter: sak-04, minutter: 30, tittel: Lunsj }\n`);
    types.forEach((type, i) => {
      const n = i + 1;
      write(join(folder, `sak-${String(n).padStart(2, '0')}.md`), `---\ntittel: Sak ${n} i møte ${m + 1}\ntype: ${type}\nminutter: ${type === 'eventuelt' ? 5 : 20}\nbeskrivelse: |\n  - Kort beskrivelse av sak ${n}\n---\n\n${casePaper(m + 1, n)}`);
    });
  }
  return dir;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeCheck(dir) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(root, 'bin', 'motedok.js'), 'check', dir], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`check failed:\n${result.stderr}`);
  }
  return median(times);
}

/** Builds the examples in cases/ from scratch (browser start included): wall time and pages. */
function timeBuild() {
  const times = [];
  let pages = 0;
  for (let i = 0; i < 3; i++) {
    const out = mkdtempSync(join(tmpdir(), 'motedok-bench-ut-'));
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(root, 'bin', 'motedok.js'), 'build', join(root, 'cases'), '--out', out], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    rmSync(out, { recursive: true, force: true });
    if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
    pages = Number(/(\d+) sider på/.exec(result.stdout)?.[1] ?? 0);
  }
  return { ms: median(times), pages };
}

function runBuild(dir, out) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(root, 'bin', 'motedok.js'), 'build', dir, '--out', out], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
  return { ms, pages: Number(/(\d+) sider på/.exec(result.stdout)?.[1] ?? 0), documents: Number(/(\d+) dokumenter/.exec(result.stdout)?.[1] ?? 0) };
}

/** The year: cold build (one run, it is long), then rebuilds with nothing changed and with one sak edited. */
function timeYearBuilds(dir) {
  const out = mkdtempSync(join(tmpdir(), 'motedok-bench-ut-'));
  try {
    const kald = runBuild(dir, out);
    const uendret = median([0, 1, 2].map(() => runBuild(dir, out).ms));
    const sak = join(dir, readdirSync(dir).filter((d) => d.endsWith('-ssu')).sort()[4], 'sak-05.md');
    const original = readFileSync(sak, 'utf8');
    const endret = median([0, 1, 2].map((i) => {
      writeFileSync(sak, original.replace('Avsnitt 1.', `Avsnitt 1 (endring ${i}).`));
      return runBuild(dir, out).ms;
    }));
    writeFileSync(sak, original);
    return { kald, uendret, endret };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function timeStartup() {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, [join(root, 'bin', 'motedok.js'), '--version']);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const year = makeYear();
if (process.env.MOTEDOK_BENCH_KEEP) { console.log(year); process.exit(0); }
try {
  const figures = {
    maskin: `${cpus().length} kjerner (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}`,
    moter: 10,
    saker: 100,
    check_aar_ms: Math.round(timeCheck(year)),
    oppstart_ms: Math.round(timeStartup()),
    check_eksempler_ms: Math.round(timeCheck(join(root, 'cases'))),
    runder: RUNS,
  };
  const aar = timeYearBuilds(year);
  figures.build_aar_kald_ms = Math.round(aar.kald.ms);
  figures.build_aar_sider = aar.kald.pages;
  figures.build_aar_dokumenter = aar.kald.documents;
  figures.build_aar_sider_per_sekund = Math.round((aar.kald.pages / aar.kald.ms) * 1000 * 10) / 10;
  figures.build_aar_uendret_ms = Math.round(aar.uendret);
  figures.build_aar_en_sak_endret_ms = Math.round(aar.endret);
  const build = timeBuild();
  figures.build_eksempler_ms = Math.round(build.ms);
  figures.build_eksempler_sider = build.pages;
  figures.build_sider_per_sekund = Math.round((build.pages / build.ms) * 1000 * 10) / 10;
  console.log(`motedok bench – median av ${RUNS} kjøringer, ${figures.maskin}`);
  console.log(`  check av et år (10 møter, 100 saker), hele kommandoen: ${figures.check_aar_ms} ms`);
  console.log(`  check av eksemplene i cases/ (3 møter):                ${figures.check_eksempler_ms} ms`);
  console.log(`  oppstart alene (motedok --version):                    ${figures.oppstart_ms} ms`);
  console.log(`  build av eksemplene (3 møter, ${figures.build_eksempler_sider} sider, med oppstart av Chromium): ${figures.build_eksempler_ms} ms, ${figures.build_sider_per_sekund} sider/s (median av 3)`);
  console.log(`  build av året, kaldt (${figures.build_aar_dokumenter} dokumenter, ${figures.build_aar_sider} sider): ${figures.build_aar_kald_ms} ms, ${figures.build_aar_sider_per_sekund} sider/s (én kjøring)`);
  console.log(`  build av året på nytt, ingenting endret:               ${figures.build_aar_uendret_ms} ms (median av 3)`);
  console.log(`  build av året på nytt, én sak endret:                  ${figures.build_aar_en_sak_endret_ms} ms (median av 3)`);
  mkdirSync(join(root, 'output'), { recursive: true });
  writeFileSync(join(root, 'output', 'bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log('  skrevet til output/bench.json');
} finally {
  rmSync(year, { recursive: true, force: true });
}
