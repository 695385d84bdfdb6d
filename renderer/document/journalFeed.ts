import type { BylineApi, FileStamp, TextFormat } from '../../shared/ipc/contract';
import type { ChangeFollower } from './changeFollower';

export type JournalApi = Pick<BylineApi, 'journal.write' | 'journal.base' | 'journal.discard'>;

/** What the journal needs to know of a document. */
export interface JournaledDocument {
  id: string;
  /** The document session (window + tab): main keeps one entry per stream. */
  stream: string;
  /** The identity main issued for the document's workspace (or one-file grant). */
  workspace: string;
  path: string;
  format: TextFormat;
  stamp: FileStamp | null;
  /** No file yet: the entry is restored as an untitled article, never into a file of that name. */
  untitled?: boolean;
}

/**
 * Feeds main's crash journal with few bytes per write: main keeps each buffer's text and
 * applies the editor's changes to it (`journal.write` with changes). The whole text travels
 * once, in idle time after a buffer is shown (`journal.base`), and again only when main asks
 * for it (after a restart, a reload while hidden, a failed write). Sending a 1 MB article every
 * few hundred milliseconds while the writer types was the longest task on the keystroke path
 * (bench/editor.bench.ts). Requests go one at a time, in order, so a save's discard can never
 * overtake a write of newer words.
 */
export class JournalFeed {
  /** Revision of each document's text that main holds. */
  private readonly mainHas = new Map<string, number>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: JournalApi,
    private readonly follower: ChangeFollower,
  ) {}

  /** Whether main already holds a text of this document that changes can apply to. */
  hasBase(id: string): boolean {
    return this.mainHas.has(id);
  }

  /** Gives main the document's text at `version` (writes no journal entry). */
  base(
    doc: Pick<JournaledDocument, 'id' | 'stream' | 'workspace' | 'path'>,
    version: number,
    text: string,
  ): Promise<void> {
    return this.enqueue(doc.id, async () => {
      if (this.mainHas.has(doc.id)) return;
      const fresh = this.follower.restart(doc.id);
      // The text must be the document the changes will start from.
      if (!fresh || fresh.version !== version) return;
      await this.api['journal.base']({
        workspace: doc.workspace,
        path: doc.path,
        stream: doc.stream,
        revision: version,
        text,
      });
      this.mainHas.set(doc.id, version);
    });
  }

  /**
   * Journals the document as it is now: its changes since the last write, or the whole text.
   * Resolves with the revision main holds afterwards (null when the write failed).
   */
  write(doc: JournaledDocument): Promise<number | null> {
    let written: number | null = null;
    return this.enqueue(doc.id, async () => {
      const taken = this.follower.take(doc.id);
      if (!taken) return;
      const common = {
        workspace: doc.workspace,
        path: doc.path,
        format: doc.format,
        baseStamp: doc.stamp,
        stream: doc.stream,
        revision: taken.version,
        ...(doc.untitled ? { untitled: true } : {}),
      };
      let status: 'written' | 'needsText' = 'needsText';
      if (taken.changes && this.mainHas.get(doc.id) === taken.baseVersion) {
        const content = {
          baseRevision: taken.baseVersion,
          changes: taken.changes.toJSON() as unknown[],
        };
        ({ status } = await this.api['journal.write']({ ...common, content }));
      }
      if (status === 'needsText')
        await this.api['journal.write']({ ...common, content: { text: taken.doc.toString() } });
      this.mainHas.set(doc.id, taken.version);
      written = taken.version;
    }).then(() => written);
  }

  /** A save wrote `revision`: main drops the entry unless it holds newer words. */
  saved(
    doc: Pick<JournaledDocument, 'id' | 'stream' | 'workspace'>,
    revision: number,
  ): Promise<void> {
    return this.enqueue(doc.id, () =>
      this.api['journal.discard']({
        workspace: doc.workspace,
        stream: doc.stream,
        savedRevision: revision,
      }),
    );
  }

  /** Removes another session's entry (restored and since saved, or thrown away by the writer). */
  discard(workspace: string, entryId: string): Promise<void> {
    return this.enqueue(null, () => this.api['journal.discard']({ workspace, id: entryId }));
  }

  forget(id: string): void {
    this.mainHas.delete(id);
    this.follower.forget(id);
  }

  /** Resolves when every request sent so far has been answered. */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(id: string | null, task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch(() => {
      // Main's copy is unknown now: the next write sends the whole text.
      if (id !== null) this.mainHas.delete(id);
    });
    this.queue = run;
    return run;
  }
}
