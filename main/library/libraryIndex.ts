import { promises as fs, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { toWorkspacePath } from '../workspace/resolveInWorkspace';
import type { IndexCache } from './indexCache';
import { readArticleText, readArticleTextSync } from './readArticleText';
import { scanWorkspaceTree } from './scanWorkspace';
import { countArticleWords, summarizeArticle, unreadableArticle } from './summarizeArticle';

export type EntryChange = 'added' | 'changed' | 'removed' | 'unchanged';

/**
 * Every article of one workspace as a library row, in memory. Built from the on-disk cache where
 * size and mtime still match, otherwise by reading the file; kept current by refresh().
 */
export class LibraryIndex {
  private readonly entries = new Map<string, LibraryEntry>();
  private dirty = false;

  constructor(
    readonly root: string,
    private readonly cache: IndexCache | null,
  ) {}

  /**
   * Scan the workspace and index it; returns the folders walked (for the watcher). Files are
   * stat'ed and read with synchronous calls in slices of a few milliseconds: for small files the
   * promise API's per-call overhead cost three times the reading itself (profiled on 10,000
   * articles), and the slices keep the event loop answering requests in between.
   */
  async build(): Promise<string[]> {
    const [scan, cached] = await Promise.all([
      scanWorkspaceTree(this.root),
      this.cache?.load() ?? new Map<string, LibraryEntry>(),
    ]);
    this.entries.clear();
    await inSlices(scan.files, (absolute) => {
      const relative = toWorkspacePath(this.root, absolute);
      let stats: Stats;
      try {
        stats = statSync(absolute);
      } catch {
        return;
      }
      if (!stats.isFile()) return;
      const hit = cached.get(relative);
      if (hit && hit.size === stats.size && hit.mtimeMs === stats.mtimeMs) {
        this.entries.set(relative, hit);
        return;
      }
      this.dirty = true;
      // Words are counted afterwards (countPendingWords): the listing is what the writer waits for.
      this.entries.set(relative, this.readNow(absolute, relative, stats, false));
    });
    if (cached.size !== this.entries.size) this.dirty = true;
    return scan.folders;
  }

  list(): LibraryEntry[] {
    return [...this.entries.values()];
  }

  get(relative: string): LibraryEntry | undefined {
    return this.entries.get(relative);
  }

  has(relative: string): boolean {
    return this.entries.has(relative);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Re-read one path after a change on disk; a missing or non-file path leaves the index. */
  async refresh(absolute: string): Promise<EntryChange> {
    const relative = toWorkspacePath(this.root, absolute);
    const before = this.entries.get(relative);
    const stats = await fs.stat(absolute).catch(() => null);
    if (!stats?.isFile()) return this.remove(relative) ? 'removed' : 'unchanged';
    if (before && before.size === stats.size && before.mtimeMs === stats.mtimeMs)
      return 'unchanged';
    this.entries.set(relative, await this.read(absolute, relative, stats, true));
    this.dirty = true;
    return before ? 'changed' : 'added';
  }

  remove(relative: string): boolean {
    const removed = this.entries.delete(relative);
    if (removed) this.dirty = true;
    return removed;
  }

  /** Drop every entry below a folder that disappeared; returns their paths. */
  removeFolder(relativeFolder: string): string[] {
    const prefix = `${relativeFolder}/`;
    const gone = [...this.entries.keys()].filter((p) => p.startsWith(prefix));
    for (const p of gone) this.entries.delete(p);
    if (gone.length > 0) this.dirty = true;
    return gone;
  }

  /**
   * Count words for rows built without them, in slices so requests are served in between.
   * Returns how many rows got a count.
   */
  async countPendingWords(cancelled: () => boolean): Promise<number> {
    const pending = [...this.entries.values()].filter((e) => e.words === null);
    let counted = 0;
    await inSlices(pending, (entry) => {
      if (cancelled() || this.entries.get(entry.path) !== entry) return;
      let words = 0;
      try {
        words = countArticleWords(
          readArticleTextSync(path.join(this.root, ...entry.path.split('/')), entry.size),
        );
      } catch {
        // Unreadable now: counts as 0 until it changes again.
      }
      this.entries.set(entry.path, { ...entry, words });
      counted++;
    });
    if (counted > 0) this.dirty = true;
    return counted;
  }

  /** Write the cache if anything changed since the last write. */
  async persist(): Promise<void> {
    if (!this.cache || !this.dirty) return;
    this.dirty = false;
    await this.cache.save(this.entries.values());
  }

  private async read(
    absolute: string,
    relative: string,
    stats: Stats,
    countWords: boolean,
  ): Promise<LibraryEntry> {
    try {
      return summarizeArticle(relative, await readArticleText(absolute, stats.size), stats, {
        countWords,
      });
    } catch (error) {
      return unreadableArticle(relative, stats, unreadableReason(error));
    }
  }

  private readNow(
    absolute: string,
    relative: string,
    stats: Stats,
    countWords: boolean,
  ): LibraryEntry {
    try {
      return summarizeArticle(relative, readArticleTextSync(absolute, stats.size), stats, {
        countWords,
      });
    } catch (error) {
      return unreadableArticle(relative, stats, unreadableReason(error));
    }
  }
}

function unreadableReason(error: unknown): string {
  return error instanceof BylineError
    ? error.message
    : `Could not read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
}

/** Run `work` over items synchronously, yielding to the event loop every few milliseconds. */
async function inSlices<T>(
  items: readonly T[],
  work: (item: T) => void,
  sliceMs = 8,
): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
