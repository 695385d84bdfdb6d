/// <reference lib="webworker" />
/**
 * The preview worker: keeps a copy of the article (updated from the editor's changes), parses
 * front matter, renders Markdown block by block (only around the edit when it can) and counts
 * words, off the main thread, so typing never waits for the preview.
 */
import type { PreviewResult, ResyncMessage, StatsMessage, WorkerRequest } from './previewModel';
import { WorkerDocument } from './previewModel';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(
    message: PreviewResult | ResyncMessage | StatsMessage | { version: number; error: string },
  ): void;
}

const scope = self as unknown as WorkerScope;
const article = new WorkerDocument();

let statsTimer: ReturnType<typeof setTimeout> | null = null;
let statsAt = -Infinity;
/**
 * Counting words is a pass over the whole article (10-20 ms per MB). While edits keep coming it
 * runs at most this often: per keystroke it would keep a core busy, and on a two-core laptop the
 * main thread, which must echo the keys, competes for it (bench/editor.bench.ts).
 */
const statsEveryMs = 500;

const postStats = (immediate = false): void => {
  if (statsTimer !== null) clearTimeout(statsTimer);
  statsTimer = null;
  statsAt = performance.now();
  const stats = article.renderer.stats();
  if (stats) scope.postMessage(immediate ? { ...stats, immediate } : stats);
};

scope.onmessage = (event) => {
  try {
    const reply = article.handle(event.data);
    scope.postMessage(reply);
    if ('kind' in reply) return;
  } catch (error) {
    scope.postMessage({ version: event.data.version, error: (error as Error).message });
    return;
  }
  // Another article (or the same one again from scratch): its counts right away.
  if (event.data.text !== undefined) {
    postStats(true);
    return;
  }
  // After an edit: at once after a pause, else at most every statsEveryMs.
  if (statsTimer !== null) return;
  statsTimer = setTimeout(postStats, Math.max(0, statsAt + statsEveryMs - performance.now()));
};
