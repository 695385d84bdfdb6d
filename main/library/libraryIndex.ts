import { promises as fs, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { toWorkspacePath } from '../workspace/resolveInWorkspace';
import type { ArticleJob, ArticleSummarizer } from './articleSummarizer';
import { inlineSummarizer, inSlices } from './articleSummarizer';
import type { IndexCache } from './indexCache';
import { scanWorkspaceTree } from './scanWorkspace';

/** Files handed to the summarizer at once: few messages, and results arrive while others wait. */
const BATCH_SIZE = 200;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) out.push(items.slice(i, i + BATCH_SIZE));
  return out;
}

export type EntryChange = 'added' | 'changed' | 'removed' | 'unchanged';

/**
 * Every article of one workspace as a library row, in memory. Built from the on-disk cache where
 * size and mtime still match, otherwise by reading the file; kept current by refresh().
 */
export class LibraryIndex {
  private readonly entries = new Map<string, LibraryEntry>();
  private dirty = false;
  private changes = 0;

  constructor(
    readonly root: string,
    private readonly cache: IndexCache | null,
    private readonly summarizer: ArticleSummarizer = inlineSummarizer,
  ) {}

  /**
   * Scan the workspace and index it; returns the folders walked (for the watcher). Files are
   * stat'ed with synchronous calls in slices of a few milliseconds (for small files the promise
   * API's per-call overhead cost three times the work, profiled on 10,000 articles); files not in
   * the cache go to the summarizer in batches, which in the app reads and parses them off main.
   */
  async build(): Promise<string[]> {
    const [scan, cached] = await Promise.all([
      scanWorkspaceTree(this.root),
      this.cache?.load() ?? new Map<string, LibraryEntry>(),
    ]);
    this.entries.clear();
    const order: string[] = [];
    const found = new Map<string, LibraryEntry>();
    const misses: ArticleJob[] = [];
    await inSlices(scan.files, (absolute) => {
      const relative = toWorkspacePath(this.root, absolute);
      let stats: Stats;
      try {
        stats = statSync(absolute);
      } catch {
        return;
      }
      if (!stats.isFile()) return;
      order.push(relative);
      const hit = cached.get(relative);
      if (hit && hit.size === stats.size && hit.mtimeMs === stats.mtimeMs) {
        found.set(relative, hit);
        return;
      }
      // Words are counted afterwards (countPendingWords): the listing is what the writer waits for.
      misses.push(jobOf(absolute, relative, stats, false));
    });
    for (const batch of batches(misses)) {
      const rows = await this.summarizer.summarize(batch);
      for (const row of rows) found.set(row.path, row);
    }
    if (misses.length > 0) this.dirty = true;
    for (const relative of order) {
      const entry = found.get(relative);
      if (entry) this.entries.set(relative, entry);
    }
    this.changes++;
    if (cached.size !== this.entries.size) this.dirty = true;
    return scan.folders;
  }

  /** Changes whenever a row is added, replaced or removed: what a copy of the rows compares. */
  get version(): number {
    return this.changes;
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
    const [row] = await this.summarizer.summarize([jobOf(absolute, relative, stats, true)]);
    if (row) this.entries.set(relative, row);
    this.changes++;
    this.dirty = true;
    return before ? 'changed' : 'added';
  }

  remove(relative: string): boolean {
    const removed = this.entries.delete(relative);
    if (removed) {
      this.dirty = true;
      this.changes++;
    }
    return removed;
  }

  /** Drop every entry below a folder that disappeared; returns their paths. */
  removeFolder(relativeFolder: string): string[] {
    const prefix = `${relativeFolder}/`;
    const gone = [...this.entries.keys()].filter((p) => p.startsWith(prefix));
    for (const p of gone) this.entries.delete(p);
    if (gone.length > 0) {
      this.dirty = true;
      this.changes++;
    }
    return gone;
  }

  /**
   * Count words for rows built without them, in slices so requests are served in between.
   * Returns how many rows got a count.
   */
  async countPendingWords(cancelled: () => boolean): Promise<number> {
    const pending = [...this.entries.values()].filter((e) => e.words === null);
    let counted = 0;
    for (const batch of batches(pending)) {
      if (cancelled()) break;
      const jobs = batch.map((entry) => ({
        absolute: path.join(this.root, ...entry.path.split('/')),
        relative: entry.path,
        size: entry.size,
        mtimeMs: entry.mtimeMs,
        countWords: true,
      }));
      const words = await this.summarizer.countWords(jobs);
      batch.forEach((entry, i) => {
        // A row replaced meanwhile (changed on disk) already has its own count.
        if (this.entries.get(entry.path) !== entry) return;
        this.entries.set(entry.path, { ...entry, words: words[i] ?? 0 });
        this.changes++;
        counted++;
      });
    }
    if (counted > 0) this.dirty = true;
    return counted;
  }

  /** Write the cache if anything changed since the last write. */
  async persist(): Promise<void> {
    if (!this.cache || !this.dirty) return;
    this.dirty = false;
    await this.cache.save(this.entries.values());
  }
}

function jobOf(absolute: string, relative: string, stats: Stats, countWords: boolean): ArticleJob {
  return { absolute, relative, size: stats.size, mtimeMs: stats.mtimeMs, countWords };
}
