/**
 * The built command line tool's entry (dist/main/cli.mjs, run by bin/byline.mjs): loads the
 * program (dist/main/cli-chunks/byline.cjs and the chunks each command needs) with V8's cached
 * code from earlier runs, runs the command, then caches the code compiled for it.
 * `BYLINE_DEBUG=1` reports each module's cache outcome on stderr.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CachedModuleLoader } from './codeCache/cachedModuleLoader';
import { openCodeCache } from './codeCache/codeCacheStore';

const chunks = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-chunks');
const loader = new CachedModuleLoader(chunks, openCodeCache());
try {
  const program = loader.load(path.join(chunks, 'byline.cjs')) as {
    main(argv: string[]): Promise<number>;
  };
  process.exitCode = await program.main(process.argv.slice(2));
} finally {
  const written = loader.saveCompiledCode();
  if (process.env.BYLINE_DEBUG) {
    for (const { file, outcome } of loader.outcomes())
      process.stderr.write(`byline: code cache ${outcome}: ${path.basename(file)}\n`);
    process.stderr.write(`byline: code cache entries written: ${written}\n`);
  }
}
