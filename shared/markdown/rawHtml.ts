import type { MarkdownIt, Token } from 'markdown-it';
import { escapeHtml } from './escapeHtml';
import { isSummaryDivider, splitHtmlComments } from './htmlComments';
import { isRenderEnv } from './renderEnv';
import { resolveRawHtmlImages } from './resolvedImages';

const iframe = /<iframe\b([^>]*)>(?:[\s\S]*?<\/iframe\s*>)?/gi;
const srcAttribute = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/**
 * An embedded frame would load (and run) a remote page, so it becomes a card naming its
 * source; the sanitizer then decides whether that source may be a link.
 */
export function iframesAsCards(html: string): string {
  return html.replace(iframe, (_whole, attributes: string) => {
    const match = srcAttribute.exec(attributes);
    const src = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
    const safe = escapeHtml(src);
    return `<span class="embed-card">iframe: <a href="${safe}">${safe}</a></span>`;
  });
}

/**
 * What an export publishes of raw HTML on an `unsafe` site, before the sanitizer: everything but
 * comments, iframes as cards.
 */
export function publishedRawHtml(raw: string): string {
  let out = '';
  for (const piece of splitHtmlComments(raw))
    if ('html' in piece) out += iframesAsCards(piece.html);
  return out;
}

/**
 * Raw HTML as Hugo's Goldmark treats it. markdown-it parses it (`html: true`); this decides what
 * it becomes:
 *
 * - comments are never published: exports drop them; the preview shows each as a dim
 *   "not published" note (`.private-note`, its label from the page's CSS) so the writer still
 *   sees it, and `<!--more-->` as the summary divider;
 * - the rest is omitted when the site's `unsafe` is false (Goldmark writes
 *   `<!-- raw HTML omitted -->`, which shows nothing), and passed on for the sanitizer when true,
 *   `<iframe>`s turned into cards with their source and `<img>` sources resolved as Markdown
 *   images' are.
 */
export function rawHtml(md: MarkdownIt, options: { unsafe: boolean }): void {
  const render =
    (block: boolean) =>
    (tokens: Token[], idx: number, _options: unknown, env: unknown): string => {
      const token = tokens[idx];
      if (!token) return '';
      const preview = isRenderEnv(env) && env.preview === true;
      const line = block ? token.attrGet('data-line') : null;
      const at = line === null ? '' : ` data-line="${escapeHtml(String(line))}"`;
      let out = '';
      for (const piece of splitHtmlComments(token.content)) {
        if ('html' in piece) {
          if (options.unsafe && piece.html.trim() !== '')
            out += iframesAsCards(resolveRawHtmlImages(piece.html, env));
          continue;
        }
        if (!preview) continue;
        if (isSummaryDivider(piece.comment)) {
          out += block
            ? `<hr class="summary-divider"${at}>\n`
            : '<span class="summary-divider-inline"></span>';
          continue;
        }
        const text = escapeHtml(piece.comment.trim());
        out += block
          ? `<div class="private-note"${at}>${text}</div>\n`
          : `<span class="private-note">${text}</span>`;
      }
      if (block && out !== '' && !out.endsWith('\n')) out += '\n';
      return out;
    };
  md.renderer.rules.html_block = render(true);
  md.renderer.rules.html_inline = render(false);
}
