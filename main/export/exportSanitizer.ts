import createDOMPurify from 'dompurify';
import { allowedUrl, sanitizerConfig } from '../../shared/markdown/sanitize';
import { escapeAttributeBrackets } from './escapeAttributeBrackets';
import { isClobberingName } from '../markdown/domClobberNames';
import { onFirstUse } from '../markdown/jsdomWindow';
import {
  purifyUriSafe,
  withFastPath,
  type AttributeRules,
} from '../markdown/renderedHtmlSanitizer';

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

/** One sanitizer per set of options, kept for every export of the process (a batch included). */
const made = new Map<string, (html: string) => string>();

/** The hook: narrows URL attributes to their elements and keeps only our own CSS. */
function keepExportAttribute(
  tag: string,
  name: string,
  value: string,
  options: ExportSanitizerOptions,
): boolean {
  if (name === 'src')
    return (
      tag === 'img' &&
      (!/^data:/i.test(value) || safeDataImage.test(value)) &&
      (options.allowRemoteImages === true || !/^https?:/i.test(value))
    );
  if (name === 'href') return tag === 'a' && !/^data:/i.test(value);
  // Our own CSS only ever: no url(), no expression(), no @import, no behaviour bindings.
  if (name === 'style')
    return !/url\s*\(|expression\s*\(|@import|behavior\s*:|-moz-binding|javascript:/i.test(value);
  return true;
}

export function createExportSanitizer(
  options: ExportSanitizerOptions = {},
): (html: string) => string {
  const key = JSON.stringify([
    options.inlineStyles,
    options.assetsFolder,
    options.allowRemoteImages,
  ]);
  let sanitize = made.get(key);
  if (!sanitize) {
    sanitize = buildExportSanitizer(options);
    made.set(key, sanitize);
  }
  return sanitize;
}

/** `fastPath: false`: DOMPurify for every page (the reference the fast path is tested against). */
export function buildExportSanitizer(
  options: ExportSanitizerOptions,
  fastPath = true,
): (html: string) => string {
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
  // The pages reaching this pass are our pipeline's and our transforms' output: the fast path
  // answers for them, DOMPurify (on jsdom, loaded then) for anything outside its grammar.
  const rules: AttributeRules = {
    tags: new Set(config.ALLOWED_TAGS.filter((t) => !config.FORBID_TAGS.includes(t))),
    attributes: new Set(config.ALLOWED_ATTR.filter((a) => !config.FORBID_ATTR.includes(a))),
    uriSafe: new Set([...purifyUriSafe, ...config.ADD_URI_SAFE_ATTR]),
    uri,
    keep: (tag, name, value) => keepExportAttribute(tag, name, value, options),
    clobbers: isClobberingName,
    pinCheckboxes: false,
  };
  const full = onFirstUse((window) => {
    const purify = createDOMPurify(window);
    purify.addHook('uponSanitizeAttribute', (node, event) => {
      if (
        !keepExportAttribute(
          node.nodeName.toLowerCase(),
          event.attrName,
          event.attrValue.trim(),
          options,
        )
      )
        event.keepAttr = false;
    });
    return (html) => String(purify.sanitize(html, config));
  });
  const sanitize = fastPath ? withFastPath(rules, full) : full;
  return (html) => escapeAttributeBrackets(sanitize(html));
}
