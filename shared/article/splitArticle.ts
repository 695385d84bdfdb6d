import type { FrontMatterError } from './frontMatterError';
import { findJsonObjectEnd } from './jsonSource';
import { opensWith, openingLanguage, type FrontMatterDelimiter } from './safeGrayMatter';
import { lineIndexAt } from './textPosition';

export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

export interface TextRange {
  from: number;
  to: number;
}

/**
 * Where the front matter block sits. All offsets are UTF-16 code units into the ORIGINAL text,
 * BOM included; lines are 0-based. `open + openLineBreak + content + close + closeLineBreak` is
 * exactly `text.slice(range.from, range.to)`.
 */
export interface FrontMatterBlock {
  format: FrontMatterFormat;
  /** Tag after the opening delimiter, lower-cased ("---yaml" -> "yaml"); '' when there is none. */
  language: string;
  /** Opening delimiter line without its line break ("---", "+++", "---yaml"); '' for JSON. */
  open: string;
  openLineBreak: '' | '\n' | '\r\n';
  /** Closing delimiter line without its line break ("---", "--- " keeps its spaces); for JSON, the spaces after '}'. */
  close: string;
  closeLineBreak: '' | '\n' | '\r\n';
  /** The text between the delimiters (for JSON: the whole object, braces included). */
  content: string;
  /** The whole block, delimiters and the closing line break included. */
  range: TextRange;
  /** Where `content` sits. */
  contentRange: TextRange;
  /** Line of the opening delimiter. */
  startLine: number;
  /** Line of the closing delimiter. */
  endLine: number;
}

export interface ArticleParts {
  bom: '' | '\uFEFF';
  /** The dominant line ending; '\n' when there is none or a tie. */
  eol: '\n' | '\r\n';
  frontMatter: FrontMatterBlock | null;
  body: string;
  bodyOffset: number;
  /** Line where the body starts; the preview adds it to markdown-it's token.map lines. */
  bodyStartLine: number;
  /** Set when a front matter block was opened but never closed; the body is then the whole text. */
  error: FrontMatterError | null;
}

/** The line ending most lines use (CRLF only when it outnumbers LF). */
export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

function lineBreakAt(text: string, end: number): '' | '\n' | '\r\n' {
  if (text[end] === '\r' && text[end + 1] === '\n') return '\r\n';
  return text[end] === '\n' ? '\n' : '';
}

function formatOf(delimiter: FrontMatterDelimiter, language: string): FrontMatterFormat {
  if (language === 'toml') return 'toml';
  if (language === 'json') return 'json';
  if (language === 'yaml' || language === 'yml') return 'yaml';
  return delimiter === '+++' ? 'toml' : 'yaml';
}

function withoutFrontMatter(
  text: string,
  bom: '' | '\uFEFF',
  eol: '\n' | '\r\n',
  error: FrontMatterError | null,
): ArticleParts {
  return {
    bom,
    eol,
    frontMatter: null,
    body: text.slice(bom.length),
    bodyOffset: bom.length,
    bodyStartLine: 0,
    error,
  };
}

function unclosed(what: string): FrontMatterError {
  return {
    kind: 'unclosed',
    message: `Front matter opened with ${what} on line 1 is never closed`,
    line: 1,
    column: 1,
  };
}

function finish(
  text: string,
  bom: '' | '\uFEFF',
  eol: '\n' | '\r\n',
  block: Omit<FrontMatterBlock, 'startLine' | 'endLine'>,
  closeLineStart: number,
): ArticleParts {
  const endLine = lineIndexAt(text, closeLineStart);
  const bodyOffset = block.range.to;
  return {
    bom,
    eol,
    frontMatter: { ...block, startLine: 0, endLine },
    body: text.slice(bodyOffset),
    bodyOffset,
    bodyStartLine:
      block.closeLineBreak === '' && bodyOffset === text.length
        ? endLine + 1
        : lineIndexAt(text, bodyOffset),
    error: null,
  };
}

