import { describe, expect, it } from 'vitest';
import { placePopup } from './popupPlacement';

const viewport = { width: 1280, height: 800 };
const menu = { width: 160, height: 150 };
const anchorAt = (top: number, left = 230) => ({ top, left, width: 24, height: 20 });

describe('placePopup', () => {
  it('opens below the anchor, right edges aligned', () => {
    expect(placePopup(anchorAt(100), menu, viewport)).toEqual({
      top: 122,
      left: 94,
      flipped: false,
    });
  });

  it('flips above when the menu would run past the bottom (the last row of a list)', () => {
    const place = placePopup(anchorAt(740), menu, viewport);
    expect(place).toEqual({ top: 588, left: 94, flipped: true });
    expect(place.top + menu.height).toBeLessThanOrEqual(740);
  });

  it('stays inside a viewport too short for either side', () => {
    const place = placePopup(anchorAt(100), menu, { width: 1280, height: 240 });
    expect(place.top).toBe(86);
    expect(place.top + menu.height).toBeLessThanOrEqual(236);
  });

  it('keeps within the left and right edges', () => {
    expect(placePopup(anchorAt(100, 10), menu, viewport).left).toBe(4);
    expect(placePopup(anchorAt(100, 1270), menu, viewport).left).toBe(1280 - 4 - 160);
  });
});
