import type {
  EncodingCandidate,
  JournalEntry,
  OpenedArticle,
  StandaloneFile,
  TextEncodingName,
} from '../../shared/ipc/contract';
import type { DocumentInfo, DocumentOrigin, SaveOutcome } from './articleDocument';
import { ArticleDocument } from './articleDocument';
import { ChangeFollower } from './changeFollower';
import { dominantEol } from '../../shared/article/splitArticle';
import { editorText } from './diskChange';
import type { DocumentApi } from './documentApi';
import { JournalFeed } from './journalFeed';
import type { Timers } from './timers';
import { browserTimers } from './timers';

/** Journal a dirty buffer at most this long after a change: well within a second of typing. */
export const journalDelayMs = 300;
/** Autosave after this much idle time. */
export const autosaveDelayMs = 3000;

export interface DocumentStoreOptions {
  api: DocumentApi;
  /** Names this window in the crash journal (a new one per page load). */
  windowId?: string;
  timers?: Timers;
  autosave?: boolean;
  autosaveDelayMs?: number;
  journalDelayMs?: number;
}

/** The result of saving every dirty document: which were saved and which failed, and why. */
export interface SaveAllResult {
  saved: ArticleDocument[];
  failed: { document: ArticleDocument; outcome: Exclude<SaveOutcome, { status: 'saved' }> }[];
}

/** What React shows of the store: a new object whenever a document opens, closes or changes state. */
export interface StoreSnapshot {
  readonly documents: readonly DocumentInfo[];
  readonly activeId: string | null;
}

/**
 * Every open article of this window, in tab order, and which one is active. Open, close, save,
 * save all, reload and restore go through here; React components only subscribe.
 */
/** Picks one of the readings main offers for a file it will not guess; null cancels the open. */
export type ChooseEncoding = (
  path: string,
  candidates: EncodingCandidate[],
) => Promise<TextEncodingName | null>;

/** The writer cancelled opening a file (no encoding chosen): not an error to report. */
class OpenCancelled extends Error {
  override name = 'open-cancelled';
  constructor(readonly path: string) {
    super(`Opening ${path} was cancelled.`);
  }
}

/** Main would not guess the file's encoding: over the transport the code is the error's name. */
function isChooseEncoding(error: unknown): boolean {
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'choose-encoding' || code === 'choose-encoding';
}

export class DocumentStore {
  readonly api: DocumentApi;
  private readonly documents: ArticleDocument[] = [];
  private readonly opening = new Map<string, Promise<ArticleDocument>>();
  private activeId: string | null = null;
  /** Requests for a document to come to the front so far (see `activationRequests`). */
  private activations = 0;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribers = new Map<string, () => void>();
  private snapshotValue: StoreSnapshot = { documents: [], activeId: null };
  private readonly windowId: string;
  private readonly journal: JournalFeed;
  private readonly follower = new ChangeFollower();
  private readonly timers: Timers;
  private autosave: boolean;
  private sequence = 0;
  private chooseEncoding: ChooseEncoding = async () => null;
  private workspaceId: string | null = null;
  private announceWorkspace: (id: string) => void = () => undefined;
  /** Resolves with the window's workspace identity once main has told it (`setWorkspace`). */
  private readonly workspaceKnown = new Promise<string>((resolve) => {
    this.announceWorkspace = resolve;
  });

  constructor(private readonly options: DocumentStoreOptions) {
    this.api = options.api;
    this.windowId = options.windowId ?? Math.random().toString(36).slice(2, 10);
    this.timers = options.timers ?? browserTimers;
    this.autosave = options.autosave ?? true;
    this.journal = new JournalFeed(options.api, this.follower);
  }

  /** Who picks a reading when main will not guess a short file's encoding (a dialog, in the app). */
  setEncodingChooser(choose: ChooseEncoding): void {
    this.chooseEncoding = choose;
  }

