import type { ChangeSet, TransactionSpec } from '@codemirror/state';
import { Annotation, EditorState, Transaction } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type {
  FileStamp,
  OpenedArticle,
  OpenWarning,
  SaveResult,
  TextFormat,
} from '../../shared/ipc/contract';
import type { ChangeFollower } from './changeFollower';
import { dispatchWhenIdle } from './compositionQueue';
import { editorText, minimalChange, reactToDiskChange } from './diskChange';
import type { DocumentApi } from './documentApi';
import type { JournalFeed } from './journalFeed';
import type { Timers } from './timers';

export type DocumentStatus =
  'clean' | 'dirty' | 'saving' | 'conflict' | 'deleted' | 'unencodable' | 'read-only';

export interface Conflict {
  diskText: string;
  diskStamp: FileStamp;
  /** How the disk version was read: taking it keeps the file in that encoding. */
  diskFormat: TextFormat;
}

/**
 * The file changed on disk into bytes that read cleanly in several encodings and the writer has
 * not chosen one: the buffer is neither saved there nor in conflict with a text Byline could show.
 */
export const diskEncodingUndecided = 'disk-encoding-undecided';

/**
 * The file changed on disk into something that is no text Byline reads (a binary file, bytes of
 * no encoding it knows, a folder): the buffer still holds the version last saved there.
 */
export const diskUnreadable = 'disk-unreadable';
const unreadableAnswers = new Set([
  'binary-file',
  'undecodable',
  'unknown-encoding',
  'not-a-file',
  'too-large',
]);

/** What React shows of a document: a new object whenever any of it changes, never on a keystroke alone. */
export interface DocumentInfo {
  readonly id: string;
  /** The identity main issued for the workspace (or one-file grant) this article was opened in. */
  readonly workspace: string;
  readonly path: string;
  /** A file opened on its own, outside the workspace: where it is. Null for a workspace article. */
  readonly standalone: string | null;
  /**
   * An article with no file yet (a file dropped into a page, which carries no path): `path` is
   * only the name it came with. It is never autosaved; Save As gives it a path.
   */
  readonly untitled: boolean;
  readonly format: TextFormat;
  readonly stamp: FileStamp;
  readonly readOnly: boolean;
  readonly warnings: readonly OpenWarning[];
  readonly status: DocumentStatus;
  /** The document's version differs from the version last written to disk. */
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly conflict: Conflict | null;
  /** The file is gone from disk (the buffer is kept). */
  readonly deleted: boolean;
  /** The file's encoding cannot hold a character of the text (main's message). */
  readonly unencodable: string | null;
  /** Why the last save failed (main's error code; the message is main's, in English). */
  readonly saveError: { readonly code: string; readonly message: string } | null;
}

export type SaveOutcome =
  | { status: 'saved'; version: number }
  | { status: 'conflict' }
  | { status: 'error'; code: string; message: string }
  | { status: 'skipped' };

export interface SaveOptions {
  /** Save over this disk version (the writer chose "keep mine" in a conflict). */
  base?: FileStamp;
  /** Write with another byte layout (convert to UTF-8). */
  format?: TextFormat;
  /**
   * Replace the file whatever is on disk now: the writer confirmed it over a version Byline cannot
   * read (main keeps that version in history first).
   */
  overwrite?: boolean;
}

/** A change of the document's editor state: a view's update, or a transaction applied while hidden. */
export interface DocumentUpdate {
  state: EditorState;
  startState: EditorState;
  changes: ChangeSet;
  docChanged: boolean;
  transactions: readonly Transaction[];
}

/** Where a document's file is: the identity main issued and, for a standalone file, its location. */
export interface DocumentOrigin {
  workspace: string;
  standalone: string | null;
  /** No file yet: the text came from elsewhere and Save As places it (see DocumentInfo.untitled). */
  untitled?: boolean;
}

/** What every document of a store shares. */
export interface DocumentContext {
  api: Pick<DocumentApi, 'article.open' | 'article.save'>;
  /**
   * Reads the article as opening does: bytes that fit several encodings are read as the writer
   * chooses; null when the writer chose none.
   */
  readChoosing(workspace: string, path: string): Promise<OpenedArticle | null>;
  /** Another open document of this window holds `path` of `workspace` (Save As must not place there). */
  heldByAnother(document: ArticleDocument, workspace: string, path: string): boolean;
  journal: JournalFeed;
  follower: ChangeFollower;
  timers: Timers;
  autosave(): boolean;
  autosaveDelayMs: number;
  journalDelayMs: number;
}

