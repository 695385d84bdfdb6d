import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Builds the command line tool as it is now (a few seconds) and returns its entry file. */
export function buildCli(): string {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--cli', '--quiet'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('could not build the CLI');
  return path.resolve('dist/main/cli.mjs');
}
