import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { createMarkdownRenderer } from '../markdown/createRenderer';
import { escapeHtml } from '../markdown/escapeHtml';
import type { MarkdownRenderEnv } from '../markdown/renderEnv';
import { hugoDefaultProfile, profileKey, type RenderProfile } from '../markdown/renderProfile';
import { keepLocalImageSources } from '../markdown/resolveImage';
import {
  createShortcodeEnv,
  type RefKind,
  type ShortcodePage,
} from '../markdown/shortcodes/shortcodeEnv';
import { exportLabels } from './exportLabels';
import { splitHanRuns } from './hanRuns';
import { rawHtmlAsText, type HtmlText } from './rawHtmlText';

/**
 * The preview's markdown-it pipeline (same plugins, same sanitizer afterwards) with what exports
 * need on top:
 *
 * - no `data-line` attributes (they only serve scroll sync);
 * - for the exports that write no HTML, raw HTML as its text (rawHtmlText.ts) where the site
 *   renders raw HTML;
 * - a paragraph holding one image becomes `<figure>`; it gets a `<figcaption>` (title, else alt)
 *   only where the site's image render hook writes one (Hugo itself writes none);
 * - site-relative links (`/cn/2017/01/roller-coaster/`) are made absolute with the site's
 *   `baseURL`, so they still lead to the page outside the site;
 * - an image the resolver refuses keeps its `<img>` with the source as written (the exporter
 *   reports it), as Hugo publishes it;
 * - Han text inside `<em>` is wrapped in `<span class="cjk-emphasis">`, so themes can mark it
 *   with emphasis dots instead of a faux (slanted) italic that Han fonts do not have;
 * - flavor `wechat`: outside links become plain text plus a numbered reference listed at the
 *   end (WeChat refuses outside links), numbered after the footnotes, which become plain
 *   numbered endnotes (no anchors, no back-links).
 *
 * The HTML is NOT safe yet: every caller sanitizes it last.
 */
export type ExportFlavor = 'document' | 'wechat';

export interface LinkReference {
  /**
   * In order of first appearance after the footnotes' numbers; the same URL keeps its first
   * number.
   */
  n: number;
  url: string;
  /** The link text as first written. */
  text: string;
}

export interface ExportRenderEnv extends MarkdownRenderEnv {
  exportFlavor: ExportFlavor;
  /** Filled by the wechat flavor. */
  linkReferences: LinkReference[];
  /** The site's address (`https://example.org/blog/`), or '' when unknown. */
  baseURL: string;
  /** The site's image render hook writes a caption. */
  imageCaptions: boolean;
  /** Set for the exports that write no HTML, when the site renders raw HTML. */
  rawHtmlText: HtmlText | null;
}

export interface ExportRenderOptions {
  flavor?: ExportFlavor;
  /** The site's Goldmark settings; Hugo's defaults when omitted. */
  profile?: Readonly<RenderProfile>;
  resolveImage?: (src: string) => string | null;
  /** The article (path from the site root, front matter) for `param`, `ref` and `relref`. */
  page?: ShortcodePage;
  /** `ref`/`relref` target -> published URL; by default from the target's path alone. */
  resolveRef?: (target: string, kind: RefKind) => string | null;
  /**
   * Exports that write no HTML (Word, plain text): reads sanitized HTML as text, so raw HTML shows
   * its text where the site renders raw HTML. Without it the tokens keep raw HTML as markup.
   */
  rawHtmlText?: HtmlText;
}

export interface ParsedBody {
  tokens: Token[];
  env: ExportRenderEnv;
}

const isExportEnv = (env: unknown): env is ExportRenderEnv =>
  typeof env === 'object' &&
  env !== null &&
  typeof (env as Partial<ExportRenderEnv>).exportFlavor === 'string';

function stripSourceLines(tokens: readonly Token[]): void {
  for (const token of tokens) {
    if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'data-line');
  }
}

