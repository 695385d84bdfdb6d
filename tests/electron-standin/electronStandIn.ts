import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CallRecord } from './callRecord';
import { routeSession } from './chromiumRoutes';
import { createDialog, ScriptedDialogs } from './scriptedDialogs';
import type { SingleInstanceLocks } from './standInApp';
import { StandInApp } from './standInApp';
import type { StandInBrowserWindow, StandInWebContents, WindowHost } from './standInBrowserWindow';
import { createBrowserWindowClass, StandInWebFrameMain } from './standInBrowserWindow';
import { createIpcMain } from './standInIpcMain';
import { createMenuClass } from './standInMenu';
import { createNet, createProtocol, SchemeRegistry } from './standInProtocol';
import { createSessionModule, StandInSession } from './standInSession';
import type { StandInDisplay } from './standInSystem';
import {
  createClipboard,
  createNativeTheme,
  createScreen,
  createShell,
  defaultDisplays,
} from './standInSystem';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Deliberate breaks, for the harness's test of itself: main's wiring is lost on the way. */
export interface Tampering {
  /** ipcMain.handle registrations for these channels are dropped. */
  droppedChannels?: readonly string[];
  /** These web preferences are removed from every window main creates. */
  strippedPreferences?: readonly (keyof Electron.WebPreferences)[];
}

export interface StandInOptions {
  browser: Browser;
  locks: SingleInstanceLocks;
  /** This process's command line and working folder (second-instance hands them over). */
  argv: readonly string[];
  cwd: string;
  /** userData, documents, temp…: the profile of this simulated installation. */
  paths: { userData: string; documents: string; home: string; temp: string };
  /** Where shell.trashItem moves files (the system trash). */
  trashDir: string;
  locale?: string;
  displays?: readonly StandInDisplay[];
  tampering?: Tampering;
}

/** One simulated Electron main process: the module object main imports, and the test's handles. */
export function createElectronStandIn(options: StandInOptions) {
  const record = new CallRecord();
  const dialogs = new ScriptedDialogs();
  const schemes = new SchemeRegistry();
  const { ipcMain, handlers } = createIpcMain(
    record,
    new Set(options.tampering?.droppedChannels ?? []),
  );
  let dark = false;
  /** 'window' for every BrowserWindow main creates. */
  const events = new EventEmitter();
  const pages = new Map<Page, StandInBrowserWindow>();
  const sessions = new Map<string, StandInSession>();
  const sessionFor = (partition: string): StandInSession => {
    let found = sessions.get(partition);
    if (!found) {
      found = new StandInSession(partition, record, options.browser, (context, session) =>
        routeSession(context, session, {
          record,
          schemes,
          windowOf: (page) => pages.get(page) ?? null,
        }),
      );
      sessions.set(partition, found);
    }
    return found;
  };
  const defaultSession = sessionFor('');
  const browserCdp = options.browser.newBrowserCDPSession();

  const host: WindowHost = {
    record,
    standardSchemes: () => schemes.standard(),
    sessionFor: (preferences) =>
      (preferences.session as unknown as StandInSession | undefined) ??
      (preferences.partition ? sessionFor(preferences.partition) : defaultSession),
    async invoke(contents: StandInWebContents, frame, channel, args) {
      const handler = handlers.get(channel);
      record.add('ipcRenderer.invoke', channel, new StandInWebFrameMain(frame).url);
      // Electron's own rejection text for a channel nobody handles.
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const event = {
        sender: contents,
        senderFrame: new StandInWebFrameMain(frame),
        frameId: 1,
        processId: 1,
        type: 'frame' as const,
        defaultPrevented: false,
        preventDefault() {},
      };
      return handler(event as unknown as Electron.IpcMainInvokeEvent, ...args);
    },
    async setPermission(page, name, origin, granted) {
      const cdp = await page.context().newCDPSession(page);
      const { targetInfo } = await cdp.send('Target.getTargetInfo');
      await cdp.detach();
      await (
        await browserCdp
      ).send('Browser.setPermission', {
        permission: { name },
        setting: granted ? 'granted' : 'denied',
        origin,
        ...(targetInfo.browserContextId ? { browserContextId: targetInfo.browserContextId } : {}),
      });
    },
    darkMode: () => dark,
    strippedPreferences: new Set(options.tampering?.strippedPreferences ?? []),
    pageOpened: (page, window) => pages.set(page, window),
    windowCreated: (window) => events.emit('window', window),
    windowClosed: () => app.windowClosed(),
    windowFocused: () => undefined,
  };
  const BrowserWindow = createBrowserWindowClass(host);

  const app = new StandInApp({
    record,
    locks: options.locks,
    argv: options.argv,
    cwd: options.cwd,
    paths: { ...options.paths },
    version: (
      JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }
    ).version,
    locale: options.locale ?? 'en-US',
    closeAllWindows: () => {
      for (const window of BrowserWindow.getAllWindows()) window.close();
      return BrowserWindow.getAllWindows().length === 0;
    },
    windowCount: () => BrowserWindow.getAllWindows().length,
  });

  const electron = {
    app,
    BrowserWindow,
    clipboard: createClipboard(record),
    dialog: createDialog(dialogs, record),
    ipcMain,
    Menu: createMenuClass(record),
    nativeTheme: createNativeTheme(record, (isDark) => {
      dark = isDark;
      for (const page of pages.keys())
        void page.emulateMedia({ colorScheme: isDark ? 'dark' : 'light' }).catch(() => undefined);
    }),
    net: createNet(schemes, record),
    protocol: createProtocol(schemes, record, () => app.isReady()),
    screen: createScreen(options.displays ?? defaultDisplays),
    session: createSessionModule({ defaultSession, fromPartition: sessionFor }),
    shell: createShell(record, options.trashDir),
  };

  return {
    electron,
    record,
    dialogs,
    schemes,
    /** Channels with an ipcMain.handle registration, at this moment. */
    handledChannels: (): string[] => [...handlers.keys()],
    /** Calls the handler main registered for a scheme, as Chromium would for a request. */
    fetchScheme: async (url: string): Promise<Response> => {
      const handler = schemes.handlers.get(new URL(url).protocol.slice(0, -1));
      if (!handler) throw new Error(`No protocol handler for ${url}`);
      return handler(new Request(url));
    },
    /** The first window main creates (already created or still to come). */
    firstWindow: (): Promise<StandInBrowserWindow> => {
      const [first] = BrowserWindow.getAllWindows();
      return first
        ? Promise.resolve(first)
        : new Promise((resolve) => events.once('window', resolve));
    },
    sessions: (): StandInSession[] => [...sessions.values()],
    async close(): Promise<void> {
      for (const window of BrowserWindow.getAllWindows()) window.destroy();
      for (const session of sessions.values()) await session.close();
      await (await browserCdp).detach().catch(() => undefined);
    },
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
