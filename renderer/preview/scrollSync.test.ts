import { describe, expect, it } from 'vitest';
import type { AnchorSource, LineAnchor } from './scrollSync';
import { anchorsOf, lineForPreviewOffset, previewOffsetForLine } from './scrollSync';

const list: LineAnchor[] = [
  { line: 14, top: 400, bottom: 460 },
  { line: 16, top: 480, bottom: 600 },
  { line: 18, top: 620, bottom: 650 },
];
const anchors = anchorsOf(list);

describe('scroll sync mapping', () => {
  it('maps a source line to the top of its block and interpolates between blocks', () => {
    expect(previewOffsetForLine(anchors, 16)).toBe(480);
    expect(previewOffsetForLine(anchors, 17)).toBe(550);
  });

  it('lines before the first block (front matter) map into the header', () => {
    expect(previewOffsetForLine(anchors, 0)).toBe(0);
    expect(previewOffsetForLine(anchors, 7)).toBe(200);
  });

  it('is the inverse direction too', () => {
    expect(lineForPreviewOffset(anchors, 480)).toBe(16);
    expect(lineForPreviewOffset(anchors, 550)).toBe(17);
    expect(lineForPreviewOffset(anchors, 0)).toBe(0);
    expect(lineForPreviewOffset(anchors, 200)).toBe(7);
  });

  it('with a range hint, measures only the blocks in that range', () => {
    // 1,000 blocks of 50 px in chunks of 20: the hint stands for measuring the chunks.
    const measured = new Set<number>();
    const many: AnchorSource = {
      length: 1000,
      line: (i) => i * 2,
      top: (i) => (measured.add(i), i * 50),
      bottom: (i) => i * 50 + 40,
      rangeAt: (offset) => {
        const chunk = Math.floor(offset / 1000);
        return { from: chunk * 20, to: chunk * 20 + 19 };
      },
    };
    expect(lineForPreviewOffset(many, 25_025)).toBe(1001);
    for (const i of measured) expect(i >= 500 && i <= 520).toBe(true);
  });

  it('handles no anchors', () => {
    expect(previewOffsetForLine(anchorsOf([]), 3)).toBe(null);
    expect(lineForPreviewOffset(anchorsOf([]), 3)).toBe(null);
  });
});
