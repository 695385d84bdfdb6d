import type { LiveEdit } from '../workbench/editorSession';
import { Signal } from '../workbench/editorSession';
import type { WriterStats } from '../../shared/stats/writerStats';
import { BlockReconciler, type PreviewAnchor } from './blockReconciler';
import type {
  AssetUrlPattern,
  PreviewResult,
  ResyncMessage,
  StatsMessage,
  WorkerRequest,
} from './previewModel';
import { WorkerDocument } from './previewModel';
import { previewSanitizer } from './renderArticlePreview';
import { installScriptUrlPolicy } from '../security/trustedTypes';
import {
  hugoDefaultProfile,
  profileKey,
  type RenderProfile,
} from '../../shared/markdown/renderProfile';

/** Word counts wait at most this long for a preview update to be shown with. */
const statsLatestMs = 250;

type WorkerReply =
  PreviewResult | ResyncMessage | StatsMessage | { version: number; error: string };

interface Pending {
  edit: LiveEdit;
  articlePath: string;
}

/**
 * Drives the live preview off the keystroke path:
 *
 *   editor changes (idle time) -> worker: applies them to its copy of the text, renders the
 *   blocks around the edit (or everything) through the shared pipeline, counts words
 *   -> main thread: sanitize only new blocks, morph only changed ones (BlockReconciler)
 *
 * One request is in flight at a time; edits made meanwhile are composed into the next one.
 */
export class PreviewController {
  readonly stats = new Signal<WriterStats | null>(null);
  readonly title = new Signal<string | null>(null);

  private container: HTMLElement | null = null;
  private reconciler: BlockReconciler | null = null;
  private worker: Worker | null = null;
  private inFlight: { request: WorkerRequest; tabId: string; version: number } | null = null;
  private pending: Pending | null = null;
  private shownTab: string | null = null;
  /** Id of the worker result the page shows (the worker sends blocks relative to it). */
  private appliedId: number | null = null;
  /** The text version the worker holds (after the requests sent so far). */
  private workerDoc: { tabId: string; version: number } | null = null;
  /** Renders on the main thread when no worker can be started (tests, odd environments). */
  private local: WorkerDocument | null = null;
  private listeners = new Set<() => void>();
  private pendingStats: WriterStats | null = null;
  private statsTimer: ReturnType<typeof setTimeout> | null = null;
  /** The workspace's rendering profile; Hugo's defaults until main has said. */
  private profile: RenderProfile = { ...hugoDefaultProfile };
  /** Asks the editor session for the whole text again (the worker lost track of it). */
  private onResync: () => void = () => {};

  constructor(private readonly assets: AssetUrlPattern) {}

  attach(container: HTMLElement): void {
    this.container = container;
    this.reconciler = new BlockReconciler(container, previewSanitizer());
    this.appliedId = null;
    this.shownTab = null;
  }

  detach(): void {
    this.container = null;
    this.reconciler = null;
    this.worker?.terminate();
    this.worker = null;
    this.workerDoc = null;
    this.inFlight = null;
    if (this.statsTimer !== null) clearTimeout(this.statsTimer);
    this.statsTimer = null;
  }

  /** Another rendering profile (another workspace, its config edited): everything re-renders. */
  setProfile(profile: RenderProfile): void {
    if (
      profileKey(profile) === profileKey(this.profile) &&
      profile.baseURL === this.profile.baseURL
    )
      return;
    this.profile = profile;
    this.workerDoc = null;
    this.onResync();
  }

  /** Who to ask for the whole text when the worker has lost track of it (the editor session). */
  setResyncHandler(handler: () => void): void {
    this.onResync = handler;
  }

  /** Top-level blocks, their lines and chunks (scroll sync). */
  anchors(): PreviewAnchor[] {
    return this.reconciler?.anchors() ?? [];
  }

