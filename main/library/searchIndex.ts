import path from 'node:path';
import type { LibraryEntry, SearchHit } from '../../shared/ipc/contract';
import {
  rankHits,
  scoreArticle,
  searchable,
  searchTerms,
  type ScoredArticle,
} from './librarySearch';
import { readArticleTextSync } from './readArticleText';

/** Han, kana, Hangul: scripts written without spaces, indexed by single characters and pairs. */
const cjkRuns = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu;
/** Letters and digits of the other scripts: indexed as whole words. */
const wordRuns =
  /[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\p{P}\p{S}]+/gu;

interface IndexedArticle {
  id: number;
  mtimeMs: number;
  size: number;
  title: string;
  foldedTitle: string;
  foldedText: string;
  /** How to get the text as written back from foldedText, for snippets (see unfoldingOf). */
  unfold: Unfolding;
  keys: string[];
}

/**
 * Folding keeps a text's length in all but rare cases (İ lowercases to two code units), so the
 * text as written is the folded text with a few characters put back: upper-case and full-width
 * letters. Those are kept (positions and characters); the rare other text is kept whole.
 */
type Unfolding = { at: number[]; chars: string } | { text: string };

function unfoldingOf(text: string, folded: string): Unfolding {
  if (text.length !== folded.length) return { text };
  const at: number[] = [];
  let chars = '';
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== folded.charCodeAt(i)) {
      at.push(i);
      chars += text[i];
    }
  }
  return { at, chars };
}

function unfolded(folded: string, unfold: Unfolding): string {
  if ('text' in unfold) return unfold.text;
  let out = '';
  let from = 0;
  unfold.at.forEach((position, i) => {
    out += folded.slice(from, position) + unfold.chars[i];
    from = position + 1;
  });
  return out + folded.slice(from);
}

/**
 * Full-text search from memory, with exactly the hits of the reading scan in librarySearch.ts
 * (every term a substring of the folded title or text). Each article's folded text is kept (and
 * what it takes to restore the text as written, for snippets), and
 * keys point from text to articles: CJK characters and character pairs, and whole words of the
 * other scripts. A term's keys narrow the articles to candidates, which are then checked by
 * substring, so the keys only ever leave out articles that cannot match: a CJK term needs all its
 * pairs (or its one character), a Latin fragment some indexed word containing it. The watcher's
 * changes reach it through update/remove; search() also re-reads any article whose size or
 * modification time differs from what it indexed.
 */
