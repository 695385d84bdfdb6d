import type { HtmlSanitizer } from '../../shared/markdown/sanitize';

/**
 * The fast path of the export sanitizers for HTML our own pipeline wrote with raw HTML off:
 * markdown-it escapes every `<`, `"` and `&` of the writer's text, so the markup is only the
 * renderer's tags with double-quoted attributes, and what can still be unsafe is an attribute
 * (a URL, an id). This checks the markup against that grammar with plain string work, applies
 * DOMPurify's attribute rules with the same configuration and hooks, and hands anything outside
 * the grammar (another tag, an unquoted or odd attribute, a comment, an entity it does not know,
 * a character reference it does not decode) to the full sanitizer, DOMPurify on jsdom, unchanged.
 * tests/unit/renderedHtmlSanitizer.test.ts checks that its output parses to the same DOM as
 * DOMPurify's on the XSS corpus and on generated Markdown.
 */
export interface AttributeRules {
  /** Tags let through (lower case); any other tag sends the page to the full sanitizer. */
  tags: ReadonlySet<string>;
  /** Attributes let through (lower case), before the URL and hook checks. */
  attributes: ReadonlySet<string>;
  /** Attributes whose values are not URLs (DOMPurify's URI-safe list plus the config's). */
  uriSafe: ReadonlySet<string>;
  /** DOMPurify's ALLOWED_URI_REGEXP. */
  uri: RegExp;
  /** The uponSanitizeAttribute hook: false drops the attribute. */
  keep(tag: string, name: string, value: string): boolean;
  /** DOMPurify's DOM-clobbering test for `id`/`name` values (asked of the same jsdom document). */
  clobbers(value: string): boolean;
  /** The afterSanitizeAttributes hook of the strict sanitizer: inputs become disabled checkboxes. */
  pinCheckboxes: boolean;
}

/** DOMPurify 3's default URI-safe attributes and data: URI tags. */
export const purifyUriSafe = [
  'alt',
  'class',
  'for',
  'id',
  'label',
  'name',
  'pattern',
  'placeholder',
  'role',
  'summary',
  'title',
  'value',
  'style',
  'xmlns',
];
const dataUriTags = new Set(['audio', 'video', 'img', 'source', 'image', 'track']);
/** DOMPurify's ATTR_WHITESPACE: removed before a URL is matched. */
// eslint-disable-next-line no-control-regex
const attrWhitespace = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*(\/?)>/y;
const attributePattern = /\s+([^\s"'<>/=]+)(?:="([^"]*)")?/g;
const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};
/** Any character reference at all; only the few above are decoded, the rest go the slow way. */
const reference = /&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi;

const escapeAttribute = (value: string): string =>
  value.includes('&') || value.includes('"')
    ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
    : value;

/** The value with the references above decoded, or null when it holds any other. */
function decodeReferences(raw: string): string | null {
  if (!raw.includes('&')) return raw;
  let known = true;
  const decoded = raw.replace(reference, (ref) => {
    const value = entities[ref];
    if (value === undefined) known = false;
    return value ?? ref;
  });
  return known ? decoded : null;
}

// These loops run once per tag of a whole article in a process too short for V8 to optimise
// them, so they index match arrays and call exec() rather than destructure and iterate, which
// costs an iterator and a result object per element in the interpreter.

/** A tag's attributes after the rules, or null: leave the page to the full sanitizer. */
function checkedAttributes(tag: string, source: string, rules: AttributeRules): string | null {
  if (source === '' && !(rules.pinCheckboxes && tag === 'input')) return '';
  const seen: string[] = [];
  const keptNames: string[] = [];
  const keptValues: string[] = [];
  attributePattern.lastIndex = 0;
  for (let match = attributePattern.exec(source); match; match = attributePattern.exec(source)) {
    const name = (match[1] as string).toLowerCase();
    if (seen.includes(name)) return null;
    seen.push(name);
    const decoded = decodeReferences(match[2] ?? '');
    if (decoded === null || decoded.includes('<') || decoded.includes('>')) return null;
    const value = decoded.trim();
    if (!rules.attributes.has(name)) continue;
    if (!rules.keep(tag, name, value)) continue;
    if ((name === 'id' || name === 'name') && rules.clobbers(value)) continue;
    if (!rules.uriSafe.has(name)) {
      const allowed =
        rules.uri.test(value.replace(attrWhitespace, '')) ||
        ((name === 'src' || name === 'href') &&
          value.startsWith('data:') &&
          dataUriTags.has(tag)) ||
        value === '';
      if (!allowed) continue;
    }
    keptNames.push(name);
    keptValues.push(value);
  }
  if (rules.pinCheckboxes && tag === 'input') {
    const pin = (name: string, value: string): void => {
      const at = keptNames.indexOf(name);
      if (at === -1) {
        keptNames.push(name);
        keptValues.push(value);
      } else keptValues[at] = value;
    };
    pin('type', 'checkbox');
    pin('disabled', '');
  }
  let attributes = '';
  for (let i = 0; i < keptNames.length; i++)
    attributes += ` ${keptNames[i]}="${escapeAttribute(keptValues[i] as string)}"`;
  return attributes;
}

/** A tag as written (`<` to `>`) sanitized, or null when the page needs the full sanitizer. */
function sanitizedTag(written: string, rules: AttributeRules): string | null {
  tagPattern.lastIndex = 0;
  const match = tagPattern.exec(written);
  if (!match || match[0] !== written) return null;
  const attributes = match[3];
  const tag = (match[2] as string).toLowerCase();
  if (!rules.tags.has(tag)) return null;
  if (match[1]) return attributes || match[4] ? null : `</${tag}>`;
  const kept = checkedAttributes(tag, attributes ?? '', rules);
  return kept === null ? null : `<${tag}${kept}>`;
}

/**
 * The fast path alone: the sanitized HTML, or null when the page needs the full sanitizer.
 *
 * A tag the fast path accepts has no `>` inside its attribute values (checkedAttributes refuses
 * them), so it ends at its first `>`; the same text is the same tag, checked once per page
 * (`<p>`, `</a>`, a repeated link). Tags come out as written when the rules keep them whole (the
 * usual case for our own markup), so only the tags that change are copied: a page that needs no
 * change is returned as it is.
 */
export function sanitizeRenderedHtml(html: string, rules: AttributeRules): string | null {
  const checked = new Map<string, string>();
  let out = '';
  let copiedUpTo = 0;
  for (let open = html.indexOf('<'); open !== -1;) {
    const end = html.indexOf('>', open) + 1;
    if (end === 0) return null;
    const written = html.slice(open, end);
    let sanitized = checked.get(written);
    if (sanitized === undefined) {
      const tag = sanitizedTag(written, rules);
      if (tag === null) return null;
      sanitized = tag;
      checked.set(written, sanitized);
    }
    if (sanitized !== written) {
      out += html.slice(copiedUpTo, open) + sanitized;
      copiedUpTo = end;
    }
    open = html.indexOf('<', end);
  }
  return copiedUpTo === 0 ? html : out + html.slice(copiedUpTo);
}

/** `(html) => safe html`: the fast path where it applies, `full` (DOMPurify) everywhere else. */
export function withFastPath(rules: AttributeRules, full: HtmlSanitizer): HtmlSanitizer {
  return (html) => sanitizeRenderedHtml(html, rules) ?? full(html);
}
