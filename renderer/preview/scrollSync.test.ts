import { describe, expect, it } from 'vitest';
import type { LineAnchor } from './scrollSync';
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

  it('handles no anchors', () => {
    expect(previewOffsetForLine(anchorsOf([]), 3)).toBe(null);
    expect(lineForPreviewOffset(anchorsOf([]), 3)).toBe(null);
  });
});
