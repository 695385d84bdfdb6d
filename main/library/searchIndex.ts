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
  /**
   * Key -> ids of the articles holding it, ascending (ids only grow). A re-indexed or removed
   * article's old id stays in them until the next compaction; lookups skip ids not in `live`.
   */
  private postings = new Map<string, number[]>();
  private readonly live = new Set<number>();
  private words = new Set<string>();
  private nextId = 0;
  private postingEntries = 0;
  private livePostingEntries = 0;

  /** `compactAbove`: posting entries below which stale ids are never worth a rebuild. */
  constructor(
    private readonly root: string,
    private readonly compactAbove = 100_000,
  ) {}

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
    };
    this.addKeys(article);
    this.articles.set(entry.path, article);
    this.live.add(article.id);
  }

  remove(articlePath: string): void {
    const article = this.articles.get(articlePath);
    if (!article) return;
    this.articles.delete(articlePath);
    this.live.delete(article.id);
    this.livePostingEntries -= keysOf(article).size;
    // Stale ids cost memory and lookups; rebuild the keys once they are half of all entries.
    if (
      this.postingEntries > this.compactAbove &&
      this.livePostingEntries * 2 < this.postingEntries
    )
      this.compact();
  }

  private addKeys(article: IndexedArticle): void {
    const keys = keysOf(article);
    for (const key of keys) {
      const posting = this.postings.get(key);
      if (posting) posting.push(article.id);
      else {
        this.postings.set(key, [article.id]);
        if (key.startsWith('w:')) this.words.add(key.slice(2));
      }
    }
    this.postingEntries += keys.size;
    this.livePostingEntries += keys.size;
  }

  private compact(): void {
    this.postings = new Map();
    this.words = new Set();
    this.postingEntries = 0;
    this.livePostingEntries = 0;
    const byId = [...this.articles.values()].sort((a, b) => a.id - b.id);
    for (const article of byId) this.addKeys(article);
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
    let narrowed: number[] | null = null;
    for (const term of terms) {
      const forTerm = this.candidatesFor(term);
      if (forTerm === null) continue;
      narrowed = narrowed === null ? forTerm : intersect(narrowed, forTerm);
      if (narrowed.length === 0) return [];
    }
    const candidates = narrowed === null ? null : new Set(narrowed);
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

  /** Bytes the index holds, roughly: folded texts (two bytes a character), keys and id lists. */
  approximateBytes(): number {
    let bytes = 0;
    for (const article of this.articles.values()) {
      const unfold =
        'text' in article.unfold ? 2 * article.unfold.text.length : 10 * article.unfold.at.length;
      bytes += 2 * (article.foldedText.length + article.foldedTitle.length) + unfold;
    }
    for (const [key, posting] of this.postings) bytes += 2 * key.length + 64 + 4 * posting.length;
    return bytes;
  }

  /**
   * Articles that may hold `term` (null: the keys cannot narrow it, check every article). Each
   * CJK run of the term must appear as it is, so all its pairs must; each other word fragment
   * must lie inside one indexed word (terms never hold spaces, and words end at punctuation).
   */
  private candidatesFor(term: string): number[] | null {
    let result: number[] | null = null;
    const narrow = (ids: number[]): void => {
      result = result === null ? ids : intersect(result, ids);
    };
    const posting = (key: string): number[] => this.postings.get(key) ?? [];
    for (const run of term.match(cjkRuns) ?? []) {
      const chars = [...run];
      if (chars.length === 1) narrow(posting(`c:${run}`));
      for (let i = 0; i + 1 < chars.length; i++) narrow(posting(`c:${chars[i]}${chars[i + 1]}`));
    }
    for (const fragment of term.match(wordRuns) ?? []) {
      const union = new Set<number>();
      for (const word of this.words)
        if (word.includes(fragment)) for (const id of posting(`w:${word}`)) union.add(id);
      narrow([...union].sort((x, y) => x - y));
    }
    return result === null ? null : (result as number[]).filter((id) => this.live.has(id));
  }

  private absolute(articlePath: string): string {
    return path.join(this.root, ...articlePath.split('/'));
  }
}

/** An article's distinct keys: `c:` + a CJK character or pair, `w:` + a word of other scripts. */
function keysOf(article: IndexedArticle): Set<string> {
  const folded = `${article.foldedTitle}\n${article.foldedText}`;
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

/** Ids in both ascending lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}
