import type { StateCore, Token } from 'markdown-it';
import { publishedRawHtml } from '../markdown/rawHtml';

/** A piece of raw HTML as a reader sees it, in the terms the export writers know from Markdown. */
export type HtmlPiece =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'open'; mark: HtmlMark; href?: string }
  | { kind: 'close'; mark: HtmlMark }
  | { kind: 'image'; src: string; alt: string; title: string };
export type HtmlMark = 'strong' | 'em' | 'link';

/**
 * Sanitized HTML as a reader sees it: its paragraphs, each a run of pieces. It needs a DOM and
 * the app's sanitizer, so main injects it (main/markdown/htmlText.ts).
 */
export type HtmlText = (html: string) => HtmlPiece[][];

/** Private-use characters that stand for one inline token while its line is read as HTML. */
const markerOpen = '\uE000';
const markerClose = '\uE001';
const marker = /\uE000(\d+)\uE001/gu;

/**
 * For the exports that write no HTML (Word, plain text) when the site renders raw HTML: raw HTML
 * becomes what the HTML export shows for it, read through the same sanitizer, so what the site
 * publishes is neither lost (a `<div>` block, a link's address, an image) nor added (what an
 * inline `<script>` holds). Bold, italics, links and images become the tokens Markdown makes for
 * them, so each writer treats them as it treats Markdown.
 *
 * - An html_block becomes one paragraph per paragraph of its content, none when it shows nothing.
 * - A line holding inline HTML is read as HTML whole, each of its other tokens as a marker: the
 *   tokens whose markers come through stay, in their order, with what the HTML itself shows (a
 *   `<br>`, an iframe's card) in between. Lines without raw HTML are left alone.
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
    for (const pieces of htmlText(html)) tokens.push(...paragraphTokens(state, token, pieces));
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
  const kept: Token[] = [];
  const used = new Set<number>();
  htmlText(html).forEach((pieces, paragraph) => {
    if (paragraph > 0) kept.push(new state.Token('hardbreak', 'br', 0));
    for (const piece of pieces) {
      if (piece.kind !== 'text') {
        kept.push(...pieceTokens(state, piece));
        continue;
      }
      let last = 0;
      for (const match of piece.text.matchAll(marker)) {
        kept.push(...textTokens(state, piece.text.slice(last, match.index)));
        last = match.index + match[0].length;
        const index = Number(match[1]);
        const child = children[index];
        if (child && !used.has(index)) kept.push(child);
        used.add(index);
      }
      kept.push(...textTokens(state, piece.text.slice(last)));
    }
  });
  return kept;
}

/** The tokens Markdown makes for a piece. */
function pieceTokens(state: StateCore, piece: HtmlPiece): Token[] {
  switch (piece.kind) {
    case 'text':
      return textTokens(state, piece.text);
    case 'break':
      return [new state.Token('hardbreak', 'br', 0)];
    case 'open': {
      const tag = piece.mark === 'link' ? 'a' : piece.mark;
      const token = new state.Token(`${piece.mark}_open`, tag, 1);
      if (piece.href !== undefined) token.attrSet('href', state.md.normalizeLink(piece.href));
      return [token];
    }
    case 'close':
      return [new state.Token(`${piece.mark}_close`, piece.mark === 'link' ? 'a' : piece.mark, -1)];
    case 'image': {
      const token = new state.Token('image', 'img', 0);
      token.attrs = [
        ['src', state.md.normalizeLink(piece.src)],
        ['alt', ''],
      ];
      if (piece.title !== '') token.attrSet('title', piece.title);
      token.content = piece.alt;
      token.children = textTokens(state, piece.alt);
      return [token];
    }
  }
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
function paragraphTokens(state: StateCore, block: Token, pieces: HtmlPiece[]): Token[] {
  const open = new state.Token('paragraph_open', 'p', 1);
  const inline = new state.Token('inline', '', 0);
  const close = new state.Token('paragraph_close', 'p', -1);
  open.block = inline.block = close.block = true;
  open.map = inline.map = block.map;
  open.level = close.level = block.level;
  inline.level = block.level + 1;
  inline.children = pieces.flatMap((piece) => pieceTokens(state, piece));
  inline.content = pieces.map((piece) => (piece.kind === 'text' ? piece.text : '')).join('');
  return [open, inline, close];
}
