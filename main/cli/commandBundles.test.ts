import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Compiling code is most of a cold `byline check`: these packages are for the editor, exports
// or files that are not UTF-8, and must not be reachable from `check`/`stats` by static imports
// (a dynamic import() for a rare case is allowed; that chunk loads only when it runs).
const notForCheck = [
  'zod',
  'jschardet',
  'iconv-lite',
  'gray-matter',
  'js-yaml',
  'diff',
  'jsdom',
  'dompurify',
  'docx',
  'pinyin-pro',
];

async function staticallyReached(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['electron', 'jsdom', 'sharp', 'playwright-core'],
  });
  const inputs: Metafile['inputs'] = result.metafile.inputs;
  const start = path.relative(process.cwd(), path.resolve(entry));
  const seen = new Set([start]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || seen.has(imported.path)) continue;
      seen.add(imported.path);
      if (!imported.external) queue.push(imported.path);
    }
  }
  return seen;
}

const packageOf = (file: string): string | null => {
  const at = file.lastIndexOf('node_modules/');
  if (at === -1) return file.includes('/') || file.includes('.') ? null : file;
  const [scope, name] = file.slice(at + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? null);
};

describe('what the quick commands load', () => {
  it.each(['main/cli/commands/checkCommand.ts', 'main/cli/commands/statsCommand.ts'])(
    '%s reaches none of the heavy packages',
    async (entry) => {
      const packages = new Set([...(await staticallyReached(entry))].map(packageOf));
      expect(notForCheck.filter((name) => packages.has(name))).toEqual([]);
    },
    60_000,
  );
});