  /**
   * The identity main issued for this window's workspace. Articles opened by path are opened in
   * it and keep it: they save there even after another window switched main's workspace.
   */
  setWorkspace(id: string): void {
    if (this.workspaceId !== null) return;
    this.workspaceId = id;
    this.announceWorkspace(id);
  }
  /** This window's workspace identity, once main has told it. */
  whenWorkspace = (): Promise<string> => this.workspaceKnown;
  /** This window's workspace identity (null until main has told it). */
  get workspace(): string | null {
    return this.workspaceId;
  }

  /** Reads an article to open it; see `readChoosing`. */
  private async read(workspace: string, path: string): Promise<OpenedArticle> {
    const opened = await this.readChoosing(workspace, path);
    if (!opened) throw new OpenCancelled(path);
    return opened;
  }

  /**
   * Reads an article; a file main will not guess (`choose-encoding`) is read as the writer picks,
   * null when they pick none.
   */
  private readChoosing = async (workspace: string, path: string): Promise<OpenedArticle | null> => {
    try {
      return await this.api['article.open']({ workspace, path });
    } catch (error) {
      if (!isChooseEncoding(error)) throw error;
    }
    const candidates = await this.api['article.encodings']({ workspace, path });
    const encoding = await this.chooseEncoding(path, candidates);
    if (!encoding) return null;
    return this.api['article.open']({ workspace, path, encoding });
  };

  // ── reading ───────────────────────────────────────────────────────────────────────────────

  get all(): readonly ArticleDocument[] {
    return this.documents;
  }
  get active(): ArticleDocument | null {
    return this.documents.find((d) => d.id === this.activeId) ?? null;
  }
  get(id: string): ArticleDocument | null {
    return this.documents.find((d) => d.id === id) ?? null;
  }
  /** The open document of a path of this window's workspace (or of the identity given). */
  byPath(path: string, workspace: string | null = this.workspaceId): ArticleDocument | null {
    return (
      this.documents.find(
        (d) =>
          d.info.path === path &&
          d.workspace === workspace &&
          d.info.standalone === null &&
          !d.info.untitled,
      ) ?? null
    );
  }
  get snapshot(): StoreSnapshot {
    return this.snapshotValue;
  }
  getSnapshot = (): StoreSnapshot => this.snapshotValue;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // ── opening and closing ───────────────────────────────────────────────────────────────────

  /**
   * Opens an article of this window's workspace (or finds its open document) and makes it active,
   * unless the writer asked for another document while it was being read (`activationRequests`).
   */
  async open(path: string, options: { activate?: boolean } = {}): Promise<ArticleDocument> {
    const request = (options.activate ?? true) ? ++this.activations : null;
    const workspace = await this.workspaceKnown;
    const doc =
      this.byPath(path, workspace) ??
      (await this.load(path, { workspace, standalone: null }, () => this.byPath(path, workspace)));
    if (request !== null) this.showIfLatest(request, doc.id);
    return doc;
  }

  /**
   * Opens a file outside the workspace in its own tab, under the one-file grant main issued for
   * it; the workspace and its tabs stay. A file already open that way keeps its tab (and grant).
   */
  async openStandalone(file: StandaloneFile): Promise<ArticleDocument> {
    const request = ++this.activations;
    const find = (): ArticleDocument | null =>
      this.documents.find((d) => d.info.standalone === file.location) ?? null;
    let doc = find();
    if (doc) {
      void this.api['article.close']({ workspace: file.workspace, path: file.path }).catch(
        () => undefined,
      );
    } else {
      doc = await this.load(
        file.path,
        { workspace: file.workspace, standalone: file.location },
        find,
      );
    }
    this.showIfLatest(request, doc.id);
    return doc;
  }

