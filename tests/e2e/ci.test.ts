import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { PROSJEKTMAPPE } from '../../src/domain/prosjekt.js';
import { newCi } from '../../src/scaffold/new.js';
import { MOTE, makeProject, ORGANISASJON, sak } from '../helpers/prosjekt.js';

/**
 * The CI files the package ships for the secretariat's repository: their commands, in the order
 * the host runs them, run here against a project in a temporary folder. The hosting itself
 * (runners, Pages) is not tested; the set-up line (`node scripts/oppsett.mjs`: npm packages and a
 * browser) is left out, since this machine has both, and `node bin/motedok.js` is this checkout's.
 */

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'motedok.js');
const M = '2025-05-22-ssu';
const OPPSETT = 'node scripts/oppsett.mjs';

const GITHUB_MAIN = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";
const GITHUB_ANNEN = "github.ref != format('refs/heads/{0}', github.event.repository.default_branch)";
const GITLAB_MAIN = '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH';
const GITLAB_ANNEN = '$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH';

const ci = (fil: string) => YAML.parse(readFileSync(join(repo, 'ci', fil), 'utf8'));

interface Steg {
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/** The GitHub workflow's `run:` lines for a push to the main branch or another, job by job in `needs` order. */
function githubRun(hovedgren: boolean): { run: string[]; uses: Steg[] } {
  const { jobs } = ci('github-pages.yml') as { jobs: Record<string, { needs?: string; if?: string; steps: Steg[] }> };
  const kjorer = (betingelse: string | undefined) => {
    if (betingelse === undefined) return true;
    expect([GITHUB_MAIN, GITHUB_ANNEN]).toContain(betingelse);
    return (betingelse === GITHUB_MAIN) === hovedgren;
  };
  const ordnet = Object.entries(jobs).sort(([a], [b]) => (jobs[b]!.needs === a ? -1 : jobs[a]!.needs === b ? 1 : 0));
  const steg = ordnet.filter(([, job]) => kjorer(job.if)).flatMap(([, job]) => job.steps.filter((s) => kjorer(s.if)));
  return { run: steg.flatMap((s) => (s.run ? s.run.trim().split('\n') : [])), uses: steg.filter((s) => s.uses) };
}

/** The GitLab pipeline's `before_script:` and `script:` lines for a push, job by job in stage order. */
function gitlabScript(hovedgren: boolean): string[] {
  const {
    stages,
    default: standard,
    ...rest
  } = ci('gitlab-ci.yml') as Record<string, unknown> & {
    stages: string[];
    default: { before_script: string[] };
  };
  const jobber = Object.entries(rest).filter(([, v]) => v && typeof v === 'object' && 'script' in (v as object)) as [
    string,
    { stage: string; script: string[]; rules?: { if: string }[] },
  ][];
  return stages.flatMap((stage) =>
    jobber
      .filter(([, job]) => job.stage === stage)
      .filter(([, job]) => {
        const betingelse = job.rules?.[0]?.if;
        if (betingelse === undefined) return true;
        expect([GITLAB_MAIN, GITLAB_ANNEN]).toContain(betingelse);
        return (betingelse === GITLAB_MAIN) === hovedgren;
      })
      .flatMap(([, job]) => [...standard.before_script, ...job.script]),
  );
}

/** Runs the lines one after the other like a CI job: the first that fails stops the rest. */
function runLines(lines: readonly string[], cwd: string): { kjort: string[]; status: number; stderr: string } {
  const kjort: string[] = [];
  for (const line of lines) {
    if (line === OPPSETT) continue;
    const command = line.replace(/^node bin\/motedok\.js\b/, `"${process.execPath}" "${bin}"`);
    kjort.push(line);
    const result = spawnSync('bash', ['-eo', 'pipefail', '-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (result.status !== 0) return { kjort, status: result.status ?? 1, stderr: result.stderr };
  }
  return { kjort, status: 0, stderr: '' };
}

/** The secretariat's repository as CI checks it out: cases/ with a meeting. */
function repository(feil = false): string {
  return makeProject(
    {
      [`${PROSJEKTMAPPE}/organisasjon.yaml`]: ORGANISASJON,
      [`${PROSJEKTMAPPE}/${M}/mote.yaml`]: MOTE,
      [`${PROSJEKTMAPPE}/${M}/13-budsjett.md`]: feil
        ? sak('tittel: Budsjett 2026\nminutter: 30')
        : sak('tittel: Budsjett 2026\ntype: beslutning\nminutter: 30', 'Bakgrunn.\n\n## Forslag til vedtak\n\nBudsjettet vedtas.\n'),
    },
    false,
  );
}

describe('the GitHub Actions workflow (ci/github-pages.yml)', () => {
  it('checks on every branch, and builds the documents; only the main branch publishes', () => {
    expect(githubRun(false).run).toEqual([OPPSETT, 'node bin/motedok.js check', 'node bin/motedok.js build']);
    expect(githubRun(false).uses.map((s) => s.uses?.split('@')[0])).not.toContain('actions/deploy-pages');
    expect(githubRun(true).run).toEqual([OPPSETT, 'node bin/motedok.js check', 'node bin/motedok.js publish']);
  });

  it('on the main branch leaves the site where upload-pages-artifact takes it, and the documents where upload-artifact does', () => {
    const root = repository();
    const { run, uses } = githubRun(true);
    const result = runLines(run, root);
    expect(result).toMatchObject({ status: 0 });
    const pages = uses.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(existsSync(join(root, String(pages?.with?.path), 'index.html'))).toBe(true);
    const artefakt = uses.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const stier = String(artefakt?.with?.path)
      .split('\n')
      .filter((p) => p && !p.startsWith('!'));
    expect(stier.map((p) => existsSync(join(root, p, M, 'innkalling.pdf')))).toEqual([true]);
    expect(uses.map((s) => s.uses?.split('@')[0])).toContain('actions/deploy-pages');
  });

  it('stops at the check when a sak has an error, and publishes nothing', () => {
    const root = repository(true);
    const result = runLines(githubRun(true).run, root);
    expect(result.status).toBe(1);
    expect(result.kjort).toEqual(['node bin/motedok.js check']);
    expect(result.stderr).toContain(`${PROSJEKTMAPPE}/${M}/13-budsjett.md`);
    expect(existsSync(join(root, 'output'))).toBe(false);
  });
});

describe('the GitLab pipeline (ci/gitlab-ci.yml)', () => {
  it('checks on every branch; on the main branch the pages job leaves the site in public/', () => {
    expect(gitlabScript(false)).toEqual([OPPSETT, 'node bin/motedok.js check', OPPSETT, 'node bin/motedok.js build']);
    const root = repository();
    const result = runLines(gitlabScript(true), root);
    expect(result).toMatchObject({
      status: 0,
      kjort: ['node bin/motedok.js check', 'node bin/motedok.js publish', 'rm -rf public && cp -r output/nettsted public'],
    });
    expect(existsSync(join(root, 'public', 'index.html'))).toBe(true);
    const pages = ci('gitlab-ci.yml').pages as { artifacts: { paths: string[] } };
    expect(pages.artifacts.paths.map((p) => existsSync(join(root, p)))).toEqual([true, true]);
    expect(existsSync(join(root, 'output', M, 'saksdokumenter.pdf'))).toBe(true);
  });
});

describe('motedok new ci', () => {
  it('copies the template to where the host looks for it, and never over a file', () => {
    const root = repository();
    const github = newCi('github', { cwd: root });
    expect(readFileSync(join(root, '.github', 'workflows', 'motedok.yml'), 'utf8')).toBe(
      readFileSync(join(repo, 'ci', 'github-pages.yml'), 'utf8'),
    );
    expect(github.linjer[1]).toContain('Source: «GitHub Actions»');
    newCi('gitlab', { cwd: root });
    expect(readFileSync(join(root, '.gitlab-ci.yml'), 'utf8')).toBe(readFileSync(join(repo, 'ci', 'gitlab-ci.yml'), 'utf8'));
    expect(() => newCi('gitlab', { cwd: root })).toThrow('.gitlab-ci.yml finnes allerede; motedok new skriver ikke over filer');
    expect(() => newCi('bitbucket', { cwd: root })).toThrow('ukjent «bitbucket»; motedok new ci lager oppsett for github eller gitlab.');
  });
});