export class SearchIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly postings = new Map<string, Set<number>>();
  private readonly words = new Set<string>();
  private nextId = 0;

  constructor(private readonly root: string) {}

  get size(): number {
    return this.articles.size;
  }

  /** Indexes (or re-indexes) one article from disk; an unreadable one is left out. */
  update(entry: LibraryEntry): void {
    let text: string;
    try {
      text = readArticleTextSync(this.absolute(entry.path), entry.size);
    } catch {
      this.remove(entry.path);
      return;
    }
    this.remove(entry.path);
    const foldedTitle = searchable(entry.title);
    const foldedText = searchable(text);
    const article: IndexedArticle = {
      id: this.nextId++,
      mtimeMs: entry.mtimeMs,
      size: entry.size,
      title: entry.title,
      foldedTitle,
      foldedText,
      unfold: unfoldingOf(text, foldedText),
      keys: [...keysOf(`${foldedTitle}\n${foldedText}`)],
    };
    for (const key of article.keys) {
      let posting = this.postings.get(key);
      if (!posting) {
        posting = new Set();
        this.postings.set(key, posting);
        if (key.startsWith('w:')) this.words.add(key.slice(2));
      }
      posting.add(article.id);
    }
    this.articles.set(entry.path, article);
  }

  remove(articlePath: string): void {
    const article = this.articles.get(articlePath);
    if (!article) return;
    for (const key of article.keys) {
      const posting = this.postings.get(key);
      posting?.delete(article.id);
      if (posting?.size === 0) {
        this.postings.delete(key);
        if (key.startsWith('w:')) this.words.delete(key.slice(2));
      }
    }
    this.articles.delete(articlePath);
  }

  /** Brings the index in line with the library's rows: new or changed articles read, gone ones dropped. */
  async sync(entries: readonly LibraryEntry[], stop: () => boolean = () => false): Promise<void> {
    const present = new Set<string>();
    let sliceStart = performance.now();
    for (const entry of entries) {
      if (stop()) return;
      present.add(entry.path);
      const indexed = this.articles.get(entry.path);
      const current =
        indexed?.mtimeMs === entry.mtimeMs &&
        indexed.size === entry.size &&
        indexed.title === entry.title;
      if (!current) this.update(entry);
      if (performance.now() - sliceStart > 8) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    for (const indexed of [...this.articles.keys()])
      if (!present.has(indexed)) this.remove(indexed);
  }

  /** The library's hits for `query`, in the library's order (`entries` breaks ties as the scan does). */
  search(entries: readonly LibraryEntry[], query: string, limit: number): SearchHit[] {
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    let candidates: Set<number> | null = null;
    for (const term of terms) {
      const forTerm = this.candidatesFor(term);
      if (forTerm === null) continue;
      candidates = candidates === null ? forTerm : intersect(candidates, forTerm);
      if (candidates.size === 0) return [];
    }
    const scored: ScoredArticle[] = [];
    for (const entry of entries) {
      const article = this.articles.get(entry.path);
      if (!article || (candidates !== null && !candidates.has(article.id))) continue;
      const score = scoreArticle(entry, article.foldedTitle, article.foldedText, terms);
      if (score) scored.push(score);
    }
    return rankHits(scored, limit, terms, (entry) => {
      const article = this.articles.get(entry.path);
      return article ? unfolded(article.foldedText, article.unfold) : '';
    });
  }

  /** Bytes the index holds, roughly: the folded texts (two bytes a character) and the key sets. */
  approximateBytes(): number {
    let bytes = 0;
    for (const article of this.articles.values())
      bytes +=
        2 * (article.foldedText.length + article.foldedTitle.length) + 16 * article.keys.length;
    for (const [key, posting] of this.postings) bytes += 2 * key.length + 48 + 16 * posting.size;
    return bytes;
  }

  /**
   * Articles that may hold `term` (null: the keys cannot narrow it, check every article). Each
   * CJK run of the term must appear as it is, so all its pairs must; each other word fragment
   * must lie inside one indexed word (terms never hold spaces, and words end at punctuation).
   */
  private candidatesFor(term: string): Set<number> | null {
    let result: Set<number> | null = null;
    const narrow = (set: Set<number>): void => {
      result = result === null ? set : intersect(result, set);
    };
    for (const run of term.match(cjkRuns) ?? []) {
      const chars = [...run];
      if (chars.length === 1) narrow(this.postings.get(`c:${run}`) ?? new Set());
      for (let i = 0; i + 1 < chars.length; i++)
        narrow(this.postings.get(`c:${chars[i]}${chars[i + 1]}`) ?? new Set());
    }
    for (const fragment of term.match(wordRuns) ?? []) {
      const union = new Set<number>();
      for (const word of this.words)
        if (word.includes(fragment))
          for (const id of this.postings.get(`w:${word}`) ?? []) union.add(id);
      narrow(union);
    }
    return result;
  }

  private absolute(articlePath: string): string {
    return path.join(this.root, ...articlePath.split('/'));
  }
}

/** The distinct keys of a folded text: `c:` + a CJK character or pair, `w:` + a word of other scripts. */
function keysOf(folded: string): Set<string> {
  const keys = new Set<string>();
  for (const run of folded.match(cjkRuns) ?? []) {
    let previous = '';
    for (const char of run) {
      keys.add(`c:${char}`);
      if (previous) keys.add(`c:${previous}${char}`);
      previous = char;
    }
  }
  for (const word of folded.match(wordRuns) ?? []) keys.add(`w:${word}`);
  return keys;
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const id of small) if (large.has(id)) out.add(id);
  return out;
}