/** Marks a transaction that puts the disk's text in: the document is saved at its result. */
const loadedFromDisk = Annotation.define<{ stamp: FileStamp; text: string }>();
/** Marks a transaction that puts a journal entry's text in (the entry's id). */
const restoredFromJournal = Annotation.define<string>();

/**
 * One open article: its editor state (text, selection, undo history), the text and stamp last
 * read from or written to disk, its byte layout, its status, its save queue, its autosave and
 * its crash journal. Dirty means the version differs from the saved version. React subscribes
 * to `info`; the editor pane shows `state` and reports every update back (`accept`).
 */
export class ArticleDocument {
  private current: EditorState;
  private host: EditorView | null = null;
  private versionValue = 0;
  private savedVersionValue = 0;
  private savedTextValue: string;
  private filePath: string;
  private stamp: FileStamp;
  private format: TextFormat;
  private readOnly: boolean;
  private warnings: readonly OpenWarning[];
  private conflict: Conflict | null = null;
  private deleted = false;
  private unencodable: string | null = null;
  private saveError: { code: string; message: string } | null = null;
  /** The last save or Save As asked for (null: none running or waiting). */
  private lastInQueue: Promise<unknown> | null = null;
  /** A save waiting its turn: a save asked for meanwhile is that one (it writes the text of then). */
  private waitingSave: Promise<SaveOutcome> | null = null;
  /** The path a running Save As writes to. */
  private placingAt: string | null = null;
  private diskWhileSaving: { stamp: FileStamp | null } | null = null;
  private autosaveTimer: unknown = null;
  private journalTimer: unknown = null;
  /** Journal entries of earlier sessions restored into this document, and the version holding them. */
  private restored: { entryId: string; version: number }[] = [];
  private infoValue: DocumentInfo;
  private readonly listeners = new Set<() => void>();
  private disposed = false;
  private savingNow = false;
  private untitled: boolean;

  constructor(
    readonly id: string,
    /** Names this document session (window + tab) in main's crash journal. */
    readonly stream: string,
    opened: OpenedArticle,
    private readonly context: DocumentContext,
    /** Every request for this article names this identity, whatever workspace main has now. */
    private readonly origin: DocumentOrigin,
  ) {
    this.savedTextValue = editorText(opened.text);
    this.current = EditorState.create({ doc: this.savedTextValue });
    this.filePath = opened.path;
    this.stamp = opened.stamp;
    this.format = opened.format;
    this.readOnly = opened.readOnly;
    this.warnings = opened.warnings;
    this.untitled = origin.untitled ?? false;
    // Nothing of an untitled article is on disk: it is unsaved from the start.
    if (this.untitled) this.savedVersionValue = -1;
    this.infoValue = this.makeInfo();
    context.follower.shown(id, 0, this.current.doc);
  }

