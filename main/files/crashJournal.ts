import { ChangeSet, Text } from '@codemirror/state';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileStamp, JournalEntry, TextFormat } from '../../shared/ipc/contract';
import { StoredJournalEntry } from '../../shared/ipc/contract';
import type { FileWriter } from './atomicWrite';
import { writeFileAtomic } from './atomicWrite';
import { KeyedQueue } from './keyedQueue';
import { splitLines } from '../../shared/text/lineBreaks';

/** One editor buffer's whole text at one of its revisions. */
export interface JournalWrite {
  /** The document session (window + tab) the buffer belongs to. */
  stream: string;
  revision: number;
  path: string;
  text: string;
  format: TextFormat;
  baseStamp: FileStamp | null;
  /** An article with no file yet: `path` is only its name. */
  untitled?: boolean | undefined;
}

/** A write from an editor buffer: the whole text or its changes since the stream's last revision. */
export interface JournalStreamWrite extends Omit<JournalWrite, 'text'> {
  content: { text: string } | { baseRevision: number; changes: unknown[] };
}

/** The buffer text main holds per stream, which the stream's next write's changes apply to. */
interface StreamBase {
  revision: number;
  text: Text;
}

// CodeMirror's own line splitting, so lengths in a ChangeSet match.
const toText = (text: string): Text => Text.of(splitLines(text));

/**
 * Unsaved buffers, one JSON file per document session (window + tab, the `stream`) in
 * `<dataDir>/journal/`, written atomically (a crash mid-write leaves the previous entry). Two
 * windows on one article keep two entries. An entry goes away only when the writer discards it
 * or when a save wrote a revision of the same stream at least as new as the entry's (a save of
 * the same article from another window or tab holds other words, so it never removes it).
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
    const file = this.fileFor(root, entry.stream);
    return this.queue.run(file, async () => {
      await fs.mkdir(this.dir, { recursive: true });
      const stored = { root, ...entry, savedAt: this.now() };
      await this.writeFile(file, Buffer.from(JSON.stringify(stored)));
    });
  }

  /**
   * A buffer's write: the changes are applied to the text kept from the stream's previous write
   * (or base). `needsText` when there is no such text (a gap, a restart, changes that do not
   * fit): the renderer then sends the whole text.
   */
  async writeStream(entry: JournalStreamWrite): Promise<'written' | 'needsText'> {
    const { content, ...rest } = entry;
    let text: string;
    if ('text' in content) {
      text = content.text;
      this.bases.set(entry.stream, { revision: entry.revision, text: toText(text) });
    } else {
      const base = this.bases.get(entry.stream);
      if (!base || base.revision !== content.baseRevision) return 'needsText';
      let next: Text;
      try {
        next = ChangeSet.fromJSON(content.changes).apply(base.text);
      } catch {
        this.bases.delete(entry.stream);
        return 'needsText';
      }
      this.bases.set(entry.stream, { revision: entry.revision, text: next });
      text = next.toString();
    }
    await this.write({ ...rest, text });
    return 'written';
  }

  /** Keeps a buffer's text as the base of its next changes; writes nothing. */
  base(entry: { stream: string; revision: number; text: string }): void {
    this.bases.set(entry.stream, { revision: entry.revision, text: toText(entry.text) });
  }

  /** Removes an entry the writer chose to throw away. */
  discard(id: string): Promise<void> {
    const file = path.join(this.dir, `${id}.json`);
    return this.queue.run(file, () => fs.rm(file, { force: true }));
  }

  /**
   * A save wrote `revision` of `stream`: its entry goes only if it holds nothing newer. Runs in the
   * stream's queue, so a write of a newer revision queued before it survives.
   */
  saved(stream: string, revision: number): Promise<void> {
    const file = this.fileFor(this.workspaceRoot(), stream);
    this.bases.delete(stream);
    return this.queue.run(file, async () => {
      const entry = await this.read(file);
      if (entry && (entry.revision ?? Infinity) <= revision) await fs.rm(file, { force: true });
    });
  }

  /** Keep entries with their article when the article is renamed. */
  async move(from: string, to: string): Promise<void> {
    for (const entry of await this.list()) {
      if (entry.path !== from || entry.untitled) continue;
      const file = path.join(this.dir, `${entry.id}.json`);
      await this.queue.run(file, async () => {
        const stored = await this.readRaw(file);
        if (stored && stored.path === from)
          await this.writeFile(file, Buffer.from(JSON.stringify({ ...stored, path: to })));
      });
    }
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
      const file = path.join(this.dir, name);
      const raw = await this.readRaw(file);
      if (raw?.root !== root) continue;
      const parsed = StoredJournalEntry.safeParse(raw);
      if (parsed.success) entries.push({ ...parsed.data, id: name.slice(0, -'.json'.length) });
    }
    return entries.sort((a, b) => b.savedAt - a.savedAt || a.path.localeCompare(b.path));
  }

  /** Resolves when queued writes and discards are on disk. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async read(file: string): Promise<{ revision?: number | undefined } | null> {
    const raw = await this.readRaw(file);
    const parsed = StoredJournalEntry.safeParse(raw);
    return parsed.success ? parsed.data : null;
  }

  private async readRaw(file: string): Promise<Record<string, unknown> | null> {
    try {
      const raw: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
      return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
    } catch {
      // A half-written temp file or a foreign file: not ours to judge.
      return null;
    }
  }

  private fileFor(root: string, stream: string): string {
    const key = createHash('sha256').update(`${root}\0${stream}`).digest('hex').slice(0, 32);
    return path.join(this.dir, `${key}.json`);
  }
}
