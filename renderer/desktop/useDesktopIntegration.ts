/**
 * The renderer's half of the desktop integration: open workspace/file through native
 * dialogs (or a typed path in browser mode), articles opened from the OS, the unsaved-changes
 * guard (dirty state to main in Electron, `beforeunload` in the browser) and open tabs restored
 * on restart. The shell calls `useDesktopIntegration` once and `restoreSession` for its first tabs.
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AppInfo,
  BylineApi,
  DirtyDocument,
  LibraryEntry,
  PickResult,
  SessionState,
  StandaloneFile,
  TextFormat,
} from '../../shared/ipc/contract';
import type { CommandHandler, CommandHandlers } from '../workbench/commandHandlers';
import { requestErrorText } from '../files/requestErrorText';

export interface DesktopTab {
  id?: string;
  path: string;
  /** No file yet (a dropped file in a page): Save As places it; never part of the session. */
  untitled?: boolean;
  /** A file opened on its own outside the workspace: where it is (never part of the workspace session). */
  standalone?: string | null;
  title: string;
  dirty: boolean;
  /** Byte layout of the file (Save As writes the copy the same way). */
  format?: TextFormat;
}

export interface DesktopIntegrationOptions {
  api: BylineApi;
  info: AppInfo;
  handlers: CommandHandlers;
  /** Open tabs, in order. */
  tabs: readonly DesktopTab[];
  /** The tab on screen (tabs are told apart by id: an untitled one may bear an article's name). */
  activeId: string | null;
  workspaceRoot: string | null;
  /** The identity main issued for this window's workspace (Save As writes into it). */
  workspaceId: string | null;
  openArticle(path: string): void | Promise<void>;
  /** Opens a file outside the workspace in its own tab, under main's one-file grant. */
  openStandalone(file: StandaloneFile): void | Promise<void>;
  notify(message: string): void;
  /** The active editor's text (for Save As). */
  currentText?: () => string | null;
  /** Gives an untitled article its path in the workspace (`overwrite`: the writer said replace). */
  placeUntitled?: (
    tabId: string,
    path: string,
    overwrite: boolean,
  ) => Promise<{ status: 'saved' | 'conflict' | 'skipped' } | { status: 'error'; code: string }>;
  /**
   * Saves every unsaved article and waits for each: the articles that could not be saved, and
   * the unsaved documents left afterwards (what the close guard decides on).
   */
  saveAll?: () => Promise<SaveAllReport>;
  /** Articles a pane failed to render: left out of the session, so a restart does not reopen into them. */
  crashedPaths?: ReadonlySet<string>;
  /** Writes every unsaved document's crash journal at once (the page is going away). */
  flushJournals?: () => void;
}

/** What saving everything left behind. */
export interface SaveAllReport {
  /** `untitled`: the article has no file yet, so Save could not write it without asking where. */
  failed: readonly { tabId: string; path: string; title: string; untitled: boolean }[];
  stillDirty: readonly DirtyDocument[];
}

/** The unsaved documents main's close guard needs, in tab order. */
export function dirtyDocuments(tabs: readonly DesktopTab[]): DirtyDocument[] {
  return tabs.filter((tab) => tab.dirty).map((tab) => ({ path: tab.path, title: tab.title }));
}

/** A stable key for "which documents are dirty", so main hears only about changes. */
export function dirtyKey(tabs: readonly DesktopTab[]): string {
  return JSON.stringify(dirtyDocuments(tabs));
}

/**
 * A native dialog's answer, or in browser mode (no native dialogs: `unavailable`) the path the
 * writer types. Null when cancelled.
 */
export async function pickPath(
  pick: () => Promise<PickResult>,
  ask: () => string | null,
): Promise<string | null> {
  const result = await pick();
  if (result.status === 'picked') return result.path;
  if (result.status === 'canceled') return null;
  const typed = ask()?.trim();
  return typed ? typed : null;
}

/**
 * A path from Save As as a workspace path: absolute paths must lie inside the workspace (either
 * separator style); a relative answer (browser mode's prompt) is taken as workspace-relative.
 * Null when outside the workspace or not a Markdown file name.
 */
