import type { EditorState, Text } from '@codemirror/state';
import { StateField } from '@codemirror/state';

const definitionLine = /^ {0,3}\[\^([^\]\s]+)\]:/;

function countLines(
  doc: Text,
  first: number,
  last: number,
  into: Map<string, number>,
  step: 1 | -1,
): void {
  for (let n = first; n <= last; n++) {
    const label = definitionLine.exec(doc.line(n).text)?.[1];
    if (label === undefined) continue;
    const count = (into.get(label) ?? 0) + step;
    if (count > 0) into.set(label, count);
    else into.delete(label);
  }
}

/**
 * The footnote labels defined in the document (label -> number of defining lines), kept current
 * by rescanning only the lines a change touched. The wavy "no definition" marks read it on every
 * viewport change; indexing a 1 MB article for that took 12-16 ms inside the keystroke's frame
 * (bench/editor.bench.ts). A definition-shaped line inside a fenced code block counts here (the
 * marks are a hint; `byline check` and the references panel use the full footnote index).
 */
export const definedFootnotes = StateField.define<ReadonlyMap<string, number>>({
  create(state: EditorState) {
    const labels = new Map<string, number>();
    countLines(state.doc, 1, state.doc.lines, labels, 1);
    return labels;
  },
  update(labels, tr) {
    if (!tr.docChanged) return labels;
    const touched: { oldFirst: number; oldLast: number; newFirst: number; newLast: number }[] = [];
    // The description only: the ChangeSet's own iteration joins the inserted texts, unused here.
    tr.changes.desc.iterChangedRanges((fromA, toA, fromB, toB) => {
      const range = {
        oldFirst: tr.startState.doc.lineAt(fromA).number,
        oldLast: tr.startState.doc.lineAt(toA).number,
        newFirst: tr.state.doc.lineAt(fromB).number,
        newLast: tr.state.doc.lineAt(toB).number,
      };
      // Two changes on one line: one range covering both.
      const previous = touched[touched.length - 1];
      if (previous && previous.oldLast >= range.oldFirst) {
        previous.oldLast = Math.max(previous.oldLast, range.oldLast);
        previous.newLast = Math.max(previous.newLast, range.newLast);
      } else touched.push(range);
    });
    let next: Map<string, number> | null = null;
    for (const range of touched) {
      const before = new Map<string, number>();
      const after = new Map<string, number>();
      countLines(tr.startState.doc, range.oldFirst, range.oldLast, before, 1);
      countLines(tr.state.doc, range.newFirst, range.newLast, after, 1);
      if (before.size === 0 && after.size === 0) continue;
      next ??= new Map(labels);
      for (const [label, count] of before) {
        const left = (next.get(label) ?? 0) - count;
        if (left > 0) next.set(label, left);
        else next.delete(label);
      }
      for (const [label, count] of after) next.set(label, (next.get(label) ?? 0) + count);
    }
    return next ?? labels;
  },
});