  /** Called after every applied render (scroll sync re-anchors, broken images are re-marked). */
  onApplied(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next edit of the active article (null: no article). */
  update(edit: LiveEdit | null, articlePath: string): void {
    if (!edit) {
      this.clear();
      return;
    }
    const last = this.pending?.edit;
    if (last === edit) return;
    // Compose with an edit still waiting, so the worker gets one continuous change.
    if (
      last &&
      last.tabId === edit.tabId &&
      last.version === edit.baseVersion &&
      last.changes &&
      edit.changes
    ) {
      const composed: LiveEdit = {
        ...edit,
        baseVersion: last.baseVersion,
        changes: last.changes.compose(edit.changes),
      };
      this.pending = { edit: composed, articlePath };
    } else {
      this.pending = { edit, articlePath };
    }
    if (!this.inFlight) this.sendPending();
  }

  clear(): void {
    this.pending = null;
    this.shownTab = null;
    this.appliedId = null;
    this.reconciler?.reset();
    this.pendingStats = null;
    this.stats.set(null);
    this.title.set(null);
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (typeof Worker === 'undefined') return null;
    installScriptUrlPolicy();
    try {
      this.worker = new Worker(new URL('./preview.worker.ts', import.meta.url), {
        type: 'module',
        name: 'byline-preview',
      });
      this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
      this.worker.onerror = () => {
        // Render on the main thread from now on (still block-incremental); it needs the text.
        this.worker?.terminate();
        this.worker = null;
        this.local = new WorkerDocument();
        this.workerDoc = null;
        this.appliedId = null;
        this.inFlight = null;
        this.onResync();
      };
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  private sendPending(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const { edit, articlePath } = pending;
    const base = {
      baseId: edit.tabId === this.shownTab ? this.appliedId : null,
      version: edit.version,
      articlePath,
      assets: this.assets,
      profile: this.profile,
    };
    let request: WorkerRequest;
    const doc = this.workerDoc;
    if (edit.changes && doc && doc.tabId === edit.tabId && doc.version === edit.baseVersion) {
      request = {
        ...base,
        edit: { baseVersion: edit.baseVersion, changes: edit.changes.toJSON() },
      };
    } else if (edit.isCurrent()) {
      request = { ...base, text: edit.text() };
    } else {
      // The editor has moved on and this edit cannot be applied: ask for a fresh start.
      this.workerDoc = null;
      this.onResync();
      return;
    }
    this.workerDoc = { tabId: edit.tabId, version: edit.version };
    this.inFlight = { request, tabId: edit.tabId, version: edit.version };
    const worker = this.local ? null : this.ensureWorker();
    if (worker) {
      worker.postMessage(request);
      return;
    }
    this.local ??= new WorkerDocument();
    const local = this.local;
    queueMicrotask(() => {
      this.receive(local.handle(request));
      const stats = local.renderer.stats();
      if (stats) this.receive({ ...stats, immediate: true });
    });
  }

  private receive(reply: WorkerReply): void {
    if ('kind' in reply) {
      if (reply.kind === 'stats') {
        if (this.shownTab === null) return;
        // Shown with the next preview update (the frame right after a keystroke), or once typing
        // has paused: a status-bar change of its own would be one more frame between two keys.
        this.pendingStats = reply.stats;
        if (reply.immediate) this.flushStats();
        else if (this.statsTimer === null)
          this.statsTimer = setTimeout(() => this.flushStats(), statsLatestMs);
        return;
      }
      // resync: the worker does not have the text the edit applies to.
      this.inFlight = null;
      this.workerDoc = null;
      this.onResync();
      if (this.pending) this.sendPending();
      return;
    }
    const flight = this.inFlight;
    this.inFlight = null;
    if (flight && !('error' in reply) && this.reconciler) {
      if (this.shownTab !== flight.tabId) {
        this.reconciler.reset();
        this.shownTab = flight.tabId;
        this.pendingStats = null; // counted for the article shown before
      }
      try {
        this.reconciler.apply(reply.header, reply.blocks);
        this.appliedId = reply.id;
      } catch {
        // Out of step with the worker: start over with a full render.
        this.reconciler.reset();
        this.appliedId = null;
        this.workerDoc = null;
        this.onResync();
        return;
      }
      // Lay the preview out now, in this task, rather than in the next keystroke's frame.
      void this.container?.offsetHeight;
      // Which article and version the page shows: what scripts and tests wait for, not a timer.
      if (this.container) {
        this.container.dataset.version = `${flight.tabId}:${flight.version}`;
        // The theme typesets CJK by it, as in the exported page.
        if (this.container.lang !== reply.lang) this.container.lang = reply.lang;
      }
      this.title.set(reply.title);
      this.finish();
    } else if (flight && 'error' in reply) {
      this.workerDoc = null;
    }
    if (this.pending) this.sendPending();
  }

  private flushStats(): void {
    if (this.statsTimer !== null) clearTimeout(this.statsTimer);
    this.statsTimer = null;
    const stats = this.pendingStats;
    this.pendingStats = null;
    if (stats && this.shownTab !== null) this.stats.set(stats);
  }

  private finish(): void {
    this.flushStats();
    for (const listener of this.listeners) listener();
  }
}
