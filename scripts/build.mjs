// Builds everything Byline runs: the renderer with Vite, and the Node/Electron entry points
// (Electron main, sandboxed preload, browser-mode server, library worker, CLI) with esbuild.
// `--cli` builds only the command line tool, which is all the npm package ships (`prepack`).
import { rmSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const nodeEntry = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
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

// Split per command: `check` and `stats` load only their own small chunks, never jsdom,
// docx or the PDF printer that `export` needs (main/cli/runCli.ts imports each on demand).
const cliBuild = () =>
  esbuild({
    ...nodeEntry,
    entryPoints: { cli: 'main/cli/byline.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'cli-chunks/[name]-[hash]',
    // Compiling the code is most of a cold start: minified, it is about half the bytes to parse.
    minify: true,
  });

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
