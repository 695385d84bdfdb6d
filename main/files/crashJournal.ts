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
  /**
   * Set while the stream's entry on disk holds exactly this revision (written whole, plus the
   * changes appended since): the next changes can be appended too.
   */
  onDisk: LoggedEntry | null;
}

interface LoggedEntry {
  /** Everything of the entry but its text and revision: a write that changes any of it goes whole. */
  meta: string;
  logBytes: number;
  logLimit: number;
}

/** One line of an entry's change log. */
interface LoggedChange {
  revision: number;
  baseRevision: number;
  changes: unknown[];
  savedAt: number;
}

/**
 * An entry's change log may grow to this share of the entry's size (and at least to the floor)
 * before the entry is written whole again: restoring stays cheap, and typing into a long article
 * appends a few hundred bytes instead of rewriting a megabyte several times a second.
 */
const logShareOfEntry = 0.5;
const minLogBytes = 64 * 1024;

// CodeMirror's own line splitting, so lengths in a ChangeSet match.
const toText = (text: string): Text => Text.of(splitLines(text));

const logFor = (entryFile: string): string => entryFile.replace(/\.json$/, '.log');

function loggedChange(line: string): LoggedChange | null {
  try {
    const value = JSON.parse(line) as Partial<LoggedChange> | null;
    const isRevision = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
    if (
      value &&
      isRevision(value.revision) &&
      isRevision(value.baseRevision) &&
      Array.isArray(value.changes) &&
      typeof value.savedAt === 'number'
    )
      return value as LoggedChange;
  } catch {
    // A line cut short by a crash.
  }
  return null;
}