  /**
   * Opens text that has no file (a Markdown file dropped into a page) as an untitled article of
   * this window's workspace under the name it came with: unsaved from the start, journaled at
   * once so a crash keeps it, never autosaved; Save As places it (`ArticleDocument.saveAs`).
   */
  async openUntitled(name: string, text: string, entryId?: string): Promise<ArticleDocument> {
    const request = ++this.activations;
    const workspace = await this.workspaceKnown;
    const body = editorText(text);
    const opened: OpenedArticle = {
      path: name,
      text: body,
      format: { encoding: 'utf-8', bom: false, eol: dominantEol(text) },
      stamp: { size: 0, mtimeMs: 0, hash: '' },
      readOnly: false,
      warnings: [],
    };
    const doc = this.add(`untitled:${++this.sequence}`, opened, {
      workspace,
      standalone: null,
      untitled: true,
    });
    this.showIfLatest(request, doc.id);
    // A restored entry gives way to this document's own once that is written.
    const handOff = doc.flushJournal().then(async (written) => {
      if (written !== null && entryId !== undefined) await this.journal.discard(workspace, entryId);
    });
    this.journalHandOffs = Promise.all([this.journalHandOffs, handOff.catch(() => undefined)]);
    return doc;
  }

  private add(id: string, opened: OpenedArticle, origin: DocumentOrigin): ArticleDocument {
    const stream = `${this.windowId}-${++this.sequence}`;
    const doc = new ArticleDocument(
      id,
      stream,
      opened,
      {
        api: this.api,
        readChoosing: this.readChoosing,
        journal: this.journal,
        follower: this.follower,
        timers: this.timers,
        // Open there already, or being placed there by another Save As.
        heldByAnother: (document, workspace, path) =>
          this.documents.some(
            (other) =>
              other !== document &&
              (other === this.byPath(path, workspace) ||
                (other.workspace === workspace && other.placing === path)),
          ),
        autosave: () => this.autosave,
        autosaveDelayMs: this.options.autosaveDelayMs ?? autosaveDelayMs,
        journalDelayMs: this.options.journalDelayMs ?? journalDelayMs,
      },
      origin,
    );
    this.documents.push(doc);
    this.unsubscribers.set(
      doc.id,
      doc.subscribe(() => this.publish()),
    );
    this.publish();
    return doc;
  }

  private load(
    path: string,
    origin: DocumentOrigin,
    existing: () => ArticleDocument | null,
  ): Promise<ArticleDocument> {
    const key = `${origin.workspace}\0${path}`;
    let loading = this.opening.get(key);
    if (!loading) {
      loading = (async () => {
        const opened = await this.read(origin.workspace, path);
        // A Save As writing this very file makes its document this file's: wait and take it.
        if (origin.standalone === null) await this.placementAt(origin.workspace, path);
        const already = existing();
        if (already) return already;
        // The path at open names the tab; a rename keeps the id (and its editor state).
        const name = origin.standalone === null ? path : `standalone:${origin.standalone}`;
        const id = this.get(name) ? `${name}#${++this.sequence}` : name;
        const doc = this.add(id, opened, origin);
        // Main gets the text in idle time, so the first keystrokes send only changes.
        this.timers.idle(() => {
          if (this.get(doc.id) === doc && doc.version === 0)
            void this.journal.base(doc, 0, doc.text());
        });
        return doc;
      })().finally(() => this.opening.delete(key));
      this.opening.set(key, loading);
    }
    return loading;
  }

  /** Resolves once no document of `workspace` is being placed at `path` by Save As. */
  private async placementAt(workspace: string, path: string): Promise<void> {
    for (;;) {
      const placing = this.documents.find((d) => d.workspace === workspace && d.placing === path);
      if (!placing) return;
      await placing.settled();
    }
  }

  /** The writer switches to a document: it stays in front of any open still being read. */
  activate(id: string | null): void {
    this.activations++;
    this.show(id);
  }

  /**
   * How many times a document has been asked to come to the front (opens and switches) in this
   * window. Each open counts when it is called, before it reads anything; only the latest request
   * is carried out, so an article that takes long to read never replaces one the writer asked
   * for after it.
   */
  get activationRequests(): number {
    return this.activations;
  }

