// Builds everything Byline runs: the renderer with Vite, and the Node/Electron entry points
// (Electron main, sandboxed preload, browser-mode server, library worker, CLI) with esbuild.
// `--cli` builds only the command line tool, which is all the npm package ships (`prepack`).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { markdownItFields } from './markdownItFields.mjs';

const nodeEntry = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [markdownItFields],
  // jsdom reads its own files at run time; sharp loads its native libvips build; electron is
  // provided by the runtime.
  external: ['electron', 'jsdom', 'sharp', 'playwright-core', '@playwright/test'],
  // Bundled CommonJS dependencies still call require(); give the ESM bundle one.
  banner: {
    js: [
      "import { createRequire as __bylineCreateRequire } from 'node:module';",
      "import { fileURLToPath as __bylineFileURLToPath } from 'node:url';",
      'const require = __bylineCreateRequire(import.meta.url);',
      'const __filename = __bylineFileURLToPath(import.meta.url);',
      "const __dirname = __filename.slice(0, Math.max(__filename.lastIndexOf('/'), __filename.lastIndexOf('\\\\')));",
    ].join(' '),
  },
};

const quiet = process.argv.includes('--quiet');
const cliOnly = process.argv.includes('--cli');

// The command line tool, in two builds. The program (main/cli/byline.ts) is split per command,
// so `check` and `stats` load only their own small chunks, never jsdom, docx or the PDF printer
// that `export` needs (main/cli/runCli.ts imports each on demand), and it is then turned into
// CommonJS: dist/main/cli.mjs (main/cli/launch.ts) runs those modules through vm.Script with
// V8's cached code from earlier runs, which Node 20 offers for no ES module (docs/performance.md).
const cliBuild = async () => {
  const esm = mkdtempSync(path.join(os.tmpdir(), 'byline-cli-esm-'));
  try {
    // esbuild splits only ES modules: split first, into .cjs files so the imports name them.
    await esbuild({
      ...nodeEntry,
      banner: undefined,
      entryPoints: { byline: 'main/cli/byline.ts' },
      outdir: esm,
      outExtension: { '.js': '.cjs' },
      splitting: true,
      chunkNames: '[name]-[hash]',
      // Compiling the code is most of a cold start: minified, it is about half the bytes to parse.
      minify: true,
      sourcemap: 'inline',
    });
    await esbuild({
      entryPoints: readdirSync(esm).map((name) => path.join(esm, name)),
      outdir: 'dist/main/cli-chunks',
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      sourcemap: 'linked',
      logLevel: 'warning',
      // import() becomes require(), which the launcher's loader answers; import.meta is the
      // loader's (each module's own file URL).
      supported: { 'dynamic-import': false },
      define: { 'import.meta': '__bylineImportMeta' },
    });
  } finally {
    rmSync(esm, { recursive: true, force: true });
  }
  await esbuild({
    ...nodeEntry,
    banner: undefined,
    entryPoints: { cli: 'main/cli/launch.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    minify: true,
  });
};

// Chunk names carry a hash: clear old ones so a package never ships two generations.
rmSync('dist/main/cli-chunks', { recursive: true, force: true });
if (!cliOnly) rmSync('dist/main/web-chunks', { recursive: true, force: true });
if (cliOnly) {
  await cliBuild();
  process.exit(0);
}

await Promise.all([
  esbuild({
    ...nodeEntry,
    entryPoints: { electron: 'main/electron/main.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
  }),
  // Split so the export pipeline (loaded on the first export) is not compiled at every start.
  esbuild({
    ...nodeEntry,
    entryPoints: { web: 'main/web/start.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'web-chunks/[name]-[hash]',
  }),
  esbuild({
    ...nodeEntry,
    entryPoints: { libraryWorker: 'main/library/summaryWorker.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
  }),
  cliBuild(),
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  esbuild({
    entryPoints: { preload: 'main/electron/preload/preload.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'chrome120',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'warning',
  }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });
