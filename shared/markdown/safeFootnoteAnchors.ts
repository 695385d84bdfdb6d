import type { MarkdownIt, Token } from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import { linearFootnoteTail } from './linearFootnoteTail';

interface FootnoteMeta {
  id: number;
  subId?: number;
  label?: string;
}

const outsideSafeIdChars = /[^\p{L}\p{N}_-]+/gu;

/**
 * The anchor name used in `id="fn-…"` / `href="#fn-…"`. Labels come from the writer's text, so
 * anything outside letters, digits, `_` and `-` (quotes, `<`, spaces, `#`) becomes `-`: a label
 * like `"><script>` cannot leave the attribute. A slug that changed the label gets `.n` appended;
 * `.` never survives slugging, so two labels can't share an anchor. Inline notes (`^[…]`) have no
 * label and are named `inline.n` for the same reason.
 */
export function footnoteAnchorName(label: string | undefined, id: number): string {
  if (label === undefined || label === '') return `inline.${id + 1}`;
  const slug = label.replace(outsideSafeIdChars, '-');
  return slug === label ? label : `${slug}.${id + 1}`;
}

const metaOf = (token: Token | undefined): FootnoteMeta =>
  (token?.meta ?? { id: 0 }) as unknown as FootnoteMeta;

const subIdSuffix = (meta: FootnoteMeta): string =>
  meta.subId !== undefined && meta.subId > 0 ? `:${meta.subId}` : '';

/**
 * markdown-it-footnote with back-links, its anchors named after (sanitized) labels. Shown as
 * Goldmark shows them: each citation is the note's number (a note cited again keeps its number,
 * never markdown-it-footnote's `[1:1]`), and the note has one back-link per citation.
 */
export function safeFootnoteAnchors(md: MarkdownIt): void {
  md.use(footnotePlugin);
  linearFootnoteTail(md);
  const { escapeHtml } = md.utils;
  const rules = md.renderer.rules;

  rules['footnote_caption'] = (tokens, idx) => String(metaOf(tokens[idx]).id + 1);

  rules['footnote_anchor_name'] = (tokens, idx) => {
    const meta = metaOf(tokens[idx]);
    return escapeHtml(footnoteAnchorName(meta.label, meta.id));
  };

  rules['footnote_ref'] = (tokens, idx, options, env, self) => {
    const name = self.rules['footnote_anchor_name']?.(tokens, idx, options, env, self) ?? '';
    const caption = self.rules['footnote_caption']?.(tokens, idx, options, env, self) ?? '';
    const refId = name + subIdSuffix(metaOf(tokens[idx]));
    return `<sup class="footnote-ref"><a href="#fn-${name}" id="fnref-${refId}">${caption}</a></sup>`;
  };

  rules['footnote_open'] = (tokens, idx, options, env, self) => {
    const name = self.rules['footnote_anchor_name']?.(tokens, idx, options, env, self) ?? '';
    return `<li id="fn-${name}" class="footnote-item">`;
  };

  rules['footnote_anchor'] = (tokens, idx, options, env, self) => {
    const name = self.rules['footnote_anchor_name']?.(tokens, idx, options, env, self) ?? '';
    const refId = name + subIdSuffix(metaOf(tokens[idx]));
    // U+FE0E keeps the arrow from turning into an emoji on some platforms.
    return ` <a href="#fnref-${refId}" class="footnote-backref">\u21a9\uFE0E</a>`;
  };
}