/** `<p><img></p>` -> `<figure><img></figure>`, with `<figcaption>title or alt</figcaption>` where the site's hook writes one. */
function imageParagraphsToFigures(state: StateCore, captions: boolean): void {
  const tokens = state.tokens;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const open = tokens[i - 1];
    const inline = tokens[i];
    const close = tokens[i + 1];
    if (
      open?.type !== 'paragraph_open' ||
      inline?.type !== 'inline' ||
      close?.type !== 'paragraph_close'
    )
      continue;
    const children = (inline.children ?? []).filter(
      (c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak',
    );
    const image = children[0];
    if (children.length !== 1 || image?.type !== 'image') continue;
    open.tag = 'figure';
    close.tag = 'figure';
    open.attrJoin('class', 'figure');
    const caption = String(image.attrGet('title') ?? '').trim() || image.content.trim();
    inline.children = [image];
    if (captions && caption !== '') {
      const captionOpen = new state.Token('figcaption_open', 'figcaption', 1);
      // Text exports skip it: the image's alt text already says it (a figure shortcode's own
      // caption, title and credit are text of their own).
      captionOpen.meta = { repeatsImage: true };
      const text = new state.Token('text', '', 0);
      text.content = caption;
      inline.children.push(
        captionOpen,
        text,
        new state.Token('figcaption_close', 'figcaption', -1),
      );
    }
  }
}

function markHanEmphasis(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let depth = 0;
    for (const child of block.children) {
      if (child.type === 'em_open') depth++;
      if (child.type === 'em_close') depth = Math.max(0, depth - 1);
      if (depth === 0 || child.type !== 'text') {
        out.push(child);
        continue;
      }
      for (const run of splitHanRuns(child.content)) {
        const text = new state.Token('text', '', 0);
        text.content = run.text;
        if (!run.han) {
          out.push(text);
          continue;
        }
        const open = new state.Token('cjk_emphasis_open', 'span', 1);
        open.attrSet('class', 'cjk-emphasis');
        out.push(open, text, new state.Token('cjk_emphasis_close', 'span', -1));
      }
    }
    block.children = out;
  }
}

const inPageLink = /^#/;
const siteRelative = /^\/(?!\/)/;

/** `/cn/2017/01/x/` -> `https://example.org/cn/2017/01/x/`: the host of baseURL, as a browser resolves it on the site. */
function absoluteSiteLinks(state: StateCore, baseURL: string): void {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.exec(baseURL)?.[0];
  if (!origin) return;
  for (const block of state.tokens) {
    for (const child of block.children ?? []) {
      if (child.type !== 'link_open') continue;
      const href = String(child.attrGet('href') ?? '');
      if (siteRelative.test(href)) child.attrSet('href', origin + href);
    }
  }
}

/**
 * WeChat: `[text](https://…)` -> `text[n]`, the URL listed at the end. The numbers go on after the
 * footnotes' (three notes: the first link is [4]), so a number names one entry of one list and a
 * reader never takes a link's address for a note's source.
 */
function linksToReferences(state: StateCore, env: ExportRenderEnv): void {
  const byUrl = new Map<string, LinkReference>();
  let notes = 0;
  for (const token of state.tokens)
    if (token.type === 'footnote_open')
      notes = Math.max(notes, ((token.meta as { id?: number } | null)?.id ?? 0) + 1);
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children = block.children;
    for (let i = 0; i < children.length; i++) {
      const open = children[i];
      if (open?.type !== 'link_open') continue;
      const href = String(open.attrGet('href') ?? '');
      let close = i + 1;
      while (close < children.length && children[close]?.type !== 'link_close') close++;
      const text = children
        .slice(i + 1, close)
        .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : ''))
        .join('');
      open.type = 'link_text_open';
      open.tag = 'span';
      open.attrs = [['class', 'link-text']];
      const closing = children[close];
      if (!closing) continue;
      closing.type = 'link_text_close';
      closing.tag = 'span';
      // A bare URL (linkify) or an in-page anchor needs no reference: its text says it all.
      if (inPageLink.test(href) || href === '' || text === href || `mailto:${text}` === href)
        continue;
      let reference = byUrl.get(href);
      if (!reference) {
        reference = { n: notes + byUrl.size + 1, url: href, text };
        byUrl.set(href, reference);
        env.linkReferences.push(reference);
      }
      const marker = new state.Token('link_reference', 'sup', 0);
      marker.meta = { n: reference.n };
      children.splice(close + 1, 0, marker);
    }
  }
}

