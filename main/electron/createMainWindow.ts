import { BrowserWindow, shell } from 'electron';
import { appEntryUrl, isEntryUrl, isSafeExternalUrl, secureWebPreferences } from './securityPolicy';
import type { Rect, SavedWindowState } from './windowState';
import { defaultWindowSize } from './windowState';

/** The editor window: sandboxed, isolated, no navigation away from our own pages. */
export function createMainWindow(
  preloadPath: string,
  state: Omit<SavedWindowState, 'bounds'> & { bounds: Partial<Rect> } = {
    bounds: {},
    maximized: false,
    fullScreen: false,
  },
  icon?: string,
): BrowserWindow {
  const window = new BrowserWindow({
    width: state.bounds.width ?? defaultWindowSize.width,
    height: state.bounds.height ?? defaultWindowSize.height,
    ...(state.bounds.x !== undefined && state.bounds.y !== undefined
      ? { x: state.bounds.x, y: state.bounds.y }
      : {}),
    minWidth: defaultWindowSize.minWidth,
    minHeight: defaultWindowSize.minHeight,
    ...(icon ? { icon } : {}),
    show: false,
    title: 'Byline',
    backgroundColor: '#fbfaf7',
    webPreferences: secureWebPreferences(preloadPath),
  });
  const contents = window.webContents;

  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // Only the entry page: not even another byline://app URL (an asset, an SVG) may become the page.
  contents.on('will-navigate', (event, url) => {
    if (isEntryUrl(url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isEntryUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    if (state.fullScreen) window.setFullScreen(true);
    window.show();
  });

  void window.loadURL(appEntryUrl);
  return window;
}
