/**
 * Scroll sync between editor and preview through `data-line` (0-based source lines on every
 * rendered block), the way VS Code's Markdown preview does it: find the blocks around a line and
 * interpolate between their positions, and the reverse.
 */

export interface LineAnchor {
  line: number;
  /** Top of the element in the scroller's content coordinates. */
  top: number;
  /** Bottom (top + height). */
  bottom: number;
}

/** Anchors sorted by line, one per line (the outermost element), positions increasing. */
export function collectAnchors(scroller: HTMLElement, content: HTMLElement): LineAnchor[] {
  const origin = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const anchors: LineAnchor[] = [];
  let lastLine = -1;
  for (const element of content.querySelectorAll<HTMLElement>('[data-line]')) {
    const line = Number(element.getAttribute('data-line'));
    if (!Number.isFinite(line) || line <= lastLine) continue;
    const box = element.getBoundingClientRect();
    if (box.height === 0 && box.width === 0) continue;
    const top = box.top - origin;
    const previous = anchors[anchors.length - 1];
    if (previous && top < previous.top) continue;
    anchors.push({ line, top, bottom: top + box.height });
    lastLine = line;
  }
  return anchors;
}

/** Index of the last anchor with line <= `line` (binary search), -1 if none. */
function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid] as T;
    if (key(item) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Preview scroll position (content coordinates) showing source line `line` (fractional) at the top. */
export function previewOffsetForLine(anchors: readonly LineAnchor[], line: number): number | null {
  if (anchors.length === 0) return null;
  const i = lastAtOrBefore(anchors, line, (a) => a.line);
  if (i < 0) {
    // Before the first block (the front matter): spread over the header above it.
    const first = anchors[0] as LineAnchor;
    return first.line > 0 ? (Math.max(0, line) / first.line) * first.top : 0;
  }
  const current = anchors[i] as LineAnchor;
  const next = anchors[i + 1];
  if (!next) {
    // Inside the last block: spread over its height by the lines it covers (at most a screen).
    return (
      current.top + Math.min(1, Math.max(0, line - current.line)) * (current.bottom - current.top)
    );
  }
  const span = next.line - current.line;
  const fraction = span > 0 ? (line - current.line) / span : 0;
  return current.top + fraction * (next.top - current.top);
}

/** Source line (fractional) at preview scroll position `offset` (content coordinates). */
export function lineForPreviewOffset(
  anchors: readonly LineAnchor[],
  offset: number,
): number | null {
  if (anchors.length === 0) return null;
  const i = lastAtOrBefore(anchors, offset, (a) => a.top);
  if (i < 0) {
    const first = anchors[0] as LineAnchor;
    return first.top > 0 ? (Math.max(0, offset) / first.top) * first.line : first.line;
  }
  const current = anchors[i] as LineAnchor;
  const next = anchors[i + 1];
  if (!next) {
    const height = current.bottom - current.top;
    return current.line + (height > 0 ? Math.min(1, (offset - current.top) / height) : 0);
  }
  const distance = next.top - current.top;
  const fraction = distance > 0 ? Math.min(1, (offset - current.top) / distance) : 0;
  return current.line + fraction * (next.line - current.line);
}
