import { promises as fs } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { toWorkspacePath } from '../workspace/resolveInWorkspace';
import type { IndexCache } from './indexCache';
import { mapLimit } from './mapLimit';
import { readArticleText } from './readArticleText';
import { scanWorkspaceTree } from './scanWorkspace';
import { countArticleWords, summarizeArticle, unreadableArticle } from './summarizeArticle';

/** Parallel file reads: keeps libuv's four threads and the disk queue busy without hoarding handles. */
const concurrency = 48;

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

  /** Scan the workspace and index it; returns the folders walked (for the watcher). */
  async build(): Promise<string[]> {
    const [scan, cached] = await Promise.all([scanWorkspaceTree(this.root), this.cache?.load() ?? new Map<string, LibraryEntry>()]);
    this.entries.clear();
    const rows = await mapLimit(scan.files, concurrency, async (absolute) => {
      const relative = toWorkspacePath(this.root, absolute);
      const stats = await fs.stat(absolute).catch(() => null);
      if (!stats?.isFile()) return null;
      const hit = cached.get(relative);
      if (hit && hit.size === stats.size && hit.mtimeMs === stats.mtimeMs) return hit;
      this.dirty = true;
      // Words are counted afterwards (countPendingWords): the listing is what the writer waits for.
      return this.read(absolute, relative, stats, false);
    });
    for (const row of rows) if (row) this.entries.set(row.path, row);
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
    if (before && before.size === stats.size && before.mtimeMs === stats.mtimeMs) return 'unchanged';
    this.entries.set(relative, await this.read(absolute, relative, stats, true));
    this.dirty = true;
    return before ? 'changed' : 'added';
  }

  /**
   * Count words for rows built without them, a slice at a time so requests are served in between.
   * Returns how many rows got a count.
   */
  async countPendingWords(cancelled: () => boolean): Promise<number> {
    const pending = [...this.entries.values()].filter((e) => e.words === null).map((e) => e.path);
    let counted = 0;
    for (let start = 0; start < pending.length && !cancelled(); start += 200) {
      const slice = pending.slice(start, start + 200);
      await mapLimit(slice, concurrency, async (relative) => {
        const entry = this.entries.get(relative);
        if (!entry || entry.words !== null) return;
        let words = 0;
        try {
          words = countArticleWords(await readArticleText(path.join(this.root, ...relative.split('/')), entry.size));
        } catch {
          // Unreadable now: counts as 0 until it changes again.
        }
        // The row may have been replaced meanwhile; only fill in the one we read for.
        if (this.entries.get(relative) === entry) {
          this.entries.set(relative, { ...entry, words });
          counted++;
        }
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (counted > 0) this.dirty = true;
    return counted;
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

  /** Write the cache if anything changed since the last write. */
  async persist(): Promise<void> {
    if (!this.cache || !this.dirty) return;
    this.dirty = false;
    await this.cache.save(this.entries.values());
  }

  private async read(absolute: string, relative: string, stats: Stats, countWords: boolean): Promise<LibraryEntry> {
    try {
      return summarizeArticle(relative, await readArticleText(absolute, stats.size), stats, { countWords });
    } catch (error) {
      const reason = error instanceof BylineError ? error.message : `Could not read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
      return unreadableArticle(relative, stats, reason);
    }
  }
}
