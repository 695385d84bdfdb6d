/// <reference lib="webworker" />
/**
 * The preview worker: parses front matter, renders Markdown block by block and counts words,
 * off the main thread, so typing never waits for the preview (a 1 MB article takes far longer
 * to render than one frame).
 */
import type { PreviewRequest, PreviewResult } from './previewModel';
import { renderPreview } from './previewModel';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PreviewRequest>) => void) | null;
  postMessage(message: PreviewResult | { version: number; error: string }): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    scope.postMessage(renderPreview(event.data));
  } catch (error) {
    scope.postMessage({ version: event.data.version, error: (error as Error).message });
  }
};
