import type { ChangeSet } from '@codemirror/state';
import type { EditorView, ViewUpdate } from '@codemirror/view';
import { useSyncExternalStore } from 'react';
import type { DeferredChange } from '../document/compositionQueue';
import { dispatchWhenIdle } from '../document/compositionQueue';
import type { TypingClock, TypingSchedule } from './typingScheduler';
import { browserTypingClock, TypingScheduler } from './typingScheduler';
import type { ArticleDocument } from '../document/articleDocument';

export interface CursorInfo {
  /** 1-based. */
  line: number;
  /** 1-based, in characters (code points) from the line start. */
  column: number;
  selections: number;
  selectedChars: number;
}

/** The open article's text, taken in idle time after changes (never on the keystroke path). */
export interface ArticleSnapshot {
  tabId: string;
  path: string;
  /** Increases with every document change of that tab. */
  version: number;
  text: string;
}

/**
 * What changed in the active article since the previous LiveEdit, for the preview worker, which
 * keeps its own copy of the text: a keystroke in a 1 MB article sends a few bytes, not a megabyte.
 */
export interface LiveEdit {
  tabId: string;
  path: string;
  version: number;
  /** Version the changes apply to. */
  baseVersion: number;
  /** Changes from baseVersion to version; null when there is no continuous history (send the text). */
  changes: ChangeSet | null;
  /** True while the editor still holds exactly this version. */
  isCurrent(): boolean;
  /** The whole text of this version (only while isCurrent()). */
  text(): string;
}

type Listener = () => void;

/** What the session needs of the document store: which documents are still open. */
export interface DocumentsOpen {
  get(id: string): ArticleDocument | null;
  subscribe(listener: () => void): () => void;
}

/** A tiny observable value for useSyncExternalStore. */
export class Signal<T> {
  private readonly listeners = new Set<Listener>();
  constructor(private value: T) {}
  get = (): T => this.value;
  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }
  /**
   * Sets the value and tells each listener in a task of its own, so input (a keystroke) can be
   * handled between two expensive listeners instead of waiting for all of them.
   */
  setStaggered(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    const queue = [...this.listeners];
    const next = (): void => {
      if (this.value !== value) return; // superseded: the newer value notifies again
      const listener = queue.shift();
      if (!listener) return;
      if (this.listeners.has(listener)) listener();
      // A task each, without asking for a frame (an extra frame delays the next key's frame).
      if (queue.length > 0) setTimeout(next, 0);
    };
    next();
  }
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/**
 * Preview edits: right after the frame of a key that follows a pause, else once keys have paused
 * this long, and at least once a second while the writer types non-stop.
 */
const previewSchedule: TypingSchedule = { quietMs: 250, maxDelayMs: 1000 };
/** Side panels get the text once typing pauses this long, or at least once a second. */
const snapshotSchedule: TypingSchedule = { quietMs: 250, maxDelayMs: 1000, leading: false };
/** The status bar's line and column: after a lone key or click at once, while typing now and then. */
const cursorSchedule: TypingSchedule = { quietMs: 250, maxDelayMs: 500 };

/**
 * Bridge between the active CodeMirror view and everything else (status bar, preview, side
 * panels). The keystroke path only bumps counters; the text is read after the keystroke's frame.
 */
export class EditorSession {
  private current: { view: EditorView; tabId: string; doc: ArticleDocument } | null = null;
  /** Documents shown in this session, by tab id: they count their own versions. */
  private readonly documents = new Map<string, ArticleDocument>();
  private readonly liveScheduler: TypingScheduler;
  private readonly snapshotScheduler: TypingScheduler;
  private readonly cursorScheduler: TypingScheduler;

  constructor(clock: TypingClock = browserTypingClock) {
    this.liveScheduler = new TypingScheduler(() => this.emitLive(), previewSchedule, clock);
    this.snapshotScheduler = new TypingScheduler(
      () => this.take(this.snapshot),
      snapshotSchedule,
      clock,
    );
    this.cursorScheduler = new TypingScheduler(() => this.updateCursor(), cursorSchedule, clock);
  }

  readonly cursor = new Signal<CursorInfo>({ line: 1, column: 1, selections: 1, selectedChars: 0 });
  /**
   * The text for side panels, the journal and the dirty flag: taken in idle time once typing has
   * paused for a moment (at most about a second late during non-stop typing).
   */
  readonly snapshot = new Signal<ArticleSnapshot | null>(null);
  /** Edits for the preview: sent in idle time after changes (the text itself stays in the editor). */
  readonly liveEdits = new Signal<LiveEdit | null>(null);
  private live: {
    tabId: string;
    baseVersion: number;
    changes: ChangeSet | null;
    valid: boolean;
  } | null = null;
  readonly activeView = new Signal<EditorView | null>(null);

  get view(): EditorView | null {
    return this.current?.view ?? null;
  }

  /** Called by the editor pane when a document's state is shown in the view. */
  attach(view: EditorView, doc: ArticleDocument): void {
    const tabId = doc.id;
    this.current = { view, tabId, doc };
    this.documents.set(tabId, doc);
    this.forgetClosed();
    this.activeView.set(view);
    this.updateCursor();
    this.live = { tabId, baseVersion: this.versionOf(tabId), changes: null, valid: false };
    this.takeSnapshot();
  }

