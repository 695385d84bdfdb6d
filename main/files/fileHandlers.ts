import { promises as fs } from 'node:fs';
import type { EventSink, RequestHandlers } from '../../shared/ipc/contract';
import type { LibraryService } from '../library/libraryService';
import { resolveInWorkspace } from '../workspace/resolveInWorkspace';
import type { ArticleActionsDeps } from './articleActions';
import { ArticleActions } from './articleActions';
import type { ArticleFilesOptions } from './articleFiles';
import { ArticleFiles } from './articleFiles';
import { CrashJournal } from './crashJournal';
import { decodeAs, hexDump } from './historyBytes';
import type { LocalHistoryOptions } from './localHistory';
import { LocalHistory } from './localHistory';
import type { OpenArticles } from './openArticles';
import { runExclusivelyOnFile } from './pathQueue';
import { StorageHealth } from './storageHealth';
import { decodeText } from './textCodec';
import type { Trash } from './trash';
import { SystemTrash, WorkspaceTrash } from './trash';

export interface FileServicesDeps {
  dataDir: string;
  workspaceRoot: () => string;
  library: LibraryService;
  open: OpenArticles;
  /** The desktop app passes Electron's shell.trashItem; browser mode keeps a trash in the workspace. */
  trashItem?: ((absolute: string) => Promise<void>) | undefined;
  articleOptions?: Partial<ArticleFilesOptions>;
  historyOptions?: Partial<LocalHistoryOptions>;
  /** File identity check for renames (tests stand in for a case-insensitive disk). */
  sameFile?: ArticleActionsDeps['sameFile'];
  /** Where `storage.warning` goes when the journal or history cannot be written. */
  emit?: EventSink;
}

type FileRequest =
  | 'article.open'
  | 'article.save'
  | 'article.saveCopy'
  | 'article.close'
  | 'article.create'
  | 'article.rename'
  | 'article.duplicate'
  | 'article.trash'
  | 'trash.list'
  | 'trash.restore'
  | 'journal.write'
  | 'journal.base'
  | 'journal.list'
  | 'journal.discard'
  | 'history.list'
  | 'history.read'
  | 'history.readBytes';

/** The article, trash, journal and history requests, wired to their services. */
export function createFileHandlers(deps: FileServicesDeps): Pick<RequestHandlers, FileRequest> {
  const { workspaceRoot, library, open } = deps;
  const storage = new StorageHealth(deps.emit);
  const journal = new CrashJournal(deps.dataDir, workspaceRoot);
  const history = new LocalHistory(deps.dataDir, workspaceRoot, deps.historyOptions);
  const trash: Trash = deps.trashItem
    ? new SystemTrash(deps.trashItem)
    : new WorkspaceTrash(workspaceRoot);
  // History is kept best-effort: a failure is reported (storage.warning), never a failed save.
  const keepHistory = (task: () => Promise<void>): Promise<void> =>
    storage.track('history', task).catch(() => {});
  const articles = new ArticleFiles(workspaceRoot, {
    ...deps.articleOptions,
    preserve: (relativePath, bytes) =>
      keepHistory(() => history.preserve(relativePath, bytes, isReadable(bytes))),
    beforeCreate: (relativePath) => keepHistory(() => history.detach(relativePath)),
    onSaved: async (relativePath, bytes) => {
      await keepHistory(() => history.snapshot(relativePath, bytes));
      await storage.track('journal', () => journal.discard(relativePath)).catch(() => {});
    },
  });
  const actions = new ArticleActions({
    workspaceRoot,
    trash,
    sameFile: deps.sameFile,
    onMoved: async (from, to) => {
      open.move(from, to);
      await Promise.all([history.move(from, to), journal.move(from, to)]);
    },
    onCreated: (relativePath) => keepHistory(() => history.detach(relativePath)),
    onTrashed: (relativePath, id) => keepHistory(() => history.trashed(relativePath, id)),
    onRestored: (id, relativePath) => keepHistory(() => history.restored(id, relativePath)),
    onChanged: (paths) => void library.pathsChanged(paths),
  });

  return {
    'article.open': async ({ path }) => {
      const opened = await articles.open(path);
      if (trash instanceof SystemTrash)
        await keepHistory(
          async () => void (await history.adoptFromSystemTrash(path, opened.stamp.hash)),
        );
      open.add(path);
      return opened;
    },
    'article.save': (input) => articles.save(input),
    'article.saveCopy': async ({ path, text, format }) => {
      const copy = await articles.saveCopy(path, text, format);
      void library.pathsChanged([resolveInWorkspace(workspaceRoot(), copy)]);
      return { path: copy };
    },
    'article.close': async ({ path }) => open.remove(path),
    'article.create': async (input) => ({ path: await actions.create(input) }),
    // Not while a save of the same file is between its check and its rename.
    'article.rename': async ({ path, name }) => ({
      path: await runExclusivelyOnFile(resolveInWorkspace(workspaceRoot(), path), () =>
        actions.rename(path, name),
      ),
    }),
    'article.duplicate': async ({ path }) => ({ path: await actions.duplicate(path) }),
    'article.trash': ({ path }) =>
      runExclusivelyOnFile(resolveInWorkspace(workspaceRoot(), path), () => actions.trash(path)),
    'trash.list': () => trash.list(),
    'trash.restore': async ({ id }) => ({ path: await actions.restore(id) }),
    'journal.write': async (entry) => ({
      status: await storage.track('journal', () => journal.writeStream(entry)),
    }),
    'journal.base': async (entry) => journal.base(entry),
    'journal.list': async () => {
      // An entry whose text is already on disk (saved just before a crash) is not worth a prompt.
      const entries = await journal.list();
      const pending = [];
      for (const entry of entries) {
        if (await sameAsDisk(workspaceRoot(), entry.path, entry.text))
          await journal.discard(entry.path);
        else pending.push(entry);
      }
      return pending;
    },
    'journal.discard': ({ path }) => journal.discard(path),
    'history.list': ({ path }) => history.list(path),
    'history.read': async ({ path, id, encoding }) => {
      const bytes = await history.read(path, id);
      return encoding ? decodeAs(bytes, encoding) : { text: decodeText(bytes).text };
    },
    'history.readBytes': async ({ path, id }) => hexDump(await history.read(path, id)),
  };
}

async function sameAsDisk(root: string, relativePath: string, text: string): Promise<boolean> {
  try {
    const disk = decodeText(
      new Uint8Array(await fs.readFile(resolveInWorkspace(root, relativePath))),
    ).text;
    return disk.replace(/\r\n/g, '\n') === text.replace(/\r\n/g, '\n');
  } catch {
    return false;
  }
}

function isReadable(bytes: Uint8Array): boolean {
  try {
    decodeText(bytes);
    return true;
  } catch {
    return false;
  }
}
