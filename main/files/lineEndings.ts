import { diffArrays } from 'diff';
import type { TextFormat } from '../../shared/ipc/contract';

export type LineEnding = TextFormat['eol'];

/** One line of a text and the break that ends it ('' for the last line). */
export interface Line {
  text: string;
  ending: LineEnding | '';
}

/** A line of the text to write, and the line of the file it keeps its bytes from, if any. */
export interface PlannedLine extends Line {
  source: number | null;
}

// Beyond this many changed lines between the first and the last change, a line diff costs more than it
// saves (it is quadratic): the changed region's lines are then paired by position.
const maxLineEdits = 64;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    const crlf = code === 13 && text.charCodeAt(i + 1) === 10;
    lines.push({ text: text.slice(start, i), ending: crlf ? '\r\n' : code === 13 ? '\r' : '\n' });
    if (crlf) i++;
    start = i + 1;
  }
  lines.push({ text: text.slice(start), ending: '' });
  return lines;
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text + line.ending).join('');
}

/** The most frequent line break; LF when there is none or on a tie. */
export function dominantEol(text: string): LineEnding {
  const counts: Record<LineEnding, number> = { '\n': 0, '\r\n': 0, '\r': 0 };
  for (const line of splitLines(text)) if (line.ending !== '') counts[line.ending]++;
  const order: LineEnding[] = ['\n', '\r\n', '\r'];
  return order.reduce((best, eol) => (counts[eol] > counts[best] ? eol : best), '\n');
}

/**
 * The line breaks to write for `edited` (whose breaks say only where lines end: the editor works
 * with LF). Lines the writer did not touch keep their own break from `original`; a changed line
 * keeps the break of the line it replaces; only lines that are new get `dominant`.
 */
export function planLineEndings(
  original: string | null,
  edited: string,
  dominant: LineEnding,
): PlannedLine[] {
  const after = splitLines(edited);
  const planned: PlannedLine[] = after.map((line, i) => ({
    text: line.text,
    ending: i === after.length - 1 ? '' : dominant,
    source: null,
  }));
  if (original === null) return planned;
  const before = splitLines(original);
  for (const [from, to] of pairLines(before, after)) {
    const line = planned[to];
    const source = before[from];
    if (!line || !source) continue;
    line.source = from;
    // The file's last line has no break; a line that is no longer last needs one.
    if (to < after.length - 1 && source.ending !== '') line.ending = source.ending;
  }
  return planned;
}

/** [before index, after index] of lines that are equal, or that replace each other one for one. */
function pairLines(before: readonly Line[], after: readonly Line[]): [number, number][] {
  const pairs: [number, number][] = [];
  let head = 0;
  while (head < before.length && head < after.length && before[head]?.text === after[head]?.text) {
    pairs.push([head, head]);
    head++;
  }
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail]?.text === after[after.length - 1 - tail]?.text
  )
    tail++;
  const middleBefore = before.slice(head, before.length - tail).map((line) => line.text);
  const middleAfter = after.slice(head, after.length - tail).map((line) => line.text);
  // Nothing in common (a whole rewrite): no diff needed to know every line is replaced.
  const beforeSet = new Set(middleBefore);
  const shared = middleAfter.some((text) => beforeSet.has(text));
  const diffed = shared
    ? diffArrays(middleBefore, middleAfter, { maxEditLength: maxLineEdits })
    : null;
  const changes = diffed ?? [
    { value: middleBefore, count: middleBefore.length, added: false, removed: true },
    { value: middleAfter, count: middleAfter.length, added: true, removed: false },
  ];
  let from = head;
  let to = head;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change) continue;
    if (!change.added && !change.removed) {
      for (let k = 0; k < change.count; k++) pairs.push([from + k, to + k]);
      from += change.count;
      to += change.count;
    } else if (change.removed) {
      // A removal followed by an addition is a replacement: pair its lines by position.
      const next = changes[i + 1];
      const added = next?.added ? next.count : 0;
      for (let k = 0; k < Math.min(change.count, added); k++) pairs.push([from + k, to + k]);
      from += change.count;
      to += added;
      if (added > 0) i++;
    } else {
      to += change.count;
    }
  }
  for (let k = 0; k < tail; k++) pairs.push([before.length - tail + k, after.length - tail + k]);
  return pairs;
}
