import type { JsdomWindow } from '../jsdomWindow';

/**
 * DOMPurify's test for an `id` or `name` that would shadow a property of the document or of a
 * form (`id="cookie"`), asked of a jsdom document as DOMPurify asks its own: what the name list
 * in domClobberNames.ts stands in for.
 */
export function domClobberTest(window: JsdomWindow): (value: string) => boolean {
  const { document } = window;
  const form = document.createElement('form');
  return (value) => value in document || value in form;
}
