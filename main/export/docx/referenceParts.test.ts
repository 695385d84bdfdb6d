import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { buildReferenceParts } from './buildReferenceParts';

const generated = path.resolve('main/export/docx/referenceParts.generated.ts');

/** The module the build-time reference is committed as, formatted as the project formats code. */
async function referenceModule(): Promise<string> {
  const source = [
    '// Generated from buildReferenceParts.ts by',
    '// `npx vitest run main/export/docx/referenceParts.test.ts -u`: do not edit.',
    "import type { ReferenceParts } from './referenceTypes';",
    '',
    `export const referenceParts: ReferenceParts = ${JSON.stringify(buildReferenceParts())};`,
    '',
  ].join('\n');
  return format(source, { ...(await resolveConfig(generated)), filepath: generated });
}

describe('the Word reference parts', () => {
  it('are, as committed, what the docx library writes for them today', async () => {
    await expect(await referenceModule()).toMatchFileSnapshot(generated);
  });

  it('leave the article language to the writer, in the styles of both scripts', () => {
    const parts = buildReferenceParts();
    expect(parts.latinStyles).toContain('w:val="x-byline-lang" w:eastAsia="zh-CN"');
    expect(parts.cjkStyles).toContain('w:val="en-US" w:eastAsia="x-byline-lang"');
    expect(parts.cjkStyles).toContain('SimHei');
    expect(parts.numberingStart).toContain('<w:num w:numId="1">');
    expect(parts.numberingStart).not.toContain('<w:num w:numId="2">');
    expect(parts.footnotesStart).toContain('w:type="continuationSeparator"');
  });
});
