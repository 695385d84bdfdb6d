import { syntaxTree } from '@codemirror/language';
import type { Range } from '@codemirror/state';
import type { DecorationSet, EditorView, ViewUpdate } from '@codemirror/view';
import { Decoration, ViewPlugin } from '@codemirror/view';
import { TypingScheduler } from '../workbench/typingScheduler';

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

/** After typing, the exclusions are looked for again once the writer pauses this long. */
const rebuildAfterMs = 300;

/**
 * Browser (Electron) spellcheck stays on for prose and is switched off inside front matter, code
 * blocks, inline code and URLs, so writers are not buried in red underlines under `draft: true`.
 * While the writer types, the marks only move with the text (a keystroke walks no syntax tree);
 * they are looked for again after a pause, and at once when the visible part changes without an
 * edit (scrolling).
 */
class SpellcheckExclusions {
  decorations: DecorationSet;
  /** A key only notes its time here (no timer set and cleared per key). */
  private readonly rebuild = new TypingScheduler(() => this.rebuildAfterTyping(), {
    quietMs: rebuildAfterMs,
    maxDelayMs: Infinity,
    leading: false,
  });
  private rebuildPending = false;
  constructor(readonly view: EditorView) {
    this.decorations = spellcheckExclusions(view);
  }
  update(update: ViewUpdate): void {
    // A typed key moves the viewport too (CodeMirror scrolls the cursor into view), so a change
    // of the text wins: the lines that came into view with it get their marks at the pause.
    if (update.docChanged) {
      this.decorations = this.decorations.map(update.changes);
      this.rebuildPending = true;
      this.rebuild.changed();
    } else if (update.viewportChanged) {
      this.cancel();
      this.decorations = spellcheckExclusions(update.view);
    } else if (!this.rebuildPending && syntaxTree(update.startState) !== syntaxTree(update.state)) {
      this.decorations = spellcheckExclusions(update.view);
    }
  }
  private rebuildAfterTyping(): void {
    // Never a transaction under an input method's composition; try again after it.
    if (this.view.composing) return this.rebuild.changed();
    this.rebuildPending = false;
    this.decorations = spellcheckExclusions(this.view);
    this.view.dispatch({});
  }
  private cancel(): void {
    this.rebuild.cancel();
    this.rebuildPending = false;
  }
  destroy(): void {
    this.cancel();
  }
}

export const proseSpellcheck = ViewPlugin.fromClass(SpellcheckExclusions, {
  decorations: (plugin) => plugin.decorations,
});
