import DOMPurify from 'dompurify';
import { parseArticle } from '../../shared/article';
import { createImageResolver } from '../../shared/markdown/resolveImage';
import { renderArticle } from '../../shared/markdown/renderArticle';
import type { RenderProfile } from '../../shared/markdown/renderProfile';
import type { HtmlSanitizer } from '../../shared/markdown/sanitize';
import { createSanitizer } from '../../shared/markdown/sanitize';
import { previewHtml } from '../security/trustedTypes';

let sanitizer: HtmlSanitizer | null = null;

/** The renderer's sanitizer: the shared DOMPurify configuration on the browser's DOM. */
export function previewSanitizer(): HtmlSanitizer {
  sanitizer ??= createSanitizer(DOMPurify);
  return sanitizer;
}

export interface PreviewContext {
  /** Workspace-relative path of the article ('' when unsaved). */
  articlePath: string;
  toAssetUrl: (workspacePath: string) => string;
  profile?: RenderProfile;
}

/** Article text -> sanitized preview HTML through the shared pipeline (whole document at once). */
export function renderArticlePreview(text: string, context: PreviewContext): string {
  return previewSanitizer()(renderUnsanitized(text, context));
}

/** The same, for an HTML sink: sanitized once, by the preview's Trusted Types policy. */
export function renderArticlePreviewHtml(text: string, context: PreviewContext): string {
  return previewHtml(renderUnsanitized(text, context), previewSanitizer());
}

function renderUnsanitized(text: string, context: PreviewContext): string {
  const { parts, data } = parseArticle(text);
  const resolveImage = createImageResolver({
    articlePath: context.articlePath,
    toAssetUrl: context.toAssetUrl,
  });
  const { headerHtml, bodyHtml } = renderArticle(data, parts.body, {
    lineOffset: parts.bodyStartLine,
    resolveImage,
    preview: true,
    page: { path: context.articlePath, params: data },
    ...(context.profile ? { profile: context.profile } : {}),
  });
  return headerHtml + bodyHtml;
}
