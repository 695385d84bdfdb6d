// `npm test`: build, type-check, lint, unit tests (Vitest), end-to-end tests (Playwright in
// Chromium against browser mode). Runs every step even after a failure, then prints one summary
// line "tests: N passed, N failed" and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
const run = (label, command, args, env = {}) => {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = outcome.status === 0;
  results.push({ label, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
};

mkdirSync('test-reports', { recursive: true });
const built = run('build', process.execPath, ['scripts/build.mjs', '--quiet']);
if (run('type-check', 'npx', ['tsc', '-b'])) run('type-check tests', 'npx', ['tsc', '-p', 'tsconfig.tests.json']);
run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);

rmSync('test-reports/unit.json', { force: true });
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-reports/unit.json']);

rmSync('test-reports/e2e.json', { force: true });
if (built) run('end-to-end tests', 'npx', ['playwright', 'test'], { BYLINE_PW_REPORTER: 'json' });
else results.push({ label: 'end-to-end tests (skipped: build failed)', ok: false, seconds: 0 });

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync('test-reports/unit.json')) {
  const unit = JSON.parse(readFileSync('test-reports/unit.json', 'utf8'));
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
if (existsSync('test-reports/e2e.json')) {
  const e2e = JSON.parse(readFileSync('test-reports/e2e.json', 'utf8'));
  counts.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  counts.failed += e2e.stats.unexpected;
  counts.skipped += e2e.stats.skipped;
}
const failedSteps = results.filter((r) => !r.ok);
// Steps that fail without failing a test (type errors, lint) still count as one failure each.
const stepFailures = failedSteps.filter((r) => !/tests/.test(r.label)).length;

console.log('\n── summary ──');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label} (${r.seconds.toFixed(1)} s)`);
console.log(`tests: ${counts.passed} passed, ${counts.failed + stepFailures} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length === 0 ? 0 : 1);
