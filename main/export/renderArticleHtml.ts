import type { ExportFlavor, LinkReference } from '../../shared/export/exportMarkdown';
import { renderForExport } from '../../shared/export/exportMarkdown';
import { featuredImageSource, renderExportHeader } from '../../shared/export/exportDocument';
import { leadHtml } from '../../shared/markdown/articleLead';
import type { HtmlSanitizer } from '../../shared/markdown/sanitize';
import type { ArticleImages } from './articleImages';
import { articleShortcodeOptions } from './articleShortcodes';
import type { ArticleSource } from './articleSource';

export interface ArticleHtmlOptions {
  flavor: ExportFlavor;
  /** Turns a local image source into the URL written into the page, or null for a placeholder. */
  imageUrl: (src: string) => string | null;
  allowRemoteImages: boolean;
}

export interface ArticleHtml {
  /** Header + body, through the app's strict sanitizer. */
  html: string;
  linkReferences: LinkReference[];
  /** What the export shows differently from the site (shortcodes, images kept as references). */
  notes: string[];
}

const remote = /^(?:https?:)?\/\//i;

/**
 * The common pipeline of every HTML-shaped export: article -> shared markdown pipeline (header
 * from front matter, body) -> the strict sanitizer. Format-specific steps come after.
 */
export function renderArticleHtml(
  source: ArticleSource,
  images: ArticleImages,
  sanitize: HtmlSanitizer,
  options: ArticleHtmlOptions,
): ArticleHtml {
  const notes: string[] = [];
  const resolveImage = (src: string): string | null => {
    const trimmed = src.trim();
    if (remote.test(trimmed)) {
      if (options.allowRemoteImages) return trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
      notes.push(`Remote image not embedded (remote images are off): ${trimmed}`);
      return null;
    }
    if (/^data:image\/(?:png|gif|jpeg|webp|avif);/i.test(trimmed)) return trimmed;
    return options.imageUrl(trimmed);
  };
  const featured = featuredImageSource(source.data);
  const header = renderExportHeader(
    source.meta,
    leadHtml(source.data, { profile: source.profile, resolveImage, keepUnresolvedImages: true }),
    featured ? { src: featured, url: resolveImage(featured) } : null,
  );
  const body = renderForExport(source.body, source.meta.lang, {
    flavor: options.flavor,
    resolveImage,
    profile: source.profile,
    ...articleShortcodeOptions(source),
  });
  return {
    html: sanitize(`${header}<div class="article-body">\n${body.html}</div>\n`),
    linkReferences: body.linkReferences,
    notes: [...new Set([...notes, ...body.notes])],
  };
}
