/**
 * Scroll sync between editor and preview through `data-line` (0-based source lines on every
 * rendered block), the way VS Code's Markdown preview does it: find the blocks around a line and
 * interpolate between their positions, and the reverse.
 *
 * Positions are read lazily with binary searches (a handful of layout reads per sync), never for
 * every block: a 1 MB article has thousands of blocks.
 */

/** Blocks in source order: their lines (increasing) and positions (non-decreasing). */
export interface AnchorSource {
  readonly length: number;
  line(index: number): number;
  /** Top in the scroller's content coordinates. */
  top(index: number): number;
  bottom(index: number): number;
  /**
   * Optional: the index range holding the last anchor at or above content offset `offset`, found
   * without measuring the anchors elsewhere. The preview measures its chunks instead: measuring a
   * block inside a chunk the browser has not rendered would render that chunk.
   */
  rangeAt?(offset: number): { from: number; to: number };
}

export interface LineAnchor {
  line: number;
  top: number;
  bottom: number;
}

/** Plain anchors (tests). */
export const anchorsOf = (anchors: readonly LineAnchor[]): AnchorSource => ({
  length: anchors.length,
  line: (i) => (anchors[i] as LineAnchor).line,
  top: (i) => (anchors[i] as LineAnchor).top,
  bottom: (i) => (anchors[i] as LineAnchor).bottom,
});

/** Index of the last item whose key is <= value (binary search), -1 if none. */
function lastAtOrBefore(length: number, value: number, key: (index: number) => number): number {
  let lo = 0;
  let hi = length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Preview scroll position (content coordinates) showing source line `line` (fractional) at the top. */
export function previewOffsetForLine(anchors: AnchorSource, line: number): number | null {
  if (anchors.length === 0) return null;
  const i = lastAtOrBefore(anchors.length, line, (k) => anchors.line(k));
  if (i < 0) {
    // Before the first block (the front matter): spread over the header above it.
    const firstLine = anchors.line(0);
    return firstLine > 0 ? (Math.max(0, line) / firstLine) * anchors.top(0) : 0;
  }
  const top = anchors.top(i);
  if (i + 1 >= anchors.length) {
    // Inside the last block: spread over its height by the lines it covers.
    return top + Math.min(1, Math.max(0, line - anchors.line(i))) * (anchors.bottom(i) - top);
  }
  const span = anchors.line(i + 1) - anchors.line(i);
  const fraction = span > 0 ? (line - anchors.line(i)) / span : 0;
  return top + fraction * (anchors.top(i + 1) - top);
}

/** Source line (fractional) at preview scroll position `offset` (content coordinates). */
export function lineForPreviewOffset(anchors: AnchorSource, offset: number): number | null {
  if (anchors.length === 0) return null;
  const { from, to } = anchors.rangeAt?.(offset) ?? { from: 0, to: anchors.length - 1 };
  // -1 within the range: the anchor before it (the last one of the chunk above).
  const i = from + lastAtOrBefore(to - from + 1, offset, (k) => anchors.top(from + k));
  if (i < 0) {
    const firstTop = anchors.top(0);
    return firstTop > 0 ? (Math.max(0, offset) / firstTop) * anchors.line(0) : anchors.line(0);
  }
  const top = anchors.top(i);
  if (i + 1 >= anchors.length) {
    const height = anchors.bottom(i) - top;
    return anchors.line(i) + (height > 0 ? Math.min(1, (offset - top) / height) : 0);
  }
  const distance = anchors.top(i + 1) - top;
  const fraction = distance > 0 ? Math.min(1, (offset - top) / distance) : 0;
  return anchors.line(i) + fraction * (anchors.line(i + 1) - anchors.line(i));
}

/**
 * The preview's blocks as an AnchorSource: elements collected once per render (no layout), boxes
 * measured on demand and cached until the next render or resize. Blocks are grouped in chunks
 * (blockReconciler.ts); searching by position first finds the chunk, then the block in it.
 */
export function domAnchors(
  scroller: HTMLElement,
  blocks: readonly { element: HTMLElement; line: number; chunk?: HTMLElement | null }[],
): AnchorSource {
  const elements: HTMLElement[] = [];
  const lines: number[] = [];
  const chunks: HTMLElement[] = [];
  /** Index of the first anchor of each chunk. */
  const chunkStarts: number[] = [];
  let last = -1;
  for (const { element, line, chunk } of blocks) {
    if (line <= last) continue;
    if (chunk && chunk !== chunks[chunks.length - 1]) {
      chunks.push(chunk);
      chunkStarts.push(elements.length);
    }
    elements.push(element);
    lines.push(line);
    last = line;
  }
  const scrollerTop = scroller.getBoundingClientRect().top;
  const measure = (element: Element): { top: number; bottom: number } => {
    const origin = scrollerTop - scroller.scrollTop;
    const rect = element.getBoundingClientRect();
    return { top: rect.top - origin, bottom: rect.bottom - origin };
  };
  const boxes = new Map<number, { top: number; bottom: number }>();
  const box = (i: number): { top: number; bottom: number } => {
    let cached = boxes.get(i);
    if (!cached) boxes.set(i, (cached = measure(elements[i] as HTMLElement)));
    return cached;
  };
  const chunkTops = new Map<number, number>();
  const chunkTop = (g: number): number => {
    let cached = chunkTops.get(g);
    if (cached === undefined) chunkTops.set(g, (cached = measure(chunks[g] as HTMLElement).top));
    return cached;
  };
  const source: AnchorSource = {
    length: elements.length,
    line: (i) => lines[i] as number,
    top: (i) => box(i).top,
    bottom: (i) => box(i).bottom,
  };
  if (chunks.length > 1 && chunkStarts[0] === 0) {
    source.rangeAt = (offset) => {
      const g = Math.max(0, lastAtOrBefore(chunks.length, offset, chunkTop));
      return { from: chunkStarts[g] as number, to: (chunkStarts[g + 1] ?? elements.length) - 1 };
    };
  }
  return source;
}
