import type { EditorState, Extension } from '@codemirror/state';
import { EditorState as State, RangeSetBuilder } from '@codemirror/state';
import type { DecorationSet, ViewUpdate } from '@codemirror/view';
import { Decoration, EditorView, ViewPlugin } from '@codemirror/view';

const isBlank = (text: string): boolean => text.trim() === '';
/** A paragraph never spans more than this many lines for focus mode's purposes. */
const maxParagraphLines = 400;

/** Line numbers (1-based, inclusive) of the paragraph holding `pos`: up to the blank lines around it. */
export function paragraphLinesAt(state: EditorState, pos: number): { first: number; last: number } {
  const doc = state.doc;
  const line = doc.lineAt(pos);
  if (isBlank(line.text)) return { first: line.number, last: line.number };
  let first = line.number;
  while (first > 1 && line.number - first < maxParagraphLines && !isBlank(doc.line(first - 1).text))
    first--;
  let last = line.number;
  while (
    last < doc.lines &&
    last - line.number < maxParagraphLines &&
    !isBlank(doc.line(last + 1).text)
  )
    last++;
  return { first, last };
}

const currentLine = Decoration.line({ class: 'cm-focus-current' });

function focusDecorations(state: EditorState): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const { first, last } = paragraphLinesAt(state, state.selection.main.head);
  for (let n = first; n <= last; n++)
    builder.add(state.doc.line(n).from, state.doc.line(n).from, currentLine);
  return builder.finish();
}

/**
 * Focus mode: every line is dimmed except the paragraph with the cursor. Only the current
 * paragraph is decorated; the dimming itself is CSS on `.cm-focus-mode`.
 */
export function focusMode(): Extension {
  return [
    EditorView.editorAttributes.of({ class: 'cm-focus-mode' }),
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = focusDecorations(view.state);
        }
        update(update: ViewUpdate): void {
          if (update.docChanged || update.selectionSet)
            this.decorations = focusDecorations(update.state);
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
  ];
}

/**
 * Typewriter scrolling: the line with the cursor stays in the middle of the editor. Added to the
 * writer's own transactions (no extra dispatch), and never to IME composition updates.
 */
export function typewriterScrolling(): Extension {
  return [
    EditorView.editorAttributes.of({ class: 'cm-typewriter' }),
    State.transactionExtender.of((tr) => {
      if (!tr.selection && !tr.docChanged) return null;
      if (tr.isUserEvent('input.type.compose') || tr.isUserEvent('select.pointer')) return null;
      const typed = ['input', 'delete', 'select', 'undo', 'redo'].some((event) =>
        tr.isUserEvent(event),
      );
      if (!typed) return null;
      return { effects: EditorView.scrollIntoView(tr.newSelection.main.head, { y: 'center' }) };
    }),
  ];
}
