import type { BylineApi, FileStamp, TextFormat } from '../../shared/ipc/contract';
import type { ChangeFollower } from '../app/changeFollower';

type JournalApi = Pick<BylineApi, 'journal.write' | 'journal.base'>;

export interface JournalTab {
  id: string;
  path: string;
  format: TextFormat;
  stamp: FileStamp | null;
}

/**
 * Feeds main's crash journal with few bytes per write: main keeps each buffer's text and
 * applies the editor's changes to it (`journal.write` with changes). The whole text travels
 * once, in idle time after a buffer is shown (`journal.base`), and again only when main asks
 * for it (after a restart, a reload while hidden, a failed write). Sending a 1 MB article every
 * few hundred milliseconds while the writer types was the longest task on the keystroke path
 * (bench/editor.bench.ts). Requests go one at a time, in order.
 */
export class JournalFeed {
  private readonly page = Math.random().toString(36).slice(2, 10);
  private readonly streams = new Map<string, string>();
  /** Revision of each tab's text that main holds. */
  private readonly mainHas = new Map<string, number>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: JournalApi,
    private readonly follower: ChangeFollower,
  ) {}

  /** Whether main already holds a text of this tab that changes can apply to. */
  hasBase(tabId: string): boolean {
    return this.mainHas.has(tabId);
  }

  /** Gives main the tab's text at `version` (writes no journal entry). */
  base(tab: Pick<JournalTab, 'id' | 'path'>, version: number, text: string): Promise<void> {
    return this.enqueue(tab.id, async () => {
      if (this.mainHas.has(tab.id)) return;
      const fresh = this.follower.restart(tab.id);
      // The text must be the document the changes will start from.
      if (!fresh || fresh.version !== version) return;
      await this.api['journal.base']({
        path: tab.path,
        stream: this.streamOf(tab.id),
        revision: version,
        text,
      });
      this.mainHas.set(tab.id, version);
    });
  }

  /** Journals the tab's current document: its changes since the last write, or the whole text. */
  write(tab: JournalTab): Promise<void> {
    return this.enqueue(tab.id, async () => {
      const taken = this.follower.take(tab.id);
      if (!taken) return;
      const common = {
        path: tab.path,
        format: tab.format,
        baseStamp: tab.stamp,
        stream: this.streamOf(tab.id),
        revision: taken.version,
      };
      let status: 'written' | 'needsText' = 'needsText';
      if (taken.changes && this.mainHas.get(tab.id) === taken.baseVersion) {
        const content = {
          baseRevision: taken.baseVersion,
          changes: taken.changes.toJSON() as unknown[],
        };
        ({ status } = await this.api['journal.write']({ ...common, content }));
      }
      if (status === 'needsText')
        await this.api['journal.write']({ ...common, content: { text: taken.doc.toString() } });
      this.mainHas.set(tab.id, taken.version);
    });
  }

  private enqueue(tabId: string, task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch(() => {
      // Main's copy is unknown now: the next write sends the whole text.
      this.mainHas.delete(tabId);
    });
    this.queue = run;
    return run;
  }

  private streamOf(tabId: string): string {
    let stream = this.streams.get(tabId);
    if (!stream) {
      stream = `${this.page}-${this.streams.size + 1}`;
      this.streams.set(tabId, stream);
    }
    return stream;
  }
}
