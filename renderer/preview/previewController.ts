import type { ArticleSnapshot } from '../app/editorSession';
import { Signal } from '../app/editorSession';
import type { WriterStats } from '../../shared/stats/writerStats';
import { BlockReconciler } from './blockReconciler';
import type { AssetUrlPattern, PreviewRequest, PreviewResult, StatsMessage } from './previewModel';
import { assetUrlFrom, PreviewRenderer } from './previewModel';
import { previewSanitizer, renderArticlePreview } from './renderArticlePreview';

export type PreviewStrategy = 'incremental' | 'naive';

export interface RenderedInfo {
  tabId: string;
  version: number;
  /** Milliseconds from the request to the DOM being updated. */
  elapsed: number;
}

type WorkerReply = PreviewResult | StatsMessage | { version: number; error: string };

/**
 * Drives the live preview off the keystroke path:
 *
 *   snapshot (idle time) -> worker: front matter + markdown-it blocks + stats
 *   -> main thread: sanitize only new blocks, morph only changed ones (BlockReconciler)
 *
 * One request is in flight at a time; edits made meanwhile are coalesced into the next one.
 * `naive` is the benchmark's baseline: the whole article re-rendered on the main thread and
 * written with innerHTML on every change.
 */
export class PreviewController {
  readonly stats = new Signal<WriterStats | null>(null);
  readonly rendered = new Signal<RenderedInfo | null>(null);
  readonly title = new Signal<string | null>(null);

  private container: HTMLElement | null = null;
  private reconciler: BlockReconciler | null = null;
  private worker: Worker | null = null;
  private inFlight: { request: PreviewRequest; tabId: string; started: number } | null = null;
  private pending: { snapshot: ArticleSnapshot; articlePath: string } | null = null;
  private shownTab: string | null = null;
  /** Id of the worker result the page shows (the worker sends blocks relative to it). */
  private appliedId: number | null = null;
  private lastRequest: { snapshot: ArticleSnapshot; articlePath: string } | null = null;
  /** Renders on the main thread when no worker can be started (tests, odd environments). */
  private local: PreviewRenderer | null = null;
  private listeners = new Set<() => void>();

  constructor(
    private readonly assets: AssetUrlPattern,
    readonly strategy: PreviewStrategy = 'incremental',
  ) {}

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
    this.inFlight = null;
  }

  /** Top-level blocks and their lines (scroll sync). */
  anchors(): { element: HTMLElement; line: number }[] {
    return this.reconciler?.anchors() ?? [];
  }

  /** Called after every applied render (scroll sync re-anchors, broken images are re-marked). */
  onApplied(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(snapshot: ArticleSnapshot | null, articlePath: string): void {
    if (!snapshot) {
      this.clear();
      return;
    }
    const last = this.pending ?? this.lastRequest;
    if (last && last.snapshot === snapshot && last.articlePath === articlePath) return;
    if (this.strategy === 'naive') {
      this.renderNaive(snapshot, articlePath);
      return;
    }
    this.pending = { snapshot, articlePath };
    if (!this.inFlight) this.sendPending();
  }

  clear(): void {
    this.pending = null;
    this.shownTab = null;
    this.appliedId = null;
    this.reconciler?.reset();
    this.stats.set(null);
    this.title.set(null);
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (typeof Worker === 'undefined') return null;
    try {
      this.worker = new Worker(new URL('./preview.worker.ts', import.meta.url), {
        type: 'module',
        name: 'byline-preview',
      });
      this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
      this.worker.onerror = () => {
        // Fall back to rendering on the main thread (still block-incremental).
        this.worker?.terminate();
        this.worker = null;
        this.appliedId = null;
        this.local = new PreviewRenderer();
        const flight = this.inFlight;
        if (flight) {
          this.receive(this.local.render({ ...flight.request, baseId: null }));
          const stats = this.local.stats();
          if (stats) this.receive(stats);
        }
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
    this.lastRequest = pending;
    const request: PreviewRequest = {
      baseId: pending.snapshot.tabId === this.shownTab ? this.appliedId : null,
      version: pending.snapshot.version,
      text: pending.snapshot.text,
      articlePath: pending.articlePath,
      assets: this.assets,
    };
    this.inFlight = { request, tabId: pending.snapshot.tabId, started: performance.now() };
    const worker = this.local ? null : this.ensureWorker();
    if (worker) worker.postMessage(request);
    else {
      this.local ??= new PreviewRenderer();
      const local = this.local;
      queueMicrotask(() => {
        this.receive(local.render(request));
        const stats = local.stats();
        if (stats) this.receive(stats);
      });
    }
  }

  private receive(reply: WorkerReply): void {
    if ('kind' in reply) {
      if (this.shownTab !== null) this.stats.set(reply.stats);
      return;
    }
    const flight = this.inFlight;
    this.inFlight = null;
    if (flight && !('error' in reply) && this.reconciler) {
      if (this.shownTab !== flight.tabId) {
        this.reconciler.reset();
        this.shownTab = flight.tabId;
      }
      try {
        this.reconciler.apply(reply.header, reply.blocks);
        this.appliedId = reply.id;
      } catch {
        // Out of step with the worker: start over with a full render.
        this.reconciler.reset();
        this.appliedId = null;
        if (!this.pending && this.lastRequest) this.pending = this.lastRequest;
        this.sendPending();
        return;
      }
      this.title.set(reply.title);
      this.finish(flight.tabId, reply.version, flight.started);
    }
    if (this.pending) this.sendPending();
  }

  private renderNaive(snapshot: ArticleSnapshot, articlePath: string): void {
    const container = this.container;
    if (!container) return;
    const started = performance.now();
    container.innerHTML = renderArticlePreview(snapshot.text, {
      articlePath,
      toAssetUrl: assetUrlFrom(this.assets),
    });
    this.shownTab = snapshot.tabId;
    this.finish(snapshot.tabId, snapshot.version, started);
  }

  private finish(tabId: string, version: number, started: number): void {
    if (this.container) this.container.dataset.version = `${tabId}:${version}`;
    this.rendered.set({ tabId, version, elapsed: performance.now() - started });
    for (const listener of this.listeners) listener();
    this.container?.dispatchEvent(
      new CustomEvent('byline:preview-rendered', { detail: { tabId, version }, bubbles: true }),
    );
  }
}

/** `?preview=naive` switches to the baseline strategy (benchmarks only). */
export function strategyFromLocation(search: string): PreviewStrategy {
  return new URLSearchParams(search).get('preview') === 'naive' ? 'naive' : 'incremental';
}