  private showIfLatest(request: number, id: string): void {
    if (request === this.activations) this.show(id);
  }

  private show(id: string | null): void {
    if (id !== null && !this.get(id)) return;
    if (this.activeId === id) return;
    this.activeId = id;
    this.publish();
  }

  /**
   * Closes a document (asking is the caller's business; its unsaved words are given up, so its
   * journal entry goes too); the tab next to it becomes active.
   */
  close(id: string): void {
    const index = this.documents.findIndex((d) => d.id === id);
    if (index < 0) return;
    const [doc] = this.documents.splice(index, 1);
    if (!doc) return;
    this.unsubscribers.get(id)?.();
    this.unsubscribers.delete(id);
    doc.dispose();
    if (doc.dirty) void this.journal.saved(doc, Number.MAX_SAFE_INTEGER);
    this.journal.forget(id);
    // A standalone file's close ends its grant; a workspace article's stops its disk notices. An
    // untitled article has no file: nothing of main's to release.
    if (
      !doc.info.untitled &&
      (doc.info.standalone !== null || !this.byPath(doc.info.path, doc.workspace))
    )
      void this.api['article.close']({ workspace: doc.workspace, path: doc.info.path }).catch(
        () => undefined,
      );
    if (this.activeId === id)
      this.activeId = (this.documents[index] ?? this.documents[index - 1] ?? null)?.id ?? null;
    this.publish();
  }

  // ── saving ────────────────────────────────────────────────────────────────────────────────

  /** Saves one document (the active one by default). */
  save(id?: string): Promise<SaveOutcome> {
    const doc = id === undefined ? this.active : this.get(id);
    return doc ? doc.save() : Promise.resolve({ status: 'skipped' });
  }

  /** Saves every dirty document and waits for each result. */
  async saveAll(): Promise<SaveAllResult> {
    const dirty = this.documents.filter((d) => d.dirty && !d.info.readOnly);
    const outcomes = await Promise.all(dirty.map((d) => d.save()));
    const result: SaveAllResult = { saved: [], failed: [] };
    dirty.forEach((document, i) => {
      const outcome = outcomes[i] ?? { status: 'skipped' as const };
      if (outcome.status === 'saved') result.saved.push(document);
      else result.failed.push({ document, outcome });
    });
    return result;
  }

  get dirtyDocuments(): ArticleDocument[] {
    return this.documents.filter((d) => d.dirty);
  }

  setAutosave(enabled: boolean): void {
    if (this.autosave === enabled) return;
    this.autosave = enabled;
    for (const doc of this.documents) doc.autosaveChanged();
  }

  // ── the disk ──────────────────────────────────────────────────────────────────────────────

  /** Main saw an open article of workspace `workspace` change on disk (null: deleted). */
  diskChanged(
    workspace: string,
    path: string,
    stamp: Parameters<ArticleDocument['diskChanged']>[0],
  ): void {
    for (const doc of this.documents)
      if (
        doc.workspace === workspace &&
        doc.info.standalone === null &&
        !doc.info.untitled &&
        doc.info.path === path
      )
        void doc.diskChanged(stamp);
  }

  /** Re-reads a document's file (a clean buffer takes it; a dirty one reports a conflict). */
  async reload(id: string): Promise<void> {
    const doc = this.get(id);
    if (!doc) return;
    let opened: OpenedArticle;
    try {
      opened = await this.api['article.open']({ workspace: doc.workspace, path: doc.info.path });
    } catch (error) {
      if (!isChooseEncoding(error)) throw error;
      return doc.chooseDiskEncoding();
    }
    await doc.diskChanged(opened.stamp);
  }

