/**
 * `byline` command line: check, stats (and export, registered in ./commands). Runs on plain
 * Node without Electron. Errors are one-line messages, never stack traces.
 */
import { runCli } from './runCli';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
});
