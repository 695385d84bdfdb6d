/**
 * What the writer sees of "never lose a word": the banners of the active document (conflict,
 * deleted on disk, unencodable), the crash journal's restore prompt, local history, and the
 * article actions of the library (new, rename, duplicate, trash). Saving, autosave, the journal
 * and disk changes belong to the document layer (renderer/document); this hook only shows them.
 * The shell calls `useFileSafety` once and places `banners` and `overlays` in its slots.
 */
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BylineApi, JournalEntry, LibraryEntry } from '../../shared/ipc/contract';
import type { CommandHandlers } from '../workbench/commandHandlers';
import { useLatest } from '../workbench/useLatest';
import type { ArticleTab } from '../workbench/workbenchContext';
import type { LibraryTools } from '../library/LibrarySidebar';
import { CompareDialog } from './CompareDialog';
import { ConflictBanner } from './ConflictBanner';
import type { ArticleDocument } from '../document/articleDocument';
import { diskEncodingUndecided, diskUnreadable } from '../document/articleDocument';
import type { DocumentStore } from '../document/documentStore';
import { HistoryDialog } from './HistoryDialog';
import { JournalRestoreBanner } from './JournalRestoreBanner';
import { NewArticleDialog } from './NewArticleDialog';
import { NoticeBanner } from './NoticeBanner';
import { UnreadableDiskBanner } from './UnreadableDiskBanner';
import { RenameDialog } from './RenameDialog';
import type { RequestErrorSubject } from './requestErrorText';
import { requestErrorText } from './requestErrorText';
import { TrashDialog } from './TrashDialog';
import './files.css';

export interface FileSafetyOptions {
  api: BylineApi;
  store: DocumentStore;
  handlers: CommandHandlers;
  tabs: readonly ArticleTab[];
  activeTab: ArticleTab | null;
  entries: readonly LibraryEntry[];
  openArticle(path: string): Promise<void>;
  closeTab(id: string): void;
  notify(message: string): void;
}

export interface FileSafety {
  banners: ReactNode;
  overlays: ReactNode;
  libraryTools: LibraryTools;
}

type Dialog =
  | { kind: 'new'; folder: string }
  | { kind: 'rename'; path: string }
  | { kind: 'history'; path: string; workspace: string }
  | { kind: 'trash' };

