// The README's commands run what package.json points at: every built file a script, `main` or
// `bin` names must be one the build writes (`npm run web` once pointed at a file never built).
// npm test builds before the unit tests run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

describe('package.json entry points', () => {
  const referenced = [
    manifest.main,
    ...Object.values(manifest.scripts).flatMap((script) => script.match(/dist\/[\w./-]+/g) ?? []),
    ...(readFileSync(path.join(root, 'bin/byline.mjs'), 'utf8').match(/dist\/[\w./-]+/g) ?? []),
  ];

  it.each([...new Set(referenced)])('%s is built', (file) => {
    expect(
      existsSync(path.join(root, file)),
      `${file} missing: is it the build's output name? (npm run build)`,
    ).toBe(true);
  });
});
