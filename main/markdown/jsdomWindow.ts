import { createRequire } from 'node:module';
import type * as Jsdom from 'jsdom';
import type { JSDOM } from 'jsdom';

export type JsdomWindow = JSDOM['window'];

const requireHere = createRequire(import.meta.url);
let window: JsdomWindow | undefined;

/**
 * One jsdom window for the process's DOMPurify instances, created when the first of them is
 * needed. Loading jsdom is most of a short export's time, and pages the sanitizers' fast path
 * answers for never need it. DOMPurify parses each page into a document of its own, so the
 * instances share the window and nothing else.
 */
function sharedJsdomWindow(): JsdomWindow {
  if (!window) {
    const jsdom = requireHere('jsdom') as typeof Jsdom;
    window = new jsdom.JSDOM('<!DOCTYPE html>').window;
  }
  return window;
}

/** A sanitizer (or another reader of HTML) built on the shared window at its first call. */
export function onFirstUse<Result = string>(
  build: (window: JsdomWindow) => (html: string) => Result,
): (html: string) => Result {
  let read: ((html: string) => Result) | undefined;
  return (html: string): Result => (read ??= build(sharedJsdomWindow()))(html);
}
