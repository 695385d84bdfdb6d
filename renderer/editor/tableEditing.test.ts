import { history, undo } from '@codemirror/commands';
import { ensureSyntaxTree } from '@codemirror/language';
import type { Transaction } from '@codemirror/state';
import { EditorSelection, EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { markdownSupport } from './editorExtensions';
import { moveToTableCell } from './tableEditing';

/** `‸` marks the cursor (table rows are full of `|`, the usual state-string cursor). */
function stateWithCursor(text: string): EditorState {
  const cursor = text.indexOf('‸');
  const state = EditorState.create({
    doc: text.replace('‸', ''),
    selection: EditorSelection.cursor(cursor),
    extensions: [markdownSupport(), history()],
  });
  ensureSyntaxTree(state, state.doc.length, 5000);
  return state;
}

function press(state: EditorState, direction: 1 | -1): EditorState {
  let next = state;
  const handled = moveToTableCell(direction)({
    state,
    dispatch: (tr: Transaction) => (next = tr.state),
  });
  if (!handled) throw new Error('not handled');
  ensureSyntaxTree(next, next.doc.length, 5000);
  return next;
}

const selected = (state: EditorState): string =>
  state.sliceDoc(state.selection.main.from, state.selection.main.to);

describe('Tab and Shift-Tab in a table', () => {
  const table = '前文\n\n| 公司 | 金额 |\n|---|---|\n| OpenAI‸ | 2亿 |\n| 微软 | 30 |\n\n后文';

  it('aligns the table and selects the next cell, then the previous one', () => {
    const tabbed = press(stateWithCursor(table), 1);
    expect(tabbed.doc.toString()).toBe(
      '前文\n\n| 公司   | 金额 |\n| ------ | ---- |\n| OpenAI | 2亿  |\n| 微软   | 30   |\n\n后文',
    );
    expect(selected(tabbed)).toBe('2亿');
    expect(selected(press(tabbed, 1))).toBe('微软');
    expect(selected(press(tabbed, -1))).toBe('OpenAI');
  });

  it('skips the delimiter row both ways', () => {
    const onHeader = stateWithCursor('| a | b‸ |\n|---|---|\n| c | d |');
    expect(selected(press(onHeader, 1))).toBe('c');
    const onFirstBody = stateWithCursor('| a | b |\n|---|---|\n| c‸ | d |');
    expect(selected(press(onFirstBody, -1))).toBe('b');
  });

  it('adds an empty row after the last cell', () => {
    const state = press(stateWithCursor('| a | b |\n|---|---|\n| c | d‸ |'), 1);
    expect(state.doc.toString()).toBe('| a   | b   |\n| --- | --- |\n| c   | d   |\n|     |     |');
    expect(state.selection.main.empty).toBe(true);
    expect(state.doc.lineAt(state.selection.main.head).number).toBe(4);
  });

  it('one undo takes back the whole layout', () => {
    const tabbed = press(stateWithCursor(table), 1);
    let undone = tabbed;
    undo({ state: tabbed, dispatch: (tr) => (undone = tr.state) });
    expect(undone.doc.toString()).toBe(table.replace('‸', ''));
  });

  it('leaves Tab to indentation outside a table', () => {
    const state = stateWithCursor('正文‸段落\n\n| a | b |\n|---|---|\n| c | d |');
    expect(moveToTableCell(1)({ state, dispatch: () => undefined })).toBe(false);
  });
});