export function workspaceRelative(picked: string, workspaceRoot: string): string | null {
  const normalize = (p: string): string => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const target = normalize(picked.trim());
  const root = normalize(workspaceRoot);
  const absolute = /^([a-zA-Z]:)?\//.test(target);
  const windows = /^[a-zA-Z]:/.test(root);
  let relative: string;
  if (absolute) {
    const inside = windows
      ? target.toLowerCase().startsWith(`${root.toLowerCase()}/`)
      : target.startsWith(`${root}/`);
    if (!inside) return null;
    relative = target.slice(root.length + 1);
  } else {
    relative = target.replace(/^\.\//, '');
  }
  if (!relative || relative.split('/').some((part) => part === '..' || part === '')) return null;
  return /\.(md|markdown)$/i.test(relative) ? relative : null;
}

/** The tabs to open at start-up: the workspace's saved session if its articles still exist, else the welcome article. */
export function tabsToRestore(
  session: { openTabs: readonly string[]; activeTab: string | null },
  entries: readonly Pick<LibraryEntry, 'path'>[],
): string[] {
  const known = new Set(entries.map((e) => e.path));
  // An article the OS asked to open may be new to the library listing; keep the active one regardless.
  const tabs = session.openTabs.filter((path) => known.has(path) || path === session.activeTab);
  if (tabs.length > 0) {
    const active =
      session.activeTab && tabs.includes(session.activeTab)
        ? session.activeTab
        : tabs[tabs.length - 1];
    return [...tabs.filter((path) => path !== active), ...(active ? [active] : [])];
  }
  const first = entries.find((e) => e.path === 'welcome.md') ?? entries[0];
  return first ? [first.path] : [];
}

const sessionRequests = new WeakMap<BylineApi, Promise<SessionState>>();

/** Asks for the saved session as the app starts, so restoring it later costs no round trip. */
function prefetchSession(api: BylineApi): Promise<SessionState> {
  let request = sessionRequests.get(api);
  if (!request) {
    request = api['session.get']().catch(() => ({ openTabs: [], activeTab: null }));
    sessionRequests.set(api, request);
  }
  return request;
}

/**
 * Opens the restored tabs one after the other (the last one opened is the active one). It steps
 * aside as soon as the writer opens or switches to an article: `activationRequests` is the
 * window's count of such requests (the store's), to which each `openArticle` call adds one when
 * it is made, so any other request shows as a count the restore did not make.
 */
export async function restoreSession(
  api: BylineApi,
  entries: readonly Pick<LibraryEntry, 'path'>[],
  openArticle: (path: string) => void | Promise<void>,
  activationRequests: () => number,
): Promise<void> {
  const session = await prefetchSession(api);
  sessionRequests.delete(api);
  let restored = 0;
  for (const path of tabsToRestore(session, entries)) {
    if (activationRequests() !== restored) return;
    const opening = openArticle(path);
    restored++;
    await opening;
  }
}

/** What the shell may ask of the desktop integration directly. */
export interface DesktopIntegration {
  /** Save As for a tab (the active one by default); true once written. */
  saveAs(tabId?: string): Promise<boolean>;
}

export function useDesktopIntegration(options: DesktopIntegrationOptions): DesktopIntegration {
  const { t, i18n } = useTranslation();
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const { api, info, handlers } = options;
  const electron = info.transport === 'electron';

  useEffect(() => void prefetchSession(api), [api]);
  // Articles opened from the OS (second instance, Finder, recent menu) while Byline runs.
  useEffect(
    () => api.on('article.openRequested', ({ path }) => void latest.current.openArticle(path)),
    [api],
  );
  useEffect(
    () => api.on('article.standaloneRequested', (file) => void latest.current.openStandalone(file)),
    [api],
  );
  // Main switched workspaces: start afresh on the new one. Unsaved articles of this window are
  // saved first, into their own workspace (each request names its identity), never the new one.
  useEffect(
    () =>
      api.on('workspace.changed', ({ root }) => {
        const { workspaceRoot, tabs, saveAll, notify } = latest.current;
        if (root === workspaceRoot) return;
        void (async () => {
          if (tabs.some((tab) => tab.dirty)) {
            const report = saveAll ? await saveAll().catch(() => null) : null;
            if (!report || report.failed.length > 0 || report.stillDirty.length > 0) {
              notify(t('desktop.workspaceSwitchedElsewhere'));
              return;
            }
          }
          window.location.reload();
        })();
      }),
    [api, t],
  );

  // The close/quit guard: main asks Save / Don't Save / Cancel from this list.
  const key = dirtyKey(options.tabs);
  useEffect(() => {
    if (!electron) return;
    void api['window.setDirtyState']({ dirty: JSON.parse(key) as DirtyDocument[] }).catch(
      () => undefined,
    );
  }, [api, electron, key]);

  // Browser mode: the browser's own "Leave site?" prompt. The words typed since the journal's
  // last write go to it first: script stands still while the prompt is up, and a page that
  // leaves never runs its timers again. (In Electron main's close guard asks, and a window that
  // closes after "Don't Save" must not write the words back.)
  useEffect(() => {
    if (electron) return undefined;
    const flush = (): void => latest.current.flushJournals?.();
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      flush();
      if (!latest.current.tabs.some((tab) => tab.dirty)) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', flush);
    };
  }, [electron]);

  // Open tabs per workspace, restored on restart.
  const crashed = options.crashedPaths;
  const inSession = (tab: DesktopTab): boolean =>
    !tab.standalone && !tab.untitled && !crashed?.has(tab.path);
  const sessionTabs = options.tabs.filter(inSession).map((tab) => tab.path);
  const shown = options.tabs.find((tab) => tab.id === options.activeId);
  const sessionActive = shown && inSession(shown) ? shown.path : null;
  const sessionKey = JSON.stringify([sessionTabs, sessionActive]);
  const restored = useRef(false);
  useEffect(() => {
    const [openTabs, activeTab] = JSON.parse(sessionKey) as [string[], string | null];
    // Do not overwrite the saved session with the empty tab list of the first render.
    if (!restored.current) {
      restored.current = openTabs.length > 0;
      if (!restored.current) return undefined;
    }
    const timer = setTimeout(
      () => void api['session.update']({ openTabs, activeTab }).catch(() => undefined),
      400,
    );
    return () => clearTimeout(timer);
  }, [api, sessionKey]);

  /**
   * Save As: the writer picks a workspace path (a native dialog, or typed in browser mode). An
   * untitled article (`tabId`) becomes that file; any other article is copied there and the copy
   * opens. Resolves true once written.
   */
  const saveAsNow = useCallback(
    async (tabId?: string): Promise<boolean> => {
      const { api: client, tabs, activeId, workspaceRoot, workspaceId, notify } = latest.current;
      const { openArticle, currentText, placeUntitled } = latest.current;
      const errorText = (error: unknown, path: string): string =>
        requestErrorText(t, (key) => i18n.exists(key), error, { path });
      const tab = tabs.find((candidate) => candidate.id === (tabId ?? activeId));
      if (!tab || !workspaceRoot || !workspaceId) return false;
      const place = tab.untitled && tab.id && placeUntitled ? placeUntitled : null;
      const text = place ? null : (currentText?.() ?? null);
      if (!place && (!tab.format || text === null)) return false;
      let native = true;
      const picked = await pickPath(
        () =>
          client['dialog.saveAs']({
            kind: 'markdown',
            defaultPath: `${workspaceRoot}/${tab.path}`,
          }),
        () => {
          native = false;
          return window.prompt(t('desktop.promptSaveAs'), tab.path);
        },
      );
      if (!picked) return false;
      const relative = workspaceRelative(picked, workspaceRoot);
      if (!relative) {
        notify(t('desktop.saveAsOutside'));
        return false;
      }
      const write = (overwrite: boolean) =>
        place && tab.id
          ? place(tab.id, relative, overwrite)
          : client['article.save']({
              workspace: workspaceId,
              path: relative,
              text: text ?? '',
              format: tab.format ?? { encoding: 'utf-8', bom: false, eol: '\n' },
              baseStamp: null,
              overwrite,
            });
      try {
        let result = await write(false);
        // The native dialog has already asked whether to replace an existing file.
        if (
          result.status === 'conflict' &&
          (native || window.confirm(t('desktop.confirmReplace', { path: relative })))
        ) {
          result = await write(true);
        }
        if (result.status === 'saved') {
          if (!place) await openArticle(relative);
          return true;
        }
        if (result.status === 'error')
          notify(
            result.code === 'open-in-another-tab'
              ? t('desktop.saveAsOpenInAnotherTab', { path: relative })
              : t('desktop.openFailed', {
                  path: relative,
                  message: errorText(result.code, relative),
                }),
          );
      } catch (error) {
        notify(t('desktop.openFailed', { path: relative, message: errorText(error, relative) }));
      }
      return false;
    },
    [t, i18n],
  );

  // Commands. Registered first, so a handler the shell or a panel registers later takes precedence.
  useEffect(() => {
    const current = (): DesktopIntegrationOptions => latest.current;
    const errorText = (error: unknown, path: string): string =>
      requestErrorText(t, (key) => i18n.exists(key), error, { path });
    const openWorkspace: CommandHandler = () => {
      void (async () => {
        const { api: client, tabs, workspaceRoot, notify } = current();
        if (tabs.some((tab) => tab.dirty)) {
          notify(t('desktop.saveBeforeSwitching'));
          return;
        }
        const folder = await pickPath(
          () =>
            client['dialog.pickFolder']({
              ...(workspaceRoot ? { defaultPath: workspaceRoot } : {}),
            }),
          () => window.prompt(t('desktop.promptFolder'), workspaceRoot ?? ''),
        );
        if (!folder) return;
        try {
          await client['workspace.open']({ root: folder });
        } catch (error) {
          notify(t('desktop.openFailed', { path: folder, message: errorText(error, folder) }));
        }
      })();
    };
    const openFile: CommandHandler = () => {
      void (async () => {
        const { api: client, workspaceRoot, notify, openArticle, openStandalone } = current();
        const file = await pickPath(
          () =>
            client['dialog.pickFile']({ ...(workspaceRoot ? { defaultPath: workspaceRoot } : {}) }),
          () => window.prompt(t('desktop.promptFile'), workspaceRoot ? `${workspaceRoot}/` : ''),
        );
        if (!file) return;
        try {
          const before = workspaceRoot;
          const result = await client['workspace.openPath']({ path: file });
          // A file outside the workspace opens in its own tab; the workspace and its tabs stay.
          if (result.standalone) await openStandalone(result.standalone);
          // A switched workspace (a folder was given) reloads the page (workspace.changed).
          else if (result.article && result.workspace.root === before)
            await openArticle(result.article);
        } catch (error) {
          notify(t('desktop.openFailed', { path: file, message: errorText(error, file) }));
        }
      })();
    };
    const saveAll: CommandHandler = () => {
      // The close guard closes only when nothing unsaved remains after every save has answered.
      const { api: client, tabs, saveAll: saveEverything } = current();
      if (!saveEverything) return false;
      void (async () => {
        let report: SaveAllReport;
        try {
          report = await saveEverything();
          // An untitled article has no file to save to: Save asks where it goes, one at a time.
          const placed = new Set<string>();
          for (const failure of report.failed)
            if (failure.untitled && (await saveAsNow(failure.tabId))) placed.add(failure.tabId);
          if (placed.size > 0) {
            const after = await saveEverything();
            report = {
              failed: report.failed.filter((failure) => !placed.has(failure.tabId)),
              stillDirty: after.stillDirty,
            };
          }
        } catch (error) {
          current().notify((error as Error).message);
          report = { failed: [], stillDirty: dirtyDocuments(current().tabs) };
        }
        if (report.failed.length > 0)
          current().notify(
            t('desktop.saveAllFailed', {
              titles: report.failed.map((f) => `“${f.title}”`).join(', '),
            }),
          );
        await client['window.setDirtyState']({
          dirty: [...report.stillDirty],
          afterSaveAll: true,
        }).catch(() => undefined);
      })();
      return tabs.length > 0;
    };
    const saveAs: CommandHandler = () => {
      const { tabs, activeId, currentText } = current();
      const tab = tabs.find((candidate) => candidate.id === activeId);
      if (!tab || (!tab.untitled && (!tab.format || currentText?.() === null))) return false;
      void saveAsNow(tab.id);
      return true;
    };
    const about: CommandHandler = () => {
      window.alert(t('desktop.about', { version: current().info.version }));
    };
    return handlers.registerAll({
      'file.openWorkspace': openWorkspace,
      'file.openFile': openFile,
      'file.saveAll': saveAll,
      'file.saveAs': saveAs,
      'help.about': about,
    });
  }, [handlers, t, i18n, saveAsNow]);

  return { saveAs: saveAsNow };
}
