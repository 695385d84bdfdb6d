import { findRawHtmlImages } from '../markdown/rawHtmlImages';
import {
  scanTags,
  type ArgumentSpan,
  type ShortcodeTag,
} from '../markdown/shortcodes/shortcodeSyntax';

/**
 * Where link and image destinations sit in Markdown source, so an export can rewrite exactly
 * those bytes (Hugo bundles) and nothing else. Fenced and indented code and inline code spans
 * are skipped: a path shown as code is not a reference.
 */
export interface LinkDestination {
  /**
   * Offsets in the scanned text of the destination as written (angle brackets included; for
   * `html-image`, the `src` attribute's value with its quotes; for `shortcode`, the argument's
   * value with its quotes).
   */
  from: number;
  to: number;
  /**
   * The destination without angle brackets or backslash escapes, percent-escapes kept; for
   * `html-image`, the attribute's value with character references decoded; for `shortcode`, the
   * value Hugo passes to the template.
   */
  url: string;
  /**
   * `html-image`: the `src` of an `<img>` tag in raw HTML. `shortcode`: a `figure` shortcode's
   * `src`, `link` or `attrlink`, which Hugo's template writes as they are into `src`/`href`.
   */
  kind: 'image' | 'link' | 'definition' | 'html-image' | 'shortcode';
  /** `shortcode`: how the value is quoted, kept when it is written back (see shortcodeValue). */
  quote?: ArgumentSpan['quote'];
}

/** The figure arguments Hugo's figure.html writes as URLs into the page. */
const figureUrlArguments = ['src', 'link', 'attrlink'];

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;

/** Ranges of inline code spans in a line (backtick runs of equal length). */
function codeSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const ticks = /`+/g;
  for (let open = ticks.exec(line); open; open = ticks.exec(line)) {
    const run = open[0];
    const closer = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    closer.lastIndex = open.index + run.length;
    const close = closer.exec(line);
    if (!close) continue;
    spans.push([open.index, close.index + run.length]);
    ticks.lastIndex = close.index + run.length;
  }
  return spans;
}

const unescape = (text: string): string => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Parses a destination starting at `start`; returns its end (exclusive) and its URL. */
function readDestination(line: string, start: number): { end: number; url: string } | null {
  if (line[start] === '<') {
    const close = line.indexOf('>', start + 1);
    if (close < 0) return null;
    const inner = line.slice(start + 1, close);
    if (inner.includes('<') || inner.includes('\n')) return null;
    return { end: close + 1, url: unescape(inner) };
  }
  let depth = 0;
  let i = start;
  for (; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === ' ' || char === '\t') break;
    if (char === '(') depth++;
    if (char === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (i === start) return null;
  return { end: i, url: unescape(line.slice(start, i)) };
}

/** Markdown link destinations of `text` and the ranges of its code (fenced, indented, spans). */
function scanMarkdown(text: string): { found: LinkDestination[]; code: Array<[number, number]> } {
  const found: LinkDestination[] = [];
  /** Offsets of code (fenced, indented, spans), where a tag is text. */
  const code: Array<[number, number]> = [];
  let offset = 0;
  let fence: string | null = null;
  let previousBlank = true;
  for (const rawLine of text.split(/(?<=\n)/)) {
    const line = rawLine.replace(/\r?\n$/, '');
    const lineStart = offset;
    offset += rawLine.length;
    const fenceMatch = fenceOpen.exec(line);
    if (fence !== null) {
      if (
        fenceMatch &&
        fenceMatch[1]?.[0] === fence[0] &&
        (fenceMatch[1]?.length ?? 0) >= fence.length &&
        line.trim() === fenceMatch[1]
      )
        fence = null;
      code.push([lineStart, offset]);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1] ?? '```';
      code.push([lineStart, offset]);
      continue;
    }
    const blank = line.trim() === '';
    if (/^(?: {4}|\t)/.test(line) && previousBlank && !blank) {
      code.push([lineStart, offset]); // indented code
      continue;
    }
    previousBlank = blank;

    // Footnote definitions (`[^1]: text`) are text, not link reference definitions.
    const definition = /^ {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:[ \t]*/.exec(line);
    if (definition) {
      const destination = readDestination(line, definition[0].length);
      if (destination) {
        found.push({
          from: lineStart + definition[0].length,
          to: lineStart + destination.end,
          url: destination.url,
          kind: 'definition',
        });
      }
      continue;
    }
    const spans = codeSpans(line);
    for (const [a, b] of spans) code.push([lineStart + a, lineStart + b]);
    const inCode = (index: number): boolean => spans.some(([a, b]) => index >= a && index < b);
    const opener = /\]\(\s*/g;
    for (let match = opener.exec(line); match; match = opener.exec(line)) {
      if (inCode(match.index)) continue;
      if (match.index > 0 && line[match.index - 1] === '\\') continue;
      const start = match.index + match[0].length;
      const destination = readDestination(line, start);
      if (!destination) continue;
      // Image when the matching `[` is preceded by `!`.
      let depth = 0;
      let bracket = -1;
      for (let i = match.index - 1; i >= 0; i--) {
        if (line[i] === ']' && line[i - 1] !== '\\') depth++;
        else if (line[i] === '[' && line[i - 1] !== '\\') {
          if (depth === 0) {
            bracket = i;
            break;
          }
          depth--;
        }
      }
      const kind = bracket > 0 && line[bracket - 1] === '!' ? 'image' : 'link';
      found.push({
        from: lineStart + start,
        to: lineStart + destination.end,
        url: destination.url,
        kind,
      });
      opener.lastIndex = destination.end;
    }
  }
  return { found, code };
}

