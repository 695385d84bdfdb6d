import { promises as fs } from 'node:fs';
import type { JournalEntry, RequestHandlers } from '../../shared/ipc/contract';
import type { LibraryService } from '../library/libraryService';
import { resolveInWorkspace } from '../workspace/resolveInWorkspace';
import { ArticleActions } from './articleActions';
import type { ArticleFilesOptions } from './articleFiles';
import { ArticleFiles } from './articleFiles';
import { CrashJournal } from './crashJournal';
import { EncodingMemory } from './encodingMemory';
import { LocalHistory } from './localHistory';
import type { OpenArticles } from './openArticles';
import { decodeAs, decodeText } from './textCodec';
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
  | 'article.encodings'
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
  const encodings = new EncodingMemory(deps.dataDir, workspaceRoot);
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
      await journal.discard(relativePath);
    },
  });
  const actions = new ArticleActions({
    workspaceRoot,
    trash,
    onMoved: async (from, to) => {
      open.move(from, to);
      await Promise.all([history.move(from, to), journal.move(from, to), encodings.move(from, to)]);
    },
    onChanged: (paths) => void library.pathsChanged(paths),
  });

  return {
    'article.open': async ({ path, encoding }) => {
      const opened = await articles.open(path, { encoding, hints: await encodings.hints(path) });
      open.add(path);
      await encodings.remember(path, opened.format.encoding).catch((error: unknown) => {
        console.error('[byline] could not remember the encoding of', path, error);
      });
      return opened;
    },
    'article.encodings': async ({ path }) =>
      articles.encodingCandidates(path, await encodings.hints(path)),
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
      // An entry whose text is already on disk (saved just before a crash) is not worth a prompt.
      const entries = await journal.list();
      const pending = [];
      for (const entry of entries) {
        if (await sameAsDisk(workspaceRoot(), entry)) await journal.discard(entry.path);
        else pending.push(entry);
      }
      return pending;
    },
    'journal.discard': ({ path }) => journal.discard(path),
    'history.list': ({ path }) => history.list(path),
    'history.read': async ({ path, id }) => ({
      text: decodeText(await history.read(path, id), await encodings.hints(path)).text,
    }),
  };
}

async function sameAsDisk(root: string, entry: JournalEntry): Promise<boolean> {
  try {
    const disk = decodeAs(
      new Uint8Array(await fs.readFile(resolveInWorkspace(root, entry.path))),
      entry.format.encoding,
    ).text;
    // Line breaks of any kind: the editor has LF where the file may have CRLF or CR.
    return disk.replace(/\r\n?/g, '\n') === entry.text.replace(/\r\n?/g, '\n');
  } catch {
    return false;
  }
}
