import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistoryEntry } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { moveAcrossDevices } from './moveAcrossDevices';
import type { FileWriter } from './atomicWrite';
import { writeFileAtomic } from './atomicWrite';
import { hashBytes } from './fileStamp';
import { KeyedQueue } from './keyedQueue';

export interface LocalHistoryOptions {
  /**
   * Bytes of snapshots kept per article (each distinct content counted once, plus a little per
   * entry): a 1 MB article keeps about 16 versions, a 20 KB one hundreds. The oldest go first.
   */
  maxBytes: number;
  /** Keeps index.json small for tiny articles saved all day. */
  maxSnapshots: number;
  /** Snapshots older than this are dropped, except the newest and the pinned original. */
  maxAgeMs: number;
  now: () => number;
  writeFile: FileWriter;
}

/** Where a snapshot came from: Byline's own save, or a version Byline did not write (kept before replacing it). */
export type SnapshotSource = 'byline' | 'disk';

interface HistoryIndex {
  path: string;
  entries: HistoryEntry[];
}

const defaultHistoryOptions: LocalHistoryOptions = {
  maxBytes: 16 * 1024 * 1024,
  maxSnapshots: 1000,
  maxAgeMs: 60 * 24 * 60 * 60 * 1000,
  now: Date.now,
  writeFile: writeFileAtomic,
};

/** What an entry costs besides its content: its line in index.json. */
const entryOverheadBytes = 160;
const snapSuffix = '.snap';
/** The hash of the first version Byline saw (the one it replaced on its first save): never pruned. */
const originalFile = 'original';

/**
 * A snapshot of an article on every save, outside the workspace:
 * `<dataDir>/history/<workspace key>/<article key>/` holds `index.json` (newest first) and one
 * `<hash>.snap` per distinct content, so saving the same text twice stores it once. Each blob's
 * mtime is its first snapshot's time, so a damaged index is rebuilt from the blobs themselves.
 *
 * History belongs to an article, not to a path: it follows renames, moves aside when the article
 * is trashed (and comes back on restore), and is never handed to a new file at an old path.
 */
