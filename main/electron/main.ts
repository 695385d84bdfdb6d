/**
 * Electron entry point. Deliberately thin: it wires Electron (windows, protocol, IPC, permissions,
 * menus, dialogs, OS integration) to the same services browser mode uses; all behaviour lives in
 * main/ services, shared/ and the pure modules beside this file (menu templates, close guard,
 * window state, launch arguments), which unit tests cover.
 */
import type {
  BrowserWindow as BrowserWindowType,
  ContextMenuParams,
  OpenDialogOptions,
  WebContents,
} from 'electron';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  Menu,
  nativeTheme,
  screen,
  session,
  shell,
} from 'electron';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UiLocale } from '../../shared/commands/commandLabels';
import { resolveUiLocale } from '../../shared/commands/commandLabels';
import { commands } from '../../shared/commands/commandRegistry';
import type {
  EventName,
  EventPayload,
  PickResult,
  RequestHandlers,
  Settings,
} from '../../shared/ipc/contract';
import type { BylineMain } from '../app/createBylineMain';
import { PathGrants, requireGrantedPaths } from '../desktop/pathGrants';
import { createBylineMain } from '../app/createBylineMain';
import { parseLaunchArgs } from '../desktop/launchArgs';
import { resolveOpenTarget } from '../desktop/openTarget';
import { normalizeSession } from '../desktop/sessionStore';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import type { GuardEffect, GuardInput, GuardState } from './closeGuard';
import { choiceFromResponse, closePrompt, initialGuardState, stepCloseGuard } from './closeGuard';
import { createMainWindow } from './createMainWindow';
import { createElectronPdfPrinter } from './electronPdfPrinter';
import {
  buildDockMenuTemplate,
  buildJumpList,
  pickFileOptions,
  pickFolderOptions,
  saveAsOptions,
  spellcheckPlan,
} from './desktopIntegration';
import { registerIpcHandlers, sendEvent } from './ipcBridge';
import { buildContextMenuTemplate } from './menu/buildContextMenuTemplate';
import { buildMenuTemplate } from './menu/buildMenuTemplate';
import type { MenuAction } from './menu/menuTypes';
import { menuString } from './menu/menuStrings';
import { toElectronTemplate } from './menu/menuTypes';
import {
  captureWindowState,
  readWindowState,
  restoreWindowState,
  writeWindowStateSync,
} from './windowState';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, 'preload.cjs');
const saveAllTimeoutMs = 30_000;

