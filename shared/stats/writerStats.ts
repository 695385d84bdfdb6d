import { CharacterClass, classifyCodePoint } from './characterClass';
import { unmetered, type WorkMeter } from '../text/workMeter';
import { stripBlockPrefix, visibleInlineText } from './visibleLineText';
import { lineBreak } from '../text/lineBreaks';

export interface WriterStats {
  /** cjkChars + latinWords: the number a Chinese editor calls 字数. */
  words: number;
  /** Han, Hiragana, Katakana and Hangul characters, one each (punctuation not included). */
  cjkChars: number;
  /** Runs of letters/digits of other scripts; `don't`, `AI-powered`, `2.5`, `U.S`, `200,000` are one. */
  latinWords: number;
  /** Visible characters (code points) including spaces inside lines, excluding line breaks. */
  charsWithSpaces: number;
  charsWithoutSpaces: number;
  /** Text blocks: paragraphs, headings, list items, table rows, code blocks. */
  paragraphs: number;
  /** Whole minutes, rounded up: CJK at 400 characters a minute plus others at 230 words a minute. */
  readingMinutes: number;
}

export interface WriterStatsOptions {
  /** Leave footnote definitions (`[^1]: source…`) out of every count. Default false. */
  excludeFootnoteDefinitions?: boolean;
  /** Counts the steps taken (tests prove the work linear) or stops a run over budget. */
  meter?: WorkMeter;
}

/** Reading speeds (silent reading of news prose): Chinese ~400 characters/min, English ~230 words/min. */
const CJK_CHARS_PER_MINUTE = 400;
const LATIN_WORDS_PER_MINUTE = 230;

const fenceOpen = /^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})/;
const footnoteDefinition = /^[ \t]{0,3}\[\^[^\]\s]+\]:[ \t]?/;
const linkReferenceDefinition = /^[ \t]{0,3}\[[^\]^][^\]]*\]:[ \t]*\S/;
// Thematic breaks, setext underlines and table delimiter rows render no text.
const markupOnlyLine =
  /^[ \t]*(?:(?:[-*_][ \t]*){3,}|=+[ \t]*|-+[ \t]*|\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?)$/;
const blockStart = /^[ \t]{0,3}(?:[>#]|[-*+][ \t]|\d{1,9}[.)][ \t]|\[\^[^\]\s]+\]:|`{3}|~{3})/;

/** Where a `<!--` that this line does not close starts, or -1 (code spans not considered). */
function unclosedCommentStart(line: string): number {
  const open = line.lastIndexOf('<!--');
  if (open < 0 || line.indexOf('-->', open + 4) >= 0) return -1;
  // `<!-->` and `<!--->` are complete (empty) comments.
  return /^<!---?>/.test(line.slice(open)) ? -1 : open;
}

const isDigit = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);

class Counter {
  cjkChars = 0;
  latinWords = 0;
  charsWithSpaces = 0;
  charsWithoutSpaces = 0;

  /** One pass over the code points of a line of visible text. */
  add(text: string): void {
    let inWord = false;
    let previousCode = 0;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        code = text.codePointAt(i) ?? code;
        i++;
      }
      this.charsWithSpaces++;
      const kind = classifyCodePoint(code);
      if (kind !== CharacterClass.Whitespace) this.charsWithoutSpaces++;
      if (kind === CharacterClass.WordPart) {
        if (!inWord) this.latinWords++;
        inWord = true;
      } else if (kind === CharacterClass.Cjk) {
        this.cjkChars++;
        inWord = false;
      } else if (kind === CharacterClass.Joiner || kind === CharacterClass.DigitJoiner) {
        // A joiner keeps the word going only between two word parts ("don't"; "12:30" for digits).
        // No next character at the end of the line (0 classifies as Other).
        const next = text.codePointAt(i + 1) ?? 0;
        const joins =
          kind === CharacterClass.Joiner
            ? classifyCodePoint(next) === CharacterClass.WordPart
            : isDigit(previousCode) && isDigit(next);
        inWord = inWord && joins;
      } else {
        inWord = false;
      }
      previousCode = code;
    }
  }
}

