import { formatFrontMatterDate, type FormattedDate } from '../markdown/articleHeader';
import { frontMatterText as textOf, leadOf, leadText } from '../markdown/articleLead';
import { hugoDefaultProfile, type RenderProfile } from '../markdown/renderProfile';
import { detectDocumentLanguage } from './documentLanguage';

/** What every exporter needs to know about an article besides its body. */
export interface ArticleMetadata {
  /** Front matter title, else the first `# heading`, else the file name. Never empty. */
  title: string;
  /** `summary` (its Markdown as the reader reads it) or `description`, as plain text. */
  lead: string | null;
  date: FormattedDate | null;
  /** `author`, `authors` (list or string), `byline`. */
  authors: string[];
  /** `tags` then `keywords`, de-duplicated, for document properties. */
  keywords: string[];
  /** BCP 47 tag, from `lang`/`language` or detected from the text. */
  lang: string;
}

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

/** `posts/报道.md` -> `报道`; a Hugo bundle's `index.md`/`_index.md` is named after its folder. */
export function articleFileStem(file: string): string {
  const segments = file.split(/[\\/]/);
  const stem = (segments.at(-1) ?? '').replace(/\.(md|markdown)$/i, '');
  if (/^_?index$/i.test(stem)) return segments.at(-2) || stem;
  return stem;
}

const titleOf = (fields: Readonly<Record<string, unknown>>, body: string, fileStem: string) =>
  textOf(fields['title']) ?? firstHeading.exec(body)?.[1]?.trim() ?? fileStem;

/**
 * The document language every output is typeset in (the preview too): declared, else detected
 * from title, lead and body together, so a short body under a Chinese title is still Chinese.
 */
export function articleLanguage(
  data: Readonly<Record<string, unknown>> | null,
  body: string,
  fileStem: string,
): string {
  const fields = data ?? {};
  return detectDocumentLanguage(
    `${titleOf(fields, body, fileStem)}\n${leadOf(fields) ?? ''}\n${body}`,
    fields['lang'] ?? fields['language'],
  );
}

export function articleMetadata(
  data: Readonly<Record<string, unknown>> | null,
  body: string,
  fileStem: string,
  profile: Readonly<RenderProfile> = hugoDefaultProfile,
): ArticleMetadata {
  const fields = data ?? {};
  const title = titleOf(fields, body, fileStem);
  const lead = leadText(fields, profile);
  const authors = [
    ...new Set([
      ...listOf(fields['author']),
      ...listOf(fields['authors']),
      ...listOf(fields['byline']),
    ]),
  ];
  const keywords = [...new Set([...listOf(fields['tags']), ...listOf(fields['keywords'])])];
  const lang = articleLanguage(data, body, fileStem);
  return { title, lead, date: formatFrontMatterDate(fields['date']), authors, keywords, lang };
}
