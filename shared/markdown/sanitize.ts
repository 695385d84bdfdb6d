/**
 * The last step before any rendered HTML reaches a DOM, a file or the clipboard. shared/ has no
 * DOM, so the DOMPurify instance is injected: the renderer passes the browser's DOMPurify, main
 * and the CLI pass one built on jsdom (main/markdown/nodeSanitizer.ts).
 */

/** The attribute hook event of DOMPurify 3 (the fields we use). */
export interface PurifyAttributeEvent {
  attrName: string;
  attrValue: string;
  keepAttr: boolean;
}

/** The element DOMPurify hands to hooks (the members we use). */
export interface PurifyElement {
  nodeName: string;
  setAttribute(name: string, value: string): void;
}

export interface PurifyConfig {
  ALLOWED_TAGS: string[];
  ALLOWED_ATTR: string[];
  ADD_URI_SAFE_ATTR: string[];
  FORBID_TAGS: string[];
  FORBID_ATTR: string[];
  ALLOWED_URI_REGEXP: RegExp;
  ALLOW_DATA_ATTR: boolean;
  ALLOW_ARIA_ATTR: boolean;
  ALLOW_UNKNOWN_PROTOCOLS: boolean;
  ALLOW_SELF_CLOSE_IN_ATTR: boolean;
  RETURN_TRUSTED_TYPE: false;
}

/** The part of a DOMPurify instance the sanitizer needs; `DOMPurify` itself satisfies it. */
export interface HtmlPurifier {
  /** False where DOMPurify found no DOM: its `sanitize` then returns the input UNCHANGED. */
  isSupported: boolean;
  sanitize(dirty: string, config: PurifyConfig): string;
  addHook(
    entryPoint: 'uponSanitizeAttribute',
    hook: (node: PurifyElement, event: PurifyAttributeEvent) => void,
  ): void;
  addHook(entryPoint: 'afterSanitizeAttributes', hook: (node: PurifyElement) => void): void;
  removeHook(
    entryPoint: 'uponSanitizeAttribute',
    hook?: (node: PurifyElement, event: PurifyAttributeEvent) => void,
  ): unknown;
  removeHook(entryPoint: 'afterSanitizeAttributes', hook?: (node: PurifyElement) => void): unknown;
}

export type HtmlSanitizer = (html: string) => string;

/**
 * Everything markdown-it, the footnote plugin, the task list rule and the header produce, and
 * the harmless formatting tags writers put in raw HTML (rendered when the site is `unsafe`).
 */
const allowedTags = [
  'a',
  'abbr',
  'b',
  'center',
  'cite',
  'dd',
  'details',
  'dl',
  'dt',
  'i',
  'kbd',
  'mark',
  'small',
  'u',
  'blockquote',
  'br',
  'code',
  'del',
  'div',
  'em',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'img',
  'input',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'section',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'time',
  'tr',
  'ul',
];

/** Attributes whose values are not URLs, so the URL allowlist must not judge them. */
const nonUrlAttributes = [
  'data-line',
  'type',
  'checked',
  'disabled',
  'start',
  'datetime',
  'open',
  'width',
  'height',
];

/**
 * Redundant with the allowlist above, and kept on purpose: if someone widens ALLOWED_TAGS, these
 * stay out. (Each one is an entry in some Markdown editor's XSS advisory.)
 */
const forbiddenTags = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'template',
  'noscript',
  'noembed',
  'xmp',
  'portal',
  'dialog',
];

/**
 * http(s), mailto, our asset protocol, the browser transport's `/asset/` path, and in-page
 * fragments (footnote links). No other scheme, no protocol-relative `//host`, no other
 * relative path. data: images are handled by DOMPurify's img-only data-URI rule plus the hook.
 */
export const allowedUrl = /^(?:(?:https?|mailto|byline-asset):|\/asset\/|#)/i;

const safeDataImage = /^data:image\/(?:png|gif|jpeg|webp|avif);/i;

export const sanitizerConfig: Readonly<PurifyConfig> = Object.freeze({
  ALLOWED_TAGS: allowedTags,
  ALLOWED_ATTR: [
    'data-line',
    'id',
    'class',
    'href',
    'src',
    'alt',
    'title',
    'checked',
    'disabled',
    'type',
    'start',
    'datetime',
    'open',
    'width',
    'height',
  ],
  ADD_URI_SAFE_ATTR: nonUrlAttributes,
  FORBID_TAGS: forbiddenTags,
  FORBID_ATTR: ['style'],
  ALLOWED_URI_REGEXP: allowedUrl,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  RETURN_TRUSTED_TYPE: false,
});

export interface SanitizerOptions {
  /**
   * Let `<img src="http(s)://…">` through. Default false: the app is offline by design and an
   * image request is a tracking beacon; the image resolver already shows remote images as
   * placeholders, this keeps raw HTML from other paths (paste, exports) to the same rule.
   */
  allowRemoteImages?: boolean;
}

/**
 * Narrows URL attributes to the elements that need them (the uponSanitizeAttribute hook; also
 * applied by main's fast path for rendered HTML). `value` is trimmed; false drops the attribute.
 */
export function keepAttribute(
  tag: string,
  name: string,
  value: string,
  options: SanitizerOptions,
): boolean {
  switch (name) {
    case 'src':
      // Only images load anything; a data: URL only as a raster image (no SVG, no HTML).
      return (
        tag === 'img' &&
        (!/^data:/i.test(value) || safeDataImage.test(value)) &&
        (options.allowRemoteImages === true || !/^https?:/i.test(value))
      );
    case 'href':
      return tag === 'a' && !/^data:/i.test(value);
    case 'type':
      return tag === 'input' && value.toLowerCase() === 'checkbox';
    case 'checked':
    case 'disabled':
      return tag === 'input';
    default:
      return true;
  }
}

function attributeChecker(options: SanitizerOptions) {
  return (node: PurifyElement, event: PurifyAttributeEvent): void => {
    if (
      !keepAttribute(node.nodeName.toLowerCase(), event.attrName, event.attrValue.trim(), options)
    )
      event.keepAttr = false;
  };
}

/** The only input the preview shows is a task list's read-only checkbox. */
function pinCheckboxes(node: PurifyElement): void {
  if (node.nodeName.toLowerCase() !== 'input') return;
  node.setAttribute('type', 'checkbox');
  node.setAttribute('disabled', '');
}

/**
 * Returns `(html) => safeHtml`. The hooks are added for the duration of each call and removed
 * after it, so a shared instance (the renderer's global DOMPurify) is left as it was found.
 */
export function createSanitizer(
  purify: HtmlPurifier,
  options: SanitizerOptions = {},
): HtmlSanitizer {
  if (!purify.isSupported) {
    throw new Error(
      'DOMPurify has no DOM here and would return its input unchanged; pass DOMPurify(window).',
    );
  }
  const checkAttribute = attributeChecker(options);
  return (html) => {
    purify.addHook('uponSanitizeAttribute', checkAttribute);
    purify.addHook('afterSanitizeAttributes', pinCheckboxes);
    try {
      return String(purify.sanitize(html, { ...sanitizerConfig }));
    } finally {
      purify.removeHook('afterSanitizeAttributes', pinCheckboxes);
      purify.removeHook('uponSanitizeAttribute', checkAttribute);
    }
  };
}
