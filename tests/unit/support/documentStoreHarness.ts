// A DocumentStore over main's real file handlers in a temp workspace, as the document layer's
// tests drive it (no React, timers advanced by hand).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TempWorkspace } from '../../../main/files/testing/tempWorkspace';
import type { ArticleDocument } from '../../../renderer/document/articleDocument';
import type { DocumentApi } from '../../../renderer/document/documentApi';
import { DocumentStore } from '../../../renderer/document/documentStore';
import { ManualTimers } from './manualTimers';

/** Main's handlers as the renderer's API (a fresh set is main after a restart). */
export function mainApiOf(workspace: TempWorkspace): DocumentApi {
  return workspace.handlers() as unknown as DocumentApi;
}

/** Every request of `api` sent as client `client` (one window), as its transport names it. */
export function asClient<Api extends object>(api: Api, client: string): Api {
  const bound: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(api) as [string, (...args: unknown[]) => unknown][])
    bound[name] = (input: unknown) => handler(input, { client });
  return bound as Api;
}

export function readOnDisk(workspace: TempWorkspace, file: string): string {
  return readFileSync(path.join(workspace.root, file), 'utf8');
}

/** Types `words` at the end of the article, as one change. */
export function typeAtEnd(doc: ArticleDocument, words: string): void {
  doc.change((state) => ({ changes: { from: state.doc.length, insert: words } }));
}

/**
 * A window's store: its own window id, the temp workspace's identity on every request (the
 * identity main issued, for tests that deliver main's events naming it).
 */
export function newStore(
  api: DocumentApi,
  timers = new ManualTimers(),
  workspace = 'temp-workspace',
): DocumentStore {
  const store = new DocumentStore({
    api,
    timers,
    windowId: `w${Math.random().toString(36).slice(2, 8)}`,
  });
  store.setWorkspace(workspace);
  return store;
}
