/**
 * GFM pipe tables laid out for reading in plain text: every column as wide as its widest cell,
 * measured in display columns (a Chinese character takes two), cells padded by the column's
 * alignment, and the delimiter row drawn to the same width. Cell text is never changed: escaped
 * pipes (`\|`) stay escaped, and a row with more cells than the header keeps them.
 */
import { displayWidth } from '../text/displayWidth';

export type ColumnAlignment = 'none' | 'left' | 'center' | 'right';

/** A cell's content in the formatted text, as offsets from the start of the table. */
export interface CellSpan {
  from: number;
  to: number;
}

export interface FormattedTable {
  text: string;
  /** Cell spans per line; the delimiter row (line 1) has none. */
  cells: CellSpan[][];
}

/** The prefix a table's lines share: indentation and blockquote markers (`> `). */
const linePrefix = /^[ \t>]*/;
const delimiterCell = /^:?-+:?$/;

/**
 * The cells of one table row: split on pipes that are not escaped, the outer pipes dropped,
 * each cell trimmed. A pipe inside a code span splits too, as GFM says.
 */
export function splitTableRow(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const char = row.charAt(i);
    if (char === '\\' && i + 1 < row.length) {
      current += char + row.charAt(i + 1);
      i++;
    } else if (char === '|') {
      cells.push(current);
      current = '';
    } else current += char;
  }
  cells.push(current);
  const trimmed = cells.map((cell) => cell.trim());
  if (trimmed.length > 1 && trimmed[0] === '') trimmed.shift();
  if (trimmed.length > 1 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed;
}

/** Index of the cell holding `column` (a UTF-16 offset in the line), counted as splitTableRow does. */
export function cellIndexAt(line: string, column: number): number {
  const prefix = linePrefix.exec(line)?.[0] ?? '';
  const row = line.slice(prefix.length);
  let pipes = 0;
  for (let i = 0; i < Math.min(column - prefix.length, row.length); i++) {
    const char = row.charAt(i);
    if (char === '\\') i++;
    else if (char === '|') pipes++;
  }
  const leadingPipe = row.trimStart().startsWith('|');
  return Math.max(0, leadingPipe ? pipes - 1 : pipes);
}

export function isDelimiterRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((cell) => delimiterCell.test(cell));
}

function alignmentOf(cell: string): ColumnAlignment {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':') && cell.length > 1;
  if (left && right) return 'center';
  if (left) return 'left';
  return right ? 'right' : 'none';
}

/** Spaces before and after `text` to fill `width` display columns with this alignment. */
function padding(text: string, width: number, alignment: ColumnAlignment): [number, number] {
  const room = Math.max(0, width - displayWidth(text));
  if (alignment === 'right') return [room, 0];
  if (alignment === 'center') return [Math.floor(room / 2), room - Math.floor(room / 2)];
  return [0, room];
}

function delimiter(width: number, alignment: ColumnAlignment): string {
  const left = alignment === 'left' || alignment === 'center' ? ':' : '';
  const right = alignment === 'right' || alignment === 'center' ? ':' : '';
  return left + '-'.repeat(Math.max(1, width - left.length - right.length)) + right;
}

/** An empty row with `columns` cells, with the prefix of the table's first line. */
export function emptyRow(firstLine: string, columns: number): string {
  return (linePrefix.exec(firstLine)?.[0] ?? '') + '|'.repeat(columns + 1);
}

/**
 * The table in `lines` laid out, or null when line 1 is not a delimiter row. The first line's
 * prefix (indentation, `>` markers) is kept on every line.
 */
export function formatTable(lines: readonly string[]): FormattedTable | null {
  const prefix = linePrefix.exec(lines[0] ?? '')?.[0] ?? '';
  const rows = lines.map((line) =>
    splitTableRow(line.startsWith(prefix) ? line.slice(prefix.length) : line.trimStart()),
  );
  const delimiterCells = rows[1];
  if (!delimiterCells || !isDelimiterRow(delimiterCells)) return null;
  const columns = Math.max(...rows.map((row) => row.length));
  const alignments = Array.from({ length: columns }, (_, column) =>
    alignmentOf(delimiterCells[column] ?? '-'),
  );
  // At least three columns wide, the narrowest delimiter GFM readers expect (`---`, `:-:`).
  const widths = alignments.map((_, column) =>
    rows.reduce(
      (widest, row, index) =>
        index === 1 ? widest : Math.max(widest, displayWidth(row[column] ?? '')),
      3,
    ),
  );

  const out: string[] = [];
  const cells: CellSpan[][] = [];
  let offset = 0;
  rows.forEach((row, index) => {
    let line = prefix + '|';
    const spans: CellSpan[] = [];
    for (let column = 0; column < columns; column++) {
      const width = widths[column] ?? 3;
      const alignment = alignments[column] ?? 'none';
      if (index === 1) {
        line += ` ${delimiter(width, alignment)} |`;
        continue;
      }
      const content = row[column] ?? '';
      const [before, after] = padding(content, width, alignment);
      const from = offset + line.length + 1 + before;
      spans.push({ from, to: from + content.length });
      line += ` ${' '.repeat(before)}${content}${' '.repeat(after)} |`;
    }
    cells.push(spans);
    out.push(line);
    offset += line.length + 1;
  });
  return { text: out.join('\n'), cells };
}
