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

scope.onmessage = (event) => {
  try {
    const reply = article.handle(event.data);
    scope.postMessage(reply);
    if ('kind' in reply) return;
  } catch (error) {
    scope.postMessage({ version: event.data.version, error: (error as Error).message });
    return;
  }
  // Statistics after the preview, and only once requests stop arriving back to back.
  if (statsTimer !== null) clearTimeout(statsTimer);
  statsTimer = setTimeout(() => {
    statsTimer = null;
    const stats = article.renderer.stats();
    if (stats) scope.postMessage(stats);
  }, 0);
};
