// The code cache across real processes, as the `byline` command uses it: a runner built from the
// loader and the store loads two CommonJS modules in a child process, runs them, then saves.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeCacheOutcome } from './cachedModuleLoader';

const work = mkdtempSync(path.join(os.tmpdir(), 'byline-code-cache-'));
const modules = path.join(work, 'modules');
const runner = path.join(work, 'runner.mjs');

interface Run {
  status: number | null;
  stderr: string;
  result: { answer: string; outcomes: CodeCacheOutcome[]; written: number };
}

function run(cache: string, nodeOptions: string[] = []): Run {
  const child = spawnSync(process.execPath, [...nodeOptions, runner, modules], {
    encoding: 'utf8',
    env: { ...process.env, BYLINE_CODE_CACHE: cache, NODE_OPTIONS: '' },
  });
  return {
    status: child.status,
    stderr: child.stderr,
    result: JSON.parse(child.stdout || '{}') as Run['result'],
  };
}

const entries = (cache: string): string[] =>
  readdirSync(cache, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

beforeAll(async () => {
  mkdirSync(modules);
  // Enough code that V8 has functions to compile lazily, and the loader's import.meta.
  writeFileSync(
    path.join(modules, 'entry.cjs'),
    `const helper = require('./helper.cjs'); const path = require('node:path');
     exports.answer = () => helper.words(40).join(' ') + ' ' + path.basename(__bylineImportMeta.url);`,
  );
  writeFileSync(
    path.join(modules, 'helper.cjs'),
    `exports.words = (n) => Array.from({ length: n }, (_, i) => (i * 7919 % 97).toString(36)).filter((w) => w.length > 1);`,
  );
  const here = import.meta.dirname;
  await build({
    stdin: {
      contents: `
        import path from 'node:path';
        import { CachedModuleLoader } from ${JSON.stringify(path.join(here, 'cachedModuleLoader.ts'))};
        import { openCodeCache } from ${JSON.stringify(path.join(here, 'codeCacheStore.ts'))};
        const root = process.argv[2];
        const loader = new CachedModuleLoader(root, openCodeCache());
        const answer = loader.load(path.join(root, 'entry.cjs')).answer();
        const written = loader.saveCompiledCode();
        console.log(JSON.stringify({ answer, written, outcomes: loader.outcomes().map((o) => o.outcome) }));
      `,
      resolveDir: here,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: runner,
    logLevel: 'silent',
  });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the CLI code cache', () => {
  it('is written after a first run and used by the next', () => {
    const cache = path.join(work, 'cache-first');
    const first = run(cache);
    expect(first.status, first.stderr).toBe(0);
    expect(first.result.outcomes).toEqual(['missing', 'missing']);
    expect(first.result.written).toBe(2);
    expect(entries(cache)).toHaveLength(2);
    expect(first.result.answer).toMatch(/ entry\.cjs$/);

    const second = run(cache);
    expect(second.result.outcomes).toEqual(['used', 'used']);
    expect(second.result.written).toBe(0);
    expect(second.result.answer).toBe(first.result.answer);
  });

  it('ignores a damaged entry, runs from source and writes it again', () => {
    const cache = path.join(work, 'cache-damaged');
    run(cache);
    const [one, two] = entries(cache) as [string, string];
    const flipped = readFileSync(one);
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] ?? 0) ^ 0xff;
    writeFileSync(one, flipped);
    writeFileSync(two, 'not a code cache');

    const damaged = run(cache);
    expect(damaged.status, damaged.stderr).toBe(0);
    expect(damaged.result.outcomes).toEqual(['missing', 'missing']);
    expect(damaged.result.written).toBe(2);
    expect(run(cache).result.outcomes).toEqual(['used', 'used']);
  });

  it('hands V8 data of other flags back to be compiled and written again', () => {
    const cache = path.join(work, 'cache-flags');
    run(cache, ['--no-lazy-feedback-allocation']);
    const [flagged] = readdirSync(cache);
    run(cache);
    const [plain] = readdirSync(cache).filter((dir) => dir !== flagged);
    expect(flagged).toBeDefined();
    expect(plain).toBeDefined();
    // Another flag set's data under this process's folder: V8 refuses it.
    cpSync(path.join(cache, flagged ?? ''), path.join(cache, plain ?? ''), { recursive: true });

    const refused = run(cache);
    expect(refused.result.outcomes).toEqual(['rejected', 'rejected']);
    expect(refused.result.written).toBe(2);
    expect(run(cache).result.outcomes).toEqual(['used', 'used']);
  });

  it('runs the command when the cache folder cannot be made, and when the cache is off', () => {
    const blocker = path.join(work, 'a-file');
    writeFileSync(blocker, '');
    const unwritable = run(path.join(blocker, 'cache'));
    expect(unwritable.status, unwritable.stderr).toBe(0);
    expect(unwritable.result.outcomes).toEqual(['missing', 'missing']);
    expect(unwritable.result.written).toBe(0);

    const off = run('off');
    expect(off.status, off.stderr).toBe(0);
    expect(off.result.outcomes).toEqual(['off', 'off']);
    expect(off.result.answer).toBe(unwritable.result.answer);
  });
});
