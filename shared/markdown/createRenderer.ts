import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';
import cjkFriendlyEmphasis from 'markdown-it-cjk-friendly';
import { definitionLists } from './definitionLists';
import { goldmarkTypography } from './goldmarkTypography';
import { headingIds } from './headingIds';
import { rawHtml } from './rawHtml';
import type { MarkdownRenderEnv } from './renderEnv';
import { hugoDefaultProfile, profileKey, type RenderProfile } from './renderProfile';
import { linkifyCandidates } from './linkifyCandidates';
import { keepLocalImageSources } from './resolveImage';
import { resolvedImages } from './resolvedImages';
import { safeFootnoteAnchors } from './safeFootnoteAnchors';
import { createShortcodeEnv, type RefKind, type ShortcodePage } from './shortcodes/shortcodeEnv';
import { shortcodes } from './shortcodes/shortcodePlugin';
import { sourceLineAttribute } from './sourceLineAttribute';
import { tableAlignmentClasses } from './tableAlignmentClasses';
import { taskListItems } from './taskListItems';

export interface RenderMarkdownOptions {
  /** Lines before the body in the whole file (front matter), added to every `data-line`. */
  lineOffset: number;
  /** Image `src` -> URL to load, or null for a placeholder. Default: local kept, remote refused. */
  resolveImage?: (src: string) => string | null;
  /** The site's Goldmark settings; Hugo's defaults when omitted. */
  profile?: Readonly<RenderProfile>;
  /** Rendering for the writer's preview: unpublished comments are shown as notes. */
  preview?: boolean;
  /** The article (path from the site root, front matter) for `param`, `ref` and `relref`. */
  page?: ShortcodePage;
  /** `ref`/`relref` target -> published URL; by default from the target's path alone. */
  resolveRef?: (target: string, kind: RefKind) => string | null;
}

const footnoteRules = ['footnote_def', 'footnote_ref', 'footnote_inline', 'footnote_tail'];

/**
 * The one markdown-it configuration of the app (preview and exports), set up as the profile
 * (the Hugo site's Goldmark settings) says. Its HTML is NOT safe to insert yet: sanitize it last
 * (see sanitize.ts).
 *
 * - `html: true` so raw HTML is parsed as Goldmark parses it; rawHtml.ts then drops comments and
 *   omits the rest unless the profile is `unsafe` (never printed as text, as Hugo never does).
 * - default `validateLink` kept: javascript:, vbscript:, file: and non-image data: links are
 *   dropped by markdown-it itself.
 * - typographer (Goldmark's substitutions: goldmarkTypography.ts), linkify, tables,
 *   strikethrough, footnotes and definition lists (definitionLists.ts) as the profile has them.
 * - CJK-friendly emphasis only where the site enables Goldmark's CJK extension: without it Hugo
 *   prints the asterisks of `**“重点”**狭隘`, and the preview must show what readers will see.
 */
export function createMarkdownRenderer(
  profile: Readonly<RenderProfile> = hugoDefaultProfile,
): MarkdownItInstance {
  const md = new MarkdownIt('default', {
    html: true,
    breaks: profile.hardWraps,
    linkify: profile.linkify,
    typographer: profile.typographer,
  });
  md.use(goldmarkTypography);
  if (!profile.table) md.disable('table');
  if (!profile.strikethrough) md.disable('strikethrough');
  if (profile.cjk) md.use(cjkFriendlyEmphasis);
  if (profile.linkify) md.use(linkifyCandidates);
  md.use(shortcodes)
    .use(rawHtml, { unsafe: profile.unsafe })
    .use(headingIds, { attributes: profile.headingAttributes })
    .use(safeFootnoteAnchors)
    .use(taskListItems)
    .use(tableAlignmentClasses)
    .use(resolvedImages)
    .use(sourceLineAttribute);
  // Last: it wraps the code and HTML block renderers the plugins above have set.
  if (profile.definitionList) md.use(definitionLists);
  if (!profile.footnote) md.disable(footnoteRules);
  return md;
}

const renderers = new Map<string, MarkdownItInstance>();

/** One markdown-it per profile, made on first use. */
export function markdownRendererFor(
  profile: Readonly<RenderProfile> = hugoDefaultProfile,
): MarkdownItInstance {
  const key = profileKey(profile);
  let md = renderers.get(key);
  if (!md) {
    md = createMarkdownRenderer(profile);
    renderers.set(key, md);
  }
  return md;
}

/** Renders an article body (front matter already stripped) to unsanitized HTML. */
export function renderMarkdown(body: string, options: RenderMarkdownOptions): string {
  const env: MarkdownRenderEnv = {
    lineOffset: options.lineOffset,
    resolveImage: options.resolveImage ?? keepLocalImageSources,
    ...(options.preview ? { preview: true } : {}),
    shortcodes: createShortcodeEnv(
      options.profile ?? hugoDefaultProfile,
      options.page,
      options.resolveRef,
    ),
  };
  return markdownRendererFor(options.profile).render(body, env);
}
