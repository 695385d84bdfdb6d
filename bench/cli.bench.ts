// `byline check` as a site's CI runs it: a whole process per run, on one article and on a
// 1,000-article Hugo content folder. Wall time is measured around the process, max RSS by
// /usr/bin/time. The anchor is a bare `node -e ""` start in the same run: on a loaded machine
// every figure moves, and the ratio to a process that does nothing moves less. `byline` is the
// command a user runs (bin/byline.mjs); it keeps V8's compiled code between runs in a per-user
// folder (here a folder of the bench's own), so warm runs (the usual case) and cold runs (the
// first after an install or upgrade, or a CI job without a cached home folder) are timed apart.
// `npm run bench cli`; figures go to bench/results/cli.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchCodeCache, buildCli } from './support/buildCli';
import { articleText, generateWorkspace } from './support/generateWorkspace';
import { timeProcess, type ProcessTiming } from './support/timeProcess';

const runs = Number(process.env.BYLINE_BENCH_RUNS ?? 11);
const cli = buildCli();

const base = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-cli-'));
try {
  const one = path.join(base, 'one', 'article.md');
  mkdirSync(path.dirname(one), { recursive: true });
  writeFileSync(one, articleText(1));
  const site = path.join(base, 'site');
  generateWorkspace(site, 1000);
  const content = path.join(site, 'content');

  const node = process.execPath;
  const findings = { okStatus: [0, 1] };
  const anchor = timeProcess(node, ['-e', ''], runs);
  const cache = benchCodeCache(base);
  const checkOneCold = timeProcess(node, [cli, 'check', one], runs, { ...findings, ...cache.cold });
  const checkOne = timeProcess(node, [cli, 'check', one], runs, { ...findings, env: cache.env });
  const statsOne = timeProcess(node, [cli, 'stats', one], runs, { env: cache.env });
  const checkThousand = timeProcess(
    node,
    [cli, 'check', content],
    Math.max(3, Math.ceil(runs / 2)),
    { ...findings, env: cache.env },
  );
  const ratio = (t: ProcessTiming): number =>
    Math.round((t.medianMs / anchor.medianMs) * 100) / 100;

  const table = {
    'node -e "" (anchor)': { ...anchor, ratioToAnchor: 1 },
    'byline check, 1 article': { ...checkOne, ratioToAnchor: ratio(checkOne) },
    'byline check, 1 article, cold (empty code cache)': {
      ...checkOneCold,
      ratioToAnchor: ratio(checkOneCold),
    },
    'byline stats, 1 article': { ...statsOne, ratioToAnchor: ratio(statsOne) },
    'byline check, 1,000 articles': { ...checkThousand, ratioToAnchor: ratio(checkThousand) },
  };
  const results = {
    runs,
    anchor: 'node -e "" (a Node start that does nothing), same run',
    command: 'node bin/byline.mjs (the installed `byline`), code cache warm unless marked cold',
    // Node parses every certificate of NODE_EXTRA_CA_CERTS at start, before any script runs:
    // about 400 M instructions on the development machine, in the anchor and in every case.
    nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS !== undefined,
    cases: table,
    targets: {
      checkOneFile: '≤ 200 ms median wall, ≤ 90 MB max RSS',
      checkThousandArticles: '≤ 1.5 s median wall',
    },
    met: {
      checkOneFileMs: checkOne.medianMs <= 200,
      checkOneFileColdMs: checkOneCold.medianMs <= 200,
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