/**
 * Unsaved buffers, one JSON file per document session (window + tab, the `stream`) in
 * `<dataDir>/journal/`, written atomically (a crash mid-write leaves the previous entry). Two
 * windows on one article keep two entries. An entry goes away only when the writer discards it
 * or when a save wrote a revision of the same stream at least as new as the entry's (a save of
 * the same article from another window or tab holds other words, so it never removes it).
 *
 * While a writer types, a stream's changes are appended to a log beside its entry (`<id>.log`,
 * one JSON line per write, synced to disk) instead of rewriting the whole text each time; the
 * entry is written whole again when the log outgrows its limit, and readers apply the log's
 * changes that follow the entry's revision, up to the first line that is cut short or out of order.
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

  /** Writes a buffer's entry whole. */
  write(entry: JournalWrite): Promise<void> {
    const base = this.bases.get(entry.stream);
    if (base) base.onDisk = null;
    return this.writeWhole(entry).then(() => {});
  }

  /**
   * A buffer's write: the changes are applied to the text kept from the stream's previous write
   * (or base). `needsText` when there is no such text (a gap, a restart, changes that do not
   * fit): the renderer then sends the whole text.
   */
  async writeStream(entry: JournalStreamWrite): Promise<'written' | 'needsText'> {
    const { content, ...rest } = entry;
    if ('text' in content) {
      const base: StreamBase = {
        revision: entry.revision,
        text: toText(content.text),
        onDisk: null,
      };
      this.bases.set(entry.stream, base);
      base.onDisk = await this.writeWhole({ ...rest, text: content.text });
      return 'written';
    }
    const base = this.bases.get(entry.stream);
    if (!base || base.revision !== content.baseRevision) return 'needsText';
    let next: Text;
    try {
      next = ChangeSet.fromJSON(content.changes).apply(base.text);
    } catch {
      this.bases.delete(entry.stream);
      return 'needsText';
    }
    const following: StreamBase = { revision: entry.revision, text: next, onDisk: null };
    this.bases.set(entry.stream, following);
    const logged = base.onDisk;
    if (logged && logged.meta === this.metaOf(rest) && logged.logBytes < logged.logLimit) {
      const line = `${JSON.stringify({
        revision: entry.revision,
        baseRevision: content.baseRevision,
        changes: content.changes,
        savedAt: this.now(),
      } satisfies LoggedChange)}\n`;
      await this.appendChange(this.fileFor(this.workspaceRoot(), entry.stream), line);
      following.onDisk = { ...logged, logBytes: logged.logBytes + Buffer.byteLength(line) };
    } else {
      following.onDisk = await this.writeWhole({ ...rest, text: next.toString() });
    }
    return 'written';
  }

  /** Keeps a buffer's text as the base of its next changes; writes nothing. */
  base(entry: { stream: string; revision: number; text: string }): void {
    this.bases.set(entry.stream, {
      revision: entry.revision,
      text: toText(entry.text),
      onDisk: null,
    });
  }

  /** Removes an entry the writer chose to throw away. */
  discard(id: string): Promise<void> {
    const file = path.join(this.dir, `${id}.json`);
    this.forgetWhatIsOnDisk();
    return this.queue.run(file, () => this.remove(file));
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
      if (entry && (entry.revision ?? Infinity) <= revision) await this.remove(file);
    });
  }

  /** Keep entries with their article when the article is renamed. */
  async move(from: string, to: string): Promise<void> {
    this.forgetWhatIsOnDisk();
    for (const entry of await this.list()) {
      if (entry.path !== from || entry.untitled) continue;
      const file = path.join(this.dir, `${entry.id}.json`);
      await this.queue.run(file, async () => {
        // The log's changes still follow the entry's revision, which stays as it is.
        const stored = await this.readRaw(file);
        if (stored && stored.path === from)
          await this.writeFile(file, Buffer.from(JSON.stringify({ ...stored, path: to })));
      });
    }
  }

  /** Entries of the current workspace, newest first. Unreadable files are skipped, never deleted. */
  list(): Promise<JournalEntry[]> {
    const root = this.workspaceRoot();
    return this.entries(async (entryRoot) => entryRoot === root);
  }

  /**
   * Entries of workspaces whose folder is gone: moved or renamed since, with the unsaved words
   * still here. The caller offers those whose article it finds, unchanged, in the workspace open now.
   */
  orphans(): Promise<JournalEntry[]> {
    const root = this.workspaceRoot();
    return this.entries(async (entryRoot) => {
      if (entryRoot === root) return false;
      try {
        await fs.stat(entryRoot);
        return false;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ENOENT';
      }
    });
  }

  private async entries(inWorkspace: (root: string) => Promise<boolean>): Promise<JournalEntry[]> {
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
      if (typeof raw?.root !== 'string' || !(await inWorkspace(raw.root))) continue;
      const parsed = StoredJournalEntry.safeParse(raw);
      if (!parsed.success) continue;
      const entry = { ...parsed.data, id: name.slice(0, -'.json'.length) };
      const changes = await this.loggedChanges(file, entry.revision);
      if (changes.length === 0) {
        entries.push(entry);
        continue;
      }
      let text = toText(entry.text);
      let { revision, savedAt } = entry;
      for (const change of changes) {
        try {
          text = ChangeSet.fromJSON(change.changes).apply(text);
        } catch {
          break;
        }
        ({ revision, savedAt } = change);
      }
      entries.push({ ...entry, text: text.toString(), revision, savedAt });
    }
    return entries.sort((a, b) => b.savedAt - a.savedAt || a.path.localeCompare(b.path));
  }

  /** Resolves when queued writes and discards are on disk. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Writes the entry whole and starts its log afresh; resolves with what is then on disk. */
  private writeWhole(entry: JournalWrite): Promise<LoggedEntry> {
    const root = this.workspaceRoot();
    const file = this.fileFor(root, entry.stream);
    return this.queue.run(file, async () => {
      await fs.mkdir(this.dir, { recursive: true });
      const bytes = Buffer.from(JSON.stringify({ root, ...entry, savedAt: this.now() }));
      await this.writeFile(file, bytes);
      // Written after the entry: a crash between the two leaves changes the entry already holds,
      // which readers skip by their revision.
      await fs.rm(logFor(file), { force: true });
      return {
        meta: this.metaOf(entry),
        logBytes: 0,
        logLimit: Math.max(minLogBytes, bytes.length * logShareOfEntry),
      };
    });
  }

  private appendChange(file: string, line: string): Promise<void> {
    return this.queue.run(file, async () => {
      const log = await fs.open(logFor(file), 'a');
      try {
        await log.writeFile(line);
        await log.datasync();
      } finally {
        await log.close();
      }
    });
  }

  private metaOf(entry: Omit<JournalWrite, 'text' | 'revision'>): string {
    const { path: file, format, baseStamp, untitled, stream } = entry;
    return JSON.stringify([
      this.workspaceRoot(),
      stream,
      file,
      format,
      baseStamp,
      untitled ?? false,
    ]);
  }

  /** Entries were moved or removed: every stream's next write goes whole. */
  private forgetWhatIsOnDisk(): void {
    for (const base of this.bases.values()) base.onDisk = null;
  }

  private async remove(file: string): Promise<void> {
    await fs.rm(file, { force: true });
    await fs.rm(logFor(file), { force: true });
  }

  /** The log's changes that follow `revision`, in order, up to the first that does not. */
  private async loggedChanges(file: string, revision: number | undefined): Promise<LoggedChange[]> {
    if (revision === undefined) return [];
    let log: string;
    try {
      log = await fs.readFile(logFor(file), 'utf8');
    } catch {
      return [];
    }
    const changes: LoggedChange[] = [];
    let last = revision;
    for (const line of log.split('\n')) {
      if (line === '') continue;
      const change = loggedChange(line);
      if (!change) break;
      // Appended before the entry was last written whole: the entry holds it already.
      if (change.revision <= revision && changes.length === 0) continue;
      if (change.baseRevision !== last) break;
      changes.push(change);
      last = change.revision;
    }
    return changes;
  }

  private async read(file: string): Promise<{ revision?: number | undefined } | null> {
    const raw = await this.readRaw(file);
    const parsed = StoredJournalEntry.safeParse(raw);
    if (!parsed.success) return null;
    const changes = await this.loggedChanges(file, parsed.data.revision);
    return { revision: changes.at(-1)?.revision ?? parsed.data.revision };
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
