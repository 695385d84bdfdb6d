// `byline check` as a site's CI runs it: a whole process per run, on one article and on a
// 1,000-article Hugo content folder. Wall time is measured around the process, max RSS by
// /usr/bin/time. The anchor is a bare `node -e ""` start in the same run: on a loaded machine
// every figure moves, and the ratio to a process that does nothing moves less.
// `npm run bench cli`; figures go to bench/results/cli.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleText, generateWorkspace } from './support/generateWorkspace';

const cli = path.resolve('dist/main/cli.mjs');
const timeTool = '/usr/bin/time';
const runs = Number(process.env.BYLINE_BENCH_RUNS ?? 11);

// Measure the code as it is now: the CLI alone builds in a few seconds.
const built = spawnSync(process.execPath, ['scripts/build.mjs', '--cli', '--quiet'], {
  stdio: 'inherit',
});
if (built.status !== 0) throw new Error('could not build the CLI');

interface Timing {
  medianMs: number;
  minMs: number;
  maxRssMb: number | null;
}

const round = (n: number): number => Math.round(n * 10) / 10;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Runs `args` with node `count` times (after one warm-up for the disk cache). */
function timeProcess(args: string[], count: number): Timing {
  const wall: number[] = [];
  const rss: number[] = [];
  const withRss = existsSync(timeTool);
  for (let i = 0; i <= count; i++) {
    const start = performance.now();
    const run = withRss
      ? spawnSync(timeTool, ['-f', 'maxrss-kb=%M', process.execPath, ...args], { encoding: 'utf8' })
      : spawnSync(process.execPath, args, { encoding: 'utf8' });
    const ms = performance.now() - start;
    // `check` exits 1 when an article has an error; anything else means it did not run.
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
    if (i === 0) continue;
    wall.push(ms);
    const kb = /maxrss-kb=(\d+)/.exec(run.stderr)?.[1];
    if (kb) rss.push(Number(kb) / 1024);
  }
  return {
    medianMs: round(median(wall)),
    minMs: round(Math.min(...wall)),
    maxRssMb: rss.length > 0 ? round(Math.max(...rss)) : null,
  };
}

const base = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-cli-'));
try {
  const one = path.join(base, 'one', 'article.md');
  mkdirSync(path.dirname(one), { recursive: true });
  writeFileSync(one, articleText(1));
  const site = path.join(base, 'site');
  generateWorkspace(site, 1000);
  const content = path.join(site, 'content');

  const anchor = timeProcess(['-e', ''], runs);
  const checkOne = timeProcess([cli, 'check', one], runs);
  const statsOne = timeProcess([cli, 'stats', one], runs);
  const checkThousand = timeProcess([cli, 'check', content], Math.max(3, Math.ceil(runs / 2)));
  const ratio = (t: Timing): number => Math.round((t.medianMs / anchor.medianMs) * 100) / 100;

  const table = {
    'node -e "" (anchor)': { ...anchor, ratioToAnchor: 1 },
    'byline check, 1 article': { ...checkOne, ratioToAnchor: ratio(checkOne) },
    'byline stats, 1 article': { ...statsOne, ratioToAnchor: ratio(statsOne) },
    'byline check, 1,000 articles': { ...checkThousand, ratioToAnchor: ratio(checkThousand) },
  };
  const results = {
    runs,
    anchor: 'node -e "" (a Node start that does nothing), same run',
    cases: table,
    targets: {
      checkOneFile: '≤ 200 ms median wall, ≤ 90 MB max RSS',
      checkThousandArticles: '≤ 1.5 s median wall',
    },
    met: {
      checkOneFileMs: checkOne.medianMs <= 200,
      checkOneFileRss: checkOne.maxRssMb !== null && checkOne.maxRssMb <= 90,
      checkThousandArticlesMs: checkThousand.medianMs <= 1500,
    },
    machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() },
  };
  console.table(table);
  console.log(
    `load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/cli.json', JSON.stringify(results, null, 2) + '\n');
} finally {
  rmSync(base, { recursive: true, force: true });
}
