/**
 * The renderer's half of "never lose a word": saving (with conflict detection), autosave, the
 * crash journal and its restore prompt, reacting to changes on disk, local history, encodings
 * that cannot hold a character, and the article actions of the library (new, rename, duplicate,
 * trash). The shell calls `useFileSafety` once and places `banners` and `overlays` in its slots.
 */
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BylineApi,
  FileStamp,
  JournalEntry,
  LibraryEntry,
  SaveResult,
  Settings,
  TextFormat,
} from '../../shared/ipc/contract';
import type { CommandHandlers } from '../app/commandHandlers';
import type { EditorSession } from '../app/editorSession';
import { useLatest } from '../app/useLatest';
import type { ArticleTab } from '../app/workbenchContext';
import type { LibraryTools } from '../library/LibrarySidebar';
import { CompareDialog } from './CompareDialog';
import { ConflictBanner } from './ConflictBanner';
import { editorText, minimalChange, reactToDiskChange } from './diskChange';
import { HistoryDialog } from './HistoryDialog';
import { JournalRestoreBanner } from './JournalRestoreBanner';
import { JournalFeed } from './journalFeed';
import { NewArticleDialog } from './NewArticleDialog';
import { NoticeBanner } from './NoticeBanner';
import { RenameDialog } from './RenameDialog';
import { TrashDialog } from './TrashDialog';
import './files.css';

/** Journal a dirty buffer at most this long after a change: well within a second of typing. */
const journalDelayMs = 300;
/** Autosave after this much idle time. */
export const autosaveDelayMs = 3000;

export interface FileSafetyOptions {
  api: BylineApi;
  session: EditorSession;
  handlers: CommandHandlers;
  tabs: readonly ArticleTab[];
  activeTab: ArticleTab | null;
  entries: readonly LibraryEntry[];
  settings: Settings;
  patchTab(id: string, patch: Partial<ArticleTab>): void;
  openArticle(path: string): Promise<void>;
  closeTab(id: string): void;
  notify(message: string): void;
}

export interface FileSafety {
  /** Save the active tab (Ctrl+S, the save command, autosave). */
  save(): Promise<void>;
  banners: ReactNode;
  overlays: ReactNode;
  libraryTools: LibraryTools;
}

interface Conflict {
  diskText: string;
  diskStamp: FileStamp;
}

type Dialog =
  | { kind: 'new'; folder: string }
  | { kind: 'rename'; path: string }
  | { kind: 'history'; path: string }
  | { kind: 'trash' };

