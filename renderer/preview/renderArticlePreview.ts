import DOMPurify from 'dompurify';
import type { HtmlSanitizer } from '../../shared/markdown/sanitize';
import { createSanitizer } from '../../shared/markdown/sanitize';

let sanitizer: HtmlSanitizer | null = null;

/** The renderer's sanitizer: the shared DOMPurify configuration on the browser's DOM. */
export function previewSanitizer(): HtmlSanitizer {
  sanitizer ??= createSanitizer(DOMPurify);
  return sanitizer;
}
