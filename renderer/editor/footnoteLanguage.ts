import { tags } from '@lezer/highlight';
import type {
  BlockContext,
  InlineContext,
  LeafBlock,
  LeafBlockParser,
  Line,
  MarkdownConfig,
} from '@lezer/markdown';

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

/** Where the `[^label]:` opening `text` at `start` ends (after the colon), or -1. */
function definitionEnd(text: string, start: number): number {
  const end = footnoteLabelEnd(text, start);
  return end > 0 && text.charAt(end) === ':' ? end + 1 : -1;
}

const opensDefinition = (line: Line): boolean =>
  line.indent < 4 && definitionEnd(line.text, line.pos) > 0;

/**
 * A definition is a paragraph that opens with `[^label]:`: it takes the lines a paragraph would
 * (lazy and indented continuation lines, quote markers), and ends where a paragraph ends.
 */
class FootnoteDefinitionParser implements LeafBlockParser {
  constructor(private readonly labelEnd: number) {}

  nextLine(): boolean {
    return false;
  }

  finish(cx: BlockContext, leaf: LeafBlock): boolean {
    const from = leaf.start;
    const colon = from + this.labelEnd;
    cx.addLeafElement(
      leaf,
      cx.elt('FootnoteDefinition', from, from + leaf.content.length, [
        cx.elt('FootnoteMark', from, from + 2),
        cx.elt('FootnoteLabel', from + 2, colon - 2),
        cx.elt('FootnoteMark', colon - 2, colon),
        ...cx.parser.parseInline(leaf.content.slice(this.labelEnd), colon),
      ]),
    );
    return true;
  }
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
      leaf(_cx: BlockContext, leaf: LeafBlock): LeafBlockParser | null {
        const labelEnd = definitionEnd(leaf.content, 0);
        return labelEnd > 0 ? new FootnoteDefinitionParser(labelEnd) : null;
      },
      // A definition starts a new block even right under a paragraph or another definition.
      endLeaf: (_cx: BlockContext, line: Line) => opensDefinition(line),
    },
  ],
};
