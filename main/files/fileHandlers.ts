import { promises as fs } from 'node:fs';
import type { EventSink, JournalEntry, RequestHandlers } from '../../shared/ipc/contract';
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
import { runExclusivelyOnFile } from './pathQueue';
import { StorageHealth } from './storageHealth';
import { decodeAs as decodeInEncoding, decodeText } from './textCodec';
import type { Trash } from './trash';
import { SystemTrash, WorkspaceTrash } from './trash';
import { loadWorkspaceSchema } from '../schema/workspaceSchemaService';

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

/** The article, trash, journal and history requests, wired to their services. */
export function createFileHandlers(deps: FileServicesDeps): Pick<RequestHandlers, FileRequest> {
  const { workspaceRoot, library, open } = deps;
  const storage = new StorageHealth(deps.emit);
  const journal = new CrashJournal(deps.dataDir, workspaceRoot);
  const history = new LocalHistory(deps.dataDir, workspaceRoot, deps.historyOptions);
  const encodings = new EncodingMemory(deps.dataDir, workspaceRoot);
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
    },
  });
  const actions = new ArticleActions({
    workspaceRoot,
    trash,
    schema: () => loadWorkspaceSchema(workspaceRoot()),
    sameFile: deps.sameFile,
    onMoved: async (from, to) => {
      open.move(from, to);
      await Promise.all([history.move(from, to), journal.move(from, to), encodings.move(from, to)]);
    },
    onCreated: (relativePath) => keepHistory(() => history.detach(relativePath)),
    onTrashed: (relativePath, id) => keepHistory(() => history.trashed(relativePath, id)),
    onRestored: (id, relativePath) => keepHistory(() => history.restored(id, relativePath)),
    onChanged: (paths) => void library.pathsChanged(paths),
  });

  return {
    'article.open': async ({ path, encoding }) => {
      const absolute = await resolveConfined(workspaceRoot(), path);
      const opened = await articles.open(path, { encoding, hints: await encodings.hints(path) });
      if (trash instanceof SystemTrash)
        await keepHistory(
          async () => void (await history.adoptFromSystemTrash(path, opened.stamp.hash)),
        );
      open.add(path);
      await encodings.remember(path, opened.format.encoding).catch((error: unknown) => {
        console.error('[byline] could not remember the encoding of', path, error);
      });
      return (await isSymbolicLink(absolute))
        ? { ...opened, readOnly: true, warnings: [...opened.warnings, symlinkedArticleNotice] }
        : opened;
    },
    'article.encodings': async ({ path }) => {
      await resolveConfined(workspaceRoot(), path);
      return articles.encodingCandidates(path, await encodings.hints(path));
    },
    'article.save': async (input) => {
      const absolute = await resolveConfined(workspaceRoot(), input.path);
      if (await isSymbolicLink(absolute))
        return { status: 'error', code: 'read-only', message: symlinkedArticleNotice };
      return articles.save(input);
    },
    'article.saveCopy': async ({ path, text, format }) => {
      await resolveConfined(workspaceRoot(), path);
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
      const pending = [];
      for (const entry of await journal.list()) {
        const disk = await diskText(workspaceRoot(), entry);
        // Its text is already on disk (saved just before a crash): not worth a prompt.
        if (typeof disk === 'string' && sameText(disk, entry.text)) await journal.discard(entry.id);
        else pending.push(disk === 'missing' ? { ...entry, missing: true } : entry);
      }
      return pending;
    },
    'journal.discard': (input) =>
      'id' in input ? journal.discard(input.id) : journal.saved(input.stream, input.savedRevision),
    'history.list': async ({ path }) => {
      await resolveConfined(workspaceRoot(), path);
      return history.list(path);
    },
    'history.read': async ({ path, id, encoding }) => {
      await resolveConfined(workspaceRoot(), path);
      const bytes = await history.read(path, id);
      return encoding
        ? decodeAs(bytes, encoding)
        : { text: decodeText(bytes, await encodings.hints(path)).text };
    },
    'history.readBytes': async ({ path, id }) => {
      await resolveConfined(workspaceRoot(), path);
      return hexDump(await history.read(path, id));
    },
  };
}

/**
 * The article's text on disk, read in the journaled encoding first; `missing` when no file is
 * there any more, null when unreadable.
 */
async function diskText(root: string, entry: JournalEntry): Promise<string | 'missing' | null> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(await resolveConfined(root, entry.path)));
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
