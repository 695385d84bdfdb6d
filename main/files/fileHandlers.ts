import type {
  EventSink,
  JournalEntry,
  RequestCaller,
  RequestHandlers,
} from '../../shared/ipc/contract';
import type { LibraryService } from '../library/libraryService';
import { resolveInWorkspace } from '../workspace/resolveInWorkspace';
import type { ArticleActionsDeps } from './articleActions';
import { isSymbolicLink, resolveConfined, symlinkedArticleNotice } from '../workspace/confinement';
import { ArticleActions } from './articleActions';
import type { ArticleFilesOptions } from './articleFiles';
import { ArticleFiles } from './articleFiles';
import { CrashJournal } from './crashJournal';
import { decodeAs, hexDump } from './historyBytes';
import type { LocalHistoryOptions } from './localHistory';
import { EncodingMemory } from './encodingMemory';
import { LocalHistory } from './localHistory';
import type { OpenArticles } from './openArticles';
import { RecentMoves } from './recentMoves';
import { hashBytes } from './fileStamp';
import { runExclusivelyOnFile } from './pathQueue';
import { readRegularFile } from './readTextFile';
import { StorageHealth } from './storageHealth';
import type { WorkspaceIdentities, WorkspaceScope } from '../workspace/workspaceIdentities';
import { assertArticlePath } from '../workspace/articleFileNames';
import { assertReachable, assertWorkspace } from '../workspace/workspaceIdentities';
import { decodeAs as decodeInEncoding, decodeText } from './textCodec';
import type { Trash } from './trash';
import { SystemTrash, WorkspaceTrash } from './trash';
import { loadWorkspaceSchema } from '../schema/workspaceSchemaService';

export interface FileServicesDeps {
  dataDir: string;
  /** The workspaces and one-file grants main issued: every request names one. */
  identities: WorkspaceIdentities;
  /** The workspace main's library indexes now: only its changes go to the library. */
  currentRoot: () => string;
  library: LibraryService;
  /** Which articles each client has open (the library reads only those on change). */
  open: OpenArticles;
  /** The desktop app passes Electron's shell.trashItem; browser mode keeps a trash in the workspace. */
  trashItem?: ((absolute: string) => Promise<void>) | undefined;
  articleOptions?: Partial<ArticleFilesOptions>;
  historyOptions?: Partial<LocalHistoryOptions>;
  /** File identity check for renames (tests stand in for a case-insensitive disk). */
  sameFile?: ArticleActionsDeps['sameFile'];
  /**
   * Where `storage.warning` goes when the journal or history cannot be written, and how every
   * window hears that an article was renamed (`article.moved`) or trashed.
   */
  emit?: EventSink;
}

/** The client of requests that name none (tools, tests): it never goes away. */
const anonymousClient = '';

export type FileRequest =
  | 'article.open'
  | 'article.encodings'
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

/** The file services of one root (a workspace, or the folder of a one-file grant). */
interface RootServices {
  journal: CrashJournal;
  history: LocalHistory;
  encodings: EncodingMemory;
  trash: Trash;
  articles: ArticleFiles;
  actions: ArticleActions;
}

/**
 * The article, trash, journal and history requests, wired to their services. Each request names
 * the identity it was issued (`workspace`) and is resolved against that identity's root only.
 */
