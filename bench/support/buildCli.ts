import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds the command line tool as it is now (a few seconds) and returns the `byline` command a
 * user runs (bin/byline.mjs, which starts dist/main/cli.mjs).
 */
export function buildCli(): string {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--cli', '--quiet'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('could not build the CLI');
  return path.resolve('bin/byline.mjs');
}

/**
 * The CLI's code cache for a bench: its own folder, so the first (cold) run of a case is a real
 * first run, and `cold()` options that empty it before every run to time cold starts.
 */
export function benchCodeCache(base: string): {
  env: NodeJS.ProcessEnv;
  cold: { env: NodeJS.ProcessEnv; beforeEach: () => void };
} {
  const dir = path.join(base, 'byline-code-cache');
  const env = { ...process.env, BYLINE_CODE_CACHE: dir };
  return { env, cold: { env, beforeEach: () => rmSync(dir, { recursive: true, force: true }) } };
}
