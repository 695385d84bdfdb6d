/**
 * Electron entry point. Deliberately thin: it wires Electron (windows, protocol, IPC, permissions)
 * to the same services browser mode uses; all behaviour lives in main/ services and shared/.
 */
import { app, BrowserWindow, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { BylineMain } from '../app/createBylineMain';
import { createBylineMain } from '../app/createBylineMain';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { createMainWindow } from './createMainWindow';
import { registerIpcHandlers, sendEvent } from './ipcBridge';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, 'preload.cjs');
const assetsDir = app.isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(here, '../../assets');

// Tests and portable setups may point Byline at a separate profile.
if (process.env.BYLINE_USER_DATA) app.setPath('userData', process.env.BYLINE_USER_DATA);

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();

  // Deny every permission request (camera, notifications, geolocation...): an editor needs none.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const window of BrowserWindow.getAllWindows()) sendEvent(window.webContents, event, payload);
  };
  const workspaceArg = process.argv.slice(app.isPackaged ? 1 : 2).find((arg) => !arg.startsWith('-'));
  const main: BylineMain = await createBylineMain({
    dataDir: app.getPath('userData'),
    documentsDir: app.getPath('documents'),
    assetsDir,
    transport: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    systemLocale: app.getLocale(),
    initialWorkspace: process.env.BYLINE_WORKSPACE ?? workspaceArg,
    emit,
  });

  serveAppProtocol(rendererDir, () => main.workspaceRoot());
  registerIpcHandlers(() => main);
  createMainWindow(preloadPath);

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadPath);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void main.dispose());
}
