import type { StateCore, Token } from 'markdown-it';
import { publishedRawHtml } from '../markdown/rawHtml';

/**
 * Sanitized HTML as a reader sees it: its paragraphs of text, `\n` where a line breaks. It needs
 * a DOM and the app's sanitizer, so main injects it (main/markdown/htmlText.ts).
 */
export type HtmlText = (html: string) => string[];

/** Private-use characters that stand for one inline token while its line is read as HTML. */
const markerOpen = '\uE000';
const markerClose = '\uE001';
const marker = /\uE000(\d+)\uE001/gu;

/**
 * For the exports that write no HTML (Word, plain text) when the site renders raw HTML: raw HTML
 * becomes the text the HTML export shows for it, read through the same sanitizer, so what the
 * site publishes is neither lost (a `<div>` block) nor added (what an inline `<script>` holds).
 *
 * - An html_block becomes one paragraph per paragraph of its text, none when it shows nothing.
 * - A line holding inline HTML is read as HTML whole, each of its other tokens as a marker: the
 *   tokens whose markers come through stay, in their order, with the text the HTML itself shows
 *   (a `<br>`, an iframe's card) in between. Lines without raw HTML are left alone.
 *
 * Comments never get this far (publishedRawHtml drops them).
 */
export function rawHtmlAsText(state: StateCore, htmlText: HtmlText): void {
  const tokens: Token[] = [];
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.children?.some(showsRawHtml))
      token.children = inlineAsText(state, token.children, htmlText);
    if (token.type !== 'html_block') {
      tokens.push(token);
      continue;
    }
    const html = publishedRawHtml(token.content);
    if (html.trim() === '') continue;
    for (const text of htmlText(html)) tokens.push(...paragraphTokens(state, token, text));
  }
  state.tokens = tokens;
}

const showsRawHtml = (child: Token): boolean =>
  child.type === 'html_inline' && publishedRawHtml(child.content) !== '';

function inlineAsText(state: StateCore, children: Token[], htmlText: HtmlText): Token[] {
  let html = '';
  children.forEach((child, i) => {
    html +=
      child.type === 'html_inline'
        ? publishedRawHtml(child.content)
        : `${markerOpen}${i}${markerClose}`;
  });
  const shown = htmlText(html).join('\n');
  const kept: Token[] = [];
  const used = new Set<number>();
  let last = 0;
  for (const match of shown.matchAll(marker)) {
    kept.push(...textTokens(state, shown.slice(last, match.index)));
    last = match.index + match[0].length;
    const index = Number(match[1]);
    const child = children[index];
    if (child && !used.has(index)) kept.push(child);
    used.add(index);
  }
  kept.push(...textTokens(state, shown.slice(last)));
  return kept;
}

/** Text with `\n` as text and hard-break tokens. */
function textTokens(state: StateCore, text: string): Token[] {
  const tokens: Token[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) tokens.push(new state.Token('hardbreak', 'br', 0));
    if (line === '') return;
    const token = new state.Token('text', '', 0);
    token.content = line;
    tokens.push(token);
  });
  return tokens;
}

/** A paragraph where the raw HTML block stood, at its level and with its source lines. */
function paragraphTokens(state: StateCore, block: Token, text: string): Token[] {
  const open = new state.Token('paragraph_open', 'p', 1);
  const inline = new state.Token('inline', '', 0);
  const close = new state.Token('paragraph_close', 'p', -1);
  open.block = inline.block = close.block = true;
  open.map = inline.map = block.map;
  open.level = close.level = block.level;
  inline.level = block.level + 1;
  inline.content = text;
  inline.children = textTokens(state, text);
  return [open, inline, close];
}
