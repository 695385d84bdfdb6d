import { minimalChange, type TextChange } from './textChange';
import { lineStartAt, nextLineStartAt } from './textPosition';
import { sameValue } from './sameValue';

/** One list item in the source: its value's range (no trailing line break) and parsed value. */
export interface ListItemSource {
  from: number;
  to: number;
  value: unknown;
  /** Format-specific style hint (a YAML scalar type), passed back to the renderer. */
  style?: string;
}

/** Renders a new item, styled like `like` (the item it replaces or a neighbour) when given. */
export type RenderItem = (value: unknown, like: ListItemSource | undefined) => string;

/**
 * For each new value, the index of the old item it keeps, or -1 for a new item: a longest common
 * subsequence, so reordering-free edits (add, remove, replace) keep every other item's bytes.
 */
function matchItems(oldValues: readonly unknown[], newValues: readonly unknown[]): number[] {
  const n = oldValues.length;
  const m = newValues.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = sameValue(oldValues[i], newValues[j])
        ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
        : Math.max((lcs[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const match = new Array<number>(m).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sameValue(oldValues[i], newValues[j])) {
      match[j] = i;
      i++;
      j++;
    } else if (((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number)) {
      i++;
    } else {
      j++;
    }
  }
  return match;
}

/**
 * A separator in the style of `between` (the text between two existing items) without anything
 * else it may hold, such as a comment: ", " on one line, or ",\n" plus the next item's indentation.
 */
function separatorLike(between: string): string {
  const newline = between.lastIndexOf('\n');
  if (newline === -1) return /^\s*,\s*$/.test(between) ? between : ', ';
  const lineBreak = between[newline - 1] === '\r' ? '\r\n' : '\n';
  return ',' + lineBreak + between.slice(newline + 1);
}

/** The old item whose style a new value at position j should copy. */
function likeFor(items: readonly ListItemSource[], j: number): ListItemSource | undefined {
  return items[Math.min(j, items.length - 1)];
}

/**
 * Edits a bracketed list (`[a, b]` in YAML flow style, TOML, JSON). Kept items keep their bytes and
 * the separators between them; new separators copy the list's own (", " or ",\n    ").
 * `open`/`close` are the offsets of the brackets themselves.
 */
export function planBracketList(
  text: string,
  list: { open: number; close: number; items: readonly ListItemSource[] },
  newValues: readonly unknown[],
  render: RenderItem,
): TextChange | null {
  const { items } = list;
  const n = items.length;
  if (newValues.length === 0) return minimalChange(text, list.open + 1, list.close, '');
  if (n === 0) {
    const inner = newValues.map((value) => render(value, undefined)).join(', ');
    return minimalChange(text, list.open + 1, list.close, inner);
  }
  const last = items[n - 1] as ListItemSource;
  const beforeLast = items[n - 2];
  const separator = beforeLast ? separatorLike(text.slice(beforeLast.to, last.from)) : ', ';
  const match = matchItems(
    items.map((item) => item.value),
    newValues,
  );
  let joined = '';
  newValues.forEach((value, j) => {
    const kept = match[j] as number;
    if (j > 0) {
      const previous = match[j - 1] as number;
      joined +=
        previous >= 0 && kept === previous + 1
          ? text.slice((items[previous] as ListItemSource).to, (items[kept] as ListItemSource).from)
          : separator;
    }
    const item = items[kept];
    joined += item ? text.slice(item.from, item.to) : render(value, likeFor(items, j));
  });
  return minimalChange(text, (items[0] as ListItemSource).from, last.to, joined);
}

/**
 * Edits a block list (one `- item` per line). Kept items keep their lines, including comment lines
 * that follow them; new items copy the first item's indentation. Needs at least one old and one
 * new item (an empty block list cannot be written; callers switch to `[]`).
 */
export function planBlockList(
  text: string,
  items: readonly ListItemSource[],
  newValues: readonly unknown[],
  render: RenderItem,
  eol: string,
): TextChange | null {
  const first = items[0] as ListItemSource;
  const n = items.length;
  const lineFrom = (i: number): number => lineStartAt(text, (items[i] as ListItemSource).from);
  const lineTo = (i: number): number => nextLineStartAt(text, (items[i] as ListItemSource).to);
  const indent = /^[ \t]*/.exec(text.slice(lineFrom(0), first.from))?.[0] ?? '';
  const match = matchItems(
    items.map((item) => item.value),
    newValues,
  );
  let region = '';
  newValues.forEach((value, j) => {
    if (region !== '' && !region.endsWith('\n')) region += eol;
    const kept = match[j] as number;
    if (kept >= 0) {
      // The item's own lines plus any comment lines up to the next item.
      region += text.slice(lineFrom(kept), kept < n - 1 ? lineFrom(kept + 1) : lineTo(kept));
    } else {
      region += `${indent}- ${render(value, likeFor(items, j))}${eol}`;
    }
  });
  const regionTo = lineTo(n - 1);
  // Keep the original ending: the last line may have no line break (end of text).
  if (!text.slice(lineFrom(0), regionTo).endsWith('\n') && region.endsWith(eol))
    region = region.slice(0, -eol.length);
  return minimalChange(text, lineFrom(0), regionTo, region);
}
