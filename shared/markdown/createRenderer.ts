import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';
import cjkFriendlyEmphasis from 'markdown-it-cjk-friendly';
import type { MarkdownRenderEnv } from './renderEnv';
import { keepLocalImageSources } from './resolveImage';
import { resolvedImages } from './resolvedImages';
import { safeFootnoteAnchors } from './safeFootnoteAnchors';
import { sourceLineAttribute } from './sourceLineAttribute';
import { tableAlignmentClasses } from './tableAlignmentClasses';
import { taskListItems } from './taskListItems';

export interface RenderMarkdownOptions {
  /** Lines before the body in the whole file (front matter), added to every `data-line`. */
  lineOffset: number;
  /** Image `src` -> URL to load, or null for a placeholder. Default: local kept, remote refused. */
  resolveImage?: (src: string) => string | null;
}

/**
 * The one markdown-it configuration of the app (preview and exports). Its HTML is NOT safe to
 * insert yet: sanitize it last (see sanitize.ts).
 *
 * - `html: false`: raw HTML in an article is shown as text, never parsed.
 * - default `validateLink` kept: javascript:, vbscript:, file: and non-image data: links are
 *   dropped by markdown-it itself.
 * - `typographer: false`: quotes in Chinese text are the writer's own.
 * - GFM tables and strikethrough come with the default preset; linkify turns bare URLs into links.
 */
export function createMarkdownRenderer(): MarkdownItInstance {
  return new MarkdownIt('default', { html: false, linkify: true, typographer: false })
    .use(cjkFriendlyEmphasis)
    .use(safeFootnoteAnchors)
    .use(taskListItems)
    .use(tableAlignmentClasses)
    .use(resolvedImages)
    .use(sourceLineAttribute);
}

let sharedRenderer: MarkdownItInstance | undefined;

/** Renders an article body (front matter already stripped) to unsanitized HTML. */
export function renderMarkdown(body: string, options: RenderMarkdownOptions): string {
  sharedRenderer ??= createMarkdownRenderer();
  const env: MarkdownRenderEnv = {
    lineOffset: options.lineOffset,
    resolveImage: options.resolveImage ?? keepLocalImageSources,
  };
  return sharedRenderer.render(body, env);
}
