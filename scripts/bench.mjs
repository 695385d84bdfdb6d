// `npm run bench`: runs every bench/*.bench.ts (with tsx) in turn. Each bench prints a table and
// writes its figures as JSON to bench/results/<name>.json. Benchmarks never run in `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

// Names choose benches; options (`--runs 5`) go to each bench run.
const args = process.argv.slice(2);
const options = [];
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith('--')) {
    options.push(args[i]);
    if (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) options.push(args[++i]);
  } else only.push(args[i]);
}
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n── bench/${file} ──`);
  const result = spawnSync('npx', ['tsx', `bench/${file}`, ...options], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
