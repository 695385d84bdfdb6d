/**
 * Window size, position and maximised/full-screen state across restarts. The checks are pure: a
 * saved position is only reused when the window would still be reachable on today's displays (a
 * monitor may have been unplugged since), and sizes are clamped to fit.
 */
import { mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../files/atomicWrite';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  /** Normal (not maximised) bounds; x/y absent when the window should be centred. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
  fullScreen: boolean;
}

export interface WindowSizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

export const defaultWindowSize: WindowSizeLimits = {
  width: 1360,
  height: 880,
  minWidth: 720,
  minHeight: 480,
};

/** How much of the title bar must lie on a display for the saved position to count as reachable. */
const minVisibleWidth = 120;
const titleBarHeight = 32;

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Reads a stored value defensively: anything malformed is null. */
export function parseWindowState(raw: unknown): SavedWindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const bounds = (record.bounds ?? {}) as Record<string, unknown>;
  if (!finite(bounds.width) || !finite(bounds.height) || bounds.width <= 0 || bounds.height <= 0)
    return null;
  const hasPosition = finite(bounds.x) && finite(bounds.y);
  return {
    bounds: {
      ...(hasPosition
        ? { x: Math.round(bounds.x as number), y: Math.round(bounds.y as number) }
        : {}),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
    },
    maximized: record.maximized === true,
    fullScreen: record.fullScreen === true,
  };
}

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** The display work area showing most of the window's title bar, if enough of it shows at all. */
export function displayHoldingTitleBar(window: Rect, workAreas: readonly Rect[]): Rect | null {
  const titleBar: Rect = { x: window.x, y: window.y, width: window.width, height: titleBarHeight };
  let best: { area: Rect; width: number } | null = null;
  for (const area of workAreas) {
    const overlap = intersection(titleBar, area);
    if (overlap && overlap.height >= titleBarHeight / 2 && (!best || overlap.width > best.width))
      best = { area, width: overlap.width };
  }
  return best && best.width >= Math.min(minVisibleWidth, window.width) ? best.area : null;
}

/**
 * The bounds to open the window with: the saved ones when they are still reachable on one of the
 * displays (size clamped to that display), else the saved or default size centred on the primary
 * display. Maximised and full-screen states are kept.
 */
export function restoreWindowState(
  saved: SavedWindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
  limits: WindowSizeLimits = defaultWindowSize,
): SavedWindowState & { bounds: Rect } {
  const fit = (size: number, min: number, max: number): number =>
    Math.max(Math.min(size, max), Math.min(min, max));
  const sizeOn = (
    area: Rect,
    width: number,
    height: number,
  ): { width: number; height: number } => ({
    width: fit(width, limits.minWidth, area.width),
    height: fit(height, limits.minHeight, area.height),
  });
  const centred = (width: number, height: number): Rect => {
    const size = sizeOn(primary, width, height);
    return {
      ...size,
      x: Math.round(primary.x + (primary.width - size.width) / 2),
      y: Math.round(primary.y + (primary.height - size.height) / 2),
    };
  };
  if (!saved)
    return { bounds: centred(limits.width, limits.height), maximized: false, fullScreen: false };
  const { x, y, width, height } = saved.bounds;
  if (x !== undefined && y !== undefined) {
    const area = displayHoldingTitleBar({ x, y, width, height }, workAreas);
    if (area) {
      const size = sizeOn(area, width, height);
      // Pull the window back inside the display it is on if it hangs over an edge.
      const clampedX = Math.min(
        Math.max(x, area.x - size.width + minVisibleWidth),
        area.x + area.width - minVisibleWidth,
      );
      const clampedY = Math.min(Math.max(y, area.y), area.y + area.height - titleBarHeight);
      return {
        bounds: { x: clampedX, y: clampedY, ...size },
        maximized: saved.maximized,
        fullScreen: saved.fullScreen,
      };
    }
  }
  return {
    bounds: centred(width, height),
    maximized: saved.maximized,
    fullScreen: saved.fullScreen,
  };
}

/** What to store when the window moves, resizes or closes. */
export function captureWindowState(
  normalBounds: Rect,
  maximized: boolean,
  fullScreen: boolean,
): SavedWindowState {
  return { bounds: { ...normalBounds }, maximized, fullScreen };
}

const fileName = 'window-state.json';

export async function readWindowState(dataDir: string): Promise<SavedWindowState | null> {
  try {
    return parseWindowState(JSON.parse(await fs.readFile(path.join(dataDir, fileName), 'utf8')));
  } catch {
    return null;
  }
}

export async function writeWindowState(dataDir: string, state: SavedWindowState): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  await writeFileAtomic(
    path.join(dataDir, fileName),
    new TextEncoder().encode(JSON.stringify(state, null, 2) + '\n'),
  );
}

/** For the window's `close` event: the process may exit before an async write would finish. */
export function writeWindowStateSync(dataDir: string, state: SavedWindowState): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomicSync(
    path.join(dataDir, fileName),
    new TextEncoder().encode(JSON.stringify(state, null, 2) + '\n'),
  );
}