export class LocalHistory {
  private readonly options: LocalHistoryOptions;
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly dataDir: string,
    private readonly workspaceRoot: () => string,
    options: Partial<LocalHistoryOptions> = {},
  ) {
    this.options = { ...defaultHistoryOptions, ...options };
  }

  /**
   * Record bytes just written, or about to be replaced. Consecutive identical saves are one entry.
   * The first snapshot of an article that had none, when it is a version Byline did not write,
   * is the pre-Byline original: pinned for good.
   */
  snapshot(
    relativePath: string,
    bytes: Uint8Array,
    options: { savedAt?: number; source?: SnapshotSource; readable?: boolean } = {},
  ): Promise<void> {
    const folder = this.folderFor(relativePath);
    const savedAt = options.savedAt ?? this.options.now();
    const source = options.source ?? 'byline';
    return this.queue.run(folder, async () => {
      const index = await this.readIndex(folder, relativePath);
      const hash = hashBytes(bytes);
      if (index.entries[0]?.hash === hash) return;
      await fs.mkdir(folder, { recursive: true });
      const blob = path.join(folder, `${hash}${snapSuffix}`);
      if (!(await exists(blob))) {
        await this.options.writeFile(blob, bytes);
        const time = new Date(savedAt);
        await fs.utimes(blob, time, time);
      }
      const pinned = index.entries.length === 0 && source === 'disk';
      if (pinned) await this.options.writeFile(path.join(folder, originalFile), Buffer.from(hash));
      const id = `${savedAt.toString(36)}-${randomBytes(4).toString('hex')}`;
      const entry: HistoryEntry = { id, savedAt, size: bytes.length, hash, source };
      if (pinned) entry.pinned = true;
      if (options.readable === false) entry.readable = false;
      const before = index.entries;
      index.entries = this.prune([entry, ...before]);
      await this.writeIndex(folder, index);
      await removeDroppedBlobs(folder, before, index.entries);
    });
  }

  /**
   * Keep a version Byline did not write before it is replaced, unless it already is the newest
   * snapshot (Byline's own last save). The first such version of an article is pinned.
   */
  async preserve(relativePath: string, bytes: Uint8Array, readable: boolean): Promise<void> {
    const newest = (await this.list(relativePath))[0];
    if (newest?.hash === hashBytes(bytes)) return;
    await this.snapshot(relativePath, bytes, {
      savedAt: this.options.now() - 1,
      source: 'disk',
      readable,
    });
  }

  async list(relativePath: string): Promise<HistoryEntry[]> {
    const folder = this.folderFor(relativePath);
    return this.queue.run(folder, async () => (await this.readIndex(folder, relativePath)).entries);
  }

  async read(relativePath: string, id: string): Promise<Uint8Array> {
    const folder = this.folderFor(relativePath);
    const entry = (await this.list(relativePath)).find((e) => e.id === id);
    if (!entry)
      throw new BylineError('no-snapshot', 'That version is no longer in the local history.');
    return new Uint8Array(await fs.readFile(path.join(folder, `${entry.hash}${snapSuffix}`)));
  }

  /** History follows an article to its new name. History left at the new name is set aside, never removed. */
  async move(from: string, to: string): Promise<void> {
    if (from === to) return;
    const source = this.folderFor(from);
    const target = this.folderFor(to);
    await this.queue.run(source, () =>
      this.queue.run(target, async () => {
        if (!(await exists(source))) return;
        await this.setAside(target, 'detached');
        await this.relocate(source, target, to);
      }),
    );
  }

  /** A new file is created at this path: whatever history the path still has belonged to another article. */
  detach(relativePath: string): Promise<void> {
    const folder = this.folderFor(relativePath);
    return this.queue.run(folder, () => this.setAside(folder, 'detached'));
  }

  /** The article went to the trash: its history waits under the trash id (or aside, for the system trash). */
  async trashed(relativePath: string, trashId: string | null): Promise<void> {
    const folder = this.folderFor(relativePath);
    await this.queue.run(folder, async () => {
      if (trashId === null) await this.setAside(folder, 'trashed');
      else if (await exists(folder)) await this.relocate(folder, this.trashFolder(trashId), null);
    });
  }

  /** A trashed article came back (maybe under another name): its history comes back with it. */
  async restored(trashId: string, relativePath: string): Promise<void> {
    const parked = this.trashFolder(trashId);
    const target = this.folderFor(relativePath);
    await this.queue.run(target, async () => {
      if (!(await exists(parked))) return;
      await this.setAside(target, 'detached');
      await this.relocate(parked, target, relativePath);
    });
  }

  /**
   * An article back from the system trash (restored in the file manager, which Byline does not
   * see) gets its history back: the history set aside when it was trashed from this path, if its
   * newest snapshot is exactly the file now on disk. Returns whether it did.
   */
  adoptFromSystemTrash(relativePath: string, diskHash: string): Promise<boolean> {
    const folder = this.folderFor(relativePath);
    return this.queue.run(folder, async () => {
      if (await exists(folder)) return false;
      const parked = path.join(this.workspaceFolder(), 'trashed');
      const names = await fs.readdir(parked).catch(() => [] as string[]);
      const prefix = `${path.basename(folder)}-`;
      // Newest first: the names carry the time they were set aside.
      for (const name of names
        .filter((n) => n.startsWith(prefix))
        .sort()
        .reverse()) {
        const candidate = path.join(parked, name);
        const index = await this.readIndex(candidate, relativePath);
        if (index.entries[0]?.hash !== diskHash) continue;
        await this.relocate(candidate, folder, relativePath);
        return true;
      }
      return false;
    });
  }

  private prune(entries: HistoryEntry[]): HistoryEntry[] {
    const oldest = this.options.now() - this.options.maxAgeMs;
    const essential = (entry: HistoryEntry, i: number): boolean => i === 0 || !!entry.pinned;
    const kept = entries.filter((entry, i) => essential(entry, i) || entry.savedAt >= oldest);
    // The newest and the original always stay; the rest fill the budget from the newest down.
    const counted = new Set<string>();
    let used = 0;
    let count = 0;
    const costOf = (entry: HistoryEntry): number =>
      entryOverheadBytes + (counted.has(entry.hash) ? 0 : entry.size);
    const take = (entry: HistoryEntry): void => {
      used += costOf(entry);
      counted.add(entry.hash);
      count++;
    };
    kept.forEach((entry, i) => essential(entry, i) && take(entry));
    return kept.filter((entry, i) => {
      if (essential(entry, i)) return true;
      if (used + costOf(entry) > this.options.maxBytes || count >= this.options.maxSnapshots)
        return false;
      take(entry);
      return true;
    });
  }

  /**
   * The index, or one rebuilt from the blobs when it is missing or damaged: a damaged index is
   * never a reason to lose snapshots.
   */
  private async readIndex(folder: string, relativePath: string): Promise<HistoryIndex> {
    let raw: string;
    try {
      raw = await fs.readFile(path.join(folder, 'index.json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await exists(folder)))
        return { path: relativePath, entries: [] };
      return this.rebuildIndex(folder, relativePath);
    }
    const entries = parseEntries(raw);
    if (entries) return { path: relativePath, entries };
    return this.rebuildIndex(folder, relativePath);
  }

  private async rebuildIndex(folder: string, relativePath: string): Promise<HistoryIndex> {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return { path: relativePath, entries: [] };
    }
    const original = await fs.readFile(path.join(folder, originalFile), 'utf8').catch(() => null);
    const entries: HistoryEntry[] = [];
    for (const name of names) {
      const hash = name.slice(0, -snapSuffix.length);
      if (!name.endsWith(snapSuffix) || !/^[0-9a-f]{64}$/.test(hash)) continue;
      const stats = await fs.stat(path.join(folder, name)).catch(() => null);
      if (!stats) continue;
      const savedAt = Math.round(stats.mtimeMs);
      entries.push({
        id: `r${savedAt.toString(36)}-${hash.slice(0, 12)}`,
        savedAt,
        size: stats.size,
        hash,
      });
    }
    entries.sort((a, b) => b.savedAt - a.savedAt);
    const pinned = entries.find((e) => e.hash === original?.trim()) ?? entries.at(-1);
    if (pinned) pinned.pinned = true;
    const index = { path: relativePath, entries };
    if (entries.length > 0) {
      // Keep the damaged index for whoever wants to look at it; write a good one beside it.
      await fs
        .rename(
          path.join(folder, 'index.json'),
          path.join(folder, `index.damaged-${this.options.now()}.json`),
        )
        .catch(() => {});
      await this.writeIndex(folder, index);
    }
    return index;
  }

  private writeIndex(folder: string, index: HistoryIndex): Promise<void> {
    return this.options.writeFile(
      path.join(folder, 'index.json'),
      Buffer.from(JSON.stringify(index)),
    );
  }

  /** Move a history folder under a new article path (or, with `to` null, keep its index as is). */
  private async relocate(from: string, to: string, newPath: string | null): Promise<void> {
    await fs.mkdir(path.dirname(to), { recursive: true });
    await moveAcrossDevices(from, to);
    if (newPath === null) return;
    const index = await this.readIndex(to, newPath);
    await this.writeIndex(to, { ...index, path: newPath });
  }

  /** Move a history folder out of the way (kept, never deleted); nothing to do when there is none. */
  private async setAside(folder: string, why: 'detached' | 'trashed'): Promise<void> {
    if (!(await exists(folder))) return;
    const aside = path.join(
      this.workspaceFolder(),
      why,
      `${path.basename(folder)}-${this.options.now().toString(36)}-${randomBytes(3).toString('hex')}`,
    );
    await fs.mkdir(path.dirname(aside), { recursive: true });
    await moveAcrossDevices(folder, aside);
  }

  private trashFolder(trashId: string): string {
    return path.join(this.workspaceFolder(), 'in-trash', trashId);
  }

  private workspaceFolder(): string {
    const workspace = createHash('sha256').update(this.workspaceRoot()).digest('hex').slice(0, 16);
    return path.join(this.dataDir, 'history', workspace);
  }

  private folderFor(relativePath: string): string {
    const article = createHash('sha256').update(relativePath).digest('hex').slice(0, 32);
    return path.join(this.workspaceFolder(), article);
  }
}

/** Entries of a well-formed index, or null for anything else. */
function parseEntries(raw: string): HistoryEntry[] | null {
  try {
    const parsed = JSON.parse(raw) as { entries?: unknown };
    if (!Array.isArray(parsed.entries)) return null;
    const valid = parsed.entries.every(
      (e: Partial<HistoryEntry> | null) =>
        typeof e?.id === 'string' &&
        typeof e.hash === 'string' &&
        typeof e.savedAt === 'number' &&
        typeof e.size === 'number',
    );
    return valid ? (parsed.entries as HistoryEntry[]) : null;
  } catch {
    return null;
  }
}

/** Blobs that only pruned entries used; a blob the index never knew about is left alone. */
async function removeDroppedBlobs(
  folder: string,
  before: HistoryEntry[],
  after: HistoryEntry[],
): Promise<void> {
  const kept = new Set(after.map((e) => e.hash));
  for (const hash of new Set(before.map((e) => e.hash))) {
    if (!kept.has(hash)) await fs.rm(path.join(folder, `${hash}${snapSuffix}`), { force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
