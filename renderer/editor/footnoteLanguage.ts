import { tags } from '@lezer/highlight';
import type { BlockContext, InlineContext, LeafBlock, Line, MarkdownConfig } from '@lezer/markdown';

/** Longest label looked for; a real one is a number or a short word. */
const maxLabelLength = 100;

const OPEN_BRACKET = 91; // [
const CARET = 94; // ^

/** Length of the `[^label]` at `start` of `text`, or -1 (labels hold no spaces, as in markdown-it-footnote). */
function footnoteLabelEnd(text: string, start: number): number {
  if (text.charCodeAt(start) !== OPEN_BRACKET || text.charCodeAt(start + 1) !== CARET) return -1;
  const limit = Math.min(text.length, start + 2 + maxLabelLength + 1);
  for (let pos = start + 2; pos < limit; pos++) {
    const char = text.charAt(pos);
    if (char === ']') return pos > start + 2 ? pos + 1 : -1;
    if (char === '[' || /\s/.test(char)) return -1;
  }
  return -1;
}

/** Where a `[^label]:` definition opening `line` ends (after the colon), or -1. */
function definitionStart(line: Line): number {
  if (line.indent >= 4) return -1;
  const end = footnoteLabelEnd(line.text, line.pos);
  return end > 0 && line.text.charAt(end) === ':' ? end + 1 : -1;
}

/** A line that starts a block of its own (heading, quote, list, fence, table, HTML, rule). */
const blockStart =
  /^(?:#{1,6}(?:\s|$)|>|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|`{3}|~{3}|\||<|(?:[-*_][ \t]*){3,}$)/;

function continuesDefinition(line: Line): boolean {
  if (line.next < 0 || definitionStart(line) >= 0) return false;
  return line.indent >= 4 || !blockStart.test(line.text.slice(line.pos));
}

/**
 * Footnotes as Hugo (Goldmark) and the preview (markdown-it-footnote) read them. Without this the
 * editor sees `[^2]` as a shortcut link, and a caret run such as `艰难[^2]，这个[^3]` (no spaces in
 * Chinese prose) as a superscript inside one link spanning the prose between the two citations;
 * and the first `[^1]: source` after a blank line as a link reference whose "URL" is the source's
 * first word. References and definitions are their own nodes, parsed before links and superscript.
 */
export const footnoteMarkdown: MarkdownConfig = {
  defineNodes: [
    { name: 'FootnoteReference' },
    { name: 'FootnoteDefinition', block: true },
    { name: 'FootnoteMark', style: tags.processingInstruction },
    { name: 'FootnoteLabel', style: tags.labelName },
  ],
  parseInline: [
    {
      name: 'FootnoteReference',
      before: 'Link',
      parse(cx: InlineContext, next: number, pos: number): number {
        if (next !== OPEN_BRACKET || cx.char(pos + 1) !== CARET) return -1;
        const window = cx.slice(pos, Math.min(cx.end, pos + maxLabelLength + 3));
        const length = footnoteLabelEnd(window, 0);
        if (length < 0) return -1;
        const end = pos + length;
        return cx.addElement(
          cx.elt('FootnoteReference', pos, end, [
            cx.elt('FootnoteMark', pos, pos + 2),
            cx.elt('FootnoteLabel', pos + 2, end - 1),
            cx.elt('FootnoteMark', end - 1, end),
          ]),
        );
      },
    },
  ],
  parseBlock: [
    {
      name: 'FootnoteDefinition',
      before: 'LinkReference',
      parse(cx: BlockContext, line: Line): boolean {
        const contentStart = definitionStart(line);
        if (contentStart < 0) return false;
        const from = cx.lineStart + line.pos;
        const labelEnd = cx.lineStart + contentStart - 2;
        const children = [
          cx.elt('FootnoteMark', from, from + 2),
          cx.elt('FootnoteLabel', from + 2, labelEnd),
          cx.elt('FootnoteMark', labelEnd, labelEnd + 2),
          ...cx.parser.parseInline(line.text.slice(contentStart), cx.lineStart + contentStart),
        ];
        let end = cx.lineStart + line.text.length;
        // Continuation lines belong to the definition, as a paragraph's lazy lines would.
        while (cx.nextLine() && line.depth >= cx.stack.length && continuesDefinition(line)) {
          const start = cx.lineStart + line.pos;
          children.push(...line.markers);
          children.push(...cx.parser.parseInline(line.text.slice(line.pos), start));
          end = cx.lineStart + line.text.length;
        }
        cx.addElement(cx.elt('FootnoteDefinition', from, end, children));
        return true;
      },
      // A definition starts a new block even right under a paragraph or another definition.
      endLeaf: (_cx: BlockContext, line: Line, _leaf: LeafBlock) => definitionStart(line) >= 0,
    },
  ],
};
