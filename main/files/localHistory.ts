import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistoryEntry } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomicWrite';
import { hashBytes } from './fileStamp';
import { KeyedQueue } from './keyedQueue';

export interface LocalHistoryOptions {
  /** Snapshots kept per article; the oldest go first. */
  maxSnapshots: number;
  /** Snapshots older than this are dropped, except the newest one. */
  maxAgeMs: number;
  now: () => number;
}

interface HistoryIndex {
  path: string;
  entries: HistoryEntry[];
}

export const defaultHistoryOptions: LocalHistoryOptions = {
  maxSnapshots: 100,
  maxAgeMs: 60 * 24 * 60 * 60 * 1000,
  now: Date.now,
};

/**
 * A snapshot of an article on every save, outside the workspace:
 * `<dataDir>/history/<workspace key>/<article key>/` holds `index.json` (newest first) and one
 * `<hash>.snap` per distinct content, so saving the same text twice stores it once.
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

  /** Record bytes just written (or about to be replaced). Consecutive identical saves are one entry. */
  snapshot(relativePath: string, bytes: Uint8Array, savedAt = this.options.now()): Promise<void> {
    const folder = this.folderFor(relativePath);
    return this.queue.run(folder, async () => {
      const index = await this.readIndex(folder, relativePath);
      const hash = hashBytes(bytes);
      if (index.entries[0]?.hash === hash) return;
      await fs.mkdir(folder, { recursive: true });
      const blob = path.join(folder, `${hash}.snap`);
      if (!(await exists(blob))) await writeFileAtomic(blob, bytes);
      const id = `${savedAt.toString(36)}-${randomBytes(4).toString('hex')}`;
      index.entries.unshift({ id, savedAt, size: bytes.length, hash });
      index.entries = this.prune(index.entries);
      await writeFileAtomic(path.join(folder, 'index.json'), Buffer.from(JSON.stringify(index)));
      await this.removeUnreferencedBlobs(folder, index.entries);
    });
  }

  async hasSnapshots(relativePath: string): Promise<boolean> {
    return (await this.list(relativePath)).length > 0;
  }

  async list(relativePath: string): Promise<HistoryEntry[]> {
    const folder = this.folderFor(relativePath);
    return (await this.readIndex(folder, relativePath)).entries;
  }

  async read(relativePath: string, id: string): Promise<Uint8Array> {
    const folder = this.folderFor(relativePath);
    const entry = (await this.readIndex(folder, relativePath)).entries.find((e) => e.id === id);
    if (!entry)
      throw new BylineError('no-snapshot', 'That version is no longer in the local history.');
    return new Uint8Array(await fs.readFile(path.join(folder, `${entry.hash}.snap`)));
  }

  /** History follows an article to its new name. */
  async move(from: string, to: string): Promise<void> {
    if (from === to) return;
    const source = this.folderFor(from);
    const target = this.folderFor(to);
    await this.queue.run(source, () =>
      this.queue.run(target, async () => {
        const index = await this.readIndex(source, from);
        if (index.entries.length === 0) return;
        await fs.rm(target, { recursive: true, force: true });
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(source, target);
        await writeFileAtomic(
          path.join(target, 'index.json'),
          Buffer.from(JSON.stringify({ ...index, path: to })),
        );
      }),
    );
  }

  private prune(entries: HistoryEntry[]): HistoryEntry[] {
    const oldest = this.options.now() - this.options.maxAgeMs;
    return entries
      .filter((entry, i) => i === 0 || entry.savedAt >= oldest)
      .slice(0, this.options.maxSnapshots);
  }

  private async removeUnreferencedBlobs(folder: string, entries: HistoryEntry[]): Promise<void> {
    const keep = new Set(entries.map((e) => `${e.hash}.snap`));
    for (const name of await fs.readdir(folder)) {
      if (name.endsWith('.snap') && !keep.has(name))
        await fs.rm(path.join(folder, name), { force: true });
    }
  }

  private async readIndex(folder: string, relativePath: string): Promise<HistoryIndex> {
    try {
      const parsed = JSON.parse(
        await fs.readFile(path.join(folder, 'index.json'), 'utf8'),
      ) as HistoryIndex;
      if (Array.isArray(parsed.entries)) return { path: relativePath, entries: parsed.entries };
    } catch {
      // No history yet (or an unreadable index: start a new one rather than fail the save).
    }
    return { path: relativePath, entries: [] };
  }

  private folderFor(relativePath: string): string {
    const workspace = createHash('sha256').update(this.workspaceRoot()).digest('hex').slice(0, 16);
    const article = createHash('sha256').update(relativePath).digest('hex').slice(0, 32);
    return path.join(this.dataDir, 'history', workspace, article);
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
