/// <reference lib="webworker" />
/**
 * The preview worker: parses front matter, renders Markdown block by block and counts words,
 * off the main thread, so typing never waits for the preview (a 1 MB article takes far longer
 * to render than one frame).
 */
import type { PreviewRequest, PreviewResult, StatsMessage } from './previewModel';
import { PreviewRenderer } from './previewModel';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PreviewRequest>) => void) | null;
  postMessage(message: PreviewResult | StatsMessage | { version: number; error: string }): void;
}

const scope = self as unknown as WorkerScope;
const renderer = new PreviewRenderer();

let statsTimer: ReturnType<typeof setTimeout> | null = null;

scope.onmessage = (event) => {
  try {
    scope.postMessage(renderer.render(event.data));
  } catch (error) {
    scope.postMessage({ version: event.data.version, error: (error as Error).message });
    return;
  }
  // Statistics after the preview, and only once requests stop arriving back to back.
  if (statsTimer !== null) clearTimeout(statsTimer);
  statsTimer = setTimeout(() => {
    statsTimer = null;
    const stats = renderer.stats();
    if (stats) scope.postMessage(stats);
  }, 0);
};
