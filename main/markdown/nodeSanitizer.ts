import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import {
  createSanitizer,
  type HtmlSanitizer,
  type SanitizerOptions,
} from '../../shared/markdown/sanitize';

/**
 * The sanitizer for main and the CLI (exports, clipboard HTML): DOMPurify on a jsdom window,
 * because Node has no DOM and DOMPurify without one returns its input unchanged.
 */
export function createNodeSanitizer(options: SanitizerOptions = {}): HtmlSanitizer {
  const { window } = new JSDOM('<!DOCTYPE html>');
  return createSanitizer(createDOMPurify(window), options);
}
