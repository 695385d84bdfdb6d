import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { BylineApi, PaneLayout } from '../../shared/ipc/contract';
import type { PaneFit } from './paneFit';
import { fitPanes, maxPaneWidth } from './paneFit';
import type { PanelTabs } from './panelTabs';
import { closePanel, sanitizePanelTabs, showPanel, togglePanel } from './panelTabs';

export const paneLimits = {
  library: { min: 170, preferred: 264 },
  // The front-matter form needs 300 px.
  side: { min: 300, preferred: 380 },
  /** The preview's share when split, before panes start giving way. */
  previewMin: 280,
  divider: 6,
  /** The strip offering collapsed panes. */
  rail: 40,
} as const;

/** Changes reach main once the writer has stopped dragging or pressing keys for this long. */
const saveDelayMs = 400;

const subscribeResize = (listener: () => void): (() => void) => {
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
};
const windowWidth = (): number => window.innerWidth;

export type PeekedPane = 'library' | 'side' | null;

export interface PaneLayoutState {
  /** False until the workspace's saved layout has arrived (side panels wait for it). */
  loaded: boolean;
  fit: PaneFit;
  libraryWidth: number;
  sideWidth: number;
  /** Largest widths a drag may give each pane, leaving the editor area its minimum. */
  libraryMax: number;
  sideMax: number;
  panels: PanelTabs;
  /** A collapsed pane shown over the editor for a moment. */
  peek: PeekedPane;
  setPeek(pane: PeekedPane): void;
  setLibraryWidth(width: number): void;
  setSideWidth(width: number): void;
  showPanel(id: string): void;
  closePanel(id: string): void;
  togglePanel(id: string): void;
}

interface PaneLayoutOptions {
  api: BylineApi;
  workspaceRoot: string | null;
  panelIds: readonly string[];
  defaultPanels: readonly string[];
  libraryShown: boolean;
  /** Narrowest the editor area (editor, and the preview when split) may get. */
  mainMin: number;
  /** What the editor area should get before the panes keep their preferred widths (see fitPanes). */
  mainPreferred?: number;
}

/**
 * The window's pane widths and docked side panels, remembered per workspace (main keeps them in
 * the app data folder) and fitted to the window's width (panes give way, then collapse).
 */
export function usePaneLayout({
  api,
  workspaceRoot,
  panelIds,
  defaultPanels,
  libraryShown,
  mainMin,
  mainPreferred,
}: PaneLayoutOptions): PaneLayoutState {
  const [loaded, setLoaded] = useState(false);
  const [libraryWidth, setLibraryWidth] = useState<number>(paneLimits.library.preferred);
  const [sideWidth, setSideWidth] = useState<number>(paneLimits.side.preferred);
  const [panels, setPanels] = useState<PanelTabs>(() =>
    sanitizePanelTabs({ open: defaultPanels, active: null }, panelIds),
  );
  const [peek, setPeek] = useState<PeekedPane>(null);
  const width = useSyncExternalStore(subscribeResize, windowWidth);

  useEffect(() => {
    if (workspaceRoot === null) return undefined;
    let live = true;
    api['layout.get']().then(
      (saved) => {
        if (!live) return;
        if (saved) {
          setLibraryWidth(saved.libraryWidth);
          setSideWidth(saved.sideWidth);
          setPanels(
            sanitizePanelTabs({ open: saved.openPanels, active: saved.activePanel }, panelIds),
          );
        }
        setLoaded(true);
      },
      () => live && setLoaded(true),
    );
    return () => {
      live = false;
    };
  }, [api, workspaceRoot, panelIds]);

  // Saved after a pause; never before the saved layout has been read (it would overwrite it).
  const saved = useMemo<PaneLayout>(
    () => ({
      libraryWidth: Math.round(libraryWidth),
      sideWidth: Math.round(sideWidth),
      openPanels: [...panels.open],
      activePanel: panels.active,
    }),
    [libraryWidth, sideWidth, panels],
  );
  const lastSaved = useRef<string | null>(null);
  useEffect(() => {
    const key = JSON.stringify(saved);
    if (!loaded) return undefined;
    if (lastSaved.current === null) {
      lastSaved.current = key; // what was just loaded (or the defaults)
      return undefined;
    }
    if (key === lastSaved.current) return undefined;
    const timer = setTimeout(() => {
      lastSaved.current = key;
      api['layout.update'](saved).catch(() => undefined);
    }, saveDelayMs);
    return () => clearTimeout(timer);
  }, [api, loaded, saved]);

  const sideShown = loaded && panels.open.length > 0;
  // The two pane splitters are part of the editor area's share.
  const areaMin = mainMin + 2 * paneLimits.divider;
  const fit = fitPanes({
    windowWidth: width,
    library: {
      shown: libraryShown,
      width: libraryWidth,
      min: paneLimits.library.min,
      yieldsToFairShare: libraryWidth <= paneLimits.library.preferred,
    },
    side: {
      shown: sideShown,
      width: sideWidth,
      min: paneLimits.side.min,
      yieldsToFairShare: sideWidth <= paneLimits.side.preferred,
    },
    mainMin: areaMin,
    mainPreferred: (mainPreferred ?? mainMin) + 2 * paneLimits.divider,
    railWidth: paneLimits.rail,
  });
  // A peek ends when its pane has room again (or is gone).
  const peekStale =
    (peek === 'library' && !fit.collapsed.library) || (peek === 'side' && !fit.collapsed.side);
  useEffect(() => {
    if (peekStale) setPeek(null);
  }, [peekStale]);

  const onShow = useCallback((id: string) => setPanels((tabs) => showPanel(tabs, id)), []);
  const onClose = useCallback((id: string) => setPanels((tabs) => closePanel(tabs, id)), []);
  const onToggle = useCallback((id: string) => setPanels((tabs) => togglePanel(tabs, id)), []);
  const clampLibrary = (value: number): number =>
    Math.round(Math.max(paneLimits.library.min, value));
  const clampSide = (value: number): number => Math.round(Math.max(paneLimits.side.min, value));

  return {
    loaded,
    fit,
    libraryWidth,
    sideWidth,
    libraryMax: Math.max(
      paneLimits.library.min,
      maxPaneWidth(width, (fit.side ?? 0) + (fit.collapsed.side ? paneLimits.rail : 0), areaMin),
    ),
    sideMax: Math.max(
      paneLimits.side.min,
      maxPaneWidth(
        width,
        (fit.library ?? 0) + (fit.collapsed.library ? paneLimits.rail : 0),
        areaMin,
      ),
    ),
    panels,
    peek,
    setPeek,
    setLibraryWidth: (value) => setLibraryWidth(clampLibrary(value)),
    setSideWidth: (value) => setSideWidth(clampSide(value)),
    showPanel: onShow,
    closePanel: onClose,
    togglePanel: onToggle,
  };
}