export function useFileSafety(options: FileSafetyOptions): FileSafety {
  const { api, session, handlers } = options;
  const { t, i18n } = useTranslation();
  const optionsRef = useLatest(options);
  const [conflicts, setConflicts] = useState<ReadonlyMap<string, Conflict>>(new Map());
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  const [unencodable, setUnencodable] = useState<{ tabId: string; message: string } | null>(null);
  const [journal, setJournal] = useState<JournalEntry[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [compareTab, setCompareTab] = useState<string | null>(null);
  const [trashed, setTrashed] = useState<{ title: string; id: string | null } | null>(null);
  const saving = useRef(new Set<string>());
  const diskWhileSaving = useRef(new Map<string, FileStamp | null>());
  const journaled = useRef(new Set<string>());

  const tab = useCallback(
    (id: string) => optionsRef.current.tabs.find((x) => x.id === id) ?? null,
    [optionsRef],
  );
  const tabAt = useCallback(
    (path: string) => optionsRef.current.tabs.find((x) => x.path === path) ?? null,
    [optionsRef],
  );
  const failed = useCallback(
    (action: string, error: unknown) =>
      optionsRef.current.notify(
        t('files.errors.action', {
          action: t(`files.errors.${action}`),
          message: (error as Error).message,
        }),
      ),
    [optionsRef, t],
  );
  const setConflict = useCallback((id: string, conflict: Conflict | null) => {
    setConflicts((map) => {
      if (!conflict && !map.has(id)) return map;
      const next = new Map(map);
      if (conflict) next.set(id, conflict);
      else next.delete(id);
      return next;
    });
  }, []);
  const setDeletedFlag = useCallback((id: string, on: boolean) => {
    setDeleted((set) => {
      if (set.has(id) === on) return set;
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  /** Put text into the tab's editor, if it is the one shown, as one undoable change (composition-safe). */
  const replaceActiveText = useCallback(
    (id: string, text: string) => {
      if (session.snapshot.get()?.tabId !== id) return false;
      return session.dispatch((view) => {
        const change = minimalChange(view.state.doc.toString(), text);
        return change ? { changes: change } : null;
      });
    },
    [session],
  );

  // ── disk changes ─────────────────────────────────────────────────────────────────────────
  const followDisk = useCallback(
    async (current: ArticleTab, stamp: FileStamp | null) => {
      const reaction = reactToDiskChange(current, stamp);
      if (reaction === 'deleted') {
        setDeletedFlag(current.id, true);
        return;
      }
      setDeletedFlag(current.id, false);
      if (reaction === 'ignore') return;
      let opened;
      try {
        opened = await api['article.open']({ path: current.path });
      } catch {
        return;
      }
      const now = tab(current.id);
      if (!now || opened.stamp.hash === now.stamp.hash) return;
      const text = editorText(opened.text);
      if (now.dirty) {
        setConflict(now.id, { diskText: text, diskStamp: opened.stamp });
        return;
      }
      const { patchTab } = optionsRef.current;
      const base = {
        savedText: text,
        stamp: opened.stamp,
        format: opened.format,
        readOnly: opened.readOnly,
      };
      // The shown tab keeps its undo history and cursor; a background tab is rebuilt when shown.
      if (optionsRef.current.activeTab?.id === now.id) {
        patchTab(now.id, base);
        replaceActiveText(now.id, text);
      } else {
        patchTab(now.id, { ...base, loadGeneration: now.loadGeneration + 1 });
      }
    },
    [api, optionsRef, replaceActiveText, setConflict, setDeletedFlag, tab],
  );

  useEffect(
    () =>
      api.on('article.changedOnDisk', ({ path, stamp }) => {
        const current = tabAt(path);
        if (!current) return;
        // Our own save's echo may arrive before its answer: decide once the save is done.
        if (saving.current.has(current.id)) diskWhileSaving.current.set(current.id, stamp);
        else void followDisk(current, stamp);
      }),
    [api, followDisk, tabAt],
  );

  // ── saving ───────────────────────────────────────────────────────────────────────────────
  const saveTab = useCallback(
    async (id: string, how: { base?: FileStamp; format?: TextFormat } = {}) => {
      const current = tab(id);
      const text = session.text();
      if (
        !current ||
        current.readOnly ||
        text === null ||
        optionsRef.current.activeTab?.id !== id ||
        saving.current.has(id)
      )
        return;
      const { patchTab, notify } = optionsRef.current;
      const format = how.format ?? current.format;
      saving.current.add(id);
      patchTab(id, { saving: true });
      let result: SaveResult;
      try {
        result = await api['article.save']({
          path: current.path,
          text,
          format,
          baseStamp: how.base ?? current.stamp,
          overwrite: false,
        });
      } catch (error) {
        result = { status: 'error', code: 'transport', message: (error as Error).message };
      } finally {
        saving.current.delete(id);
      }
      let stamp = current.stamp;
      if (result.status === 'saved') {
        stamp = result.stamp;
        // A tab switched away from during the save cannot have changed since.
        const dirty = optionsRef.current.activeTab?.id === id ? session.text() !== text : false;
        patchTab(id, { stamp, savedText: text, format, saving: false, dirty });
        setConflict(id, null);
        setDeletedFlag(id, false);
        setUnencodable((u) => (u?.tabId === id ? null : u));
        journaled.current.delete(current.path);
      } else if (result.status === 'conflict') {
        patchTab(id, { saving: false });
        setConflict(id, { diskText: editorText(result.diskText), diskStamp: result.diskStamp });
      } else {
        patchTab(id, { saving: false });
        if (result.code === 'unencodable') setUnencodable({ tabId: id, message: result.message });
        else notify(t('errors.saveFailed', { message: result.message }));
      }
      if (diskWhileSaving.current.has(id)) {
        const disk = diskWhileSaving.current.get(id) ?? null;
        diskWhileSaving.current.delete(id);
        const after = tab(id);
        if (after && result.status !== 'conflict')
          void followDisk(
            { ...after, stamp, dirty: after.dirty && result.status !== 'saved' },
            disk,
          );
      }
    },
    [api, followDisk, optionsRef, session, setConflict, setDeletedFlag, t, tab],
  );

  const save = useCallback(async () => {
    const active = optionsRef.current.activeTab;
    if (active) await saveTab(active.id);
  }, [optionsRef, saveTab]);

  // Journal and autosave both follow the idle-time snapshot of the active editor, never keystrokes.
  // Subscribed imperatively: as React state it would re-render the whole shell on every snapshot,
  // a long task in a 1 MB article (bench/editor.bench.ts).
  const activeConflict = options.activeTab ? conflicts.has(options.activeTab.id) : false;
  const activeDeleted = options.activeTab ? deleted.has(options.activeTab.id) : false;
  const activeUnencodable = options.activeTab ? unencodable?.tabId === options.activeTab.id : false;
  // Journal: throttled, not debounced, so even non-stop typing is journaled every few hundred ms.
  const journalTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const journalFeed = useMemo(() => new JournalFeed(api, session.journalChanges), [api, session]);
  const flushJournal = useCallback(() => {
    journalTimer.current = null;
    const latest = session.snapshot.get();
    const current = latest ? tab(latest.tabId) : null;
    if (!latest || !current || current.readOnly) return;
    if (latest.text !== current.savedText) {
      journaled.current.add(current.path);
      void journalFeed.write(current);
    } else if (journaled.current.delete(current.path)) {
      void api['journal.discard']({ path: current.path }).catch(() => undefined);
    }
  }, [api, journalFeed, session, tab]);
  useEffect(
    () => () => {
      if (journalTimer.current !== null) clearTimeout(journalTimer.current);
    },
    [],
  );

  // Autosave: debounced, once typing pauses.
  const autosaveBlocked = activeConflict || activeDeleted || activeUnencodable;
  useEffect(() => {
    let autosaveTimer: ReturnType<typeof setTimeout> | null = null;
    const onSnapshot = (): void => {
      const snapshot = session.snapshot.get();
      if (!snapshot) return;
      if (!journalFeed.hasBase(snapshot.tabId)) {
        const { tabId, path, version, text } = snapshot;
        requestIdleCallback(() => void journalFeed.base({ id: tabId, path }, version, text), {
          timeout: 2000,
        });
      }
      if (journalTimer.current === null)
        journalTimer.current = setTimeout(flushJournal, journalDelayMs);
      if (autosaveTimer !== null) clearTimeout(autosaveTimer);
      autosaveTimer = null;
      if (!optionsRef.current.settings.autosave || autosaveBlocked) return;
      const current = tab(snapshot.tabId);
      if (!current || current.readOnly || current.saving || snapshot.text === current.savedText)
        return;
      autosaveTimer = setTimeout(() => void saveTab(current.id), autosaveDelayMs);
    };
    onSnapshot();
    const stop = session.snapshot.subscribe(onSnapshot);
    return () => {
      stop();
      if (autosaveTimer !== null) clearTimeout(autosaveTimer);
    };
  }, [session, flushJournal, journalFeed, optionsRef, saveTab, tab, autosaveBlocked]);

  // Tell main which articles are no longer shown, so it stops watching them for us.
  const openPaths = options.tabs.map((x) => x.path).join('\n');
  const previousPaths = useRef<string[]>([]);
  useEffect(() => {
    const now = openPaths === '' ? [] : openPaths.split('\n');
    for (const path of previousPaths.current)
      if (!now.includes(path)) void api['article.close']({ path }).catch(() => undefined);
    previousPaths.current = now;
  }, [api, openPaths]);

  // ── crash journal: offer last session's unsaved buffers ───────────────────────────────────
  useEffect(() => {
    let live = true;
    void api['journal.list']().then(
      (entries) => live && setJournal(entries),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const restoreJournal = useCallback(
    async (entry: JournalEntry) => {
      setJournal((list) => list.filter((e) => e.path !== entry.path));
      await optionsRef.current.openArticle(entry.path);
      const tabId = await whenShown(session, entry.path);
      if (tabId === null) return;
      // Based on the version it was typed against: if the file changed since, saving reports a conflict.
      if (entry.baseStamp) optionsRef.current.patchTab(tabId, { stamp: entry.baseStamp });
      replaceActiveText(tabId, editorText(entry.text));
    },
    [optionsRef, replaceActiveText, session],
  );
  const discardJournal = useCallback(
    (entry: JournalEntry) => {
      setJournal((list) => list.filter((e) => e.path !== entry.path));
      void api['journal.discard']({ path: entry.path }).catch(() => undefined);
    },
    [api],
  );

  // ── article actions ──────────────────────────────────────────────────────────────────────
  const showHistory = useCallback(
    async (path: string) => {
      if (!tabAt(path)) {
        await optionsRef.current.openArticle(path);
        if ((await whenShown(session, path)) === null) return;
      }
      setDialog({ kind: 'history', path });
    },
    [optionsRef, session, tabAt],
  );

  const libraryTools = useMemo<LibraryTools>(
    () => ({
      search: (query) => api['library.search']({ query, limit: 100 }),
      newArticle: () =>
        setDialog({
          kind: 'new',
          folder: folderForNew(optionsRef.current.activeTab?.path ?? null),
        }),
      rename: (entry) => setDialog({ kind: 'rename', path: entry.path }),
      duplicate: (entry) => {
        api['article.duplicate']({ path: entry.path }).then(
          ({ path }) => optionsRef.current.openArticle(path),
          (error: unknown) => failed('duplicate', error),
        );
      },
      trash: (entry) => {
        api['article.trash']({ path: entry.path }).then(
          ({ id }) => {
            const open = tabAt(entry.path);
            if (open && !open.dirty) optionsRef.current.closeTab(open.id);
            setTrashed({ title: entry.title, id });
          },
          (error: unknown) => failed('trash', error),
        );
      },
      history: (entry) => void showHistory(entry.path),
      openTrash: () => setDialog({ kind: 'trash' }),
    }),
    [api, failed, optionsRef, showHistory, tabAt],
  );

  useEffect(
    () =>
      handlers.registerAll({
        'file.newArticle': () => libraryTools.newArticle(),
        'window.history': () => {
          const active = optionsRef.current.activeTab;
          if (!active) return false;
          void showHistory(active.path);
          return true;
        },
      }),
    [handlers, optionsRef, libraryTools, showHistory],
  );

  const restoreFromTrash = useCallback(
    async (id: string) => {
      try {
        await api['trash.restore']({ id });
      } catch (error) {
        failed('restore', error);
      }
    },
    [api, failed],
  );

  // ── what the shell shows ─────────────────────────────────────────────────────────────────
  const active = options.activeTab;
  const conflict = active ? conflicts.get(active.id) : undefined;
  const titleOf = (path: string): string =>
    options.entries.find((e) => e.path === path)?.title ?? path;
  const keepMine = (id: string, c: Conflict): void => {
    setCompareTab(null);
    void saveTab(id, { base: c.diskStamp });
  };
  const takeTheirs = (id: string, c: Conflict): void => {
    setCompareTab(null);
    optionsRef.current.patchTab(id, { savedText: c.diskText, stamp: c.diskStamp });
    replaceActiveText(id, c.diskText);
    setConflict(id, null);
  };

  const banners = (
    <>
      {journal.length > 0 ? (
        <JournalRestoreBanner
          entries={journal}
          titleOf={titleOf}
          onRestore={(e) => void restoreJournal(e)}
          onDiscard={discardJournal}
        />
      ) : null}
      {active && conflict ? (
        <ConflictBanner
          path={active.path}
          onCompare={() => setCompareTab(active.id)}
          onKeepMine={() => keepMine(active.id, conflict)}
          onTakeTheirs={() => takeTheirs(active.id, conflict)}
        />
      ) : null}
      {active && deleted.has(active.id) ? (
        <NoticeBanner
          message={t('files.disk.deleted', { path: active.path })}
          testId="deleted-banner"
        >
          <button type="button" onClick={() => void saveTab(active.id)}>
            {t('files.disk.saveAgain')}
          </button>
          <button type="button" onClick={() => optionsRef.current.closeTab(active.id)}>
            {t('files.disk.closeTab')}
          </button>
        </NoticeBanner>
      ) : null}
      {active && unencodable?.tabId === active.id ? (
        <NoticeBanner
          message={t('files.encoding.unencodable', { message: unencodable.message })}
          testId="unencodable-banner"
        >
          <button
            type="button"
            onClick={() =>
              void saveTab(active.id, {
                format: { ...active.format, encoding: 'utf-8', bom: false },
              })
            }
          >
            {t('files.encoding.convert')}
          </button>
        </NoticeBanner>
      ) : null}
      {trashed ? (
        <NoticeBanner
          message={t('files.trash.moved', { title: trashed.title })}
          testId="trashed-banner"
        >
          {trashed.id ? (
            <button
              type="button"
              onClick={() => {
                const id = trashed.id as string;
                setTrashed(null);
                void restoreFromTrash(id);
              }}
            >
              {t('files.trash.undo')}
            </button>
          ) : null}
          <button type="button" onClick={() => setTrashed(null)}>
            {t('actions.dismiss')}
          </button>
        </NoticeBanner>
      ) : null}
    </>
  );

  const compared = compareTab ? conflicts.get(compareTab) : undefined;
  const comparedTab = compareTab ? options.tabs.find((x) => x.id === compareTab) : undefined;
  const overlays = (
    <>
      {compared && comparedTab ? (
        <CompareDialog
          path={comparedTab.path}
          mine={session.text() ?? ''}
          theirs={compared.diskText}
          onKeepMine={() => keepMine(comparedTab.id, compared)}
          onTakeTheirs={() => takeTheirs(comparedTab.id, compared)}
          onClose={() => setCompareTab(null)}
        />
      ) : null}
      {dialog?.kind === 'new' ? (
        <NewArticleDialog
          folder={dialog.folder}
          onClose={() => setDialog(null)}
          onCreate={({ title, bundle }) => {
            setDialog(null);
            api['article.create']({ title, folder: dialog.folder, bundle }).then(
              ({ path }) => optionsRef.current.openArticle(path),
              (error: unknown) => failed('create', error),
            );
          }}
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <RenameDialog
          path={dialog.path}
          onClose={() => setDialog(null)}
          onRename={(name) => {
            const from = dialog.path;
            setDialog(null);
            api['article.rename']({ path: from, name }).then(
              ({ path }) => {
                const open = tabAt(from);
                if (open) optionsRef.current.patchTab(open.id, { path });
              },
              (error: unknown) => failed('rename', error),
            );
          }}
        />
      ) : null}
      {dialog?.kind === 'history' ? (
        <HistoryDialog
          api={api}
          path={dialog.path}
          title={titleOf(dialog.path)}
          currentText={() =>
            session.snapshot.get()?.path === dialog.path ? (session.text() ?? '') : ''
          }
          onError={(message) => failed('history', new Error(message))}
          onClose={() => setDialog(null)}
          onRestore={(text, savedAt) => {
            const target = tabAt(dialog.path);
            setDialog(null);
            if (target && replaceActiveText(target.id, text)) {
              optionsRef.current.notify(
                t('files.history.restored', {
                  when: new Date(savedAt).toLocaleString(i18n.language),
                }),
              );
            }
          }}
        />
      ) : null}
      {dialog?.kind === 'trash' ? (
        <TrashDialog
          api={api}
          onRestore={restoreFromTrash}
          onClose={() => setDialog(null)}
          onError={(message) => failed('restore', new Error(message))}
        />
      ) : null}
    </>
  );

  return { save, banners, overlays, libraryTools };
}

/** New articles go next to the open one (beside its page bundle), else into the workspace root. */
export function folderForNew(activePath: string | null): string {
  if (!activePath) return '';
  const parts = activePath.split('/');
  parts.pop();
  if (/^index\.(md|markdown)$/i.test(activePath.split('/').pop() ?? '') && parts.length > 0)
    parts.pop();
  return parts.join('/');
}

/** The id of the tab showing `path` once the editor shows it (the pane attaches after React commits); null if it never does. */
function whenShown(
  session: EditorSession,
  path: string,
  timeoutMs = 10_000,
): Promise<string | null> {
  return new Promise((resolve) => {
    const shown = (): string | null => {
      const snapshot = session.snapshot.get();
      return snapshot?.path === path ? snapshot.tabId : null;
    };
    if (shown() !== null) {
      resolve(shown());
      return;
    }
    const timer = setTimeout(() => {
      stop();
      resolve(null);
    }, timeoutMs);
    const stop = session.snapshot.subscribe(() => {
      const id = shown();
      if (id === null) return;
      clearTimeout(timer);
      stop();
      resolve(id);
    });
  });
}
