import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { allowedUrl, sanitizerConfig } from '../../shared/markdown/sanitize';
import { escapeAttributeBrackets } from './escapeAttributeBrackets';

/**
 * The LAST pass over every exported HTML fragment, after the article HTML already went through
 * the app's strict sanitizer (createNodeSanitizer) and our own trusted transforms ran (copied
 * image paths, WeChat's inline styles). Same allowlist as the preview, plus only what those
 * transforms add: `style` attributes (WeChat, CMS paste) and relative paths into the export's
 * own assets folder. So even a bug in a transform cannot let the article add script.
 */
export interface ExportSanitizerOptions {
  /** Keep `style` attributes (juice-inlined theme CSS). */
  inlineStyles?: boolean;
  /** Relative folder (e.g. "my-article.assets/") whose files `img src` may name. */
  assetsFolder?: string;
  allowRemoteImages?: boolean;
}

const safeDataImage = /^data:image\/(?:png|gif|jpeg|webp|avif);/i;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let window: JSDOM['window'] | undefined;

export function createExportSanitizer(
  options: ExportSanitizerOptions = {},
): (html: string) => string {
  window ??= new JSDOM('<!DOCTYPE html>').window;
  const purify = createDOMPurify(window);
  const assets = options.assetsFolder
    ? new RegExp(`^${escapeRegExp(encodeURI(options.assetsFolder))}[^/?#:]+$`)
    : null;
  const uri = assets ? new RegExp(`${allowedUrl.source}|${assets.source}`, 'i') : allowedUrl;
  const config = {
    ...sanitizerConfig,
    ALLOWED_ATTR: [...sanitizerConfig.ALLOWED_ATTR, ...(options.inlineStyles ? ['style'] : [])],
    FORBID_ATTR: options.inlineStyles ? [] : ['style'],
    ALLOWED_URI_REGEXP: uri,
  };
  purify.addHook('uponSanitizeAttribute', (node, event) => {
    const tag = node.nodeName.toLowerCase();
    const value = event.attrValue.trim();
    if (event.attrName === 'src') {
      event.keepAttr =
        tag === 'img' &&
        (!/^data:/i.test(value) || safeDataImage.test(value)) &&
        (options.allowRemoteImages === true || !/^https?:/i.test(value));
    } else if (event.attrName === 'href') {
      event.keepAttr = tag === 'a' && !/^data:/i.test(value);
    } else if (event.attrName === 'style') {
      // Our own CSS only ever: no url(), no expression(), no @import, no behaviour bindings.
      event.keepAttr =
        !/url\s*\(|expression\s*\(|@import|behavior\s*:|-moz-binding|javascript:/i.test(value);
    }
  });
  return (html) => escapeAttributeBrackets(String(purify.sanitize(html, config)));
}
