// `npm test`: build, type-check, lint, format check (Prettier), unit tests (Vitest), end-to-end tests (Playwright in
// Chromium against browser mode). Runs every step even after a failure, then prints one summary
// line "tests: N passed, N failed" and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
// `countsTests`: the step reports its own test counts (Vitest, Playwright); other steps that fail
// (build, type-check, lint) count as one failure each in the summary line.
const run = (label, command, args, env = {}, countsTests = false) => {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = outcome.status === 0;
  results.push({ label, ok, countsTests, seconds: (Date.now() - started) / 1000 });
  return ok;
};

mkdirSync('test-reports', { recursive: true });
const built = run('build', process.execPath, ['scripts/build.mjs', '--quiet']);
if (run('type-check', 'npx', ['tsc', '-b']))
  run('type-check tests', 'npx', ['tsc', '-p', 'tsconfig.tests.json']);
run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);

rmSync('test-reports/unit.json', { force: true });
run(
  'unit tests',
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-reports/unit.json',
  ],
  {},
  true,
);

rmSync('test-reports/e2e.json', { force: true });
if (built)
  run('end-to-end tests', 'npx', ['playwright', 'test'], { BYLINE_PW_REPORTER: 'json' }, true);
else
  results.push({
    label: 'end-to-end tests (not run: build failed)',
    ok: false,
    countsTests: false,
    seconds: 0,
  });

const counts = { passed: 0, failed: 0, skipped: 0 };
/** Failed tests each test step reported, by label. */
const reportedFailures = new Map();
if (existsSync('test-reports/unit.json')) {
  const unit = JSON.parse(readFileSync('test-reports/unit.json', 'utf8'));
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  reportedFailures.set('unit tests', unit.numFailedTests);
}
if (existsSync('test-reports/e2e.json')) {
  const e2e = JSON.parse(readFileSync('test-reports/e2e.json', 'utf8'));
  counts.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  counts.failed += e2e.stats.unexpected;
  counts.skipped += e2e.stats.skipped;
  reportedFailures.set('end-to-end tests', e2e.stats.unexpected);
}
const failedSteps = results.filter((r) => !r.ok);
// A test step that failed without reporting a failed test (it crashed) counts once too.
const stepFailures = failedSteps.filter(
  (r) => !r.countsTests || !reportedFailures.get(r.label),
).length;

console.log('\n── summary ──');
for (const r of results)
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label} (${r.seconds.toFixed(1)} s)`);
console.log(
  `tests: ${counts.passed} passed, ${counts.failed + stepFailures} failed, ${counts.skipped} skipped`,
);
process.exit(failedSteps.length === 0 ? 0 : 1);
