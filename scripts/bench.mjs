#!/usr/bin/env node
// `npm run bench`: generates a synthetic year (10 SSU meetings of 10 saker each, case papers of
// 1–6 pages with headings, lists and budget tables, some with PDF attachments) and measures
// `motedok build` cold, with nothing changed and with one sak edited, `motedok check`, peak
// memory, md-to-pdf converting the same case papers, and the floor: every HTML document the cold
// build printed, printed again by a warm Chromium (scripts/floor.mjs). Not a test: this machine is
// shared and noisy, so figures are medians of several runs (wall time, and the processor time of
// the command with its Chromium, user + system) and nothing here passes or fails.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printFloor } from './floor.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = 7;

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A case paper of 1–6 pages: paragraphs, a budget table, a nested list and a lettered proposal. */
function casePaper(meeting, n) {
  const amounts = Array.from({ length: 4 + (n % 5) }, (_, i) => [(i + 1) * 250_000, (i + 2) * 125_000]);
  const kr = (x) => x.toLocaleString('nb-NO').replace(/\s/g, ' ');
  const rows = amounts.map(([a, b], i) => `| Tiltak ${i + 1} i sak ${n} | ${kr(a)} | ${kr(b)} |`);
  const sums = [0, 1].map((c) => amounts.reduce((sum, row) => sum + row[c], 0));
  const paragraphs = Array.from(
    { length: 3 + ((n * 7 + meeting) % 6) * 9 },
    (_, i) =>
      `Avsnitt ${i + 1}. Strategisk samarbeidsutvalg har i flere møter drøftet hvordan partnerne sammen kan sikre likeverdige og bærekraftige tjenester. Dette avsnittet står for den løpende teksten i et saksfremlegg, med nok ord til å gi realistiske linjer for parseren.`,
  );
  const half = Math.ceil(paragraphs.length / 2);
  return `## Bakgrunn\n\n${paragraphs.slice(0, half).join('\n\n')}\n\n### Tall\n\n| Tiltak | 2025 | 2026 |\n|---|---:|---:|\n${rows.join('\n')}\n| Sum | ${kr(sums[0])} | ${kr(sums[1])} |\n\n## Vurdering\n\n${paragraphs.slice(half).join('\n\n')}\n\n- Første punkt i vurderingen\n- Andre punkt, med **utheving**\n  - underpunkt\n\n## Forslag til vedtak\n\n1. Strategisk samarbeidsutvalg slutter seg til forslaget i møte ${meeting}.\n2. Strategisk samarbeidsutvalg ber sekretariatet følge opp\n   a) budsjett\n   b) implementeringsplan\n`;
}

/** A plain PDF of `pages` pages, as an external attachment. */
async function attachment(pages) {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`Vedlegg, side ${i + 1}`, { x: 72, y: 720, size: 14, font });
  return doc.save();
}

async function makeYear() {
  const dir = mkdtempSync(join(tmpdir(), 'motedok-bench-'));
  write(
    join(dir, 'organisasjon.yaml'),
    'navn: Helsefellesskap Bench\nutvalg:\n  ssu:\n    navn: Strategisk samarbeidsutvalg\n    kortnavn: SSU\n    medlemmer:\n      - { id: kari, navn: Kari Nordmann }\n',
  );
  const pdf = await attachment(3);
  const types = ['beslutning', 'beslutning', 'beslutning', 'beslutning', 'tema', 'tema', 'tema', 'referat', 'referat', 'eventuelt'];
  for (let m = 0; m < 10; m++) {
    const date = `2025-${String(m + 2).padStart(2, '0')}-1${m % 9}`;
    const folder = join(dir, `${date}-ssu`);
    write(
      join(folder, 'mote.yaml'),
      `utvalg: ssu\ndato: ${date}\nstart: "09:00"\nslutt: "15:00"\nsted: Hamar\npauser:\n  - { etter: sak-04, minutter: 30, tittel: Lunsj }\n`,
    );
    types.forEach((type, i) => {
      const n = i + 1;
      // Every other meeting has an external PDF attached to its second sak.
      const vedlegg = n === 2 && m % 2 === 0 ? 'vedlegg:\n  - tittel: Rapport fra arbeidsgruppen\n    fil: vedlegg/rapport.pdf\n' : '';
      if (vedlegg) write(join(folder, 'vedlegg', 'rapport.pdf'), pdf);
      write(
        join(folder, `sak-${String(n).padStart(2, '0')}.md`),
        `---\ntittel: Sak ${n} i møte ${m + 1}\ntype: ${type}\nminutter: ${type === 'eventuelt' ? 5 : 20}\nbeskrivelse: |\n  - Kort beskrivelse av sak ${n}\n${vedlegg}---\n\n${casePaper(m + 1, n)}`,
      );
    });
  }
  return dir;
}

