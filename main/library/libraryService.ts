import { promises as fs } from 'node:fs';
import path from 'node:path';
import type {
  EventSink,
  FileStamp,
  LibraryEntries,
  LibraryEntry,
  SearchHit,
} from '../../shared/ipc/contract';
import { stampOf } from '../files/fileStamp';
import { isInside, leavesRoot, toWorkspacePath } from '../workspace/resolveInWorkspace';
import { KeyedQueue } from '../files/keyedQueue';
import type { ArticleSummarizer } from './articleSummarizer';
import { IndexCache } from './indexCache';
import { LibraryIndex } from './libraryIndex';
import { SearchIndex } from './searchIndex';
import {
  isArticleFile,
  isInSkippedFolder,
  isSkippedFolder,
  scanWorkspaceTree,
} from './scanWorkspace';
import { siteOutputFolders } from './siteOutputFolders';
import { WorkspaceWatcher } from './workspaceWatcher';
import { IMAGE_EXTENSIONS } from '../../shared/frontMatterSchema/knownFields';

const IMAGE_FILE = new RegExp(`\\.(?:${IMAGE_EXTENSIONS.join('|')})$`, 'i');

/** An image, or a folder (copied in or removed with whatever images it holds), outside skipped folders. */
function isAssetChange(relative: string): boolean {
  if (isInSkippedFolder(`${relative}/x`)) return false;
  const name = path.posix.basename(relative);
  return IMAGE_FILE.test(name) || !name.includes('.');
}

export interface LibraryServiceOptions {
  /** App data folder for the index cache; null keeps no cache (tests). */
  dataDir: string | null;
  emit: EventSink;
  /** Articles open in the renderer get article.changedOnDisk with their new stamp. */
  isOpen: (relativePath: string) => boolean;
  /** The identity main issued for a workspace root: article.changedOnDisk names it. */
  workspaceId?: (root: string) => string;
  /** Write the index cache this long after the last change. */
  persistDelayMs?: number;
  watch?: boolean;
  /** Reads and summarizes articles; the app passes a worker-thread one. Default: inline. */
  summarizer?: ArticleSummarizer;
}

interface Session {
  root: string;
  /** The Hugo site's publishDir and resourceDir (absolute), never indexed. */
  siteOutputs: string[];
  index: LibraryIndex;
  watcher: WorkspaceWatcher | null;
  ready: Promise<void>;
  /** Resolves once every word count is in (they are counted after the first listing). */
  counted: Promise<void>;
  /** Full text in memory, filled after the word counts and kept current by the watcher. */
  search: SearchIndex;
  /** The index's version the search index was last synced with. */
  searchSyncedVersion: number | null;
  closed: boolean;
}

/**
 * The library of the current workspace: index (cached in the app data folder), live updates from
 * the watcher, and full-text search. One session per opened workspace.
 */