function splitDelimited(
  text: string,
  bom: '' | '\uFEFF',
  eol: '\n' | '\r\n',
  delimiter: FrontMatterDelimiter,
): ArticleParts {
  const start = bom.length;
  const openEnd = text.indexOf('\n', start);
  const openingLine = text.slice(start, openEnd === -1 ? text.length : openEnd).replace(/\r$/, '');
  const language = openingLanguage(openingLine + '\n', delimiter);
  if (language === null) return withoutFrontMatter(text, bom, eol, null);
  // An opening line with nothing after it cannot be closed.
  if (openEnd === -1) return withoutFrontMatter(text, bom, eol, unclosed(openingLine.trimEnd()));
  const openLineEnd = text[openEnd - 1] === '\r' ? openEnd - 1 : openEnd;
  const contentFrom = openEnd + 1;

  // The closing delimiter is the first later line that is exactly the delimiter (trailing blanks allowed).
  let lineStart = contentFrom;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
    const line = text.slice(lineStart, lineEnd);
    if (line.replace(/[ \t]+$/, '') === delimiter) {
      const closeLineBreak = lineBreakAt(text, lineEnd);
      return finish(
        text,
        bom,
        eol,
        {
          format: formatOf(delimiter, language),
          content: text.slice(contentFrom, lineStart),
          language,
          open: text.slice(start, openLineEnd),
          openLineBreak: lineBreakAt(text, openLineEnd),
          close: line,
          closeLineBreak,
          range: { from: start, to: lineEnd + closeLineBreak.length },
          contentRange: { from: contentFrom, to: lineStart },
        },
        lineStart,
      );
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return withoutFrontMatter(text, bom, eol, unclosed(openingLine.trimEnd()));
}

/**
 * Hugo's JSON front matter is a bare object at the top. Only `{"` or `{}` counts, so a body that
 * starts with a shortcode (`{{< figure >}}`) is not mistaken for it.
 */
function splitJson(text: string, bom: '' | '\uFEFF', eol: '\n' | '\r\n'): ArticleParts {
  const start = bom.length;
  const close = findJsonObjectEnd(text, start);
  if (close === -1) return withoutFrontMatter(text, bom, eol, unclosed('{'));
  let after = close + 1;
  while (text[after] === ' ' || text[after] === '\t') after++;
  const lineBreak = lineBreakAt(text, after);
  // Anything but blanks after the '}' on its line already belongs to the body.
  const ownsLine = lineBreak !== '' || after === text.length;
  return finish(
    text,
    bom,
    eol,
    {
      format: 'json',
      language: '',
      content: text.slice(start, close + 1),
      open: '',
      openLineBreak: '',
      close: ownsLine ? text.slice(close + 1, after) : '',
      closeLineBreak: ownsLine ? lineBreak : '',
      range: { from: start, to: ownsLine ? after + lineBreak.length : close + 1 },
      contentRange: { from: start, to: close + 1 },
    },
    close,
  );
}

/** Splits an article into BOM, front matter block and body without changing a single byte. */
export function splitArticle(text: string): ArticleParts {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const eol = dominantEol(text);
  const rest = text.slice(bom.length);
  if (opensWith(rest, '---')) return splitDelimited(text, bom, eol, '---');
  if (opensWith(rest, '+++')) return splitDelimited(text, bom, eol, '+++');
  if (/^\{\s*["}]/.test(rest)) return splitJson(text, bom, eol);
  return withoutFrontMatter(text, bom, eol, null);
}

/** Reassembles parts into text; joinArticle(splitArticle(t)) === t for every t. */
export function joinArticle(parts: ArticleParts): string {
  const fm = parts.frontMatter;
  if (!fm) return parts.bom + parts.body;
  return (
    parts.bom + fm.open + fm.openLineBreak + fm.content + fm.close + fm.closeLineBreak + parts.body
  );
}
