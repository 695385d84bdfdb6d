import { unmetered, type WorkMeter } from '../text/workMeter';

/**
 * Approximates, for one line of Markdown, the text the preview shows: markup, link targets,
 * URLs, footnote citations and Hugo shortcodes removed. Line by line on purpose: a full
 * markdown-it parse costs ~150 ms per MB, too slow to run on every (debounced) keystroke.
 *
 * Every pass is linear in the line, whatever the line holds (a line of 100,000 `[` then 100,000
 * `]` once took 33 s with a regex per construct): constructs that need a closing delimiter are
 * scanned by hand with a memoized "next occurrence" search, so no position is rescanned for each
 * opener; the regexes left either start with a literal and stop at a character class boundary or
 * are anchored. visibleLineText.complexity.test.ts counts the steps on n and 10·n hostile input.
 */

const blockPrefix =
  /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?<heading>#{1,6})(?=[ \t]|$)|(?<listItem>(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))[ \t]*(?:\[[ xX]\](?=[ \t]|$))?)?/;
// After `](`: destination (`<…>` or balanced parentheses), optional title, `)`. Each part stops at
// a delimiter that also starts the next tail, so attempts at different `]` never scan the same text.
const linkTail =
  /\]\([ \t]*(?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*\)/y;
const autolink = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>/g;
// As linkify sees them: ASCII plus letters of any script, up to whitespace or non-ASCII punctuation.
const bareUrl = /(?:https?:\/\/|www\.)(?:[\x21-\x7e]|[^\s\p{P}\p{ASCII}])*/giu;
const shortcodeOpen = /\{\{[<%]/g;
const entity = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;
const escaped = /\\([!-/:-@[-`{-~])/g;
const emphasisMarks = /[*~]+/g;
const letterOrNumber = /[\p{L}\p{N}]/u;
const whitespace = /\s/;

/**
 * The next occurrence of `needle` at or after an offset, remembering the last answer: openers
 * that share one closing delimiter (or share its absence) cost one search, not one each.
 */
class NextOccurrence {
  private from = Infinity;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
    private readonly meter: WorkMeter,
  ) {}

  at(from: number): number {
    const known = from >= this.from && (this.found === -1 || from <= this.found);
    if (known) return this.found;
    this.found = this.text.indexOf(this.needle, from);
    this.meter.tick((this.found === -1 ? this.text.length : this.found) - from + 1);
    this.from = from;
    return this.found;
  }
}

/** `![alt](dest "title")` → alt, or `[text](dest)` → text: the label runs to the first `]`. */
function replaceInlineLinks(text: string, opener: '![' | '[', meter: WorkMeter): string {
  const closes = new NextOccurrence(text, ']', meter);
  let out = '';
  let pos = 0;
  for (let i = text.indexOf(opener); i !== -1;) {
    meter.tick();
    const labelStart = i + opener.length;
    const close = closes.at(labelStart);
    if (close === -1) break;
    linkTail.lastIndex = close;
    if (linkTail.test(text)) {
      meter.tick(linkTail.lastIndex - close);
      out += text.slice(pos, i) + text.slice(labelStart, close);
      pos = linkTail.lastIndex;
      i = text.indexOf(opener, pos);
    } else {
      // Every opener before `close` would end its label there too, and fail the same way.
      i = text.indexOf(opener, close + 1);
    }
  }
  return out + text.slice(pos);
}

/**
 * The next `[^` at or after `from`, found by its rare second character: V8's search for a
 * two-character needle whose first character fills the text (a line of `[`) slows down sharply.
 */
function nextCaretOpener(text: string, from: number): number {
  for (
    let caret = text.indexOf('^', from + 1);
    caret !== -1;
    caret = text.indexOf('^', caret + 1)
  ) {
    if (text.charCodeAt(caret - 1) === 0x5b /* [ */) return caret - 1;
  }
  return -1;
}

/** `[^label]` citations (no spaces in the label) removed. */
function removeFootnoteCitations(text: string, meter: WorkMeter): string {
  let out = '';
  let pos = 0;
  for (let i = nextCaretOpener(text, 0); i !== -1;) {
    let end = i + 2;
    while (end < text.length && text[end] !== ']' && !whitespace.test(text[end] as string)) end++;
    meter.tick(end - i);
    if (end < text.length && text[end] === ']' && end > i + 2) {
      out += text.slice(pos, i);
      pos = end + 1;
    }
    // A `[^` inside the scanned label stops at the same place: continue after it.
    i = nextCaretOpener(text, Math.max(end, i + 2));
  }
  return out + text.slice(pos);
}

/** `[text][ref]` → text. */
function replaceReferenceLinks(text: string, meter: WorkMeter): string {
  const closes = new NextOccurrence(text, ']', meter);
  let out = '';
  let pos = 0;
  for (let i = text.indexOf('['); i !== -1;) {
    meter.tick();
    const first = text[i + 1];
    if (first === undefined || first === ']' || first === '^') {
      i = text.indexOf('[', i + 1);
      continue;
    }
    const close = closes.at(i + 1);
    if (close === -1) break;
    const refClose = text[close + 1] === '[' ? closes.at(close + 2) : -1;
    if (refClose !== -1) {
      out += text.slice(pos, i) + text.slice(i + 1, close);
      pos = refClose + 1;
      i = text.indexOf('[', pos);
    } else {
      i = text.indexOf('[', close + 1);
    }
  }
  return out + text.slice(pos);
}

/** `<!-- … -->` removed. */
function removeHtmlComments(text: string, meter: WorkMeter): string {
  const ends = new NextOccurrence(text, '-->', meter);
  let out = '';
  let pos = 0;
  for (let i = text.indexOf('<!--'); i !== -1; i = text.indexOf('<!--', pos)) {
    const end = ends.at(i + 4);
    if (end === -1) break;
    out += text.slice(pos, i);
    pos = end + 3;
  }
  return out + text.slice(pos);
}

/** Hugo shortcodes `{{< … >}}` and `{{% … %}}` removed (either closing ends either opening). */
function removeShortcodes(text: string, meter: WorkMeter): string {
  const angleEnds = new NextOccurrence(text, '>}}', meter);
  const percentEnds = new NextOccurrence(text, '%}}', meter);
  let out = '';
  let pos = 0;
  shortcodeOpen.lastIndex = 0;
  for (let open = shortcodeOpen.exec(text); open; open = shortcodeOpen.exec(text)) {
    const angle = angleEnds.at(open.index + 3);
    const percent = percentEnds.at(open.index + 3);
    if (angle === -1 && percent === -1) break;
    const end = angle === -1 ? percent : percent === -1 ? angle : Math.min(angle, percent);
    out += text.slice(pos, open.index);
    pos = end + 3;
    shortcodeOpen.lastIndex = pos;
  }
  return out + text.slice(pos);
}

const isEmailLocal = (char: string | undefined): boolean =>
  char !== undefined && /[\w.+-]/.test(char);
const isDomainPart = (char: string | undefined): boolean =>
  char !== undefined && /[\w-]/.test(char);

/** E-mail addresses (`local@domain.tld`) removed; each `@` is looked at once. */
function removeEmails(text: string, meter: WorkMeter): string {
  let out = '';
  let pos = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > pos && isEmailLocal(text[start - 1])) start--;
    let end = at + 1;
    while (isDomainPart(text[end])) end++;
    let dotted = end > at + 1;
    let labels = 0;
    while (dotted && text[end] === '.' && isDomainPart(text[end + 1])) {
      end += 2;
      while (isDomainPart(text[end])) end++;
      labels++;
    }
    meter.tick(end - start + 1);
    dotted = dotted && labels > 0;
    if (start === at || !dotted) continue;
    out += text.slice(pos, start);
    pos = end;
    at = end - 1;
  }
  return out + text.slice(pos);
}

/** The code point ending just before `index` (a space at the start of the text). */
function codePointBefore(text: string, index: number): string {
  if (index === 0) return ' ';
  const low = text.charCodeAt(index - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && index >= 2;
  return text.slice(pair ? index - 2 : index - 1, index);
}

/**
 * Underscore runs at a word boundary (emphasis) removed; runs inside a word (`snake_case`) kept.
 * The run is judged by the characters on either side, once per run.
 */
function removeBoundaryUnderscores(text: string, meter: WorkMeter): string {
  let out = '';
  let pos = 0;
  for (let start = text.indexOf('_'); start !== -1; start = text.indexOf('_', pos)) {
    let end = start;
    while (text[end] === '_') end++;
    meter.tick(end - start);
    const atBoundary =
      !letterOrNumber.test(codePointBefore(text, start)) ||
      !letterOrNumber.test(String.fromCodePoint(text.codePointAt(end) ?? 0x20));
    out += text.slice(pos, start) + (atBoundary ? '' : text.slice(start, end));
    pos = end;
  }
  return out + text.slice(pos);
}

/** Inline markup of prose (no code spans) reduced to its visible text. */
function visibleProse(prose: string, meter: WorkMeter): string {
  let text = prose;
  // Each pass below is one forward scan of the text (plus the lookups the scanners tick).
  const pass = (): void => meter.tick(text.length + 1);
  if (text.includes('<')) {
    pass();
    text = removeHtmlComments(text, meter).replace(autolink, '');
  }
  if (text.includes('{{')) {
    pass();
    text = removeShortcodes(text, meter);
  }
  if (text.includes('[')) {
    pass();
    text = replaceInlineLinks(text, '![', meter);
    pass();
    text = replaceInlineLinks(text, '[', meter);
    pass();
    text = removeFootnoteCitations(text, meter);
    pass();
    text = replaceReferenceLinks(text, meter);
  }
  if (text.includes('://') || text.includes('www.')) {
    pass();
    text = text.replace(bareUrl, '');
  }
  if (text.includes('@')) {
    pass();
    text = removeEmails(text, meter);
  }
  if (text.includes('&')) {
    pass();
    text = text.replace(entity, (match) => (match === '&nbsp;' ? ' ' : '&'));
  }
  if (text.includes('\\')) {
    pass();
    text = text.replace(escaped, '$1');
  }
  if (text.includes('*') || text.includes('~')) {
    pass();
    text = text.replace(emphasisMarks, '');
  }
  if (text.includes('_')) {
    pass();
    text = removeBoundaryUnderscores(text, meter);
  }
  return text;
}

interface BacktickRun {
  from: number;
  to: number;
}

/**
 * Code spans: a backtick run closed by the next run of the same length. The next run of each
 * length is found in one backward pass, so unclosed runs of many lengths cost nothing extra.
 */
function codeSpans(line: string, meter: WorkMeter): { from: number; to: number; code: string }[] {
  const runs: BacktickRun[] = [];
  for (let i = line.indexOf('`'); i !== -1;) {
    let end = i;
    while (line.charCodeAt(end) === 0x60) end++;
    runs.push({ from: i, to: end });
    meter.tick(end - i);
    i = line.indexOf('`', end);
  }
  const nextOfSameLength = new Int32Array(runs.length).fill(-1);
  const laterRunOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    const run = runs[k] as BacktickRun;
    nextOfSameLength[k] = laterRunOfLength.get(run.to - run.from) ?? -1;
    laterRunOfLength.set(run.to - run.from, k);
  }
  const spans: { from: number; to: number; code: string }[] = [];
  for (let k = 0; k < runs.length; k++) {
    meter.tick();
    const closing = nextOfSameLength[k] ?? -1;
    if (closing === -1) continue;
    const open = runs[k] as BacktickRun;
    const close = runs[closing] as BacktickRun;
    spans.push({ from: open.from, to: close.to, code: line.slice(open.to, close.from) });
    k = closing;
  }
  return spans;
}

/** A line of prose (or a table row) reduced to its visible text; code spans shown verbatim. */
export function visibleInlineText(line: string, meter: WorkMeter = unmetered): string {
  let text = '';
  if (line.includes('`')) {
    let last = 0;
    for (const span of codeSpans(line, meter)) {
      text += visibleProse(line.slice(last, span.from), meter) + span.code;
      last = span.to;
    }
    text += visibleProse(line.slice(last), meter);
  } else {
    text = visibleProse(line, meter);
  }
  if (text.startsWith('|') || text.endsWith('|')) text = text.replace(/\|/g, ' ');
  return text.trim();
}

/** `Title ##` → `Title`: closing hashes after a space or tab, and the spaces around them. */
export function stripClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === end) return text;
  let spaces = hashes;
  while (spaces > 0 && (text[spaces - 1] === ' ' || text[spaces - 1] === '\t')) spaces--;
  return spaces === hashes ? text : text.slice(0, spaces);
}

/** Strips block markers (quote, heading, list item, task box) from the start of a line. */
export function stripBlockPrefix(line: string): { text: string; startsBlock: boolean } {
  const match = blockPrefix.exec(line);
  if (!match) return { text: line, startsBlock: false };
  let text = line.slice(match[0].length);
  const isHeading = match.groups?.['heading'] !== undefined;
  if (isHeading) text = stripClosingHashes(text);
  return { text, startsBlock: isHeading || match.groups?.['listItem'] !== undefined };
}
