import { isolateHistory } from '@codemirror/commands';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { EditorState, StateCommand } from '@codemirror/state';
import { EditorSelection, Prec } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import { keymap } from '@codemirror/view';
import type { CellSpan } from '../../shared/markdown/gfmTable';
import { cellIndexAt, emptyRow, formatTable } from '../../shared/markdown/gfmTable';

/** Rows looked at below the cursor when making sure the table around it is parsed. */
const maxTableRows = 2000;
/** How long Tab may wait for the parser to reach the end of the table (it is usually there). */
const parseBudgetMs = 500;

/** End of the paragraph-like block of non-blank lines holding `pos`. */
function blockEnd(state: EditorState, pos: number): number {
  let line = state.doc.lineAt(pos);
  for (let rows = 0; rows < maxTableRows && line.number < state.doc.lines; rows++) {
    const next = state.doc.line(line.number + 1);
    if (next.text.trim() === '') break;
    line = next;
  }
  return line.to;
}

function tableAt(state: EditorState, pos: number): SyntaxNode | null {
  // The parser may still be working on fresh text (an inserted table) on a busy machine.
  const tree = ensureSyntaxTree(state, blockEnd(state, pos), parseBudgetMs) ?? syntaxTree(state);
  for (const side of [1, -1] as const) {
    for (let node: SyntaxNode | null = tree.resolveInner(pos, side); node; node = node.parent) {
      if (node.name === 'Table') return node;
    }
  }
  return null;
}

/**
 * Tab (`direction` 1) and Shift-Tab (-1) inside a GFM table: lay the table out again (columns
 * aligned by display width) and select the next or previous cell's text, skipping the delimiter
 * row. Tab in the last cell adds an empty row. One transaction, kept apart from the typing
 * around it, so one undo takes back exactly one layout. Outside a table it does nothing, and Tab
 * falls through to indentation.
 */
export function moveToTableCell(direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const head = state.selection.main.head;
    const table = tableAt(state, head);
    if (!table) return false;
    const first = state.doc.lineAt(table.from);
    const last = state.doc.lineAt(table.to);
    const lines: string[] = [];
    for (let n = first.number; n <= last.number; n++) lines.push(state.doc.line(n).text);
    const cursorLine = state.doc.lineAt(head);
    const row = cursorLine.number - first.number;
    const column = cellIndexAt(cursorLine.text, head - cursorLine.from);

    let layout = formatTable(lines);
    if (!layout) return false;
    const columns = layout.cells[0]?.length ?? 0;
    const order = (cells: CellSpan[][]): CellSpan[] =>
      cells.filter((_, index) => index !== 1).flat();
    // Cells before the delimiter row are the header's; on the delimiter row itself the cursor
    // counts as sitting just before the first body cell.
    const cell = Math.min(column, columns - 1);
    const current = row === 0 ? cell : row === 1 ? columns - 0.5 : columns * (row - 1) + cell;
    let target = direction === 1 ? Math.floor(current) + 1 : Math.ceil(current) - 1;
    if (target >= order(layout.cells).length) {
      layout = formatTable([...lines, emptyRow(lines[0] ?? '', columns)]);
      if (!layout) return false;
    }
    target = Math.max(0, target);
    const span = order(layout.cells)[target];
    if (!span) return false;
    const changed = layout.text !== lines.join('\n');
    dispatch(
      state.update({
        changes: changed ? { from: first.from, to: last.to, insert: layout.text } : undefined,
        selection: EditorSelection.range(first.from + span.from, first.from + span.to),
        scrollIntoView: true,
        userEvent: 'input.format',
        annotations: isolateHistory.of('full'),
      }),
    );
    return true;
  };
}

/** Tab / Shift-Tab between table cells, ahead of Tab's indentation. */
export const tableKeymap = Prec.high(
  keymap.of([
    { key: 'Tab', run: moveToTableCell(1) },
    { key: 'Shift-Tab', run: moveToTableCell(-1) },
  ]),
);
