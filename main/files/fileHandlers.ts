import { promises as fs } from 'node:fs';
import type { RequestHandlers } from '../../shared/ipc/contract';
import type { LibraryService } from '../library/libraryService';
import { resolveInWorkspace } from '../workspace/resolveInWorkspace';
import { ArticleActions } from './articleActions';
import type { ArticleFilesOptions } from './articleFiles';
import { ArticleFiles } from './articleFiles';
import { CrashJournal } from './crashJournal';
import { LocalHistory } from './localHistory';
import type { OpenArticles } from './openArticles';
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
}

type FileRequest =
  | 'article.open'
  | 'article.save'
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
  | 'history.read';

/** The article, trash, journal and history requests, wired to their services. */
export function createFileHandlers(deps: FileServicesDeps): Pick<RequestHandlers, FileRequest> {
  const { workspaceRoot, library, open } = deps;
  const journal = new CrashJournal(deps.dataDir, workspaceRoot);
  const history = new LocalHistory(deps.dataDir, workspaceRoot);
  const trash: Trash = deps.trashItem
    ? new SystemTrash(deps.trashItem)
    : new WorkspaceTrash(workspaceRoot);
  const articles = new ArticleFiles(workspaceRoot, {
    ...deps.articleOptions,
    onSaved: async (relativePath, bytes, previous) => {
      // The first save through Byline also keeps the version it replaced.
      if (previous && !(await history.hasSnapshots(relativePath)))
        await history.snapshot(relativePath, previous, Date.now() - 1);
      await history.snapshot(relativePath, bytes);
    },
  });
  const actions = new ArticleActions({
    workspaceRoot,
    trash,
    onMoved: async (from, to) => {
      open.move(from, to);
      await Promise.all([history.move(from, to), journal.move(from, to)]);
    },
    onChanged: (paths) => void library.pathsChanged(paths),
  });

  return {
    'article.open': async ({ path }) => {
      const opened = await articles.open(path);
      open.add(path);
      return opened;
    },
    'article.save': (input) => articles.save(input),
    'article.close': async ({ path }) => open.remove(path),
    'article.create': async (input) => ({ path: await actions.create(input) }),
    'article.rename': async ({ path, name }) => ({ path: await actions.rename(path, name) }),
    'article.duplicate': async ({ path }) => ({ path: await actions.duplicate(path) }),
    'article.trash': ({ path }) => actions.trash(path),
    'trash.list': () => trash.list(),
    'trash.restore': async ({ id }) => ({ path: await actions.restore(id) }),
    'journal.write': async (entry) => ({ status: await journal.writeStream(entry) }),
    'journal.base': async (entry) => journal.base(entry),
    'journal.list': async () => {
      const pending = [];
      for (const entry of await journal.list()) {
        const disk = await diskText(workspaceRoot(), entry.path);
        // Its text is already on disk (saved just before a crash): not worth a prompt.
        if (typeof disk === 'string' && sameText(disk, entry.text)) await journal.discard(entry.id);
        else pending.push(disk === 'missing' ? { ...entry, missing: true } : entry);
      }
      return pending;
    },
    'journal.discard': (input) =>
      'id' in input ? journal.discard(input.id) : journal.saved(input.stream, input.savedRevision),
    'history.list': ({ path }) => history.list(path),
    'history.read': async ({ path, id }) => ({
      text: decodeText(await history.read(path, id)).text,
    }),
  };
}

/** The article's text on disk; `missing` when no file is there any more, null when unreadable. */
async function diskText(root: string, relativePath: string): Promise<string | 'missing' | null> {
  try {
    return decodeText(new Uint8Array(await fs.readFile(resolveInWorkspace(root, relativePath))))
      .text;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : null;
  }
}

const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
