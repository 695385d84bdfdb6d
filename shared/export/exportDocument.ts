import { escapeHtml } from '../markdown/escapeHtml';
import { imagePlaceholderHtml } from '../markdown/imagePlaceholder';
import type { ArticleMetadata } from './articleMetadata';
import { exportLabels } from './exportLabels';

/** Hugo themes name the lead image differently; the first one present wins (as in the preview). */
export function featuredImageSource(data: Readonly<Record<string, unknown>>): string | null {
  const text = (value: unknown): string | null =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  const cover = data['cover'];
  const coverImage =
    typeof cover === 'object' && cover !== null
      ? (cover as Record<string, unknown>)['image']
      : cover;
  return text(data['featured_image']) ?? text(data['image']) ?? text(coverImage);
}

/**
 * The exported article's header: title, lead (`leadHtml` from shared/markdown/articleLead.ts),
 * date and byline, featured image. Every other value is escaped here, and the result is sanitized
 * with the body all the same.
 */
export function renderExportHeader(
  meta: ArticleMetadata,
  leadHtml: string | null,
  featuredImage: { src: string; url: string | null } | null,
): string {
  const zh = /^(?:zh|ja)\b/i.test(meta.lang);
  const parts = [`<h1 class="article-title">${escapeHtml(meta.title)}</h1>`];
  if (leadHtml) parts.push(`<p class="article-lead">${leadHtml}</p>`);
  const metaParts: string[] = [];
  if (meta.date) {
    metaParts.push(
      `<time datetime="${escapeHtml(meta.date.datetime)}">${escapeHtml(meta.date.text)}</time>`,
    );
  }
  if (meta.authors.length > 0) {
    const by = exportLabels(meta.lang).by;
    const names = meta.authors.map(escapeHtml).join(zh ? '、' : ', ');
    metaParts.push(
      `<span class="article-byline">${escapeHtml(by)}${zh ? '：' : ' '}${names}</span>`,
    );
  }
  if (metaParts.length > 0) parts.push(`<p class="article-meta">${metaParts.join('')}</p>`);
  if (featuredImage) {
    const image =
      featuredImage.url === null
        ? imagePlaceholderHtml('', featuredImage.src)
        : `<img src="${escapeHtml(featuredImage.url)}" alt="">`;
    parts.push(`<figure class="article-featured-image">${image}</figure>`);
  }
  return `<header class="article-header">\n${parts.join('\n')}\n</header>\n`;
}

export interface HtmlDocumentParts {
  meta: ArticleMetadata;
  /** Theme stylesheets, concatenated; trusted (ours, from assets/themes). */
  css: string;
  /** Sanitized article HTML (header + body). */
  articleHtml: string;
  theme: string;
  /** Image sources the page may load: 'data' only (embedded), or also relative files (copied). */
  imageSources: 'data' | 'data-and-files' | 'data-files-and-remote';
}

/**
 * A complete, self-contained HTML page. Its Content-Security-Policy forbids every script, frame
 * and network request besides its images: even if something slipped past the sanitizer, a
 * reader's browser would not run it.
 */
export function buildHtmlDocument(parts: HtmlDocumentParts): string {
  const { meta } = parts;
  const imgSrc = {
    data: 'data:',
    'data-and-files': "data: 'self' file:",
    'data-files-and-remote': "data: 'self' file: https: http:",
  }[parts.imageSources];
  const csp = `default-src 'none'; img-src ${imgSrc}; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'`;
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meta.title)}</title>`,
    meta.lead ? `<meta name="description" content="${escapeHtml(meta.lead)}">` : '',
    meta.authors.length > 0
      ? `<meta name="author" content="${escapeHtml(meta.authors.join(', '))}">`
      : '',
    meta.keywords.length > 0
      ? `<meta name="keywords" content="${escapeHtml(meta.keywords.join(', '))}">`
      : '',
    meta.date ? `<meta name="date" content="${escapeHtml(meta.date.datetime)}">` : '',
    '<meta name="generator" content="Byline">',
    `<style>\n${parts.css.replace(/<\/style/gi, '<\\/style')}\n</style>`,
  ].filter((line) => line !== '');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(meta.lang)}">`,
    '<head>',
    ...head,
    '</head>',
    `<body class="theme-${escapeHtml(parts.theme)}">`,
    `<article class="article" lang="${escapeHtml(meta.lang)}">`,
    parts.articleHtml,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
