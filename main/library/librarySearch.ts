import path from 'node:path';
import type { LibraryEntry, SearchHit } from '../../shared/ipc/contract';
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

/**
 * Full-text search across the library: every whitespace-separated term must occur in the title or
 * the text. Substring matching, so any CJK run matches inside longer words (no tokenizer needed).
 * Title hits rank first, then more matches, then the most recently modified.
 */
export async function searchArticles(
  root: string,
  entries: readonly LibraryEntry[],
  query: string,
  limit: number,
): Promise<SearchHit[]> {
  const terms = searchable(query)
    .split(/\s+/)
    .filter((t) => t !== '');
  if (terms.length === 0) return [];
  const scored: ScoredHit[] = [];
  // Synchronous reads in slices, as in LibraryIndex.build: cheaper than the promise API per small file.
  let sliceStart = performance.now();
  for (const entry of entries) {
    try {
      const hit = scoreArticle(
        entry,
        readArticleTextSync(path.join(root, ...entry.path.split('/')), entry.size),
        terms,
      );
      if (hit) scored.push(hit);
    } catch {
      // Unreadable right now: not a hit.
    }
    if (performance.now() - sliceStart > 8) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return scored
    .sort((a, b) => b.inTitle - a.inTitle || b.hit.matches - a.hit.matches || b.mtimeMs - a.mtimeMs)
    .slice(0, limit)
    .map((s) => s.hit);
}

interface ScoredHit {
  hit: SearchHit;
  inTitle: number;
  mtimeMs: number;
}

export function scoreArticle(
  entry: LibraryEntry,
  text: string,
  terms: readonly string[],
): ScoredHit | null {
  const title = searchable(entry.title);
  const body = searchable(text);
  let matches = 0;
  let inTitle = 0;
  for (const term of terms) {
    const titleHit = title.includes(term);
    const count = countOccurrences(body, term);
    if (!titleHit && count === 0) return null;
    if (titleHit) inTitle++;
    matches += count + (titleHit ? 1 : 0);
  }
  const { line, snippet } = snippetFor(text, terms);
  return {
    hit: { path: entry.path, title: entry.title, line, snippet, matches: Math.max(1, matches) },
    inTitle,
    mtimeMs: entry.mtimeMs,
  };
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length))
    count++;
  return count;
}

/** The first line holding a term, shortened to about 120 characters around it. */
function snippetFor(text: string, terms: readonly string[]): { line: number; snippet: string } {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
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
  return { line: 1, snippet: (lines[0] ?? '').slice(0, 120) };
}
