import type { Extension, StateCommand } from '@codemirror/state';
import { EditorSelection, EditorState } from '@codemirror/state';

/**
 * State strings for tests, in the style of @codemirror/lang-markdown's test-commands.ts:
 * `|` is a cursor, `«` and `»` are a selection's anchor and head. Several ranges = several cursors.
 */
export function stateFrom(text: string, extensions: Extension = []): EditorState {
  const ranges: { anchor: number; head: number }[] = [];
  let doc = '';
  let anchor: number | null = null;
  for (const ch of text) {
    if (ch === '|') ranges.push({ anchor: doc.length, head: doc.length });
    else if (ch === '«') anchor = doc.length;
    else if (ch === '»') {
      ranges.push({ anchor: anchor ?? doc.length, head: doc.length });
      anchor = null;
    } else doc += ch;
  }
  const selection = ranges.length
    ? EditorSelection.create(ranges.map((r) => EditorSelection.range(r.anchor, r.head)))
    : EditorSelection.single(0);
  return EditorState.create({
    doc,
    selection,
    extensions: [EditorState.allowMultipleSelections.of(true), extensions],
  });
}

function stateToString(state: EditorState): string {
  let doc = state.doc.toString();
  const marks: { pos: number; text: string }[] = [];
  for (const range of state.selection.ranges) {
    if (range.empty) marks.push({ pos: range.head, text: '|' });
    else {
      marks.push({ pos: range.anchor, text: '«' });
      marks.push({ pos: range.head, text: '»' });
    }
  }
  marks.sort((a, b) => b.pos - a.pos);
  for (const mark of marks) doc = doc.slice(0, mark.pos) + mark.text + doc.slice(mark.pos);
  return doc;
}

/** Runs a state command on a state string and returns the resulting state string. */
export function runCommand(
  command: StateCommand,
  text: string,
  extensions: Extension = [],
): string {
  let state = stateFrom(text, extensions);
  command({ state, dispatch: (tr) => (state = tr.state) });
  return stateToString(state);
}
