/**
 * `byline` command line: check, stats (and export, registered in ./commands). Runs on plain
 * Node without Electron. Errors are one-line messages, never stack traces. The launcher
 * (launch.ts, the built dist/main/cli.mjs) loads this module's build and calls `main`.
 */
import { runCli } from './runCli';

/** Runs one command with the process's output streams; resolves to its exit code. */
export function main(argv: string[]): Promise<number> {
  return runCli(argv, {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  });
}
