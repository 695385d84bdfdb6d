import type { CliCommand, CliIo } from './cliCommand';
import { UsageError } from './cliCommand';
import { checkCommand } from './commands/checkCommand';
import { statsCommand } from './commands/statsCommand';
import { exportCommand } from './commands/exportCommand';

/** Every subcommand; `export` joins this list from ./commands/exportCommand.ts. */
export const cliCommands: CliCommand[] = [checkCommand, statsCommand, exportCommand];

function usage(io: CliIo): void {
  io.out('Usage:');
  for (const command of cliCommands) io.out(`  ${command.usage.padEnd(60)} ${command.summary}`);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    usage(io);
    return name ? 0 : 2;
  }
  const command = cliCommands.find((c) => c.name === name);
  if (!command) {
    io.err(`byline: unknown command "${name}"`);
    usage(io);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`byline ${name}: ${error.message}`);
      io.err(`Usage: ${command.usage}`);
      return 2;
    }
    io.err(`byline ${name}: ${(error as Error).message}`);
    if (process.env.BYLINE_DEBUG) io.err((error as Error).stack ?? '');
    return 1;
  }
}
