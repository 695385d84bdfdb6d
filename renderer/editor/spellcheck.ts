import { syntaxTree } from '@codemirror/language';
import type { Range } from '@codemirror/state';
import type { DecorationSet, EditorView, ViewUpdate } from '@codemirror/view';
import { Decoration, ViewPlugin } from '@codemirror/view';

/** Whole lines where spelling is meaningless: front matter and code blocks. */
const codeBlocks = new Set(['Frontmatter', 'FencedCode', 'CodeBlock', 'HTMLBlock', 'CommentBlock']);
/** Inline spans: code, URLs, link targets, HTML. */
const codeSpans = new Set(['InlineCode', 'URL', 'Autolink', 'HTMLTag', 'LinkLabel']);

const noSpellcheckLine = Decoration.line({
  attributes: { spellcheck: 'false' },
  class: 'cm-no-spellcheck',
});
const noSpellcheckMark = Decoration.mark({ attributes: { spellcheck: 'false' } });

/** Decorations for the visible part of the document. */
function spellcheckExclusions(view: EditorView): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const { state } = view;
  const tree = syntaxTree(state);
  for (const { from, to } of view.visibleRanges) {
    tree.iterate({
      from,
      to,
      enter(node) {
        if (codeBlocks.has(node.name)) {
          const first = state.doc.lineAt(Math.max(node.from, from)).number;
          const last = state.doc.lineAt(Math.min(node.to, to)).number;
          for (let n = first; n <= last; n++)
            ranges.push(noSpellcheckLine.range(state.doc.line(n).from));
          return false;
        }
        if (codeSpans.has(node.name)) {
          if (node.to > node.from) ranges.push(noSpellcheckMark.range(node.from, node.to));
          return false;
        }
        return undefined;
      },
    });
  }
  return Decoration.set(ranges, true);
}

/**
 * Browser (Electron) spellcheck stays on for prose and is switched off inside front matter, code
 * blocks, inline code and URLs, so writers are not buried in red underlines under `draft: true`.
 */
export const proseSpellcheck = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = spellcheckExclusions(view);
    }
    update(update: ViewUpdate): void {
      if (
        update.docChanged ||
        update.viewportChanged ||
        syntaxTree(update.startState) !== syntaxTree(update.state)
      ) {
        this.decorations = spellcheckExclusions(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