export class LibraryService {
  private session: Session | null = null;
  private readonly queue = new KeyedQueue();
  private persistTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: LibraryServiceOptions) {}

  /** Start indexing and watching `root`; the previous workspace's session ends. */
  open(root: string): Promise<void> {
    void this.close();
    const index = new LibraryIndex(
      root,
      this.options.dataDir ? new IndexCache(this.options.dataDir, root) : null,
      this.options.summarizer,
    );
    const session: Session = {
      root,
      siteOutputs: siteOutputFolders(root),
      index,
      watcher: null,
      ready: Promise.resolve(),
      counted: Promise.resolve(),
      search: new SearchIndex(root),
      searchSyncedVersion: null,
      closed: false,
    };
    session.ready = (async () => {
      const folders = await index.build();
      if (session.closed) return;
      if (this.options.watch !== false) {
        session.watcher = new WorkspaceWatcher(root, {
          onChange: (paths) =>
            void this.pathsChanged(paths).catch((error: unknown) =>
              console.error('[byline] library update failed', error),
            ),
          onLimit: (folder, error) =>
            console.warn(
              `[byline] cannot watch more folders (${error.code}); changes below ${folder} appear on the next start`,
            ),
        });
        session.watcher.start(folders);
      }
    })();
    session.counted = session.ready.then(() => this.countWords(session));
    this.session = session;
    return session.ready;
  }

  /** Resolves when the first listing is ready (watcher started). */
  async ready(): Promise<void> {
    await this.session?.ready;
  }

  /** Resolves when all word counts are in and the cache is written. */
  async settled(): Promise<void> {
    await this.session?.counted;
    await this.queue.idle();
    await this.session?.index.persist();
  }

  async list(): Promise<LibraryEntry[]> {
    const session = await this.current();
    return session.index.list();
  }

  async entries(paths: readonly string[]): Promise<LibraryEntries> {
    const session = await this.current();
    const entries: LibraryEntry[] = [];
    const removed: string[] = [];
    for (const p of paths) {
      const entry = session.index.get(p);
      if (entry) entries.push(entry);
      else removed.push(p);
    }
    return { entries, removed };
  }

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const session = await this.current();
    await this.syncSearch(session);
    return session.search.search(query, limit);
  }

  /**
   * Files or folders changed (from the watcher, or Byline's own create/rename/trash): update the
   * index, tell the renderer which rows changed, and tell open editors about their file.
   */
  pathsChanged(absolutePaths: readonly string[]): Promise<void> {
    return this.queue.run('changes', async () => {
      const session = await this.current();
      if (session.closed) return;
      const changed = new Set<string>();
      const assets = new Set<string>();
      for (const absolute of absolutePaths) {
        const relative = toWorkspacePath(session.root, absolute);
        if (relative === '' || leavesRoot(relative)) continue;
        if (isAssetChange(relative)) assets.add(relative);
        for (const p of await this.apply(session, absolute, relative)) changed.add(p);
      }
      if (session.closed) return;
      // The image picker and the preview's images follow these like the library follows articles.
      if (assets.size > 0) this.options.emit('assets.changed', { paths: [...assets] });
      if (changed.size === 0) return;
      this.options.emit('library.changed', { paths: [...changed] });
      this.schedulePersist(session);
    });
  }

  /** Stop watching; resolves once the index cache is written for the next start. */
  close(): Promise<void> {
    const session = this.session;
    if (!session) return Promise.resolve();
    session.closed = true;
    session.watcher?.close();
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    this.session = null;
    // Keep what was indexed for the next start; failures only cost a slower reopen.
    return session.ready
      .then(() => session.counted)
      .then(() => session.index.persist())
      .catch(() => {});
  }

  private async current(): Promise<Session> {
    const session = this.session;
    if (!session) throw new Error('No workspace is open');
    await session.ready;
    return session;
  }

  /** One changed path -> the library paths whose rows changed. */
  private async apply(session: Session, absolute: string, relative: string): Promise<string[]> {
    const stats = await fs.stat(absolute).catch(() => null);
    if (stats?.isDirectory()) {
      if (
        isInSkippedFolder(`${relative}/x`) ||
        isSkippedFolder(path.basename(absolute)) ||
        session.siteOutputs.some((folder) => isInside(folder, absolute))
      )
        return [];
      if (session.watcher?.isWatched(absolute)) return [];
      // A folder moved or copied in: index and watch everything below it.
      const scan = await scanWorkspaceTree(absolute);
      session.watcher?.addFolders(scan.folders);
      const changed: string[] = [];
      for (const file of scan.files) {
        const change = await session.index.refresh(file);
        if (change !== 'unchanged') changed.push(toWorkspacePath(session.root, file));
      }
      this.updateSearch(session, changed);
      return changed;
    }
    if (stats?.isFile()) {
      if (
        !isArticleFile(path.basename(absolute)) ||
        isInSkippedFolder(relative) ||
        session.siteOutputs.some((folder) => isInside(folder, absolute))
      )
        return [];
      const change = await session.index.refresh(absolute);
      // Same size and mtime can still be new content: open editors compare hashes themselves.
      if (this.options.isOpen(relative)) await this.notifyOpen(session.root, relative, absolute);
      if (change === 'unchanged') return [];
      this.updateSearch(session, [relative]);
      return [relative];
    }
    // Gone: a file, or a whole folder.
    session.watcher?.removeFolder(absolute);
    const gone = session.index.removeFolder(relative);
    if (session.index.remove(relative)) gone.push(relative);
    for (const p of gone) session.search.remove(p);
    for (const p of gone)
      if (this.options.isOpen(p))
        this.options.emit('article.changedOnDisk', {
          workspace: this.workspaceId(session.root),
          path: p,
          stamp: null,
        });
    return gone;
  }

  /**
   * Brings the search index in line with the rows: reads what it has not seen (everything the
   * first time). The watcher's updates keep it current, so only a change of rows needs one.
   */
  private async syncSearch(session: Session): Promise<void> {
    const version = session.index.version;
    if (session.searchSyncedVersion === version) return;
    await session.search.sync(session.index.list(), () => session.closed);
    if (!session.closed) session.searchSyncedVersion = version;
  }

  /** Re-indexes changed articles' text, once the search index has been filled. */
  private updateSearch(session: Session, paths: readonly string[]): void {
    if (session.search.size === 0) return;
    for (const p of paths) {
      const entry = session.index.get(p);
      if (entry) session.search.update(entry);
    }
  }

  private workspaceId(root: string): string {
    return this.options.workspaceId?.(root) ?? 'workspace';
  }

  private async notifyOpen(root: string, relative: string, absolute: string): Promise<void> {
    let stamp: FileStamp | null;
    try {
      const handle = await fs.open(absolute, 'r');
      try {
        const stats = await handle.stat();
        stamp = stampOf(stats, new Uint8Array(await handle.readFile()));
      } finally {
        await handle.close();
      }
    } catch {
      stamp = null;
    }
    this.options.emit('article.changedOnDisk', {
      workspace: this.workspaceId(root),
      path: relative,
      stamp,
    });
  }

  /** Word counts for rows indexed without them, in slices that leave the event loop free. */
  private async countWords(session: Session): Promise<void> {
    if (session.closed) return;
    const counted = await session.index.countPendingWords(() => session.closed);
    if (session.closed) return;
    if (counted > 0) this.options.emit('library.changed', { paths: [] });
    await this.syncSearch(session);
    if (session.closed) return;
    await session.index
      .persist()
      .catch((error: unknown) => console.error('[byline] index cache not written', error));
  }

  private schedulePersist(session: Session): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void session.index.persist().catch(() => {});
    }, this.options.persistDelayMs ?? 2000);
    this.persistTimer.unref();
  }
}