/**
 * The processor time (user + system, ms) of this process's children that have ended, with
 * theirs (Chromium under motedok): from /proc, so 0 where there is none.
 */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const [cutime, cstime] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(13, 15)
      .map(Number);
    return ((cutime + cstime) * 1000) / 100;
  } catch {
    return 0;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const motedok = join(root, 'bin', 'motedok.js');
const MB = 2 ** 20;

/** Every process's parent, from /proc. */
function parents() {
  const map = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      map.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  return map;
}

const rss = (pid) => {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
  } catch {
    return 0;
  }
};

function hwm(pid) {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  } catch {
    return 0;
  }
}

/**
 * Runs a command and samples its memory every 50 ms: the peak resident memory of the process
 * itself (VmHWM), the peak of the summed resident memory of all its descendants (Chromium), and
 * the process's resident memory when each meeting's first document is reported.
 */
function measure(command, args, env = process.env) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const cpuBefore = childrenCpu();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    let nodePeak = 0;
    let childrenPeak = 0;
    const perMeeting = [];
    const sample = () => {
      nodePeak = Math.max(nodePeak, hwm(child.pid));
      const tree = parents();
      const descendants = [...tree.keys()].filter((pid) => {
        for (let p = tree.get(pid); p; p = tree.get(p)) if (p === child.pid) return true;
        return false;
      });
      childrenPeak = Math.max(
        childrenPeak,
        descendants.reduce((sum, pid) => sum + rss(pid), 0),
      );
    };
    const timer = setInterval(sample, 50);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const meetings = [...String(chunk).matchAll(/skrev \S*?(\d{4}-\d\d-\d\d-[a-z]+)\//g)].map((m) => m[1]);
      for (const meeting of meetings) if (!perMeeting.some((m) => m.meeting === meeting)) perMeeting.push({ meeting, rss: rss(child.pid) });
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const cpu = childrenCpu() - cpuBefore;
      if (code !== 0) fail(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`));
      else done({ ms, cpu, stdout, nodePeak, childrenPeak, perMeeting });
    });
  });
}

/** `check` of the year; with `out`, beside that build output (and the source cache in it), as a user runs it after a build. */
function timeCheck(dir, out) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const cpuBefore = childrenCpu();
    const result = spawnSync(process.execPath, [motedok, 'check', dir, ...(out ? ['--out', out] : [])], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push(childrenCpu() - cpuBefore);
    if (result.status !== 0) throw new Error(`check failed:\n${result.stderr}`);
  }
  return { ms: median(times), cpu: median(cpu) };
}

/** A build of the year; with `keepHtml`, every HTML document it prints is copied there (for the floor). */
async function build(dir, out, keepHtml) {
  const env = keepHtml ? { ...process.env, MOTEDOK_KEEP_HTML: keepHtml } : process.env;
  const run = await measure(process.execPath, [motedok, 'build', dir, '--out', out], env);
  const number = (re) => Number(re.exec(run.stdout)?.[1] ?? 0);
  return { ...run, pages: number(/(\d+) sider (på|er)/), documents: number(/(\d+) dokumenter/) };
}

/**
 * The year: cold builds into empty folders (the first keeps a copy of every HTML it prints in
 * `html`), then rebuilds with nothing changed, then rebuilds after editing one sak's body (a
 * different edit each time, so each one must print).
 */
async function timeYearBuilds(dir, html) {
  const cold = [];
  for (let i = 0; i < 3; i++) {
    const out = mkdtempSync(join(tmpdir(), 'motedok-bench-ut-'));
    cold.push(await build(dir, out, i === 0 ? html : undefined));
    if (i < 2) rmSync(out, { recursive: true, force: true });
    else cold.out = out;
  }
  const out = cold.out;
  try {
    const unchanged = [];
    for (let i = 0; i < RUNS; i++) unchanged.push(await build(dir, out));
    const sak = join(
      dir,
      readdirSync(dir)
        .filter((d) => d.endsWith('-ssu'))
        .sort()[4],
      'sak-05.md',
    );
    const original = readFileSync(sak, 'utf8');
    const edited = [];
    for (let i = 0; i < RUNS; i++) {
      writeFileSync(sak, original.replace('Avsnitt 1.', `Avsnitt 1 (endring ${i}).`));
      edited.push(await build(dir, out));
    }
    writeFileSync(sak, original);
    const check = timeCheck(dir, out);
    const middle = [...cold].sort((a, b) => a.ms - b.ms)[1];
    const medians = (runs) => ({ ms: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpu)) });
    return { cold: { ...middle, cpu: median(cold.map((r) => r.cpu)) }, unchanged: medians(unchanged), edited: medians(edited), check };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function timeStartup() {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, [motedok, '--version']);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/** md-to-pdf 5.2.5 on puppeteer 24 (the last line for Node 20), installed once beside node_modules without a browser download. */
function mdToPdfCli() {
  const dir = join(root, 'node_modules', '.cache', 'motedok-bench');
  const cli = join(dir, 'node_modules', 'md-to-pdf', 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.log('  installerer md-to-pdf for sammenligningen (én gang) …');
    mkdirSync(dir, { recursive: true });
    const npm = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', 'md-to-pdf@5.2.5', 'puppeteer@24.43.1'], {
      encoding: 'utf8',
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
    });
    if (npm.status !== 0) throw new Error(`npm install md-to-pdf failed:\n${npm.stderr}`);
  }
  return cli;
}

/**
 * md-to-pdf converting the year's case papers (bodies only, frontmatter stripped): one call per
 * meeting, ten files each, as its command line does it (one browser, the files at once). All
 * hundred in one call do not finish here: on two cores every page hits its 30 s timeout.
 */
async function timeMdToPdf(year) {
  const { CHROMIUM_ARGS, findChromium } = await import('../src/pipeline/print/chromium.mjs');
  const { PDFDocument } = await import('pdf-lib');
  const cli = mdToPdfCli();
  const launch = JSON.stringify({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
  });
  const times = [];
  let pages = 0;
  let files = 0;
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'motedok-bench-md-'));
    let ms = 0;
    for (const meeting of readdirSync(year).filter((d) => d.endsWith('-ssu'))) {
      const inputs = readdirSync(join(year, meeting))
        .filter((f) => f.endsWith('.md'))
        .map((sak) => {
          const text = readFileSync(join(year, meeting, sak), 'utf8');
          const file = join(dir, `${meeting}-${sak}`);
          writeFileSync(file, text.slice(text.indexOf('\n---\n', 4) + 5));
          return file;
        });
      ms += (await measure(process.execPath, [cli, '--launch-options', launch, ...inputs])).ms;
    }
    times.push(ms);
    const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    files = pdfs.length;
    pages = 0;
    for (const pdf of pdfs) pages += (await PDFDocument.load(readFileSync(join(dir, pdf)))).getPageCount();
    rmSync(dir, { recursive: true, force: true });
  }
  return { ms: median(times), pages, files };
}

/** The floor, three times over the HTML documents the cold build printed: the median. */
async function timeFloor(html) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await printFloor(html));
  const middle = [...runs].sort((a, b) => a.ms - b.ms)[1];
  return middle;
}

const mb = (bytes) => Math.round(bytes / MB);
const seconds = (ms) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;
const ratio = (x) => Math.round(x * 100) / 100;
const comma = (x) => String(x).replace('.', ',');
/** Wall time, and processor time in parentheses. */
const timed = (ms, cpu) => `${seconds(ms)} (CPU ${seconds(cpu)})`;

const year = await makeYear();
if (process.env.MOTEDOK_BENCH_KEEP) {
  console.log(year);
  process.exit(0);
}
const html = mkdtempSync(join(tmpdir(), 'motedok-bench-html-'));
try {
  const check = timeCheck(year);
  const figures = {
    maskin: `${cpus().length} kjerner (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}`,
    lastsnitt_start: loadavg().map((x) => Math.round(x * 10) / 10),
    moter: 10,
    saker: 100,
    runder: RUNS,
    check_aar_uten_bygg_ms: Math.round(check.ms),
    check_aar_uten_bygg_cpu_ms: Math.round(check.cpu),
    oppstart_ms: Math.round(timeStartup()),
  };
  const aar = await timeYearBuilds(year, html);
  let md = { ms: NaN, pages: 0, files: 0 };
  try {
    md = await timeMdToPdf(year);
  } catch (error) {
    console.error(`  md-to-pdf feilet: ${error.message.split('\n')[0]}`);
  }
  const floor = await timeFloor(html);
  Object.assign(figures, {
    check_aar_ms: Math.round(aar.check.ms),
    check_aar_cpu_ms: Math.round(aar.check.cpu),
    build_aar_kald_ms: Math.round(aar.cold.ms),
    build_aar_kald_cpu_ms: Math.round(aar.cold.cpu),
    build_aar_dokumenter: aar.cold.documents,
    build_aar_sider: aar.cold.pages,
    build_aar_sider_per_sekund: Math.round((aar.cold.pages / aar.cold.ms) * 10000) / 10,
    build_aar_node_topp_mb: mb(aar.cold.nodePeak),
    build_aar_chromium_topp_mb: mb(aar.cold.childrenPeak),
    build_aar_node_mb_per_mote: aar.cold.perMeeting.map((m) => mb(m.rss)),
    build_aar_uendret_ms: Math.round(aar.unchanged.ms),
    build_aar_uendret_cpu_ms: Math.round(aar.unchanged.cpu),
    build_aar_en_sak_endret_ms: Math.round(aar.edited.ms),
    build_aar_en_sak_endret_cpu_ms: Math.round(aar.edited.cpu),
    md_to_pdf_ms: Math.round(md.ms),
    md_to_pdf_filer: md.files,
    md_to_pdf_sider: md.pages,
    md_to_pdf_sider_per_sekund: Math.round((md.pages / md.ms) * 10000) / 10,
    gulv_ms: Math.round(floor.ms),
    gulv_html_filer: floor.files,
    gulv_sider: floor.pages,
    forhold_md_to_pdf_mot_build: ratio(md.ms / aar.cold.ms),
    forhold_gulv_mot_build: ratio(floor.ms / aar.cold.ms),
    lastsnitt_slutt: loadavg().map((x) => Math.round(x * 10) / 10),
  });
  const rows = [
    [
      'check av året (10 møter, 100 saker), etter en build',
      timed(figures.check_aar_ms, figures.check_aar_cpu_ms),
      `median av ${RUNS}, mål < 0,3 s`,
    ],
    [
      '  check av året uten build (ingen hurtigbuffer)',
      timed(figures.check_aar_uten_bygg_ms, figures.check_aar_uten_bygg_cpu_ms),
      `median av ${RUNS}`,
    ],
    ['oppstart alene (motedok --version)', seconds(figures.oppstart_ms), `median av ${RUNS}`],
    [
      `build av året, kaldt (${figures.build_aar_dokumenter} dokumenter, ${figures.build_aar_sider} sider)`,
      timed(figures.build_aar_kald_ms, figures.build_aar_kald_cpu_ms),
      `${figures.build_aar_sider_per_sekund} sider/s, median av 3`,
    ],
    [
      '  minne på topp: Node / Chromium',
      `${figures.build_aar_node_topp_mb} MB / ${figures.build_aar_chromium_topp_mb} MB`,
      `Node per møte: ${figures.build_aar_node_mb_per_mote.join(', ')} MB`,
    ],
    [
      'build av året på nytt, ingenting endret',
      timed(figures.build_aar_uendret_ms, figures.build_aar_uendret_cpu_ms),
      `median av ${RUNS}, mål < 0,3 s`,
    ],
    [
      'build av året på nytt, én sak endret',
      timed(figures.build_aar_en_sak_endret_ms, figures.build_aar_en_sak_endret_cpu_ms),
      `median av ${RUNS}, mål < 1,0 s`,
    ],
    [
      `md-to-pdf, bare saksfremleggene (${md.files} filer, ${md.pages} sider)`,
      seconds(figures.md_to_pdf_ms),
      `${figures.md_to_pdf_sider_per_sekund} sider/s, ett kall per møte, median av 3`,
    ],
    [
      `gulvet: all HTML build skrev ut (${floor.files} filer, ${floor.pages} sider), varm Chromium`,
      seconds(figures.gulv_ms),
      `én fane per kjerne, tagget, median av 3`,
    ],
    ['md-to-pdf-tid delt på kald build-tid', comma(figures.forhold_md_to_pdf_mot_build), 'mål ≥ 1,5'],
    ['gulvet delt på kald build-tid', comma(figures.forhold_gulv_mot_build), 'mål ≥ 0,8'],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`motedok bench – ${figures.maskin}, lastsnitt ${figures.lastsnitt_start.join(' ')} → ${figures.lastsnitt_slutt.join(' ')}`);
  for (const [what, value, note] of rows) console.log(`  ${what.padEnd(width)}  ${value.padStart(26)}  ${note}`);
  mkdirSync(join(root, 'output'), { recursive: true });
  writeFileSync(join(root, 'output', 'bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log('  skrevet til output/bench.json');
} finally {
  rmSync(year, { recursive: true, force: true });
  rmSync(html, { recursive: true, force: true });
}