/**
 * Ranges of code in `text` as they are for shortcode tags: with every tag's bytes masked, so
 * backticks of a raw `` `value` `` do not pair with others into a code span.
 */
function codeAroundTags(text: string, tags: readonly ShortcodeTag[]): Array<[number, number]> {
  let masked = '';
  let at = 0;
  for (const tag of tags) {
    masked += text.slice(at, tag.start) + tag.source.replace(/[^\n]/g, 'x');
    at = tag.end;
  }
  return scanMarkdown(masked + text.slice(at)).code;
}

/**
 * Every figure shortcode's URL arguments (`{{< figure >}}` and `{{% figure %}}`, also inside
 * other shortcodes), except in code and in escaped tags (printed, not run), which Byline
 * shows as written.
 */
function figureTags(text: string): { tag: ShortcodeTag; inCode: boolean }[] {
  const tags = scanTags(text);
  const figures = tags.filter((tag) => tag.name === 'figure' && !tag.closing && !tag.escaped);
  if (figures.length === 0) return [];
  const code = codeAroundTags(text, tags);
  return figures.map((tag) => ({
    tag,
    inCode: code.some(([a, b]) => tag.start >= a && tag.start < b),
  }));
}

/**
 * Figure shortcodes written in code. Hugo runs them there too (its HTML lands inside the code);
 * Byline shows them as written and leaves them so, and an export can say so.
 */
export const figuresInCode = (text: string): ShortcodeTag[] =>
  figureTags(text)
    .filter((figure) => figure.inCode)
    .map((figure) => figure.tag);

function figureDestinations(text: string): LinkDestination[] {
  const found: LinkDestination[] = [];
  for (const { tag, inCode } of figureTags(text)) {
    if (inCode) continue;
    for (const name of figureUrlArguments) {
      const span = tag.namedAt[name];
      const url = tag.named[name];
      if (span === undefined || url === undefined) continue;
      found.push({ from: span.from, to: span.to, url, kind: 'shortcode', quote: span.quote });
    }
  }
  return found;
}

export function findLinkDestinations(text: string): LinkDestination[] {
  const { found, code } = scanMarkdown(text);
  const markdown = found.length;
  for (const figure of figureDestinations(text)) {
    // A Markdown destination inside an argument (a caption's link) is rewritten as that one.
    if (found.slice(0, markdown).some((d) => d.from < figure.to && figure.from < d.to)) continue;
    found.push(figure);
  }
  for (const image of findRawHtmlImages(text)) {
    const source = image.source;
    if (source === null || code.some(([a, b]) => image.from >= a && image.from < b)) continue;
    // Bytes another destination covers are rewritten once, as that one.
    if (found.some((d) => d.from < source.to && source.from < d.to)) continue;
    found.push({ ...source, kind: 'html-image' });
  }
  return found;
}

/** How to write a destination back: bare when it can be, in angle brackets when it has spaces. */
export function formatDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : url;
}

/**
 * A shortcode argument's new value in the quoting it had: `"double"` (backslash escapes), `` `raw` ``
 * or bare, whichever can hold it, else double quotes.
 */
export function shortcodeValue(value: string, quote: ArgumentSpan['quote']): string {
  if (quote === '`' && !value.includes('`')) return `\`${value}\``;
  if (quote === '' && /^[^\s"`=]+$/.test(value) && !/[>%]\}\}/.test(value)) return value;
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}
