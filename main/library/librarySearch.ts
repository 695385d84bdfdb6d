import path from 'node:path';
import type { LibraryEntry, SearchHit } from '../../shared/ipc/contract';
import { splitArticle } from '../../shared/article';
import { readArticleTextSync } from './readArticleText';

/**
 * Case- and width-insensitive form for matching: full-width ＡＩ and ａｉ find "ai" and the
 * ideographic space is a space. Length-preserving (unlike NFKC, and several times faster), so
 * positions found in it are positions in the original line.
 */
export function searchable(text: string): string {
  const folded = /[\uFF01-\uFF5E\u3000]/.test(text)
    ? text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
        c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
      )
    : text;
  return folded.toLowerCase();
}

/** A query's terms: whitespace-separated, folded like the text they are looked for in. */
export function searchTerms(query: string): string[] {
  return searchable(query)
    .split(/\s+/)
    .filter((t) => t !== '');
}

/**
 * Full-text search by reading every article: every whitespace-separated term must occur in the
 * title or the text. Substring matching, so any CJK run matches inside longer words (no tokenizer
 * needed). Title hits rank first, then more matches, then the most recently modified. The app
 * searches its in-memory index instead (searchIndex.ts), which gives the same hits; this scan is
 * what it is checked and measured against.
 */
export async function searchArticles(
  root: string,
  entries: readonly LibraryEntry[],
  query: string,
  limit: number,
): Promise<SearchHit[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const scored: ScoredArticle[] = [];
  const texts = new Map<string, string>();
  // Synchronous reads in slices, as in LibraryIndex.build: cheaper than the promise API per small file.
  let sliceStart = performance.now();
  for (const entry of entries) {
    try {
      const text = readArticleTextSync(path.join(root, ...entry.path.split('/')), entry.size);
      const score = scoreArticle(entry, searchable(entry.title), searchable(text), terms);
      if (score) {
        scored.push(score);
        texts.set(entry.path, text);
      }
    } catch {
      // Unreadable right now: not a hit.
    }
    if (performance.now() - sliceStart > 8) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return rankHits(scored, limit, terms, (entry) => texts.get(entry.path) ?? '');
}

export interface ScoredArticle {
  entry: LibraryEntry;
  matches: number;
  inTitle: number;
}

/** Null unless every term occurs in the (folded) title or text. */
export function scoreArticle(
  entry: LibraryEntry,
  foldedTitle: string,
  foldedText: string,
  terms: readonly string[],
): ScoredArticle | null {
  let matches = 0;
  let inTitle = 0;
  for (const term of terms) {
    const titleHit = foldedTitle.includes(term);
    const count = countOccurrences(foldedText, term);
    if (!titleHit && count === 0) return null;
    if (titleHit) inTitle++;
    matches += count + (titleHit ? 1 : 0);
  }
  return { entry, matches, inTitle };
}

/** The best `limit` hits in order, each with the line of its first match (`textOf` reads it). */
export function rankHits(
  scored: ScoredArticle[],
  limit: number,
  terms: readonly string[],
  textOf: (entry: LibraryEntry) => string,
): SearchHit[] {
  return scored
    .sort(
      (a, b) => b.inTitle - a.inTitle || b.matches - a.matches || b.entry.mtimeMs - a.entry.mtimeMs,
    )
    .slice(0, limit)
    .map(({ entry, matches }) => {
      const { line, snippet } = snippetFor(textOf(entry), terms);
      return { path: entry.path, title: entry.title, line, snippet, matches: Math.max(1, matches) };
    });
}

/** Non-overlapping occurrences, as the scan counts matches. */
export function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length))
    count++;
  return count;
}

/**
 * The first body line holding a term, shortened to about 120 characters around it. A term found
 * only in the front matter (the title, a tag) gets the body's first line instead: the raw
 * `title:` line repeats the hit's title and says nothing about the article.
 */
function snippetFor(text: string, terms: readonly string[]): { line: number; snippet: string } {
  const lines = text.split(/\r?\n/);
  const bodyStart = splitArticle(text).bodyStartLine;
  for (let i = firstLineToSearch(text, lines, bodyStart, terms); i < lines.length; i++) {
    const raw = lines[i] as string;
    const normalized = searchable(raw);
    for (const term of terms) {
      const at = normalized.indexOf(term);
      if (at === -1) continue;
      const start = Math.max(0, at - 40);
      const end = Math.min(raw.length, start + 120);
      return {
        line: i + 1,
        snippet: `${start > 0 ? '…' : ''}${raw.slice(start, end).trim()}${end < raw.length ? '…' : ''}`,
      };
    }
  }
  const first = lines.findIndex((line, i) => i >= bodyStart && line.trim() !== '');
  if (first === -1) return { line: 1, snippet: '' };
  const raw = (lines[first] as string).trim();
  return { line: first + 1, snippet: raw.length > 120 ? `${raw.slice(0, 120)}…` : raw };
}

/**
 * Where the line-by-line search for a term can start: folding the whole text once and finding
 * each term in it skips the lines before the first that can hold one (a term found only in the
 * title is in no body line, and every line would be folded for nothing). Folding line by line
 * and as a whole agree when folding keeps the length (no İ): case mappings never look across a
 * line break, and terms hold no line breaks.
 */
function firstLineToSearch(
  text: string,
  lines: readonly string[],
  bodyStart: number,
  terms: readonly string[],
): number {
  const folded = searchable(text);
  if (folded.length !== text.length) return bodyStart;
  let offset = 0;
  for (let i = 0; i < bodyStart; i++) {
    const lineEnd = text.indexOf('\n', offset);
    if (lineEnd === -1) return lines.length;
    offset = lineEnd + 1;
  }
  let first = -1;
  for (const term of terms) {
    const at = folded.indexOf(term, offset);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  if (first === -1) return lines.length;
  let line = bodyStart;
  for (let i = text.indexOf('\n', offset); i !== -1 && i < first; i = text.indexOf('\n', i + 1))
    line++;
  return line;
}
