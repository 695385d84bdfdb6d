#!/usr/bin/env node
// The `byline` command: runs the bundled CLI (dist/main/cli.mjs). A package ships dist/ (built by
// `prepack`); a clone builds it with `npm run build`. It never builds here: a first run that
// bundles the whole app is what made `npx byline` slow.
import { existsSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/main/cli.mjs');
if (!existsSync(cli)) {
  console.error(
    `byline: ${path.relative(process.cwd(), cli) || cli} is missing; in a clone of Byline run "npm run build" first.`,
  );
  process.exit(1);
}
// dist/main/cli.mjs keeps the program's compiled code between runs itself (on every Node);
// Node 22.1+ also caches this file and the launcher.
module.enableCompileCache?.();
await import(pathToFileURL(cli).href);