/**
 * Where the site writes every line break of a paragraph as `<br>` (Goldmark's `hardWraps`), Word
 * and plain text break the line there too: each writer already knows a hard break.
 */
function softBreaksAsLineBreaks(state: StateCore): void {
  for (const block of state.tokens)
    for (const child of block.children ?? [])
      if (child.type === 'softbreak') {
        child.type = 'hardbreak';
        child.tag = 'br';
      }
}

/** WeChat: each footnote's first paragraph starts with its number, `[1] …`. */
function numberFootnotes(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type !== 'footnote_open') continue;
    const id = (token.meta as { id: number }).id;
    for (let j = i + 1; j < tokens.length && tokens[j]?.type !== 'footnote_close'; j++) {
      const inline = tokens[j];
      if (inline?.type !== 'inline') continue;
      const number = new state.Token('footnote_number', '', 0);
      number.meta = { n: id + 1 };
      inline.children = [number, ...(inline.children ?? [])];
      break;
    }
  }
}

function exportTransforms(md: MarkdownIt): void {
  md.core.ruler.push('export_transforms', (state: StateCore) => {
    if (!isExportEnv(state.env)) return;
    stripSourceLines(state.tokens);
    for (const token of state.tokens) if (token.children) stripSourceLines(token.children);
    if (state.md.options.breaks) softBreaksAsLineBreaks(state);
    if (state.env.rawHtmlText) rawHtmlAsText(state, state.env.rawHtmlText);
    imageParagraphsToFigures(state, state.env.imageCaptions);
    absoluteSiteLinks(state, state.env.baseURL);
    markHanEmphasis(state);
    if (state.env.exportFlavor === 'wechat') {
      linksToReferences(state, state.env);
      numberFootnotes(state);
    }
  });

  const rules = md.renderer.rules;
  const footnoteRef = rules['footnote_ref'];
  const footnoteAnchor = rules['footnote_anchor'];
  const footnoteOpen = rules['footnote_open'];
  const footnoteClose = rules['footnote_close'];
  const footnoteBlockOpen = rules['footnote_block_open'];
  const footnoteBlockClose = rules['footnote_block_close'];
  const taskCheckbox = rules['task_list_checkbox'];
  const wechat = (env: unknown): boolean => isExportEnv(env) && env.exportFlavor === 'wechat';
  const idOf = (token: Token | undefined): number =>
    (token?.meta as { id?: number } | undefined)?.id ?? 0;

  rules['footnote_ref'] = (tokens, idx, options, env, self) =>
    wechat(env)
      ? `<sup class="footnote-ref">[${idOf(tokens[idx]) + 1}]</sup>`
      : (footnoteRef?.(tokens, idx, options, env, self) ?? '');
  rules['footnote_anchor'] = (tokens, idx, options, env, self) =>
    wechat(env) ? '' : (footnoteAnchor?.(tokens, idx, options, env, self) ?? '');
  rules['footnote_open'] = (tokens, idx, options, env, self) =>
    wechat(env)
      ? '<div class="footnote-item">'
      : (footnoteOpen?.(tokens, idx, options, env, self) ?? '');
  rules['footnote_close'] = (tokens, idx, options, env, self) =>
    wechat(env) ? '</div>\n' : (footnoteClose?.(tokens, idx, options, env, self) ?? '');
  rules['footnote_block_open'] = (tokens, idx, options, env, self) =>
    wechat(env)
      ? '<hr class="footnotes-sep">\n<section class="footnotes">\n'
      : (footnoteBlockOpen?.(tokens, idx, options, env, self) ?? '');
  rules['footnote_block_close'] = (tokens, idx, options, env, self) =>
    wechat(env) ? '</section>\n' : (footnoteBlockClose?.(tokens, idx, options, env, self) ?? '');
  // WeChat's editor drops form controls: a task's state is written as the text shows it.
  rules['task_list_checkbox'] = (tokens, idx, options, env, self) =>
    wechat(env)
      ? (tokens[idx]?.meta as { checked?: boolean } | null)?.checked
        ? '☑ '
        : '☐ '
      : (taskCheckbox?.(tokens, idx, options, env, self) ?? '');
  rules['footnote_number'] = (tokens, idx) =>
    `<span class="footnote-number">[${(tokens[idx]?.meta as { n: number }).n}]</span> `;
  rules['link_reference'] = (tokens, idx) =>
    `<sup class="link-reference">[${(tokens[idx]?.meta as { n: number }).n}]</sup>`;
}

