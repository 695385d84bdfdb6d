import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFootnotes } from './footnoteIndex';

const sampleShaped = readFileSync(
  join(import.meta.dirname, '../../tests/fixtures/footnotes/sample-shaped.md'),
  'utf8',
);

/** The body after the YAML front matter, with its offsets (the test's own tiny split). */
function bodyOf(file: string) {
  const closing = file.indexOf('\n---\n', 3) + '\n---\n'.length;
  return {
    body: file.slice(closing),
    charOffset: closing,
    lineOffset: file.slice(0, closing).split('\n').length - 1,
  };
}

describe('indexFootnotes on a sample-shaped article', () => {
  const { body, charOffset, lineOffset } = bodyOf(sampleShaped);
  const index = indexFootnotes(body, { lineOffset, charOffset });

  it('finds exactly one unused definition (2) and no missing one', () => {
    expect(index.unusedDefinitions).toEqual(['2']);
    expect(index.missingDefinitions).toEqual([]);
    expect(index.duplicateDefinitions).toEqual([]);
  });

  it('orders labels by first citation, ignoring code spans and fences', () => {
    expect(index.order).toEqual(['1', '3', '4', '5']);
    expect(index.references.map((reference) => `${reference.label}@${reference.line}`)).toEqual([
      '1@15',
      '3@19',
      '4@29',
      '1@29',
      '5@31',
    ]);
  });

  it('reports positions in the whole file', () => {
    for (const reference of index.references) {
      expect(sampleShaped.slice(reference.from, reference.to)).toBe(`[^${reference.label}]`);
      const lineText = sampleShaped.split('\n')[reference.line - 1] ?? '';
      expect(
        lineText.slice(reference.column - 1, reference.column - 1 + reference.to - reference.from),
      ).toBe(`[^${reference.label}]`);
    }
  });

  it('indexes definitions with their lines and text, continuation lines included', () => {
    expect(index.definitions.map((definition) => `${definition.label}@${definition.line}`)).toEqual(
      ['1@34', '2@35', '3@36', '4@37', '5@39'],
    );
    const fourth = index.definitions[3];
    expect(fourth?.text).toBe(
      '（2024/10/31）。拆迁补偿标准调整说明。\n续行：补充说明了安置房的分配规则。',
    );
    expect(sampleShaped.slice(fourth?.from, fourth?.to)).toBe(
      '[^4]: （2024/10/31）。拆迁补偿标准调整说明。\n    续行：补充说明了安置房的分配规则。',
    );
    expect(fourth?.column).toBe(1);
  });

  it('gives the same result for the whole file of an article without front matter', () => {
    const whole = indexFootnotes(body);
    expect(whole.order).toEqual(index.order);
    expect(whole.references[0]?.line).toBe((index.references[0]?.line ?? 0) - lineOffset);
  });
});

describe('indexFootnotes edge cases', () => {
  it('reports missing and duplicate definitions', () => {
    const index = indexFootnotes('a[^x] b[^y]\n\n[^x]: one\n[^x]: two\n[^z]: never\n');
    expect(index.missingDefinitions).toEqual(['y']);
    expect(index.duplicateDefinitions).toEqual(['x']);
    expect(index.unusedDefinitions).toEqual(['z']);
  });

  it('follows multi-line definitions: indented paragraphs, lazy lines, a label alone on its line', () => {
    const text =
      '[^a]: first\nlazy line\n\n    second paragraph [^b]\n\nBody.\n\n[^b]:\n    on the next line\n';
    const index = indexFootnotes(text);
    expect(index.definitions.map(({ label, line, text: body }) => ({ label, line, body }))).toEqual(
      [
        { label: 'a', line: 1, body: 'first\nlazy line\n\nsecond paragraph [^b]' },
        { label: 'b', line: 8, body: 'on the next line' },
      ],
    );
    // A citation inside a definition still counts; the label of a definition does not.
    expect(index.references.map((reference) => reference.label)).toEqual(['b']);
    expect(index.unusedDefinitions).toEqual(['a']);
  });

  it('ignores code spans (any backtick run), fences, indented code, escapes and links', () => {
    const text = [
      'a `[^1]` b ``x [^2] ` y`` c \\[^3] d [^4](https://x.example) e <https://x.example/[^5]>',
      '',
      '~~~',
      '[^6]',
      '~~~',
      '',
      '    [^7]',
      '',
      'a `code that',
      'spans lines [^8]` and [^9]',
    ].join('\n');
    expect(indexFootnotes(text).order).toEqual(['9']);
  });

  it('treats an unclosed backtick as text', () => {
    expect(indexFootnotes('a ` b [^1]\n').order).toEqual(['1']);
  });

  it('handles CRLF line endings and CJK labels', () => {
    const index = indexFootnotes('正文[^来源]。\r\n\r\n[^来源]: 新智元\r\n');
    expect(index.references[0]).toEqual({ label: '来源', line: 1, column: 3, from: 2, to: 7 });
    expect(index.definitions[0]).toMatchObject({ label: '来源', line: 3, text: '新智元' });
    expect(index.unusedDefinitions).toEqual([]);
  });

  it('finds definitions inside blockquotes and returns empty lists for plain text', () => {
    expect(indexFootnotes('> a[^q]\n>\n> [^q]: quoted\n').definitions[0]?.line).toBe(3);
    expect(indexFootnotes('no notes here')).toEqual({
      references: [],
      definitions: [],
      unusedDefinitions: [],
      missingDefinitions: [],
      duplicateDefinitions: [],
      order: [],
    });
  });
});