  /** The preview lost track of the text (a worker restarted): the next LiveEdit carries no changes. */
  resyncLiveEdits(): void {
    if (this.live) this.live.valid = false;
    this.liveScheduler.changed();
  }

  detach(view: EditorView): void {
    if (this.current?.view !== view) return;
    this.current = null;
    this.liveScheduler.cancel();
    this.snapshotScheduler.cancel();
    this.cursorScheduler.cancel();
    this.activeView.set(null);
    this.snapshot.set(null);
    this.liveEdits.set(null);
    this.live = null;
    this.forgetClosed();
  }

  versionOf(tabId: string): number {
    return this.documents.get(tabId)?.version ?? 0;
  }

  /**
   * Lets go of the documents `store` closes, whichever way their tabs close (one shown still is
   * let go once the view leaves it). Returns the unsubscribe.
   */
  follow(store: DocumentsOpen): () => void {
    this.isOpen = (tabId, doc) => store.get(tabId) === doc;
    const unsubscribe = store.subscribe(() => this.forgetClosed());
    return () => {
      unsubscribe();
      this.isOpen = () => true;
    };
  }
  private isOpen: (tabId: string, doc: ArticleDocument) => boolean = () => true;

  private forgetClosed(): void {
    for (const [tabId, doc] of this.documents)
      if (this.current?.tabId !== tabId && !this.isOpen(tabId, doc)) this.documents.delete(tabId);
  }

  /**
   * From the editor's update listener, after the document counted it: O(1), no text copies, no
   * timers per key (the schedulers only note the time while a burst of keys goes on).
   */
  onUpdate(update: ViewUpdate): void {
    const current = this.current;
    if (!current || update.view !== current.view) return;
    if (update.docChanged) {
      const live = this.live;
      if (live && live.tabId === current.tabId)
        live.changes = live.changes ? live.changes.compose(update.changes) : update.changes;
      this.liveScheduler.changed();
      this.snapshotScheduler.changed();
    }
    if (update.docChanged || update.selectionSet) this.cursorScheduler.changed();
  }

  /** Composition-safe dispatch into the active editor (see dispatchWhenIdle). */
  dispatch(make: (view: EditorView) => DeferredChange): boolean {
    const view = this.view;
    if (!view) return false;
    dispatchWhenIdle(view, () => make(view));
    return true;
  }

  /** Reads the whole text now (save, export); prefer the snapshot for anything on a timer. */
  text(): string | null {
    return this.view?.state.doc.toString() ?? null;
  }

  private emitLive(): void {
    const current = this.current;
    const live = this.live;
    if (!current || !live || live.tabId !== current.tabId) return;
    const version = this.versionOf(current.tabId);
    const previous = this.liveEdits.get();
    if (live.valid && previous && previous.tabId === current.tabId && previous.version === version)
      return;
    const { view, tabId } = current;
    const path = current.doc.path;
    const edit: LiveEdit = {
      tabId,
      path,
      version,
      baseVersion: live.baseVersion,
      changes: live.valid ? (live.changes ?? null) : null,
      isCurrent: () =>
        this.current?.view === view &&
        this.current.tabId === tabId &&
        this.versionOf(tabId) === version,
      text: () => view.state.doc.toString(),
    };
    this.live = { tabId, baseVersion: version, changes: null, valid: true };
    this.liveEdits.set(edit);
  }

  private takeSnapshot(): void {
    this.emitLive();
    this.take(this.snapshot);
  }

  private take(signal: Signal<ArticleSnapshot | null>): void {
    const current = this.current;
    if (!current) return;
    const version = this.versionOf(current.tabId);
    const previous = signal.get();
    if (previous && previous.tabId === current.tabId && previous.version === version) return;
    const text = current.view.state.doc.toString();
    const snapshot = { tabId: current.tabId, path: current.doc.path, version, text };
    if (signal === this.snapshot) signal.setStaggered(snapshot);
    else signal.set(snapshot);
  }

  private updateCursor(): void {
    const view = this.view;
    if (!view) return;
    const { state } = view;
    const main = state.selection.main;
    const line = state.doc.lineAt(main.head);
    const before = state.sliceDoc(line.from, main.head);
    let selectedChars = 0;
    for (const range of state.selection.ranges) selectedChars += range.to - range.from;
    this.cursor.set({
      line: line.number,
      column: [...before].length + 1,
      selections: state.selection.ranges.length,
      selectedChars,
    });
  }
}

export function useCursor(session: EditorSession): CursorInfo {
  return useSyncExternalStore(session.cursor.subscribe, session.cursor.get);
}

export function useSnapshot(session: EditorSession): ArticleSnapshot | null {
  return useSyncExternalStore(session.snapshot.subscribe, session.snapshot.get);
}

export function useActiveView(session: EditorSession): EditorView | null {
  return useSyncExternalStore(session.activeView.subscribe, session.activeView.get);
}