  /** Workspace-relative path of the article now. */
  get path(): string {
    return this.filePath;
  }
  /** The identity main issued for this article's workspace (or one-file grant). */
  get workspace(): string {
    return this.origin.workspace;
  }
  get state(): EditorState {
    return this.current;
  }
  /** Increases with every change of the text. */
  get version(): number {
    return this.versionValue;
  }
  get savedVersion(): number {
    return this.savedVersionValue;
  }
  /** The text last read from or written to disk (LF line breaks, as in the editor). */
  get savedText(): string {
    return this.savedTextValue;
  }
  get dirty(): boolean {
    return this.versionValue !== this.savedVersionValue;
  }
  get info(): DocumentInfo {
    return this.infoValue;
  }
  /** The whole text now (a copy: for saves, exports, never per keystroke). */
  text(): string {
    return this.current.doc.toString();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // ── the editor ────────────────────────────────────────────────────────────────────────────

  /** The view now shows this document: programmatic changes go through it from here on. */
  attach(view: EditorView): void {
    this.host = view;
  }

  detach(view: EditorView): void {
    if (this.host === view) this.host = null;
  }

  /** The same text with the editor's extensions (the pane configures a state it shows first). */
  adopt(state: EditorState): void {
    if (state.doc !== this.current.doc) throw new Error('adopt: a different document');
    this.current = state;
  }

  /** Every update of the document's state, from the view showing it or from `change`. */
  accept(update: DocumentUpdate): void {
    this.current = update.state;
    if (!update.docChanged) return;
    this.versionValue += 1;
    const version = this.versionValue;
    this.context.follower.record(
      this.id,
      version,
      update.startState.doc,
      update.changes,
      update.state.doc,
    );
    for (const tr of update.transactions) {
      const loaded = tr.annotation(loadedFromDisk);
      if (loaded) this.markSaved(version, loaded.text, loaded.stamp);
      const entryId = tr.annotation(restoredFromJournal);
      if (entryId) this.restored.push({ entryId, version });
    }
    this.scheduleJournal();
    this.scheduleAutosave();
    this.refresh();
  }

  /**
   * A programmatic change (form fields, citations, restores): composition-safe through the view
   * when shown, applied to the stored state when not. `make` sees the state it applies to.
   */
  change(make: (state: EditorState) => TransactionSpec | null): void {
    const view = this.host;
    if (view) {
      dispatchWhenIdle(view, () => make(view.state));
      return;
    }
    const spec = make(this.current);
    if (!spec) return;
    const tr = this.current.update(spec);
    this.accept({
      state: tr.state,
      startState: tr.startState,
      changes: tr.changes,
      docChanged: tr.docChanged,
      transactions: [tr],
    });
  }

  /** Replaces the text as one undoable change that keeps the unchanged start and end. */
  replaceText(text: string): void {
    this.change((state) => {
      const change = minimalChange(state.doc.toString(), text);
      return change ? { changes: change } : null;
    });
  }

  // ── saving ────────────────────────────────────────────────────────────────────────────────

  /**
   * Writes the text as it is now. One save (or Save As) runs at a time; a save asked for meanwhile
   * runs after it (and saves what was typed in between). Edits during a save keep the document dirty.
   */
  save(options: SaveOptions = {}): Promise<SaveOutcome> {
    if (!this.lastInQueue) return this.enqueue(() => this.write(options));
    if (this.waitingSave) return this.waitingSave;
    const waiting = this.enqueue(() => {
      if (this.waitingSave === waiting) this.waitingSave = null;
      return this.write(options);
    });
    this.waitingSave = waiting;
    return waiting;
  }

  /**
   * Runs `task` (a rename of the file) between saves: a save asked for meanwhile waits for it and
   * then writes where the file went, instead of recreating the file under its old name.
   */
  betweenSaves<T>(task: () => Promise<T>): Promise<T> {
    return this.enqueue(task);
  }

  /** Resolves when no save is running or queued. */
  async settled(): Promise<void> {
    while (this.lastInQueue) await this.lastInQueue;
  }

  /** The path a Save As running now writes to (null: none). */
  get placing(): string | null {
    return this.placingAt;
  }

  /** Runs `write` after every save asked for before it; at once when none is running. */
  private enqueue<T>(write: () => Promise<T>): Promise<T> {
    const before = this.lastInQueue;
    const run = before ? before.then(write, write) : write();
    const done = run.then(
      () => undefined,
      () => undefined,
    );
    this.lastInQueue = done;
    void done.then(() => {
      if (this.lastInQueue === done) this.lastInQueue = null;
    });
    return run;
  }

  private async write(options: SaveOptions): Promise<SaveOutcome> {
    if (this.readOnly || this.disposed) return { status: 'skipped' };
    // Never to an invented path: only Save As (`saveAs`) gives it one.
    if (this.untitled)
      return { status: 'error', code: 'untitled', message: 'The article has no file yet.' };
    const nothingNew =
      !this.dirty && !this.deleted && !this.conflict && !options.base && !options.format;
    if (nothingNew) return { status: 'saved', version: this.versionValue };
    const version = this.versionValue;
    const text = this.text();
    const format = options.format ?? this.format;
    this.clearAutosave();
    this.savingNow = true;
    this.refresh();
    let result: SaveResult;
    try {
      result = await this.context.api['article.save']({
        workspace: this.origin.workspace,
        path: this.filePath,
        text,
        format,
        baseStamp: options.base ?? this.stamp,
        overwrite: options.overwrite ?? false,
        // Autosave waits while the file is gone, so a save now is the writer's choice.
        recreate: this.deleted,
      });
    } catch (error) {
      result = { status: 'error', code: failureCode(error), message: (error as Error).message };
    }
    this.savingNow = false;
    let outcome: SaveOutcome;
    if (result.status === 'saved') {
      this.format = format;
      this.wrote(version, text, result.stamp);
      outcome = { status: 'saved', version };
    } else if (result.status === 'conflict') {
      this.conflict = {
        diskText: editorText(result.diskText),
        diskStamp: result.diskStamp,
        diskFormat: result.diskFormat,
      };
      outcome = { status: 'conflict' };
    } else if (result.status === 'conflict-choose-encoding') {
      outcome = { status: 'conflict' };
    } else {
      if (result.code === 'unencodable') this.unencodable = result.message;
      // Trashed, moved or deleted before this save arrived: the notice of a file gone.
      else if (result.code === 'missing-on-disk') this.deleted = true;
      else this.saveError = { code: result.code, message: result.message };
      outcome = { status: 'error', code: result.code, message: result.message };
    }
    this.refresh();
    if (result.status === 'conflict-choose-encoding') {
      this.diskWhileSaving = null;
      await this.chooseDiskEncoding();
      return outcome;
    }
    // Words typed while the save ran are still unsaved: autosave them too.
    this.scheduleAutosave();
    const disk = this.diskWhileSaving;
    this.diskWhileSaving = null;
    if (disk && result.status !== 'conflict') await this.followDisk(disk.stamp);
    return outcome;
  }

  /**
   * The file now holds `text` (the document's `version`): the document is saved there, and the
   * crash journal no longer needs what that version holds.
   */
  private wrote(version: number, text: string, stamp: FileStamp): void {
    this.markSaved(version, text, stamp);
    this.deleted = false;
    this.unencodable = null;
    this.saveError = null;
    void this.context.journal.saved(this, version);
    for (const entry of this.restored.filter((r) => r.version <= version))
      void this.context.journal.discard(this.origin.workspace, entry.entryId);
    this.restored = this.restored.filter((r) => r.version > version);
  }

  private markSaved(version: number, text: string, stamp: FileStamp): void {
    this.savedVersionValue = version;
    this.savedTextValue = text;
    this.stamp = stamp;
    this.conflict = null;
  }

  // ── the disk ──────────────────────────────────────────────────────────────────────────────

  /** Main saw the file change (null: it is gone). A clean buffer follows; a dirty one never silently. */
  diskChanged(stamp: FileStamp | null): Promise<void> {
    // Our own save's echo may arrive before its answer: decide once the save is done.
    if (this.savingNow) {
      this.diskWhileSaving = { stamp };
      return Promise.resolve();
    }
    return this.followDisk(stamp);
  }

  private async followDisk(stamp: FileStamp | null): Promise<void> {
    const reaction = reactToDiskChange({ dirty: this.dirty, stamp: this.stamp }, stamp);
    this.deleted = reaction === 'deleted';
    this.refresh();
    if (reaction === 'deleted' || reaction === 'ignore') return;
    await this.readDisk();
  }

  /**
   * Reads the file as it is on disk now, asking the writer how when its bytes fit several
   * encodings: a clean buffer takes it, a dirty one gets a conflict. When the writer chooses
   * none, the buffer stays as it is and nothing is saved over the file until they decide.
   */
  private async readDisk(): Promise<void> {
    let opened: OpenedArticle | null;
    try {
      opened = await this.context.readChoosing(this.origin.workspace, this.filePath);
    } catch (error) {
      const code = failureCode(error);
      if (!this.disposed && unreadableAnswers.has(code)) {
        this.saveError = { code: diskUnreadable, message: code };
        this.refresh();
      }
      return;
    }
    if (this.disposed) return;
    if (opened === null) {
      this.saveError = {
        code: diskEncodingUndecided,
        message: 'The file changed on disk and its encoding was not chosen.',
      };
      this.refresh();
      return;
    }
    if (this.saveError?.code === diskEncodingUndecided || this.saveError?.code === diskUnreadable)
      this.saveError = null;
    if (opened.stamp.hash === this.stamp.hash) {
      this.refresh();
      return;
    }
    const text = editorText(opened.text);
    if (this.dirty) {
      this.conflict = { diskText: text, diskStamp: opened.stamp, diskFormat: opened.format };
      this.refresh();
      return;
    }
    this.format = opened.format;
    this.readOnly = opened.readOnly;
    this.load(text, opened.stamp);
  }

  /**
   * The file on disk reads cleanly in several encodings (`disk-encoding-undecided`, or a save that
   * met such a version): the writer chooses how to read it, as when opening.
   */
  chooseDiskEncoding(): Promise<void> {
    return this.readDisk();
  }

  /** Takes the disk's version of a conflict ("take theirs"), as one undoable change, in its encoding. */
  takeDisk(): void {
    if (!this.conflict) return;
    this.format = this.conflict.diskFormat;
    this.load(this.conflict.diskText, this.conflict.diskStamp);
  }

  /** Saves over the disk's version of a conflict ("keep mine"). */
  keepMine(): Promise<SaveOutcome> {
    const conflict = this.conflict;
    return conflict ? this.save({ base: conflict.diskStamp }) : this.save();
  }

  /**
   * Writes the text to a new file of the document's workspace and makes that file the document's
   * own (an untitled article gets its path; undo history and tab stay). `overwrite`: the writer
   * confirmed replacing a file there. A file already there answers `conflict` and changes nothing;
   * a file open in another tab of this window answers the error `open-in-another-tab`. Runs in the
   * save queue: a Save As asked for twice places the article once (the second is a save).
   */
  saveAs(path: string, overwrite: boolean): Promise<SaveOutcome> {
    return this.enqueue(() => this.place(path, overwrite));
  }

  private async place(path: string, overwrite: boolean): Promise<SaveOutcome> {
    if (this.disposed) return { status: 'skipped' };
    // Already this document's file (a Save As asked for again, or to its own name): a save.
    if (!this.untitled && path === this.filePath) return this.write({});
    if (this.context.heldByAnother(this, this.origin.workspace, path))
      return {
        status: 'error',
        code: 'open-in-another-tab',
        message: `${path} is open in another tab.`,
      };
    const version = this.versionValue;
    const text = this.text();
    this.placingAt = path;
    let result: SaveResult;
    try {
      result = await this.context.api['article.save']({
        workspace: this.origin.workspace,
        path,
        text,
        format: this.format,
        baseStamp: null,
        overwrite,
      });
    } catch (error) {
      result = { status: 'error', code: failureCode(error), message: (error as Error).message };
    } finally {
      this.placingAt = null;
    }
    if (
      result.status === 'conflict' ||
      result.status === 'conflict-unreadable' ||
      result.status === 'conflict-choose-encoding'
    )
      return { status: 'conflict' };
    if (result.status === 'error')
      return { status: 'error', code: result.code, message: result.message };
    this.filePath = path;
    this.untitled = false;
    this.readOnly = false;
    this.wrote(version, text, result.stamp);
    this.refresh();
    this.scheduleAutosave();
    return { status: 'saved', version };
  }

  /** Puts the disk's text in; the document is saved at the result (also when nothing changed). */
  private load(text: string, stamp: FileStamp): void {
    const annotation = loadedFromDisk.of({ stamp, text });
    const view = this.host;
    const make = (state: EditorState): TransactionSpec => {
      const change = minimalChange(state.doc.toString(), text);
      return change
        ? { changes: change, annotations: annotation }
        : { annotations: [annotation, Transaction.addToHistory.of(false)] };
    };
    if (view) {
      dispatchWhenIdle(view, () => {
        const spec = make(view.state);
        if (!spec.changes) this.loadedUnchanged(text, stamp);
        return spec.changes ? spec : null;
      });
    } else {
      const spec = make(this.current);
      if (spec.changes) this.change(() => spec);
      else this.loadedUnchanged(text, stamp);
    }
  }

  private loadedUnchanged(text: string, stamp: FileStamp): void {
    this.markSaved(this.versionValue, text, stamp);
    this.refresh();
  }

  // ── journal restore ───────────────────────────────────────────────────────────────────────

  /**
   * Puts an earlier session's unsaved text in. Its entry stays in the journal until a save has
   * written a version holding it. `base`: the disk version the text was typed against, so a file
   * changed since reports a conflict on save.
   */
  restoreText(text: string, entryId: string, base: FileStamp | null): void {
    if (base) this.stamp = base;
    const annotation = restoredFromJournal.of(entryId);
    this.change((state) => {
      const change = minimalChange(state.doc.toString(), text);
      if (change) return { changes: change, annotations: annotation };
      // The document holds the entry's text already (and saving it is up to the writer).
      if (!this.dirty) void this.context.journal.discard(this.origin.workspace, entryId);
      else this.restored.push({ entryId, version: this.versionValue });
      return null;
    });
  }

  /** The article was renamed or moved: same buffer, new path. */
  moved(path: string): void {
    this.filePath = path;
    this.refresh();
  }

  dispose(): void {
    this.disposed = true;
    this.clearAutosave();
    if (this.journalTimer !== null) this.context.timers.clearTimeout(this.journalTimer);
    this.journalTimer = null;
    this.listeners.clear();
  }

  // ── journal and autosave ──────────────────────────────────────────────────────────────────

  /** Throttled, not debounced: even non-stop typing is journaled every few hundred ms. */
  private scheduleJournal(): void {
    if (this.journalTimer !== null || this.readOnly) return;
    this.journalTimer = this.context.timers.setTimeout(() => {
      this.journalTimer = null;
      if (this.dirty && !this.disposed) void this.context.journal.write(this.journaled());
    }, this.context.journalDelayMs);
  }

  /** Writes the journal now (tests, and before a page goes away). */
  flushJournal(): Promise<number | null> {
    if (this.journalTimer !== null) this.context.timers.clearTimeout(this.journalTimer);
    this.journalTimer = null;
    return this.dirty ? this.context.journal.write(this.journaled()) : Promise.resolve(null);
  }

  private journaled(): {
    id: string;
    stream: string;
    workspace: string;
    path: string;
    format: TextFormat;
    stamp: FileStamp | null;
    untitled: boolean;
  } {
    return {
      id: this.id,
      stream: this.stream,
      workspace: this.origin.workspace,
      path: this.filePath,
      format: this.format,
      stamp: this.untitled ? null : this.stamp,
      untitled: this.untitled,
    };
  }

  private get blocked(): boolean {
    return (
      this.readOnly ||
      this.untitled ||
      this.conflict !== null ||
      this.deleted ||
      this.unencodable !== null ||
      // Changed on disk into bytes Byline cannot read, or has not been told how to: only the
      // writer's choice saves again.
      this.saveError?.code === 'unreadable-on-disk' ||
      this.saveError?.code === diskEncodingUndecided ||
      this.saveError?.code === diskUnreadable
    );
  }

  /** Debounced: once typing pauses. A save running now re-arms it when it ends. */
  private scheduleAutosave(): void {
    this.clearAutosave();
    if (!this.context.autosave() || !this.dirty || this.blocked || this.savingNow || this.disposed)
      return;
    this.autosaveTimer = this.context.timers.setTimeout(() => {
      this.autosaveTimer = null;
      // The file may have gone or changed on disk since: then only the writer decides to save.
      if (!this.blocked) void this.save();
    }, this.context.autosaveDelayMs);
  }

  /** Whether an autosave is waiting for typing to pause. */
  get autosavePending(): boolean {
    return this.autosaveTimer !== null;
  }

  /** The autosave setting changed. */
  autosaveChanged(): void {
    this.scheduleAutosave();
  }

  private clearAutosave(): void {
    if (this.autosaveTimer !== null) this.context.timers.clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
  }

  // ── what React sees ───────────────────────────────────────────────────────────────────────

  private makeInfo(): DocumentInfo {
    const dirty = this.dirty;
    const status: DocumentStatus = this.readOnly
      ? 'read-only'
      : this.savingNow
        ? 'saving'
        : this.conflict
          ? 'conflict'
          : this.deleted
            ? 'deleted'
            : this.unencodable !== null
              ? 'unencodable'
              : dirty
                ? 'dirty'
                : 'clean';
    return {
      id: this.id,
      workspace: this.origin.workspace,
      path: this.filePath,
      standalone: this.origin.standalone,
      untitled: this.untitled,
      format: this.format,
      stamp: this.stamp,
      readOnly: this.readOnly,
      warnings: this.warnings,
      status,
      dirty,
      saving: this.savingNow,
      conflict: this.conflict,
      deleted: this.deleted,
      unencodable: this.unencodable,
      saveError: this.saveError,
    };
  }

  private refresh(): void {
    const next = this.makeInfo();
    const previous = this.infoValue;
    const same = (Object.keys(next) as (keyof DocumentInfo)[]).every(
      (k) => next[k] === previous[k],
    );
    if (same) return;
    this.infoValue = next;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * A refused request carries main's code in its error's name (both transports); an error without
 * one never reached main, or main failed in a way it has no words for.
 */
function failureCode(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  return name === '' || name === 'Error' || name === 'TypeError' ? 'transport' : name;
}
