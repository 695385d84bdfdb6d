import { formatFrontMatterDate, type FormattedDate } from '../markdown/articleHeader';
import { detectDocumentLanguage } from './documentLanguage';

/** What every exporter needs to know about an article besides its body. */
export interface ArticleMetadata {
  /** Front matter title, else the first `# heading`, else the file name. Never empty. */
  title: string;
  /** `summary` or `description`: shown as the lead. */
  lead: string | null;
  date: FormattedDate | null;
  /** `author`, `authors` (list or string), `byline`. */
  authors: string[];
  /** `tags` then `keywords`, de-duplicated, for document properties. */
  keywords: string[];
  /** BCP 47 tag, from `lang`/`language` or detected from the text. */
  lang: string;
}

const textOf = (value: unknown): string | null =>
  typeof value === 'string'
    ? value.trim() || null
    : typeof value === 'number'
      ? String(value)
      : null;

function listOf(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(/[,，、]/)
      .map((v) => v.trim())
      .filter((v) => v !== '');
  if (!Array.isArray(value)) return [];
  return value.map(textOf).filter((v): v is string => v !== null);
}

const firstHeading = /^ {0,3}#\s+(.+?)\s*#*\s*$/m;

export function articleMetadata(
  data: Readonly<Record<string, unknown>> | null,
  body: string,
  fileStem: string,
): ArticleMetadata {
  const fields = data ?? {};
  const title = textOf(fields['title']) ?? firstHeading.exec(body)?.[1]?.trim() ?? fileStem;
  const lead = textOf(fields['summary']) ?? textOf(fields['description']);
  const authors = [
    ...new Set([
      ...listOf(fields['author']),
      ...listOf(fields['authors']),
      ...listOf(fields['byline']),
    ]),
  ];
  const keywords = [...new Set([...listOf(fields['tags']), ...listOf(fields['keywords'])])];
  const lang = detectDocumentLanguage(
    `${title}\n${lead ?? ''}\n${body}`,
    fields['lang'] ?? fields['language'],
  );
  return { title, lead, date: formatFrontMatterDate(fields['date']), authors, keywords, lang };
}