/**
 * Counts an article body (front matter already excluded) the way Chinese editors count: every
 * CJK character is one, every run of letters/digits of other scripts is one word. Markdown
 * markup, link targets, URLs, footnote citation marks, HTML comments and Hugo shortcodes are not
 * counted; the text of links, image alt text and code is.
 *
 * Runs on keystrokes (debounced): a single pass over the lines, ~10-20 ms per MB.
 */
export function computeWriterStats(body: string, options: WriterStatsOptions = {}): WriterStats {
  const counter = new Counter();
  const meter = options.meter ?? unmetered;
  let paragraphs = 0;
  let afterBreak = true; // the next text line starts a new paragraph
  let fence: { marker: string; length: number; hasText: boolean } | null = null;
  let skippingFootnote = false;
  let previousBlank = true;

  let inComment = false;

  meter.tick(body.length);
  for (const sourceLine of body.split(lineBreak)) {
    // The anchored block regexes and trims below are each one pass over the line.
    meter.tick(sourceLine.length + 1);
    let line = sourceLine;
    if (inComment) {
      // A comment may span lines, blank ones included: none of it is published.
      const close = line.indexOf('-->');
      if (close < 0) continue;
      inComment = false;
      line = line.slice(close + 3);
    }
    if (!fence) {
      const open = unclosedCommentStart(line);
      if (open >= 0) {
        inComment = true;
        line = line.slice(0, open);
      }
    }
    if (fence) {
      const closing = line.trim();
      if (closing.length >= fence.length && closing === fence.marker.repeat(closing.length)) {
        fence = null;
        afterBreak = true;
        continue;
      }
      const code = line.trim();
      if (code !== '') {
        counter.add(code);
        if (!fence.hasText) paragraphs++;
        fence.hasText = true;
      }
      continue;
    }

    const blank = line.trim() === '';
    if (skippingFootnote) {
      const continues = blank || /^[ \t]/.test(line) || (!previousBlank && !blockStart.test(line));
      previousBlank = blank;
      if (continues) continue;
      skippingFootnote = false;
    }
    previousBlank = blank;
    if (blank) {
      afterBreak = true;
      continue;
    }

    const fenceMatch = fenceOpen.exec(line);
    if (fenceMatch?.[1]) {
      fence = { marker: fenceMatch[1].charAt(0), length: fenceMatch[1].length, hasText: false };
      continue;
    }

    let source = line;
    let startsBlock = false;
    const footnote = footnoteDefinition.exec(line);
    if (footnote) {
      if (options.excludeFootnoteDefinitions) {
        skippingFootnote = true;
        afterBreak = true;
        continue;
      }
      source = line.slice(footnote[0].length);
      startsBlock = true;
    }
    if (!footnote && (linkReferenceDefinition.test(line) || markupOnlyLine.test(line))) {
      afterBreak = true;
      continue;
    }

    const stripped = stripBlockPrefix(source);
    const text = visibleInlineText(stripped.text, meter);
    if (text === '') continue;
    meter.tick(text.length);
    counter.add(text);
    if (afterBreak || startsBlock || stripped.startsBlock || line.trimStart().startsWith('|'))
      paragraphs++;
    afterBreak = false;
  }

  const { cjkChars, latinWords } = counter;
  const minutes = cjkChars / CJK_CHARS_PER_MINUTE + latinWords / LATIN_WORDS_PER_MINUTE;
  return {
    words: cjkChars + latinWords,
    cjkChars,
    latinWords,
    charsWithSpaces: counter.charsWithSpaces,
    charsWithoutSpaces: counter.charsWithoutSpaces,
    paragraphs,
    readingMinutes: Math.ceil(minutes),
  };
}
