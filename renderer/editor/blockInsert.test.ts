import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { asBlock } from './blockInsert';

/** Inserts `block` at `|` of `doc` and returns the result with `|` at the cursor. */
function place(doc: string, block: string): string {
  const at = doc.indexOf('|');
  const text = Text.of(doc.replace('|', '').split('\n'));
  const { insert, cursor } = asBlock(text, at, block);
  const result = text.sliceString(0, at) + insert + text.sliceString(at);
  return result.slice(0, cursor) + '|' + result.slice(cursor);
}

describe('asBlock', () => {
  it('puts a blank line on both sides of an image pasted inside a paragraph', () => {
    expect(place('第一句。|第二句。', '![图](a.png)')).toBe(
      '第一句。\n\n![图](a.png)|\n\n第二句。',
    );
  });

  it('adds only the line breaks that are missing', () => {
    expect(place('段落。\n|\n下一段。', '![图](a.png)')).toBe(
      '段落。\n\n![图](a.png)|\n\n下一段。',
    );
    expect(place('段落。\n\n|\n\n下一段。', '![图](a.png)')).toBe(
      '段落。\n\n![图](a.png)|\n\n下一段。',
    );
  });

  it('at the start and the end of the document', () => {
    expect(place('|正文', '![图](a.png)')).toBe('![图](a.png)|\n\n正文');
    expect(place('正文|', '![图](a.png)')).toBe('正文\n\n![图](a.png)|\n');
  });
});
