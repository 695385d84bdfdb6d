import path from 'node:path';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { parseArticle, splitArticle } from '../../shared/article';
import { computeWriterStats } from '../../shared/stats/writerStats';
import { stripClosingHashes } from '../../shared/stats/visibleLineText';
import { unmetered, type WorkMeter } from '../../shared/text/workMeter';
import { quickYamlFields } from './quickFrontMatter';
import { isHugoDraft, type FrontMatterSyntax } from '../../shared/article/hugoDraft';

/**
 * Library row for one article, from its text. Never throws: a broken file is a flagged row.
 * Title: front matter `title`, else the first heading, else the file name (the folder's name for
 * a Hugo page bundle's index.md).
 */
export function summarizeArticle(
  relativePath: string,
  text: string,
  stats: { size: number; mtimeMs: number },
  options: { countWords: boolean; meter?: WorkMeter } = { countWords: true },
): LibraryEntry {
  const meter = options.meter ?? unmetered;
  const parsed = readFrontMatter(text);
  meter.tick(text.length);
  const data = parsed.data ?? {};
  const body = parsed.body;
  // Hugo publishes any scalar title as text: `title: 2024` and `title: yes` ("true") too.
  const frontTitle =
    typeof data.title === 'string'
      ? data.title.trim()
      : typeof data.title === 'number' || typeof data.title === 'boolean'
        ? String(data.title)
        : '';
  return {
    path: relativePath,
    title: frontTitle || firstHeading(body, meter) || fileTitle(relativePath),
    date: dateString(data.date),
    draft: isHugoDraft(data.draft, parsed.syntax),
    tags: stringList(data.tags),
    topics: stringList(data.main_topics),
    words: options.countWords ? computeWriterStats(body, { meter }).words : null,
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
  syntax: FrontMatterSyntax;
  body: string;
  error: { line: number; message: string } | null;
}

/** Plain YAML goes through the quick reader; everything else (and anything odd) through parseArticle. */
function readFrontMatter(text: string): FrontMatterRead {
  const parts = splitArticle(text);
  const block = parts.frontMatter;
  if (!block)
    return { data: parts.error ? null : {}, syntax: 'none', body: parts.body, error: parts.error };
  if (!parts.error && block.format === 'yaml' && block.language === '') {
    const quick = quickYamlFields(block.content);
    if (quick) return { data: quick, syntax: 'yaml', body: parts.body, error: null };
  }
  const parsed = parseArticle(text);
  return { data: parsed.data, syntax: block.format, body: parsed.parts.body, error: parsed.error };
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

function fileTitle(relativePath: string): string {
  const base = path.posix.basename(relativePath).replace(/\.(md|markdown)$/i, '');
  if (base === 'index' || base === '_index') {
    const folder = path.posix.basename(path.posix.dirname(relativePath));
    if (folder !== '.' && folder !== '') return folder;
  }
  return base;
}

const atxOpening = /^ {0,3}#{1,6}[ \t]/;

/**
 * The text of the first ATX heading line (closing hashes removed), null when it is empty. Line by
 * line with a hand-made tail: a lazy `(.+?)` before `[ \t]+#+` rescans a long run of spaces once
 * per character.
 */
function firstHeading(body: string, meter: WorkMeter): string | null {
  for (let start = 0; start < body.length;) {
    let end = start;
    while (end < body.length && body[end] !== '\n' && body[end] !== '\r') end++;
    meter.tick(end - start + 1);
    const line = body.slice(start, end);
    const opening = atxOpening.exec(line);
    if (opening && line.length > opening[0].length) {
      return stripClosingHashes(line.slice(opening[0].length)).trim() || null;
    }
    start = end + (body.startsWith('\r\n', end) ? 2 : 1);
  }
  return null;
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
