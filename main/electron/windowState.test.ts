import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rect } from './windowState';
import {
  captureWindowState,
  displayHoldingTitleBar,
  parseWindowState,
  readWindowState,
  restoreWindowState,
  writeWindowState,
  writeWindowStateSync,
} from './windowState';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const monitorRight: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };
const monitorLeft: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };

describe('parseWindowState', () => {
  it('accepts a stored state and rounds numbers', () => {
    expect(
      parseWindowState({ bounds: { x: 10.4, y: 20, width: 1000.6, height: 700 }, maximized: true }),
    ).toEqual({
      bounds: { x: 10, y: 20, width: 1001, height: 700 },
      maximized: true,
      fullScreen: false,
    });
  });

  it('refuses malformed values and keeps a size without a position', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState({ bounds: { width: 'wide', height: 700 } })).toBeNull();
    expect(parseWindowState({ bounds: { width: -5, height: 700 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: Number.NaN, y: 0, width: 900, height: 700 } })).toEqual({
      bounds: { width: 900, height: 700 },
      maximized: false,
      fullScreen: false,
    });
  });
});

describe('restoreWindowState', () => {
  it('first run: default size centred on the primary display', () => {
    expect(restoreWindowState(null, [laptop], laptop)).toEqual({
      bounds: { x: 40, y: 25, width: 1360, height: 875 },
      maximized: false,
      fullScreen: false,
    });
  });

  it('keeps a window that is still on a display, on a secondary monitor too', () => {
    const saved = {
      bounds: { x: 1600, y: 100, width: 1400, height: 900 },
      maximized: true,
      fullScreen: false,
    };
    expect(restoreWindowState(saved, [laptop, monitorRight], laptop)).toEqual(saved);
    const left = {
      bounds: { x: -1800, y: 50, width: 1200, height: 800 },
      maximized: false,
      fullScreen: false,
    };
    expect(restoreWindowState(left, [monitorLeft, laptop], laptop)).toEqual(left);
  });

  it('re-centres a window whose monitor was unplugged, keeping its size and maximised state', () => {
    const saved = {
      bounds: { x: 1600, y: 100, width: 1200, height: 800 },
      maximized: true,
      fullScreen: false,
    };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({
      bounds: { x: 120, y: 25 + 38, width: 1200, height: 800 },
      maximized: true,
      fullScreen: false,
    });
  });

  it('shrinks a window larger than the display it lands on', () => {
    const saved = {
      bounds: { x: 1600, y: 100, width: 2400, height: 1400 },
      maximized: false,
      fullScreen: false,
    };
    const restored = restoreWindowState(saved, [laptop], laptop);
    expect(restored.bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('a title bar above the top of every display is unreachable', () => {
    const saved = {
      bounds: { x: 100, y: -500, width: 1000, height: 700 },
      maximized: false,
      fullScreen: false,
    };
    expect(
      displayHoldingTitleBar({ x: 100, y: -500, width: 1000, height: 700 }, [laptop]),
    ).toBeNull();
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({
      x: 220,
      y: 113,
      width: 1000,
      height: 700,
    });
  });

  it('a window with only a sliver of title bar left on screen is re-centred; one with enough is kept', () => {
    const sliver = {
      bounds: { x: 1380, y: 200, width: 1000, height: 600 },
      maximized: false,
      fullScreen: false,
    };
    expect(restoreWindowState(sliver, [laptop], laptop).bounds).toEqual({
      x: 220,
      y: 163,
      width: 1000,
      height: 600,
    });
    const enough = {
      bounds: { x: 1300, y: 200, width: 1000, height: 600 },
      maximized: false,
      fullScreen: false,
    };
    expect(restoreWindowState(enough, [laptop], laptop).bounds).toEqual(enough.bounds);
  });

  it('never goes below the minimum size unless the display is smaller', () => {
    const saved = {
      bounds: { x: 10, y: 30, width: 200, height: 100 },
      maximized: false,
      fullScreen: false,
    };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toMatchObject({
      width: 720,
      height: 480,
    });
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 400 };
    expect(restoreWindowState(saved, [tiny], tiny).bounds).toMatchObject({
      width: 640,
      height: 400,
    });
  });
});

describe('window state file', () => {
  it('round-trips through the app data folder, and a missing file is null', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-window-'));
    expect(await readWindowState(dir)).toBeNull();
    const state = captureWindowState({ x: 5, y: 6, width: 1000, height: 700 }, true, false);
    await writeWindowState(dir, state);
    expect(await readWindowState(dir)).toEqual(state);
    writeWindowStateSync(path.join(dir, 'nested'), { ...state, fullScreen: true });
    expect(await readWindowState(path.join(dir, 'nested'))).toEqual({ ...state, fullScreen: true });
  });
});
