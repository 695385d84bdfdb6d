import path from 'node:path';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { parseArticle, splitArticle } from '../../shared/article';
import { computeWriterStats } from '../../shared/stats/writerStats';
import { quickYamlFields } from './quickFrontMatter';

/**
 * Library row for one article, from its text. Never throws: a broken file is a flagged row.
 * Title: front matter `title`, else the first heading, else the file name (the folder's name for
 * a Hugo page bundle's index.md).
 */
export function summarizeArticle(
  relativePath: string,
  text: string,
  stats: { size: number; mtimeMs: number },
  options: { countWords: boolean } = { countWords: true },
): LibraryEntry {
  const parsed = readFrontMatter(text);
  const data = parsed.data ?? {};
  const body = parsed.body;
  const frontTitle = typeof data.title === 'string' ? data.title.trim() : '';
  return {
    path: relativePath,
    title: frontTitle || firstHeading(body) || fileTitle(relativePath),
    date: dateString(data.date),
    draft: data.draft === true,
    tags: stringList(data.tags),
    topics: stringList(data.main_topics),
    words: options.countWords ? computeWriterStats(body).words : null,
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    frontMatterError: parsed.error ? `Line ${parsed.error.line}: ${parsed.error.message}` : null,
  };
}

/** The body's word count, for rows indexed with `countWords: false`. */
export function countArticleWords(text: string): number {
  return computeWriterStats(readFrontMatter(text).body).words;
}

interface FrontMatterRead {
  data: Record<string, unknown> | null;
  body: string;
  error: { line: number; message: string } | null;
}

/** Plain YAML goes through the quick reader; everything else (and anything odd) through parseArticle. */
function readFrontMatter(text: string): FrontMatterRead {
  const parts = splitArticle(text);
  const block = parts.frontMatter;
  if (!block) return { data: parts.error ? null : {}, body: parts.body, error: parts.error };
  if (!parts.error && block.format === 'yaml' && block.language === '') {
    const quick = quickYamlFields(block.content);
    if (quick) return { data: quick, body: parts.body, error: null };
  }
  const parsed = parseArticle(text);
  return { data: parsed.data, body: parsed.parts.body, error: parsed.error };
}

/** Row for a file that could not be read as text (binary, unknown encoding). */
export function unreadableArticle(
  relativePath: string,
  stats: { size: number; mtimeMs: number },
  reason: string,
): LibraryEntry {
  return {
    path: relativePath,
    title: fileTitle(relativePath),
    date: null,
    draft: false,
    tags: [],
    topics: [],
    words: 0,
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    frontMatterError: reason,
  };
}

export function fileTitle(relativePath: string): string {
  const base = path.posix.basename(relativePath).replace(/\.(md|markdown)$/i, '');
  if (base === 'index' || base === '_index') {
    const folder = path.posix.basename(path.posix.dirname(relativePath));
    if (folder !== '.' && folder !== '') return folder;
  }
  return base;
}

function firstHeading(body: string): string | null {
  const atx = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(body)?.[1]?.trim();
  return atx ? atx : null;
}

function dateString(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return null;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    : [];
}
