import { frontMatterText as textOf, leadHtml, type LeadRenderOptions } from './articleLead';
import { escapeHtml } from './escapeHtml';
import { imagePlaceholderHtml } from './imagePlaceholder';
import { keepLocalImageSources } from './resolveImage';

/** The body's profile (for the summary's Markdown) and image resolver. */
export type ArticleHeaderOptions = Omit<LeadRenderOptions, 'keepUnresolvedImages'>;

export interface FormattedDate {
  /** As written, minutes precision: "2025-06-18 11:20". */
  text: string;
  /** For `<time datetime>`: the original value. */
  datetime: string;
}

const writtenDateTime = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2}))?/;
const utcMidnight = /T00:00:00(?:\.000)?Z$/;

/**
 * Shows a front matter date the way it was written, never converted to the reader's timezone:
 * `2025-06-18T11:20:04+08:00` -> `2025-06-18 11:20`. A Date object (a YAML parser that already
 * converted it) is shown in UTC, which is what the parser kept; a bare date parsed to UTC
 * midnight is shown without a time.
 */
export function formatFrontMatterDate(value: unknown): FormattedDate | null {
  let written: string;
  if (typeof value === 'string') written = value.trim();
  else if (value instanceof Date && !Number.isNaN(value.getTime())) {
    written = value.toISOString();
    if (utcMidnight.test(written)) written = written.slice(0, 10);
  } else return null;
  if (written === '') return null;

  const match = writtenDateTime.exec(written);
  if (!match) return { text: written, datetime: written };
  const [, day, hours, minutes] = match;
  const text =
    hours !== undefined && minutes !== undefined ? `${day} ${hours}:${minutes}` : (day ?? written);
  return { text, datetime: written };
}

function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map(textOf).filter((tag): tag is string => tag !== null);
}

/** Hugo themes name the lead image differently; the first one present wins. */
function featuredImageOf(data: Readonly<Record<string, unknown>>): string | null {
  const cover = data['cover'];
  const coverImage =
    typeof cover === 'object' && cover !== null
      ? (cover as Record<string, unknown>)['image']
      : cover;
  return textOf(data['featured_image']) ?? textOf(data['image']) ?? textOf(coverImage);
}

/**
 * The article header shown above the body in the preview: title, summary as the lead, date,
 * featured image and tags. Every value is escaped, the summary rendered as Markdown; the result
 * still goes through the sanitizer with the body.
 */
export function renderArticleHeader(
  data: Readonly<Record<string, unknown>> | null,
  options: ArticleHeaderOptions = {},
): string {
  if (!data) return '';
  const parts: string[] = [];

  const title = textOf(data['title']);
  if (title) parts.push(`<h1 class="article-title">${escapeHtml(title)}</h1>`);

  const lead = leadHtml(data, options);
  if (lead) parts.push(`<p class="article-lead">${lead}</p>`);

  const date = formatFrontMatterDate(data['date']);
  if (date) {
    parts.push(
      `<p class="article-meta"><time datetime="${escapeHtml(date.datetime)}">${escapeHtml(date.text)}</time></p>`,
    );
  }

  const imageSource = featuredImageOf(data);
  if (imageSource) {
    const url = (options.resolveImage ?? keepLocalImageSources)(imageSource);
    const image =
      url === null
        ? imagePlaceholderHtml('', imageSource)
        : `<img src="${escapeHtml(url)}" alt="">`;
    parts.push(`<figure class="article-featured-image">${image}</figure>`);
  }

  const tags = tagsOf(data['tags']);
  if (tags.length > 0) {
    const items = tags.map((tag) => `<li class="article-tag">${escapeHtml(tag)}</li>`).join('');
    parts.push(`<ul class="article-tags">${items}</ul>`);
  }

  return parts.length === 0
    ? ''
    : `<header class="article-header">\n${parts.join('\n')}\n</header>\n`;
}