const exportRenderers = new Map<string, MarkdownIt>();

function renderer(profile: Readonly<RenderProfile> = hugoDefaultProfile): MarkdownIt {
  const key = profileKey(profile);
  let md = exportRenderers.get(key);
  if (!md) {
    md = createMarkdownRenderer(profile).use(exportTransforms);
    exportRenderers.set(key, md);
  }
  return md;
}

function freshEnv(options: ExportRenderOptions): ExportRenderEnv {
  const profile = options.profile ?? hugoDefaultProfile;
  return {
    lineOffset: 0,
    resolveImage: options.resolveImage ?? keepLocalImageSources,
    keepUnresolvedImages: true,
    exportFlavor: options.flavor ?? 'document',
    linkReferences: [],
    baseURL: profile.baseURL,
    imageCaptions: profile.site?.imageCaptions ?? false,
    rawHtmlText: profile.unsafe ? (options.rawHtmlText ?? null) : null,
    shortcodes: createShortcodeEnv(profile, options.page, options.resolveRef),
  };
}

/** Shortcodes this render could not show as the site publishes them (for the export report). */
export const exportNotes = (env: ExportRenderEnv): string[] => env.shortcodes?.notes ?? [];

/** Tokens for exporters that walk the tree themselves (Word, plain text). */
export function parseForExport(body: string, options: ExportRenderOptions = {}): ParsedBody {
  const env = freshEnv(options);
  return { tokens: renderer(options.profile).parse(body, env), env };
}

/** Inline tokens as plain text (alt text, captions): what the reader would read. */
export function inlineText(tokens: readonly Token[] | null): string {
  return renderer().renderer.renderInlineAsText([...(tokens ?? [])], renderer().options, {});
}

export interface RenderedExportBody {
  /** Unsanitized. */
  html: string;
  linkReferences: LinkReference[];
  /** Shortcodes shown differently from the site (for the export report). */
  notes: string[];
}

/**
 * Body HTML for exports; with the wechat flavor, the numbered link list is appended (escaped:
 * only the URL text is shown, never a link).
 */
export function renderForExport(
  body: string,
  lang: string,
  options: ExportRenderOptions = {},
): RenderedExportBody {
  const md = renderer(options.profile);
  const { tokens, env } = parseForExport(body, options);
  let html = md.renderer.render(tokens, md.options, env);
  if (env.exportFlavor === 'wechat' && env.linkReferences.length > 0) {
    const labels = exportLabels(lang);
    const items = env.linkReferences
      .map(
        (r) =>
          `<p class="link-reference-item"><span class="link-reference-number">[${r.n}]</span> ` +
          `${r.text ? `${escapeHtml(r.text)}: ` : ''}<span class="link-reference-url">${escapeHtml(r.url)}</span></p>`,
      )
      .join('\n');
    html += `<section class="link-references">\n<h3 class="link-references-title">${escapeHtml(labels.links)}</h3>\n${items}\n</section>\n`;
  }
  return { html, linkReferences: env.linkReferences, notes: exportNotes(env) };
}

/** A `figcaption_open` that only repeats its image's title or alt text (see imageParagraphsToFigures). */
export const captionRepeatsImage = (token: Token): boolean =>
  (token.meta as { repeatsImage?: boolean } | null)?.repeatsImage === true;

/** An image whose alt text is its figure's caption, which is shown under it anyway. */
export const altIsCaption = (token: Token): boolean =>
  (token.meta as { altFromCaption?: boolean } | null)?.altFromCaption === true;
