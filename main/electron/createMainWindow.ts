import { BrowserWindow, shell } from 'electron';
import { appOrigin, isAppUrl, isSafeExternalUrl, secureWebPreferences } from './securityPolicy';

/** The editor window: sandboxed, isolated, no navigation away from our own pages. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 720,
    minHeight: 480,
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
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());

  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}
