import type { MarkdownIt, Token } from 'markdown-it';
import { createMarkdownRenderer } from './createRenderer';
import { escapeHtml } from './escapeHtml';
import { splitHtmlComments } from './htmlComments';
import type { MarkdownRenderEnv } from './renderEnv';
import { hugoDefaultProfile, profileKey, type RenderProfile } from './renderProfile';
import { keepLocalImageSources } from './resolveImage';

// Hugo prints a number or boolean as text: `title: yes` publishes "true".
export const frontMatterText = (value: unknown): string | null =>
  typeof value === 'string'
    ? value.trim() || null
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : null;

/** A front matter text without its HTML comments, which are never published. */
const publishedTextOf = (value: unknown): string | null =>
  typeof value === 'string'
    ? frontMatterText(
        splitHtmlComments(value)
          .map((piece) => ('html' in piece ? piece.html : ''))
          .join(''),
      )
    : frontMatterText(value);

/**
 * The lead every output shows, as written: `summary` (Markdown: Hugo renders it for `.Summary`),
 * else `description` (plain text: Hugo's `.Description` is never rendered).
 */
function leadSource(
  data: Readonly<Record<string, unknown>>,
): { markdown: string } | { text: string } | null {
  const summary = publishedTextOf(data['summary']);
  if (summary !== null) return { markdown: summary };
  const description = publishedTextOf(data['description']);
  return description === null ? null : { text: description };
}

/** The lead as written (Markdown syntax and all): enough to tell the article's language. */
export const leadOf = (data: Readonly<Record<string, unknown>>): string | null => {
  const source = leadSource(data);
  return source === null ? null : 'markdown' in source ? source.markdown : source.text;
};

// Hugo renders the summary with Goldmark alone: shortcodes stay literal text, and it has no
// footnote definitions to cite.
const notInSummaries = [
  'shortcode_source',
  'shortcode_block',
  'shortcode_inline',
  'footnote_def',
  'footnote_ref',
  'footnote_inline',
  'footnote_tail',
];

const leadRenderers = new Map<string, MarkdownIt>();

function leadRendererFor(profile: Readonly<RenderProfile>): MarkdownIt {
  const key = profileKey(profile);
  let md = leadRenderers.get(key);
  if (!md) {
    md = createMarkdownRenderer(profile).disable(notInSummaries, true);
    leadRenderers.set(key, md);
  }
  return md;
}

export interface LeadRenderOptions {
  /** The site's Goldmark settings, as for the body; Hugo's defaults when omitted. */
  profile?: Readonly<RenderProfile>;
  /** Same resolver as the body's; default: local paths kept, remote and foreign schemes refused. */
  resolveImage?: (src: string) => string | null;
  /** Exports: an image the resolver refuses keeps its source, as in the body. */
  keepUnresolvedImages?: boolean;
}

const leadEnv = (options: LeadRenderOptions): MarkdownRenderEnv => ({
  lineOffset: 0,
  resolveImage: options.resolveImage ?? keepLocalImageSources,
  ...(options.keepUnresolvedImages ? { keepUnresolvedImages: true } : {}),
});

/**
 * The lead as HTML for an article header: the summary rendered as inline Markdown with the
 * body's profile (typographer, raw HTML omitted unless `unsafe`), or the description escaped.
 * Unsanitized, like the body: the caller sanitizes the whole page.
 */
export function leadHtml(
  data: Readonly<Record<string, unknown>>,
  options: LeadRenderOptions = {},
): string | null {
  const source = leadSource(data);
  if (source === null) return null;
  if ('text' in source) return escapeHtml(source.text);
  const profile = options.profile ?? hugoDefaultProfile;
  return leadRendererFor(profile).renderInline(source.markdown, leadEnv(options)).trim() || null;
}

/** What a reader reads of inline tokens: text and code as shown, images by their alt text. */
function readingText(tokens: readonly Token[], hardWraps: boolean): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') out += token.content;
    else if (token.type === 'softbreak') out += hardWraps ? '\n' : ' ';
    else if (token.type === 'hardbreak') out += '\n';
    else if (token.children) out += readingText(token.children, hardWraps);
  }
  return out;
}

/**
 * The lead as plain text, for outputs without markup (Word's lead, plain text, document
 * properties, `<meta name="description">`): the summary as its reader sees it, or the
 * description as written.
 */
export function leadText(
  data: Readonly<Record<string, unknown>>,
  profile: Readonly<RenderProfile> = hugoDefaultProfile,
): string | null {
  const source = leadSource(data);
  if (source === null) return null;
  if ('text' in source) return source.text;
  const tokens = leadRendererFor(profile).parseInline(source.markdown, leadEnv({}));
  const text = tokens.map((token) => readingText(token.children ?? [], profile.hardWraps));
  return text.join('').trim() || null;
}