export function useFileSafety(options: FileSafetyOptions): FileSafety {
  const { api, store, handlers } = options;
  const { t, i18n } = useTranslation();
  const optionsRef = useLatest(options);
  const [journal, setJournal] = useState<JournalEntry[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [compareTab, setCompareTab] = useState<string | null>(null);
  const [trashed, setTrashed] = useState<{ title: string; id: string | null } | null>(null);

  const tabAt = useCallback(
    (path: string) => optionsRef.current.tabs.find((x) => x.path === path) ?? null,
    [optionsRef],
  );
  const failed = useCallback(
    (action: string, error: unknown, subject: RequestErrorSubject = {}) =>
      optionsRef.current.notify(
        t('files.errors.action', {
          action: t(`files.errors.${action}`),
          message: requestErrorText(t, (key) => i18n.exists(key), error, subject),
        }),
      ),
    [optionsRef, t, i18n],
  );
  // ── crash journal: offer last session's unsaved buffers ───────────────────────────────────
  useEffect(() => {
    let live = true;
    void store.listJournal().then(
      (entries) => live && setJournal(entries),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store]);

  const restoreJournal = useCallback(
    async (entry: JournalEntry) => {
      setJournal((list) => list.filter((e) => e.id !== entry.id));
      try {
        await store.restore(entry);
      } catch (error) {
        failed('restore', error, { path: entry.path });
      }
    },
    [store, failed],
  );
  const discardJournal = useCallback(
    (entry: JournalEntry) => {
      setJournal((list) => list.filter((e) => e.id !== entry.id));
      void store.discardJournal(entry);
    },
    [store],
  );

  // ── article actions ──────────────────────────────────────────────────────────────────────
  /** History of an article of this window's workspace, or of the open document `shown`. */
  const showHistory = useCallback(
    async (path: string, shown?: { workspace: string }) => {
      if (shown) {
        setDialog({ kind: 'history', path, workspace: shown.workspace });
        return;
      }
      if (!tabAt(path)) {
        await optionsRef.current.openArticle(path);
      }
      const doc = store.byPath(path);
      if (doc) setDialog({ kind: 'history', path, workspace: doc.workspace });
    },
    [optionsRef, store, tabAt],
  );
  /** Library actions name this window's workspace. */
  const inWorkspace = useCallback(
    <T,>(request: (workspace: string) => Promise<T>): Promise<T> =>
      store.whenWorkspace().then(request),
    [store],
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
        inWorkspace((workspace) => api['article.duplicate']({ workspace, path: entry.path })).then(
          ({ path }) => optionsRef.current.openArticle(path),
          (error: unknown) => failed('duplicate', error, { path: entry.path }),
        );
      },
      trash: (entry) => {
        inWorkspace((workspace) => api['article.trash']({ workspace, path: entry.path })).then(
          ({ id }) => {
            const open = tabAt(entry.path);
            if (open && !open.dirty) optionsRef.current.closeTab(open.id);
            setTrashed({ title: entry.title, id });
          },
          (error: unknown) => failed('trash', error, { path: entry.path }),
        );
      },
      history: (entry) => void showHistory(entry.path),
      openTrash: () => setDialog({ kind: 'trash' }),
    }),
    [api, failed, optionsRef, showHistory, tabAt, inWorkspace],
  );

  useEffect(
    () =>
      handlers.registerAll({
        'file.newArticle': () => libraryTools.newArticle(),
        'window.history': () => {
          const active = optionsRef.current.activeTab;
          if (!active) return false;
          void showHistory(active.path, active);
          return true;
        },
      }),
    [handlers, optionsRef, libraryTools, showHistory],
  );

  const restoreFromTrash = useCallback(
    async (id: string) => {
      try {
        await inWorkspace((workspace) => api['trash.restore']({ workspace, id }));
      } catch (error) {
        failed('restore', error);
      }
    },
    [api, failed, inWorkspace],
  );

  // ── what the shell shows ─────────────────────────────────────────────────────────────────
  const active = options.activeTab;
  const conflict = active?.conflict ?? null;
  const titleOf = (path: string): string =>
    options.entries.find((e) => e.path === path)?.title ?? path;
  const keepMine = (id: string): void => {
    setCompareTab(null);
    void store.get(id)?.keepMine();
  };
  const takeTheirs = (id: string): void => {
    setCompareTab(null);
    store.get(id)?.takeDisk();
  };
  const saveTab = (id: string, how?: Parameters<ArticleDocument['save']>[0]): void =>
    void store.get(id)?.save(how);
  /** The writer's text next to the article under a new name; the file on disk stays theirs. */
  const saveCopy = async (id: string): Promise<void> => {
    const doc = store.get(id);
    if (!doc) return;
    try {
      const { path } = await api['article.saveCopy']({
        workspace: doc.workspace,
        path: doc.path,
        text: doc.text(),
        format: doc.info.format,
      });
      optionsRef.current.notify(t('files.unreadable.copySaved', { path }));
    } catch (error) {
      optionsRef.current.notify(
        requestErrorText(t, (key) => i18n.exists(key), error, { path: doc.path }),
      );
    }
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
          onKeepMine={() => keepMine(active.id)}
          onTakeTheirs={() => takeTheirs(active.id)}
        />
      ) : null}
      {active?.deleted ? (
        <NoticeBanner
          message={t('files.disk.deleted', { path: active.path })}
          testId="deleted-banner"
        >
          <button type="button" onClick={() => saveTab(active.id)}>
            {t('files.disk.saveAgain')}
          </button>
          <button type="button" onClick={() => optionsRef.current.closeTab(active.id)}>
            {t('files.disk.closeTab')}
          </button>
        </NoticeBanner>
      ) : null}
      {active?.saveError?.code === 'unreadable-on-disk' ||
      active?.saveError?.code === diskEncodingUndecided ||
      active?.saveError?.code === diskUnreadable ? (
        <UnreadableDiskBanner
          path={active.path}
          changedWhileSaved={active.saveError.code === diskUnreadable}
          onSaveCopy={() => void saveCopy(active.id)}
          onOverwrite={() => saveTab(active.id, { overwrite: true })}
          onChooseEncoding={
            active.saveError.code === diskEncodingUndecided
              ? () => void store.get(active.id)?.chooseDiskEncoding()
              : undefined
          }
        />
      ) : active?.saveError ? (
        <NoticeBanner
          message={saveErrorText(t, (key) => i18n.exists(key), active.path, active.saveError.code)}
          testId="save-error-banner"
        >
          <button type="button" onClick={() => saveTab(active.id)}>
            {t('files.disk.saveAgain')}
          </button>
        </NoticeBanner>
      ) : null}
      {active?.unencodable ? (
        <NoticeBanner
          message={t('files.encoding.unencodable', {
            message: requestErrorText(t, (key) => i18n.exists(key), 'unencodable', {
              path: active.path,
              encoding:
                active.format.encoding === 'big5' ? 'Big5' : active.format.encoding.toUpperCase(),
            }),
          })}
          testId="unencodable-banner"
        >
          <button
            type="button"
            onClick={() =>
              saveTab(active.id, {
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

  const comparedTab = compareTab ? options.tabs.find((x) => x.id === compareTab) : undefined;
  const compared = comparedTab?.conflict;
  const overlays = (
    <>
      {compared && comparedTab ? (
        <CompareDialog
          path={comparedTab.path}
          mine={store.get(comparedTab.id)?.text() ?? ''}
          theirs={compared.diskText}
          onKeepMine={() => keepMine(comparedTab.id)}
          onTakeTheirs={() => takeTheirs(comparedTab.id)}
          onClose={() => setCompareTab(null)}
        />
      ) : null}
      {dialog?.kind === 'new' ? (
        <NewArticleDialog
          folder={dialog.folder}
          onClose={() => setDialog(null)}
          onCreate={({ title, bundle }) => {
            setDialog(null);
            const { folder } = dialog;
            inWorkspace((workspace) =>
              api['article.create']({ workspace, title, folder, bundle }),
            ).then(
              async ({ path }) => {
                await optionsRef.current.openArticle(path);
                // Ready to write: the caret in the (empty) body, after the front matter.
                store
                  .byPath(path)
                  ?.change((state) => ({ selection: { anchor: state.doc.length } }));
              },
              (error: unknown) => failed('create', error, { name: title }),
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
            inWorkspace((workspace) =>
              store.rename(
                from,
                async () => (await api['article.rename']({ workspace, path: from, name })).path,
              ),
            ).catch((error: unknown) => failed('rename', error, { path: from, name }));
          }}
        />
      ) : null}
      {dialog?.kind === 'history' ? (
        <HistoryDialog
          api={api}
          workspace={dialog.workspace}
          path={dialog.path}
          title={titleOf(dialog.path)}
          currentText={() => store.byPath(dialog.path, dialog.workspace)?.text() ?? ''}
          onError={(error) => failed('history', error, { path: dialog.path })}
          onClose={() => setDialog(null)}
          onRestore={(text, savedAt) => {
            const target = store.byPath(dialog.path, dialog.workspace);
            setDialog(null);
            if (target) {
              target.replaceText(text);
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
          workspace={store.whenWorkspace}
          onRestore={restoreFromTrash}
          onClose={() => setDialog(null)}
          onError={(error) => failed('restore', error)}
        />
      ) : null}
    </>
  );

  return { banners, overlays, libraryTools };
}

/** New articles go next to the open one (beside its page bundle), else into the workspace root. */
function folderForNew(activePath: string | null): string {
  if (!activePath) return '';
  const parts = activePath.split('/');
  parts.pop();
  if (/^index\.(md|markdown)$/i.test(activePath.split('/').pop() ?? '') && parts.length > 0)
    parts.pop();
  return parts.join('/');
}

/** Main's save error in the writer's language, from its code (main's own sentence is English). */
function saveErrorText(
  t: (key: string, values: Record<string, string>) => string,
  exists: (key: string) => boolean,
  path: string,
  code: string,
): string {
  const key = `files.saveErrors.${code}`;
  if (exists(key)) return t(key, { path });
  // A refusal main has words for (a path out of the workspace, a name too long…).
  if (exists(`files.requestErrors.${code}`))
    return t('files.saveErrors.refused', {
      path,
      reason: upperFirst(requestErrorText(t, exists, code, { path })),
    });
  return t('files.saveErrors.other', { path, code });
}

const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
