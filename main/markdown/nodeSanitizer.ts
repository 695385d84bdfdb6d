import createDOMPurify from 'dompurify';
import {
  createSanitizer,
  keepAttribute,
  sanitizerConfig,
  type HtmlSanitizer,
  type SanitizerOptions,
} from '../../shared/markdown/sanitize';
import { isClobberingName } from './domClobberNames';
import { onFirstUse } from './jsdomWindow';
import { purifyUriSafe, withFastPath, type AttributeRules } from './renderedHtmlSanitizer';

/**
 * The sanitizer for main and the CLI (exports, clipboard HTML): DOMPurify on a jsdom window,
 * because Node has no DOM and DOMPurify without one returns its input unchanged. jsdom is
 * loaded at the first page sanitized.
 */
export function createNodeSanitizer(options: SanitizerOptions = {}): HtmlSanitizer {
  return onFirstUse((window) => createSanitizer(createDOMPurify(window), options));
}

/** The strict sanitizer's configuration and hooks as rules for the fast path. */
export function strictRules(
  clobbers: (value: string) => boolean,
  options: SanitizerOptions = {},
): AttributeRules {
  const forbidden = new Set(sanitizerConfig.FORBID_ATTR);
  return {
    tags: new Set(
      sanitizerConfig.ALLOWED_TAGS.filter((t) => !sanitizerConfig.FORBID_TAGS.includes(t)),
    ),
    attributes: new Set(sanitizerConfig.ALLOWED_ATTR.filter((a) => !forbidden.has(a))),
    uriSafe: new Set([...purifyUriSafe, ...sanitizerConfig.ADD_URI_SAFE_ATTR]),
    uri: sanitizerConfig.ALLOWED_URI_REGEXP,
    keep: (tag, name, value) => keepAttribute(tag, name, value, options),
    clobbers,
    pinCheckboxes: true,
  };
}

/**
 * For HTML our pipeline rendered with raw HTML off: the fast path (attributes and URLs checked
 * on the markup as written, clobbering names by domClobberNames.ts), with DOMPurify on jsdom
 * for any page outside its grammar.
 */
export function createRenderedHtmlSanitizer(options: SanitizerOptions = {}): HtmlSanitizer {
  return withFastPath(strictRules(isClobberingName, options), createNodeSanitizer(options));
}
