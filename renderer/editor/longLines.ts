import type { BlockContext, LeafBlock, Line, MarkdownConfig } from '@lezer/markdown';

/**
 * Lines longer than this are shown as plain text: no inline Markdown (links, emphasis, code) is
 * looked for in them. @lezer/markdown's link matching is quadratic in the brackets of one block:
 * a line of 100,000 `[` then 100,000 `]` held the renderer for 42 s. A real paragraph, even a
 * Chinese one written as one line, stays far below; the preview still renders such lines fully.
 */
export const LONG_LINE_LIMIT = 10_000;

const isLong = (line: Line): boolean => line.text.length - line.pos > LONG_LINE_LIMIT;

/**
 * A line over LONG_LINE_LIMIT becomes one `LongLine` block of its own (after list and quote
 * markers, which are still recognised), and ends the paragraph before it. A paragraph that has
 * grown past the limit also ends at its next line: the inline parse is per paragraph, and 100,000
 * footnote lines in one paragraph cost minutes; cut into blocks of bounded size they cost a
 * bounded amount each. Only the editor's highlighting sees the cut.
 */
export const longLineMarkdown: MarkdownConfig = {
  defineNodes: [{ name: 'LongLine', block: true }],
  parseBlock: [
    {
      name: 'LongLine',
      before: 'ATXHeading',
      parse(cx: BlockContext, line: Line): boolean {
        if (!isLong(line)) return false;
        cx.addElement(cx.elt('LongLine', cx.lineStart + line.pos, cx.lineStart + line.text.length));
        cx.nextLine();
        return true;
      },
      endLeaf: (_cx: BlockContext, line: Line, leaf: LeafBlock) =>
        isLong(line) || leaf.content.length > LONG_LINE_LIMIT,
    },
  ],
};
