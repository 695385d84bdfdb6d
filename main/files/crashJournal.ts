import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileStamp, JournalEntry, TextFormat } from '../../shared/ipc/contract';
import { JournalEntry as JournalEntrySchema } from '../../shared/ipc/contract';
import type { FileWriter } from './atomicWrite';
import { writeFileAtomic } from './atomicWrite';
import { KeyedQueue } from './keyedQueue';

export interface JournalWrite {
  path: string;
  text: string;
  format: TextFormat;
  baseStamp: FileStamp | null;
}

/**
 * Unsaved buffers, one JSON file per article in `<dataDir>/journal/`, written atomically (a crash
 * mid-write leaves the previous journal entry). The renderer writes here within a second of
 * typing; a successful save discards the entry; at start-up the remaining ones are offered back.
 */
export class CrashJournal {
  private readonly dir: string;
  private readonly queue = new KeyedQueue();

  constructor(
    dataDir: string,
    private readonly workspaceRoot: () => string,
    private readonly now: () => number = Date.now,
    private readonly writeFile: FileWriter = writeFileAtomic,
  ) {
    this.dir = path.join(dataDir, 'journal');
  }

  write(entry: JournalWrite): Promise<void> {
    const root = this.workspaceRoot();
    const file = this.fileFor(root, entry.path);
    return this.queue.run(file, async () => {
      await fs.mkdir(this.dir, { recursive: true });
      const stored = { root, ...entry, savedAt: this.now() };
      await this.writeFile(file, Buffer.from(JSON.stringify(stored)));
    });
  }

  discard(relativePath: string): Promise<void> {
    const file = this.fileFor(this.workspaceRoot(), relativePath);
    return this.queue.run(file, () => fs.rm(file, { force: true }));
  }

  /** Keep an entry with its article when the article is renamed. */
  async move(from: string, to: string): Promise<void> {
    const entry = (await this.list()).find((e) => e.path === from);
    if (!entry) return;
    await this.write({ path: to, text: entry.text, format: entry.format, baseStamp: entry.baseStamp });
    await this.discard(from);
  }

  /** Entries of the current workspace, newest first. Unreadable files are skipped, never deleted. */
  async list(): Promise<JournalEntry[]> {
    const root = this.workspaceRoot();
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const entries: JournalEntry[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      try {
        const raw = JSON.parse(await fs.readFile(path.join(this.dir, name), 'utf8')) as { root?: unknown };
        if (raw.root !== root) continue;
        const parsed = JournalEntrySchema.safeParse(raw);
        if (parsed.success) entries.push(parsed.data);
      } catch {
        // A half-written temp file or a foreign file: not ours to judge.
      }
    }
    return entries.sort((a, b) => b.savedAt - a.savedAt || a.path.localeCompare(b.path));
  }

  /** Resolves when queued writes and discards are on disk. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private fileFor(root: string, relativePath: string): string {
    const key = createHash('sha256').update(`${root}\0${relativePath}`).digest('hex').slice(0, 32);
    return path.join(this.dir, `${key}.json`);
  }
}
