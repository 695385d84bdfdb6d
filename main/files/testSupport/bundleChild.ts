import path from 'node:path';
import { build } from 'esbuild';

/** Bundle a child-process script to one CommonJS file, so each spawn starts in plain Node quickly. */
export async function bundleChild(entry: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.cjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
