import { decodeHTMLAttribute } from 'entities';
import { escapeHtml } from './escapeHtml';

/** An `<img>` tag in raw HTML, where it sits and what it names. */
export interface RawHtmlImage {
  /** Offsets of the whole tag in the scanned text. */
  from: number;
  to: number;
  /** The `src` attribute's value as written (quotes included) and decoded; null without one. */
  source: { from: number; to: number; url: string } | null;
  /** The decoded `alt` text, '' without one. */
  alt: string;
}

// CommonMark's grammar of an open tag (the one markdown-it finds raw HTML with), so a tag is read
// here exactly where the parser saw one. An unquoted value stops at any control character.
const attributeSource =
  // eslint-disable-next-line no-control-regex
  /\s+([a-zA-Z_:][a-zA-Z0-9:._-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^"'=<>`\x00-\x20]+))?/.source;
const openTag = new RegExp(`<([A-Za-z][A-Za-z0-9-]*)((?:${attributeSource})*)\\s*/?>`, 'y');
const comment = /<!--[\s\S]*?-->/y;

/**
 * The `<img>` tags of raw HTML in order. Tags are read one after another, so an `<img` inside
 * another tag's attribute value or inside a comment is not taken for an image.
 */
export function findRawHtmlImages(html: string): RawHtmlImage[] {
  const images: RawHtmlImage[] = [];
  let at = html.indexOf('<');
  while (at >= 0) {
    comment.lastIndex = at;
    const skipped = comment.exec(html);
    if (skipped) {
      at = html.indexOf('<', at + skipped[0].length);
      continue;
    }
    openTag.lastIndex = at;
    const tag = openTag.exec(html);
    if (!tag) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    if (tag[1]?.toLowerCase() === 'img') images.push(readImage(tag, at));
    at = html.indexOf('<', at + tag[0].length);
  }
  return images;
}

function readImage(tag: RegExpExecArray, from: number): RawHtmlImage {
  const attributes = new RegExp(attributeSource, 'g');
  const attributesFrom = from + 1 + (tag[1]?.length ?? 0);
  let source: RawHtmlImage['source'] = null;
  let alt: string | null = null;
  // The first of two same-named attributes counts, as in a browser.
  for (const attribute of (tag[2] ?? '').matchAll(attributes)) {
    const name = attribute[1]?.toLowerCase();
    const written = attribute[2];
    if (written === undefined) continue;
    const value = decodeHTMLAttribute(/^["']/.test(written) ? written.slice(1, -1) : written);
    if (name === 'src' && source === null) {
      const to = attributesFrom + attribute.index + attribute[0].length;
      source = { from: to - written.length, to, url: value };
    } else if (name === 'alt' && alt === null) {
      alt = value;
    }
  }
  return { from, to: from + tag[0].length, source, alt: alt ?? '' };
}

/** An attribute value written back, quoted. */
export const quotedAttribute = (value: string): string => `"${escapeHtml(value)}"`;

/**
 * Raw HTML with each `<img>` tag replaced by what `replace` returns for it; null leaves the tag
 * as written.
 */
export function replaceRawHtmlImages(
  html: string,
  replace: (image: RawHtmlImage) => string | null,
): string {
  let out = '';
  let last = 0;
  for (const image of findRawHtmlImages(html)) {
    const replacement = replace(image);
    if (replacement === null) continue;
    out += html.slice(last, image.from) + replacement;
    last = image.to;
  }
  return last === 0 ? html : out + html.slice(last);
}

/** The image's tag with its `src` set to `url`. */
export function withImageSource(html: string, image: RawHtmlImage, url: string): string {
  if (image.source === null) return html.slice(image.from, image.to);
  return (
    html.slice(image.from, image.source.from) +
    quotedAttribute(url) +
    html.slice(image.source.to, image.to)
  );
}