  /**
   * Renames an article (`rename` asks main and answers the new path) with its document's saves
   * held meanwhile, so no save recreates the file under its old name; the document then follows.
   */
  async rename(from: string, rename: () => Promise<string>): Promise<string> {
    const workspace = await this.workspaceKnown;
    const run = async (): Promise<string> => {
      const to = await rename();
      this.moved(workspace, from, to);
      return to;
    };
    const doc = this.byPath(from, workspace);
    return doc ? doc.betweenSaves(run) : run();
  }

  /**
   * An article of workspace `workspace` was renamed or moved (here or in another window): its
   * documents follow with their unsaved words, and save under the new path from now on.
   */
  moved(workspace: string, from: string, to: string): void {
    for (const doc of this.documents)
      if (
        doc.workspace === workspace &&
        doc.info.standalone === null &&
        !doc.info.untitled &&
        doc.info.path === from
      )
        doc.moved(to);
  }

  // ── the crash journal ─────────────────────────────────────────────────────────────────────

  /** Earlier sessions' unsaved buffers of this workspace. */
  async listJournal(): Promise<JournalEntry[]> {
    return this.api['journal.list']({ workspace: await this.workspaceKnown });
  }

  /**
   * Puts an earlier session's unsaved text back into its article, or into a new article next to
   * where it was when the article is gone (moved or deleted since) or its open document already
   * holds other unsaved words (two windows' entries of one article). The entry stays in the
   * journal until a save holds it.
   */
  restore(entry: JournalEntry): Promise<ArticleDocument> {
    // One at a time: "restore all" must see the document the previous entry went into.
    const run = this.restoring.then(() => this.restoreNow(entry));
    this.restoring = run.catch(() => undefined);
    return run;
  }
  private restoring: Promise<unknown> = Promise.resolve();

  private async restoreNow(entry: JournalEntry): Promise<ArticleDocument> {
    if (entry.untitled) return this.openUntitled(entry.path, entry.text, entry.id);
    if (entry.missing || this.byPath(entry.path)?.dirty) {
      const doc = await this.open(await this.createFor(entry.path));
      doc.restoreText(editorText(entry.text), entry.id, null);
      return doc;
    }
    const doc = await this.open(entry.path);
    doc.restoreText(editorText(entry.text), entry.id, entry.baseStamp);
    return doc;
  }

  /**
   * The page is going away: every unsaved document's words go to the journal now, not when its
   * timer would have fired (the page may be gone by then).
   */
  flushJournals(): void {
    for (const doc of this.documents) void doc.flushJournal();
  }

  /** The writer threw an earlier session's entry away. */
  async discardJournal(entry: Pick<JournalEntry, 'id'>): Promise<void> {
    return this.journal.discard(await this.workspaceKnown, entry.id);
  }

  /**
   * Resolves when every journal request sent so far has been answered, including the discards
   * that follow a restored entry's hand-off.
   */
  async journalIdle(): Promise<void> {
    await this.journalHandOffs;
    return this.journal.idle();
  }
  private journalHandOffs: Promise<unknown> = Promise.resolve();

  private async createFor(path: string): Promise<string> {
    const workspace = await this.workspaceKnown;
    const parts = path.split('/');
    const name = (parts.pop() ?? 'restored').replace(/\.(md|markdown)$/i, '');
    const title = /^index$/i.test(name) && parts.length > 0 ? (parts.pop() ?? name) : name;
    const folder = parts.join('/');
    try {
      return (await this.api['article.create']({ workspace, title, folder, bundle: false })).path;
    } catch {
      // Its folder may be gone too.
      return (await this.api['article.create']({ workspace, title, folder: '', bundle: false }))
        .path;
    }
  }

  /** The window goes away: timers stop; journal entries stay for the next start. */
  dispose(): void {
    for (const doc of this.documents) doc.dispose();
    this.listeners.clear();
  }

  private publish(): void {
    this.snapshotValue = {
      documents: this.documents.map((d) => d.info),
      activeId: this.activeId,
    };
    for (const listener of [...this.listeners]) listener();
  }
}
