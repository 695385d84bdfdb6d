#!/usr/bin/env node
// The `byline` command. Runs the bundled CLI (dist/main/cli.mjs), building it first if needed.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/main/cli.mjs');
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) {
    console.error(
      'byline: could not build the command line tool; run "npm run build" in the Byline folder.',
    );
    process.exit(1);
  }
}
await import(pathToFileURL(cli).href);
