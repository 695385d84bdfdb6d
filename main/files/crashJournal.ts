import { ChangeSet, Text } from '@codemirror/state';
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

/** A write from an editor buffer: the whole text or its changes since the stream's last revision. */
export interface JournalStreamWrite {
  path: string;
  format: TextFormat;
  baseStamp: FileStamp | null;
  stream: string;
  revision: number;
  content: { text: string } | { baseRevision: number; changes: unknown[] };
}

/** The buffer text main holds per article, which the next stream write's changes apply to. */
interface StreamBase {
  stream: string;
  revision: number;
  text: Text;
}

// CodeMirror's own line splitting, so lengths in a ChangeSet match.
const toText = (text: string): Text => Text.of(text.split(/\r\n?|\n/));

/**
 * Unsaved buffers, one JSON file per article in `<dataDir>/journal/`, written atomically (a crash
 * mid-write leaves the previous journal entry). The renderer writes here within a second of
 * typing; a successful save discards the entry; at start-up the remaining ones are offered back.
 */
export class CrashJournal {
  private readonly dir: string;
  private readonly queue = new KeyedQueue();
  private readonly bases = new Map<string, StreamBase>();

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

  /**
   * A buffer's write: the changes are applied to the text kept from the stream's previous write
   * (or base). `needsText` when there is no such text (another stream, a gap, a restart, changes
   * that do not fit): the renderer then sends the whole text.
   */
  async writeStream(entry: JournalStreamWrite): Promise<'written' | 'needsText'> {
    const file = this.fileFor(this.workspaceRoot(), entry.path);
    let text: string;
    if ('text' in entry.content) {
      text = entry.content.text;
      this.bases.set(file, { stream: entry.stream, revision: entry.revision, text: toText(text) });
    } else {
      const base = this.bases.get(file);
      if (!base || base.stream !== entry.stream || base.revision !== entry.content.baseRevision)
        return 'needsText';
      let next: Text;
      try {
        next = ChangeSet.fromJSON(entry.content.changes).apply(base.text);
      } catch {
        this.bases.delete(file);
        return 'needsText';
      }
      this.bases.set(file, { stream: entry.stream, revision: entry.revision, text: next });
      text = next.toString();
    }
    await this.write({ path: entry.path, text, format: entry.format, baseStamp: entry.baseStamp });
    return 'written';
  }

  /** Keeps a buffer's text as the base of its next changes; writes nothing. */
  base(entry: { path: string; stream: string; revision: number; text: string }): void {
    const file = this.fileFor(this.workspaceRoot(), entry.path);
    this.bases.set(file, {
      stream: entry.stream,
      revision: entry.revision,
      text: toText(entry.text),
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
    await this.write({
      path: to,
      text: entry.text,
      format: entry.format,
      baseStamp: entry.baseStamp,
    });
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
        const raw = JSON.parse(await fs.readFile(path.join(this.dir, name), 'utf8')) as {
          root?: unknown;
        };
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
