import type { Text } from '@codemirror/state';
import { ChangeSet } from '@codemirror/state';

/** A tab's changes since a follower last took them. */
export interface ChangesSince {
  tabId: string;
  baseVersion: number;
  version: number;
  /** From baseVersion to version; null when they are not known (start over from `doc`). */
  changes: ChangeSet | null;
  /** The document at `version`. */
  doc: Text;
}

/**
 * Collects each tab's document changes for a consumer that keeps its own copy of the text
 * (main's crash journal), so it can be sent the changes instead of the text. Continuity is
 * checked by document identity: CodeMirror documents are immutable, so a change whose start
 * document is not the one recorded last (a tab reloaded while hidden, a replaced state) means
 * the history is broken and the consumer must start over from the whole text.
 */
export class ChangeFollower {
  private readonly tabs = new Map<string, ChangesSince>();

  /** Every document change of a tab (from the editor session, synchronously). */
  record(tabId: string, version: number, startDoc: Text, changes: ChangeSet, doc: Text): void {
    const known = this.tabs.get(tabId);
    if (known && known.doc === startDoc) {
      known.changes = known.changes ? known.changes.compose(changes) : null;
      known.version = version;
      known.doc = doc;
    } else {
      this.tabs.set(tabId, { tabId, baseVersion: version - 1, version, changes: null, doc });
    }
  }

  /** A tab's document is shown at `version`: history continues only if it is the one recorded. */
  shown(tabId: string, version: number, doc: Text): void {
    const known = this.tabs.get(tabId);
    if (known && known.doc === doc && known.version === version) return;
    this.tabs.set(tabId, { tabId, baseVersion: version, version, changes: null, doc });
  }

  /** What changed since the last take (or restart); the next take starts from here. */
  take(tabId: string): ChangesSince | null {
    const known = this.tabs.get(tabId);
    if (!known) return null;
    this.restart(tabId);
    return { ...known };
  }

  /** Forgets the changes so far: the consumer has the document as it is now. */
  restart(tabId: string): ChangesSince | null {
    const known = this.tabs.get(tabId);
    if (!known) return null;
    const { version, doc } = known;
    const fresh = {
      tabId,
      baseVersion: version,
      version,
      changes: ChangeSet.empty(doc.length),
      doc,
    };
    this.tabs.set(tabId, fresh);
    return { ...fresh };
  }

  forget(tabId: string): void {
    this.tabs.delete(tabId);
  }
}