export function createFileHandlers(deps: FileServicesDeps): Pick<RequestHandlers, FileRequest> {
  const { identities, library, open } = deps;
  const storage = new StorageHealth(deps.emit);
  // History is kept best-effort: a failure is reported (storage.warning), never a failed save.
  const keepHistory = (task: () => Promise<void>): Promise<void> =>
    storage.track('history', task).catch(() => {});
  const isCurrent = (root: string): boolean => root === deps.currentRoot();
  const byRoot = new Map<string, RootServices>();

  const servicesFor = (root: string): RootServices => {
    const known = byRoot.get(root);
    if (known) return known;
    const workspaceRoot = (): string => root;
    const journal = new CrashJournal(deps.dataDir, workspaceRoot);
    const history = new LocalHistory(deps.dataDir, workspaceRoot, deps.historyOptions);
    const encodings = new EncodingMemory(deps.dataDir, workspaceRoot);
    const trash: Trash = deps.trashItem
      ? new SystemTrash(deps.trashItem)
      : new WorkspaceTrash(workspaceRoot);
    const moves = new RecentMoves();
    const articles = new ArticleFiles(workspaceRoot, {
      ...deps.articleOptions,
      movedTo: (relativePath) => moves.destination(relativePath),
      encodingHints: (relativePath) => encodings.hints(relativePath),
      preserve: (relativePath, bytes) =>
        keepHistory(() => history.preserve(relativePath, bytes, isReadable(bytes))),
      beforeCreate: (relativePath) => keepHistory(() => history.detach(relativePath)),
      onSaved: async (relativePath, bytes) => {
        await keepHistory(() => history.snapshot(relativePath, bytes));
      },
    });
    const actions = new ArticleActions({
      workspaceRoot,
      trash,
      schema: () => loadWorkspaceSchema(root),
      sameFile: deps.sameFile,
      onMoved: async (from, to) => {
        moves.record(from, to);
        if (isCurrent(root)) open.move(from, to);
        await Promise.all([
          history.move(from, to),
          journal.move(from, to),
          encodings.move(from, to),
        ]);
      },
      onCreated: (relativePath) => keepHistory(() => history.detach(relativePath)),
      onTrashed: (relativePath, id) => keepHistory(() => history.trashed(relativePath, id)),
      onRestored: (id, relativePath) => keepHistory(() => history.restored(id, relativePath)),
      onChanged: (paths) => {
        if (isCurrent(root)) void library.pathsChanged(paths);
      },
    });
    const services = { journal, history, encodings, trash, articles, actions };
    byRoot.set(root, services);
    return services;
  };

  /** The identity's scope and services, for a request naming `path` (null: no path). */
  const reach = (workspace: string, path: string | null) => {
    const scope = identities.resolve(workspace);
    if (path !== null) assertReachable(scope, path);
    return { scope, root: scope.root, ...servicesFor(scope.root) };
  };
  /** A workspace-wide action: refused through a one-file grant. */
  const reachWorkspace = (workspace: string, action: string) => {
    const reached = reach(workspace, null);
    assertWorkspace(reached.scope, action);
    return reached;
  };
  /** Open-article tracking (article.changedOnDisk) is for the workspace the library watches. */
  const tracked = (scope: WorkspaceScope): boolean => scope.file === null && isCurrent(scope.root);
  const clientOf = (caller: RequestCaller | undefined): string => caller?.client ?? anonymousClient;

  return {
    'article.open': async ({ workspace, path, encoding }, caller) => {
      const { scope, root, articles, encodings, history, trash } = reach(workspace, path);
      const absolute = await resolveConfined(root, path);
      const opened = await articles.open(path, { encoding, hints: await encodings.hints(path) });
      if (trash instanceof SystemTrash)
        await keepHistory(
          async () => void (await history.adoptFromSystemTrash(path, opened.stamp.hash)),
        );
      if (tracked(scope)) open.add(clientOf(caller), path);
      await encodings.remember(path, opened.format.encoding).catch((error: unknown) => {
        console.error('[byline] could not remember the encoding of', path, error);
      });
      return (await isSymbolicLink(absolute))
        ? { ...opened, readOnly: true, warnings: [...opened.warnings, { code: 'symlinked' }] }
        : opened;
    },
    'article.encodings': async ({ workspace, path }) => {
      const { root, articles, encodings } = reach(workspace, path);
      await resolveConfined(root, path);
      return articles.encodingCandidates(path, await encodings.hints(path));
    },
    'article.save': async ({ workspace, ...input }, caller) => {
      assertArticlePath(input.path);
      const { scope, root, articles } = reach(workspace, input.path);
      const absolute = await resolveConfined(root, input.path);
      if (await isSymbolicLink(absolute))
        return { status: 'error', code: 'read-only', message: symlinkedArticleNotice };
      const result = await articles.save(input);
      // A file written with no version read first (Save As) is open in the renderer from now on:
      // it hears of changes on disk like an article it opened.
      if (result.status === 'saved' && input.baseStamp === null && tracked(scope))
        open.add(clientOf(caller), input.path);
      return result;
    },
    'article.saveCopy': async ({ workspace, path, text, format }) => {
      assertArticlePath(path);
      const { scope, root, articles } = reachWorkspace(workspace, 'save a copy next to itself');
      await resolveConfined(root, path);
      const copy = await articles.saveCopy(path, text, format);
      if (tracked(scope)) void library.pathsChanged([resolveInWorkspace(root, copy)]);
      return { path: copy };
    },
    'article.close': async ({ workspace, path }, caller) => {
      const { scope } = reach(workspace, path);
      if (scope.file !== null) identities.revoke(scope.id);
      else if (tracked(scope)) open.remove(clientOf(caller), path);
    },
    'article.create': async ({ workspace, ...input }) => ({
      path: await reachWorkspace(workspace, 'create an article').actions.create(input),
    }),
    // Not while a save of the same file is between its check and its rename.
    'article.rename': async ({ workspace, path, name }) => {
      assertArticlePath(path);
      const { scope, root, actions } = reachWorkspace(workspace, 'be renamed');
      const to = await runExclusivelyOnFile(resolveInWorkspace(root, path), () =>
        actions.rename(path, name),
      );
      // Other windows with it open would otherwise save it back under its old name.
      if (to !== path) deps.emit?.('article.moved', { workspace: scope.id, from: path, to });
      return { path: to };
    },
    'article.duplicate': async ({ workspace, path }) => {
      assertArticlePath(path);
      return { path: await reachWorkspace(workspace, 'be duplicated').actions.duplicate(path) };
    },
    'article.trash': async ({ workspace, path }) => {
      assertArticlePath(path);
      const { scope, root, actions } = reachWorkspace(workspace, 'be moved to the trash');
      const trashed = await runExclusivelyOnFile(resolveInWorkspace(root, path), () =>
        actions.trash(path),
      );
      // Every window with it open hears at once that it is gone, before the watcher notices.
      deps.emit?.('article.changedOnDisk', { workspace: scope.id, path, stamp: null });
      return trashed;
    },
    'trash.list': async ({ workspace }) => reachWorkspace(workspace, 'have a trash').trash.list(),
    'trash.restore': async ({ workspace, id }) => ({
      path: await reachWorkspace(workspace, 'restore from the trash').actions.restore(id),
    }),
    'journal.write': async ({ workspace, ...entry }) => {
      const { journal } = reach(workspace, entry.path);
      return { status: await storage.track('journal', () => journal.writeStream(entry)) };
    },
    'journal.base': async ({ workspace, ...entry }) =>
      reach(workspace, entry.path).journal.base(entry),
    'journal.list': async ({ workspace }) => {
      const { scope, root, journal } = reach(workspace, null);
      const pending = [];
      for (const entry of await journal.list()) {
        if (scope.file !== null && entry.path !== scope.file) continue;
        // An untitled article's name is no file of the workspace: nothing on disk to compare.
        if (entry.untitled) {
          pending.push(entry);
          continue;
        }
        const disk = await diskText(root, entry);
        // Its text is already on disk (saved just before a crash): not worth a prompt.
        if (typeof disk === 'string' && sameText(disk, entry.text)) await journal.discard(entry.id);
        else pending.push(disk === 'missing' ? { ...entry, missing: true } : entry);
      }
      // A workspace moved or renamed after a crash: its entries are offered where their article
      // is found unchanged (the version the unsaved words were based on), untitled ones anywhere.
      for (const entry of await journal.orphans()) {
        if (scope.file !== null && entry.path !== scope.file) continue;
        if (entry.untitled || (await holdsVersion(root, entry))) pending.push(entry);
      }
      return pending;
    },
    'journal.discard': async (input) => {
      const { journal } = reach(input.workspace, null);
      return 'id' in input
        ? journal.discard(input.id)
        : journal.saved(input.stream, input.savedRevision);
    },
    'history.list': async ({ workspace, path }) => {
      const { root, history } = reach(workspace, path);
      await resolveConfined(root, path);
      return history.list(path);
    },
    'history.read': async ({ workspace, path, id, encoding }) => {
      const { root, history, encodings } = reach(workspace, path);
      await resolveConfined(root, path);
      const bytes = await history.read(path, id);
      return encoding
        ? decodeAs(bytes, encoding)
        : { text: decodeText(bytes, await encodings.hints(path)).text };
    },
    'history.readBytes': async ({ workspace, path, id }) => {
      const { root, history } = reach(workspace, path);
      await resolveConfined(root, path);
      return hexDump(await history.read(path, id));
    },
  };
}

/**
 * The article's text on disk, read in the journaled encoding first; `missing` when no file is
 * there any more, null when unreadable.
 */
/** The article at the entry's path is the very version its unsaved words were based on. */
async function holdsVersion(root: string, entry: JournalEntry): Promise<boolean> {
  if (entry.baseStamp === null) return false;
  try {
    const bytes = await readRegularFile(await resolveConfined(root, entry.path));
    return hashBytes(new Uint8Array(bytes)) === entry.baseStamp.hash;
  } catch {
    return false;
  }
}

async function diskText(root: string, entry: JournalEntry): Promise<string | 'missing' | null> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readRegularFile(await resolveConfined(root, entry.path)));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : null;
  }
  try {
    return decodeInEncoding(bytes, entry.format.encoding).text;
  } catch {
    // Not in that encoding any more: read it as it now is.
  }
  try {
    return decodeText(bytes).text;
  } catch {
    return null;
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

// Line breaks of any kind: the editor has LF where the file may have CRLF or CR.
const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
