/** 1-based line and column, as shown to writers. Columns count UTF-16 code units. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * Line/column of an offset. Lines break at '\n' only, so a CRLF counts once and the '\r' sits at
 * the end of its line. A leading BOM is not a column: line 1 starts after it.
 */
export function lineColumnAt(text: string, offset: number): LineColumn {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: Math.max(0, clamped - lineStart) + 1 };
}

/** Offset of a 1-based line/column inside `text` (inverse of lineColumnAt, BOM aside). */
export function offsetAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return text.length;
    start = nl + 1;
  }
  return Math.min(text.length, start + Math.max(0, column - 1));
}

/** 0-based index of the line containing `offset`. */
export function lineIndexAt(text: string, offset: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Offset where the line containing `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break ending the line that contains `offset` (or text end). */
export function nextLineStartAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Moves `end` back over one trailing line break, if the span ends with one. */
export function withoutTrailingLineBreak(text: string, from: number, end: number): number {
  if (end > from && text.charCodeAt(end - 1) === 10) {
    return end - 1 > from && text.charCodeAt(end - 2) === 13 ? end - 2 : end - 1;
  }
  return end;
}
