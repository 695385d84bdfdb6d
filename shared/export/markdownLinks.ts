import { findRawHtmlImages } from '../markdown/rawHtmlImages';

/**
 * Where link and image destinations sit in Markdown source, so an export can rewrite exactly
 * those bytes (Hugo bundles) and nothing else. Fenced and indented code and inline code spans
 * are skipped: a path shown as code is not a reference.
 */
export interface LinkDestination {
  /**
   * Offsets in the scanned text of the destination as written (angle brackets included; for
   * `html-image`, the `src` attribute's value with its quotes).
   */
  from: number;
  to: number;
  /**
   * The destination without angle brackets or backslash escapes, percent-escapes kept; for
   * `html-image`, the attribute's value with character references decoded.
   */
  url: string;
  /** `html-image`: the `src` of an `<img>` tag in raw HTML. */
  kind: 'image' | 'link' | 'definition' | 'html-image';
}

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

export function findLinkDestinations(text: string): LinkDestination[] {
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
  const markdown = found.length;
  for (const image of findRawHtmlImages(text)) {
    const source = image.source;
    if (source === null || code.some(([a, b]) => image.from >= a && image.from < b)) continue;
    // Bytes another destination covers are rewritten once, as that one.
    if (found.slice(0, markdown).some((d) => d.from < source.to && source.from < d.to)) continue;
    found.push({ ...source, kind: 'html-image' });
  }
  return found;
}

/** How to write a destination back: bare when it can be, in angle brackets when it has spaces. */
export function formatDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : url;
}
