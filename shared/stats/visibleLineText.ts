/**
 * Approximates, for one line of Markdown, the text the preview shows: markup, link targets,
 * URLs, footnote citations and Hugo shortcodes removed. Line by line and regex-based on purpose:
 * a full markdown-it parse costs ~150 ms per MB, too slow to run on every (debounced) keystroke.
 * Each replacement only runs when its trigger character is on the line.
 */

const blockPrefix =
  /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?<heading>#{1,6})(?=[ \t]|$)|(?<listItem>(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))[ \t]*(?:\[[ xX]\](?=[ \t]|$))?)?/;
const closingHashes = /[ \t]+#+[ \t]*$/;
const codeSpan = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
// `](` + destination (`<…>` or balanced parentheses) + optional title + `)`.
const linkTail = String.raw`\]\([ \t]*(?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*\)`;
const image = new RegExp(String.raw`!\[([^\]]*)` + linkTail, 'g');
const inlineLink = new RegExp(String.raw`\[([^\]]*)` + linkTail, 'g');
const referenceLink = /\[([^\]^][^\]]*)\]\[[^\]]*\]/g;
const footnoteCitation = /\[\^[^\]\s]+\]/g;
const autolink = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>/g;
// As linkify sees them: ASCII plus letters of any script, up to whitespace or non-ASCII punctuation.
const bareUrl = /(?:https?:\/\/|www\.)(?:[\x21-\x7e]|[^\s\p{P}\p{ASCII}])*/giu;
const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const shortcode = /\{\{[<%][\s\S]*?[%>]\}\}/g;
const htmlComment = /<!--[\s\S]*?-->/g;
const entity = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;
const escaped = /\\([!-/:-@[-`{-~])/g;
const emphasisMarks = /[*~]+/g;
const boundaryUnderscores = /(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu;

/** Inline markup of prose (no code spans) reduced to its visible text. */
function visibleProse(prose: string): string {
  let text = prose;
  if (text.includes('<')) text = text.replace(htmlComment, '').replace(autolink, '');
  if (text.includes('{{')) text = text.replace(shortcode, '');
  if (text.includes('[')) {
    text = text
      .replace(image, '$1')
      .replace(inlineLink, '$1')
      .replace(footnoteCitation, '')
      .replace(referenceLink, '$1');
  }
  if (text.includes('://') || text.includes('www.')) text = text.replace(bareUrl, '');
  if (text.includes('@')) text = text.replace(email, '');
  if (text.includes('&')) text = text.replace(entity, (match) => (match === '&nbsp;' ? ' ' : '&'));
  if (text.includes('\\')) text = text.replace(escaped, '$1');
  if (text.includes('*') || text.includes('~')) text = text.replace(emphasisMarks, '');
  if (text.includes('_')) text = text.replace(boundaryUnderscores, '$1');
  return text;
}

/** A line of prose (or a table row) reduced to its visible text; code spans shown verbatim. */
export function visibleInlineText(line: string): string {
  let text = '';
  if (line.includes('`')) {
    let last = 0;
    for (const match of line.matchAll(codeSpan)) {
      text += visibleProse(line.slice(last, match.index)) + (match[2] ?? '');
      last = match.index + match[0].length;
    }
    text += visibleProse(line.slice(last));
  } else {
    text = visibleProse(line);
  }
  if (text.startsWith('|') || text.endsWith('|')) text = text.replace(/\|/g, ' ');
  return text.trim();
}

/** Strips block markers (quote, heading, list item, task box) from the start of a line. */
export function stripBlockPrefix(line: string): { text: string; startsBlock: boolean } {
  const match = blockPrefix.exec(line);
  if (!match) return { text: line, startsBlock: false };
  let text = line.slice(match[0].length);
  const isHeading = match.groups?.['heading'] !== undefined;
  if (isHeading) text = text.replace(closingHashes, '');
  return { text, startsBlock: isHeading || match.groups?.['listItem'] !== undefined };
}
