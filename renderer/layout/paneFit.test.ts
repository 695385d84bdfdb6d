import { describe, expect, it } from 'vitest';
import { fitPanes, maxPaneWidth } from './paneFit';

const library = { shown: true, width: 264, min: 200 };
const side = { shown: true, width: 380, min: 280 };
const fit = (windowWidth: number, mainMin = 700) =>
  fitPanes({ windowWidth, library, side, mainMin, railWidth: 40 });

describe('fitPanes', () => {
  it('gives every pane its preferred width when the window is wide', () => {
    expect(fit(1920)).toEqual({
      library: 264,
      side: 380,
      collapsed: { library: false, side: false },
    });
  });

  it('narrows the side column, then the library, before collapsing anything', () => {
    // 1280 - 700 = 580 for both: the side column gives 64 (down to 316)...
    expect(fit(1280)).toMatchObject({ library: 264, side: 316 });
    // ...and at its minimum the library gives the rest.
    expect(fit(1200)).toMatchObject({ library: 220, side: 280 });
  });

  it('collapses the library first, then the side column, keeping the editor area its minimum', () => {
    const narrow = fit(1100);
    expect(narrow).toEqual({ library: null, side: 360, collapsed: { library: true, side: false } });
    expect(1100 - 40 - (narrow.side ?? 0)).toBeGreaterThanOrEqual(700);
    expect(fit(900)).toEqual({
      library: null,
      side: null,
      collapsed: { library: true, side: true },
    });
  });

  it('never reports a pane the writer hid as collapsed', () => {
    expect(
      fitPanes({
        windowWidth: 800,
        library: { ...library, shown: false },
        side: { ...side, shown: false },
        mainMin: 700,
        railWidth: 40,
      }),
    ).toEqual({ library: null, side: null, collapsed: { library: false, side: false } });
  });

  it('raises a preferred width below the minimum to the minimum', () => {
    expect(
      fitPanes({
        windowWidth: 2000,
        library: { ...library, width: 50 },
        side,
        mainMin: 700,
        railWidth: 40,
      }).library,
    ).toBe(200);
  });
});

describe('fitPanes with a preferred editor area (fair shares for editor and preview)', () => {
  const fair = (windowWidth: number) =>
    fitPanes({ windowWidth, library, side, mainMin: 700, mainPreferred: 1000, railWidth: 40 });

  it('narrows the panes toward their minimums for it, side column first', () => {
    expect(fair(1920)).toMatchObject({ library: 264, side: 380 });
    // 1600 - 1000 = 600: the side column gives 44.
    expect(fair(1600)).toMatchObject({ library: 264, side: 336 });
    // Both at their minimums: the editor area gets the rest, above its minimum.
    expect(fair(1400)).toEqual({
      library: 200,
      side: 280,
      collapsed: { library: false, side: false },
    });
  });

  it('never collapses a pane for the preference, only for the minimum', () => {
    expect(fair(1180)).toMatchObject({ library: 200, side: 280 });
    expect(fair(1100)).toMatchObject({ library: null, collapsed: { library: true, side: false } });
    // The library's room goes to the editor area first, not back to the side column.
    expect(fair(1100).side).toBe(280);
  });
});

describe('maxPaneWidth', () => {
  it('leaves the editor area its minimum', () => {
    expect(maxPaneWidth(1280, 380, 700)).toBe(200);
    expect(maxPaneWidth(800, 380, 700)).toBe(0);
  });
});
