import type { CliCommand, CliIo } from './cliCommand';
import { UsageError } from './cliCommand';

/**
 * Every subcommand, loaded only when asked for: `export` pulls in jsdom, docx and Chromium
 * printing, which `check` and `stats` never need, and loading them is most of a cold start.
 * The CLI bundle is split per command (scripts/build.mjs), so each import is its own chunk.
 */
const commandLoaders: Record<string, () => Promise<CliCommand>> = {
  check: async () => (await import('./commands/checkCommand')).checkCommand,
  stats: async () => (await import('./commands/statsCommand')).statsCommand,
  export: async () => (await import('./commands/exportCommand')).exportCommand,
};

/** All commands, for the usage text (the only place that needs every one of them). */
async function loadCliCommands(): Promise<CliCommand[]> {
  return Promise.all(Object.values(commandLoaders).map((load) => load()));
}

async function usage(io: CliIo): Promise<void> {
  io.out('Usage:');
  for (const command of await loadCliCommands())
    io.out(`  ${command.usage.padEnd(60)} ${command.summary}`);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await usage(io);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(commandLoaders, name) ? commandLoaders[name] : undefined;
  if (!load) {
    io.err(`byline: unknown command "${name}"`);
    await usage(io);
    return 2;
  }
  const command = await load();
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
