/**
 * How the library, the editor area and the side column share the window's width. The writer's
 * chosen widths are preferences: when the window is too narrow for them and for the editor's
 * minimum, the side column and then the library give way down to their own minimums, and then
 * collapse (library first) — the preferences stay as they were for a wider window.
 */
export interface PaneWish {
  /** Whether the writer has the pane shown at all. */
  shown: boolean;
  /** Preferred width in CSS pixels. */
  width: number;
  /** Narrowest the pane may get before it collapses. */
  min: number;
  /** False when the writer widened it on purpose: it then keeps its width for fair shares. */
  yieldsToFairShare?: boolean;
}

export interface FitInput {
  windowWidth: number;
  library: PaneWish;
  side: PaneWish;
  /** Narrowest the editor area (editor, and preview when split) may get. */
  mainMin: number;
  /**
   * What the editor area should get before the side column and the library keep their preferred
   * widths (fair shares for editor and preview): they narrow toward their minimums for it, but
   * never collapse for it. Defaults to `mainMin`.
   */
  mainPreferred?: number;
  /** Width of the strip that offers collapsed panes. */
  railWidth: number;
}

export interface PaneFit {
  /** Width to draw; null when not drawn (hidden by the writer, or collapsed). */
  library: number | null;
  side: number | null;
  /** Panes the writer wants but the window has no room for. */
  collapsed: { library: boolean; side: boolean };
}

export function fitPanes(input: FitInput): PaneFit {
  const { windowWidth, library, side, mainMin, railWidth } = input;
  const mainPreferred = Math.max(mainMin, input.mainPreferred ?? mainMin);
  let libraryWidth = library.shown ? Math.max(library.min, library.width) : 0;
  let sideWidth = side.shown ? Math.max(side.min, side.width) : 0;
  const collapsed = { library: false, side: false };
  const roomFor = (main: number): number =>
    windowWidth -
    libraryWidth -
    sideWidth -
    (collapsed.library || collapsed.side ? railWidth : 0) -
    main;
  const room = (): number => roomFor(mainMin);
  const roomPreferred = (): number => roomFor(mainPreferred);

  // Fair shares first: the panes narrow (never collapse) so the editor area gets its preference.
  if (roomPreferred() < 0 && side.shown && side.yieldsToFairShare !== false)
    sideWidth = Math.max(side.min, sideWidth + roomPreferred());
  if (roomPreferred() < 0 && library.shown && library.yieldsToFairShare !== false)
    libraryWidth = Math.max(library.min, libraryWidth + roomPreferred());
  if (room() < 0 && side.shown) sideWidth = Math.max(side.min, sideWidth + room());
  if (room() < 0 && library.shown) libraryWidth = Math.max(library.min, libraryWidth + room());
  if (room() < 0 && library.shown) {
    collapsed.library = true;
    libraryWidth = 0;
    // The library's room goes back to the side column, up to its preferred width.
    if (side.shown)
      sideWidth = Math.max(side.min, Math.min(side.width, sideWidth + roomPreferred()));
  }
  if (room() < 0 && side.shown) {
    collapsed.side = true;
    sideWidth = 0;
  }
  return {
    library: library.shown && !collapsed.library ? libraryWidth : null,
    side: side.shown && !collapsed.side ? sideWidth : null,
    collapsed,
  };
}

/** The most a pane may take when the writer drags it: whatever leaves the editor area its minimum. */
export function maxPaneWidth(windowWidth: number, otherPanes: number, mainMin: number): number {
  return Math.max(0, windowWidth - otherPanes - mainMin);
}