/** What one process was started with: Electron's own process values, or a harness's per instance. */
export interface DesktopLaunch {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

function isDirectory(candidate: string): boolean {
  try {
    return statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Starts the desktop app: everything Electron's main process does, from the single-instance lock
 * to the first window. Importing this module does nothing; Electron's entry call is at the end of
 * the file, and a test harness calls this once per simulated process.
 */
export async function startDesktopApp(
  launch: DesktopLaunch = { argv: process.argv, cwd: process.cwd(), env: process.env },
): Promise<void> {
  // Tests and portable setups may point Byline at a separate profile.
  if (launch.env.BYLINE_USER_DATA) app.setPath('userData', launch.env.BYLINE_USER_DATA);
  if (process.platform === 'win32') app.setAppUserModelId('io.byline.editor');

  registerAppScheme();
  app.enableSandbox();

  // macOS delivers files opened from Finder (or dropped on the dock icon) here, possibly before 'ready'.
  const pendingPaths: string[] = [];
  let openPathInApp: ((absolute: string) => Promise<void>) | null = null;
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (openPathInApp) void openPathInApp(file);
    else pendingPaths.push(file);
  });

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await start(launch, pendingPaths, (open) => (openPathInApp = open));
}

async function start(
  launch: DesktopLaunch,
  pendingPaths: string[],
  onOpenPath: (open: (absolute: string) => Promise<void>) => void,
): Promise<void> {
  await app.whenReady();
  const assetsDir = app.isPackaged
    ? path.join(process.resourcesPath, 'assets')
    : path.join(here, '../../assets');
  const windowIcon =
    process.platform === 'linux' ? path.join(assetsDir, 'icons/png/512x512.png') : undefined;

  // Deny every permission request (camera, notifications, geolocation...): an editor needs none.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  let mainWindow: BrowserWindowType | null = null;
  let settings: Settings;
  let guard: GuardState = initialGuardState;
  /** Native file dialogs open now: a save request waits for them however long they take. */
  let dialogsShowing = 0;
  let quitting = false;
  /** An article from the command line / Finder to open once the renderer asks for its session. */
  let launchArticle: string | null = null;

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const window of BrowserWindow.getAllWindows())
      sendEvent(window.webContents, event, payload);
    if (event === 'workspace.changed')
      void noteWorkspace((payload as EventPayload<'workspace.changed'>).root);
  };

  const launchPaths = [
    ...parseLaunchArgs(launch.argv, {
      isPackaged: app.isPackaged,
      cwd: launch.cwd,
      platform: process.platform,
    }),
    ...pendingPaths.splice(0),
  ];
  const launchFolder = launchPaths.find(isDirectory);
  const main: BylineMain = await createBylineMain({
    dataDir: app.getPath('userData'),
    documentsDir: app.getPath('documents'),
    assetsDir,
    transport: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    systemLocale: app.getLocale(),
    initialWorkspace: launch.env.BYLINE_WORKSPACE ?? launchFolder,
    emit,
    libraryWorker: new URL('./libraryWorker.mjs', import.meta.url),
    // Deleted articles go to the system trash, restorable from the file manager.
    trashItem: (absolute) => shell.trashItem(absolute),
    // PDF export with Electron's own printToPDF (no headless browser), and "open when done".
    pdfPrinter: createElectronPdfPrinter(),
    openPath: async (absolute) => {
      const error = await shell.openPath(absolute);
      if (error) throw new Error(error);
    },
    // File › Print: the system dialog for the window; its print stylesheet shows only the article.
    printWindow: () =>
      new Promise<void>((resolve) => {
        const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
        if (!window) return resolve();
        window.webContents.print({ printBackground: true }, () => resolve());
      }),
  });
  settings = await main.handlers['settings.get']();
  const locale = (): UiLocale => resolveUiLocale(settings.locale, app.getLocale());
  const windowForDialogs = (): BrowserWindowType | null =>
    BrowserWindow.getFocusedWindow() ?? mainWindow;

  async function noteWorkspace(root: string): Promise<void> {
    await main.session.addRecentWorkspace(root);
    await refreshMenus();
  }

  async function noteRecentFile(absolute: string): Promise<void> {
    app.addRecentDocument(absolute);
    await main.session.addRecentFile(absolute);
    await refreshMenus();
  }

  function applySettings(): void {
    nativeTheme.themeSource = settings.theme;
    const plan = spellcheckPlan(
      settings,
      process.platform,
      session.defaultSession.availableSpellCheckerLanguages,
    );
    session.defaultSession.setSpellCheckerEnabled(plan.enabled);
    if (plan.enabled && plan.languages.length > 0)
      session.defaultSession.setSpellCheckerLanguages(plan.languages);
  }

  async function refreshMenus(): Promise<void> {
    const current = main.workspaceRoot();
    const recentWorkspaces = (await main.session.recentWorkspaces()).filter(
      (root) => root !== current,
    );
    const recentFiles = await main.session.recentFiles();
    const template = buildMenuTemplate(commands, locale(), process.platform, {
      layout: settings.layout,
      recentWorkspaces,
      recentFiles,
      devTools: !app.isPackaged,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronTemplate(template, onMenuAction)));
    if (process.platform === 'win32' && app.isPackaged) {
      const jumpList = buildJumpList(recentWorkspaces, process.execPath, locale());
      // The 'recent' category needs the .md association the installer registers; without it, skip it.
      if (app.setJumpList(jumpList) !== 'ok')
        app.setJumpList(jumpList.filter((category) => category.type !== 'recent'));
    }
    if (process.platform === 'darwin') {
      app.dock?.setMenu(
        Menu.buildFromTemplate(
          toElectronTemplate(buildDockMenuTemplate(recentWorkspaces), onMenuAction),
        ),
      );
    }
  }

  function onMenuAction(action: MenuAction): void {
    switch (action.kind) {
      case 'command': {
        const target = BrowserWindow.getFocusedWindow() ?? mainWindow ?? openMainWindow();
        sendEvent(target.webContents, 'command.invoked', { id: action.id });
        return;
      }
      case 'openRecent':
        void openPath(action.path);
        return;
      case 'clearRecent':
        app.clearRecentDocuments();
        void main.session.clearRecent().then(refreshMenus);
        return;
      default:
        return;
    }
  }

  function onContextMenu(
    window: BrowserWindowType,
    contents: WebContents,
    params: ContextMenuParams,
  ): void {
    const template = buildContextMenuTemplate(params, locale(), process.platform);
    if (template.length === 0) return;
    const menu = Menu.buildFromTemplate(
      toElectronTemplate(template, (action) => {
        if (action.kind === 'replaceMisspelling') contents.replaceMisspelling(action.word);
        else if (action.kind === 'addToDictionary')
          contents.session.addWordToSpellCheckerDictionary(action.word);
        else if (action.kind === 'lookUp') contents.showDefinitionForSelection();
        else if (action.kind === 'copyLink') clipboard.writeText(action.url);
      }),
    );
    menu.popup({ window });
  }

  /** Opens a folder or article from the OS (second instance, Finder, recent menu) in the running window. */
  async function openPath(absolute: string): Promise<void> {
    const window = mainWindow ?? openMainWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
    try {
      // Switching workspaces with unsaved articles open would leave their tabs pointing at the wrong folder.
      const target = await resolveOpenTarget(absolute, main.workspaceRoot());
      const switching = target && !target.article && target.workspaceRoot !== main.workspaceRoot();
      if (switching && guard.dirty.length > 0) {
        const prompt = closePrompt(guard.dirty, locale(), process.platform, 'close');
        void dialog.showMessageBox(window, {
          type: 'info',
          message: menuString(locale(), 'saveBeforeSwitching'),
          detail: prompt.options.message,
          buttons: ['OK'],
        });
        return;
      }
      const before = main.workspaceRoot();
      const result = await main.handlers['workspace.openPath']({ path: absolute });
      if (result.standalone) {
        await noteRecentFile(result.standalone.location);
        emit('article.standaloneRequested', result.standalone);
      } else if (result.article) {
        await noteRecentFile(path.join(result.workspace.root, result.article));
        // After a switch the renderer reloads and gets the article from session.get.
        if (result.workspace.root === before)
          emit('article.openRequested', { path: result.article });
      }
    } catch (error) {
      void dialog.showMessageBox(window, {
        type: 'warning',
        message: (error as Error).message,
        buttons: ['OK'],
      });
    }
  }
  onOpenPath(openPath);

  const awaitSave = (): void => {
    setTimeout(
      () => runGuard({ type: 'saveTimedOut', dialogShowing: dialogsShowing > 0 }),
      saveAllTimeoutMs,
    ).unref();
  };

  const runGuard = (input: GuardInput): GuardEffect[] => {
    const step = stepCloseGuard(guard, input);
    guard = step.state;
    const window = mainWindow;
    for (const effect of step.effects) {
      if (!window || window.isDestroyed()) break;
      if (effect === 'showPrompt') {
        const prompt = closePrompt(
          guard.dirty,
          locale(),
          process.platform,
          guard.quitting ? 'quit' : 'close',
        );
        void dialog.showMessageBox(window, prompt.options).then(({ response }) => {
          runGuard({ type: 'answered', choice: choiceFromResponse(response, prompt) });
        });
      } else if (effect === 'requestSaveAll') {
        sendEvent(window.webContents, 'command.invoked', { id: 'file.saveAll' });
        awaitSave();
      } else if (effect === 'awaitSaveAgain') {
        awaitSave();
      } else if (effect === 'closeAgain') {
        if (guard.quitting) app.quit();
        else window.close();
      }
    }
    return step.effects;
  };

  const dataDir = app.getPath('userData');
  const savedWindow = await readWindowState(dataDir);

  function openMainWindow(): BrowserWindowType {
    const restored = restoreWindowState(
      savedWindow,
      screen.getAllDisplays().map((display) => display.workArea),
      screen.getPrimaryDisplay().workArea,
    );
    const window = createMainWindow(preloadPath, restored, windowIcon);
    guard = initialGuardState;
    window.on('close', (event) => {
      const effects = runGuard({ type: 'closeRequested', quitting });
      quitting = false;
      if (effects.includes('prevent')) {
        event.preventDefault();
        return;
      }
      writeWindowStateSync(
        dataDir,
        captureWindowState(window.getNormalBounds(), window.isMaximized(), window.isFullScreen()),
      );
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.webContents.on('context-menu', (_event, params) =>
      onContextMenu(window, window.webContents, params),
    );
    mainWindow = window;
    return window;
  }

  const pick = async (
    run: (
      window: BrowserWindowType | null,
    ) => Promise<{ canceled: boolean; path?: string | undefined }>,
  ): Promise<PickResult> => {
    dialogsShowing += 1;
    try {
      const outcome = await run(windowForDialogs());
      return outcome.canceled || !outcome.path
        ? { status: 'canceled' }
        : { status: 'picked', path: outcome.path };
    } finally {
      dialogsShowing -= 1;
    }
  };
  const openDialog = (window: BrowserWindowType | null, options: OpenDialogOptions) =>
    (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options)).then(
      (r) => ({
        canceled: r.canceled,
        path: r.filePaths[0],
      }),
    );

  /** The Electron answers to the desktop requests; everything else is the shared services. */
  const handlers: RequestHandlers = {
    ...main.handlers,
    'app.info': async () => ({
      ...(await main.handlers['app.info']()),
      spellcheckLanguages:
        process.platform === 'darwin' ? [] : session.defaultSession.availableSpellCheckerLanguages,
    }),
    'article.open': async (input) => {
      const opened = await main.handlers['article.open'](input);
      void noteRecentFile(main.locate(input.workspace, opened.path));
      return opened;
    },
    'settings.update': async (patch) => {
      settings = await main.handlers['settings.update'](patch);
      applySettings();
      await refreshMenus();
      return settings;
    },
    'session.get': async () => {
      const stored = await main.handlers['session.get']();
      if (!launchArticle) return stored;
      const article = launchArticle;
      launchArticle = null;
      return normalizeSession({ openTabs: [...stored.openTabs, article], activeTab: article });
    },
    'dialog.pickFolder': (request) =>
      pick((window) => openDialog(window, pickFolderOptions(request, locale()))),
    'dialog.pickFile': (request) =>
      pick((window) => openDialog(window, pickFileOptions(request, locale()))),
    'dialog.saveAs': (request) =>
      pick(async (window) => {
        const options = saveAsOptions(request, locale());
        const result = await (window
          ? dialog.showSaveDialog(window, options)
          : dialog.showSaveDialog(options));
        return { canceled: result.canceled, path: result.filePath };
      }),
    'window.setDirtyState': async ({ dirty, afterSaveAll }) => {
      runGuard({ type: 'dirtyReported', dirty, afterSaveAll: afterSaveAll ?? false });
    },
    'window.toggleFullScreen': async () => {
      const window = windowForDialogs();
      if (!window) return false;
      window.setFullScreen(!window.isFullScreen());
      return window.isFullScreen();
    },
  };

  // A Markdown file given on the command line (or from Finder) opens in its workspace.
  const launchFile = launchPaths.find((candidate) => !isDirectory(candidate));
  if (launchFile) {
    // At launch nothing is open yet: the file's own workspace becomes the workspace (while
    // running, a file outside it opens as a standalone tab instead).
    const target = await resolveOpenTarget(path.resolve(launchFile), main.workspaceRoot());
    if (target && target.workspaceRoot !== main.workspaceRoot())
      await handlers['workspace.open']({ root: target.workspaceRoot }).catch(() => null);
    const result = await handlers['workspace.openPath']({ path: launchFile }).catch(() => null);
    if (result?.article) {
      launchArticle = result.article;
      void noteRecentFile(path.join(result.workspace.root, result.article));
    }
  }

  // What the renderer may name outside the workspace: only paths picked in native dialogs or offered by main.
  const grants = new PathGrants(path.join(dataDir, 'path-grants.json'));
  await grants.load();
  const rendererHandlers = requireGrantedPaths(handlers, {
    grants,
    offered: async () => [
      main.workspaceRoot(),
      ...(await main.session.recentWorkspaces()),
      ...(await main.session.recentFiles()),
      ...(await main.handlers['workspace.current']()).recent,
    ],
    exportRoots: () => [
      main.workspaceRoot(),
      path.join(app.getPath('documents'), 'Byline Exports'),
    ],
  });

  applySettings();
  serveAppProtocol(rendererDir, () => main.workspaceRoot());
  registerIpcHandlers(() => ({ ...main, handlers: rendererHandlers }), grants);
  await noteWorkspace(main.workspaceRoot());
  openMainWindow();

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = parseLaunchArgs(argv, {
      isPackaged: app.isPackaged,
      cwd: workingDirectory,
      platform: process.platform,
    });
    const window = mainWindow ?? openMainWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
    for (const target of paths) void openPath(target);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void main.dispose());
}

// Electron runs this bundle as the app's entry; imported anywhere else (plain Node, the stand-in
// harness in tests/electron-standin/) it only exports startDesktopApp.
if (process.versions.electron !== undefined) void startDesktopApp();
