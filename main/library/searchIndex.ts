import path from 'node:path';
import TinyQueue from 'tinyqueue';
import type { LibraryEntry, SearchHit } from '../../shared/ipc/contract';
import {
  countOccurrences,
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
  /** The library row it was read for (its size, modification time and title say when it is stale). */
  entry: LibraryEntry;
  /** Position among the library's rows: the scan's order among equals. */
  order: number;
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
   * Key -> ids of the articles holding it, ascending (ids only grow), with how often each
   * article's text holds it (0 when only its title does). A re-indexed or removed article's old
   * id stays in them until the next compaction; lookups skip ids not in `byId`.
   */
  private postings = new Map<string, Posting>();
  /** The indexed articles by id: a posting's id not in here is stale. */
  private readonly byId = new Map<number, IndexedArticle>();
  private words = new Set<string>();
  private nextId = 0;
  private nextOrder = 0;
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
    // Re-indexed in place, as the library's rows keep a changed article's place.
    const order = this.articles.get(entry.path)?.order ?? this.nextOrder++;
    this.remove(entry.path);
    const foldedTitle = searchable(entry.title);
    const foldedText = searchable(text);
    const article: IndexedArticle = {
      id: this.nextId++,
      entry,
      order,
      foldedTitle,
      foldedText,
      unfold: unfoldingOf(text, foldedText),
    };
    this.addKeys(article);
    this.articles.set(entry.path, article);
    this.byId.set(article.id, article);
  }

  remove(articlePath: string): void {
    const article = this.articles.get(articlePath);
    if (!article) return;
    this.articles.delete(articlePath);
    this.byId.delete(article.id);
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
    for (const [key, count] of keys) {
      const posting = this.postings.get(key);
      if (posting) {
        posting.ids.push(article.id);
        posting.counts.push(count);
      } else {
        this.postings.set(key, { ids: [article.id], counts: [count] });
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

  /**
   * Brings the index in line with the library's rows, in their order: new or changed articles
   * read, gone ones dropped. Articles the watcher updated since are found current.
   */
  async sync(entries: readonly LibraryEntry[], stop: () => boolean = () => false): Promise<void> {
    const present = new Set<string>();
    let sliceStart = performance.now();
    let updated = 0;
    for (const [order, entry] of entries.entries()) {
      if (stop()) return;
      present.add(entry.path);
      const indexed = this.articles.get(entry.path);
      if (
        indexed?.entry.mtimeMs === entry.mtimeMs &&
        indexed.entry.size === entry.size &&
        indexed.entry.title === entry.title
      ) {
        indexed.entry = entry;
        indexed.order = order;
        continue;
      }
      this.update(entry);
      const article = this.articles.get(entry.path);
      if (article) article.order = order;
      if (++updated % 16 === 0 && performance.now() - sliceStart > 8) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    this.nextOrder = Math.max(this.nextOrder, entries.length);
    // Nothing to drop when every indexed article is one of the rows (the usual case).
    let listed = 0;
    for (const entryPath of present) if (this.articles.has(entryPath)) listed++;
    if (listed === this.articles.size) return;
    for (const indexed of [...this.articles.keys()])
      if (!present.has(indexed)) this.remove(indexed);
  }

  /**
   * The library's hits for `query`, in the library's order (`entries` breaks ties as the scan
   * does). Ranking needs each hit's number of matches; counting them reads the article, which is
   * most of the work when a term is in every article. So the keys' counts give each candidate an
   * upper bound first (exact for a CJK character or pair and for a word fragment), candidates are
   * read best bound first, and reading stops once no unread one can enter the first `limit`.
   */
  search(query: string, limit: number): SearchHit[] {
    const terms = searchTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const perTerm: Bounds[] = [];
    for (const term of terms) {
      const bounds = this.boundsFor(term);
      if (bounds === null) continue;
      if (bounds.ids.length === 0) return [];
      perTerm.push(bounds);
    }
    // A term the keys cannot narrow (punctuation only) leaves its matches unbounded.
    const unbounded = perTerm.length < terms.length;
    let narrowed: Bounds | null = null;
    for (const bounds of perTerm) {
      narrowed = narrowed === null ? bounds : combine(narrowed, bounds, (x, y) => x + y);
      if (narrowed.ids.length === 0) return [];
    }
    const candidates: Candidate[] = [];
    const consider = (article: IndexedArticle, textBound: number): void => {
      let inTitle = 0;
      for (const term of terms) if (article.foldedTitle.includes(term)) inTitle++;
      const matches = unbounded ? Infinity : textBound + inTitle;
      candidates.push({ entry: article.entry, article, order: article.order, inTitle, matches });
    };
    if (narrowed === null) for (const article of this.byId.values()) consider(article, Infinity);
    else
      narrowed.ids.forEach((id, i) => {
        const article = this.byId.get(id);
        if (article) consider(article, narrowed.counts[i] as number);
      });
    // Usually only the first hundred or so are read: a heap orders just those.
    const inRankOrder = new TinyQueue(candidates, byRank);

    // The best `limit` exact scores so far, in rank order.
    const best: Candidate[] = [];
    for (let candidate = inRankOrder.pop(); candidate; candidate = inRankOrder.pop()) {
      const last = best[limit - 1];
      if (last && byRank(candidate, last) > 0) break;
      const { entry, article } = candidate;
      const score = scoreArticle(entry, article.foldedTitle, article.foldedText, terms);
      if (!score) continue;
      const exact = { ...candidate, matches: score.matches };
      let at = best.length;
      while (at > 0 && byRank(exact, best[at - 1] as Candidate) < 0) at--;
      best.splice(at, 0, exact);
      if (best.length > limit) best.pop();
    }
    const scored: ScoredArticle[] = best
      .sort((a, b) => a.order - b.order)
      .map(({ entry, inTitle, matches }) => ({ entry, inTitle, matches }));
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
    for (const [key, posting] of this.postings)
      bytes += 2 * key.length + 64 + 8 * posting.ids.length;
    return bytes;
  }

  /**
   * Articles that may hold `term`, each with at most how often its text holds it (null: the keys
   * cannot narrow it, check every article). Each CJK run of the term must appear as it is, so all
   * its pairs must, and it appears no more often than its rarest pair; each other word fragment
   * lies inside indexed words (terms never hold spaces, and words end at punctuation), as often
   * as it occurs in them. Only live articles.
   */
  private boundsFor(term: string): Bounds | null {
    let result: Bounds | null = null;
    const narrow = (bounds: Bounds): void => {
      result = result === null ? bounds : combine(result, bounds, Math.min);
    };
    const empty: Posting = { ids: [], counts: [] };
    const posting = (key: string): Posting => this.postings.get(key) ?? empty;
    for (const run of term.match(cjkRuns) ?? []) {
      const chars = [...run];
      if (chars.length === 1) narrow(posting(`c:${run}`));
      for (let i = 0; i + 1 < chars.length; i++) narrow(posting(`c:${chars[i]}${chars[i + 1]}`));
    }
    for (const fragment of term.match(wordRuns) ?? []) {
      let inWords: Bounds = { ids: [], counts: [] };
      for (const word of this.words) {
        const inWord = countOccurrences(word, fragment);
        if (inWord === 0) continue;
        const { ids, counts } = posting(`w:${word}`);
        const times = inWord === 1 ? counts : counts.map((count) => inWord * count);
        inWords =
          inWords.ids.length === 0
            ? { ids, counts: times }
            : union(inWords, { ids, counts: times });
      }
      narrow(inWords);
    }
    if (result === null) return null;
    const { ids, counts } = result as Bounds;
    // Stale ids are only left after a re-index or removal, until the next compaction.
    if (this.livePostingEntries === this.postingEntries) return { ids, counts };
    const live: Bounds = { ids: [], counts: [] };
    ids.forEach((id, i) => {
      if (!this.byId.has(id)) return;
      live.ids.push(id);
      live.counts.push(counts[i] as number);
    });
    return live;
  }

  private absolute(articlePath: string): string {
    return path.join(this.root, ...articlePath.split('/'));
  }
}

/**
 * An article's distinct keys (`c:` + a CJK character or pair, `w:` + a word of other scripts),
 * each with how often its text holds it: characters and words counted once per occurrence, pairs
 * too (overlapping ones in 哈哈哈 twice). Keys only in the title count 0.
 */
function keysOf(article: IndexedArticle): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (key: string, times: number): void => {
    keys.set(key, (keys.get(key) ?? 0) + times);
  };
  const collect = (folded: string, times: number): void => {
    for (const run of folded.match(cjkRuns) ?? []) {
      let previous = '';
      for (const char of run) {
        add(`c:${char}`, times);
        if (previous) add(`c:${previous}${char}`, times);
        previous = char;
      }
    }
    for (const word of folded.match(wordRuns) ?? []) add(`w:${word}`, times);
  };
  collect(article.foldedTitle, 0);
  collect(article.foldedText, 1);
  return keys;
}

interface Posting {
  ids: number[];
  counts: number[];
}

/** Ids ascending, each with an upper bound of some count. */
type Bounds = Posting;

interface Candidate {
  entry: LibraryEntry;
  article: IndexedArticle;
  /** Position in the library's entries: the scan's order among equals. */
  order: number;
  inTitle: number;
  /** Exact once scored; before that an upper bound (Infinity when unknown). */
  matches: number;
}

/** The library's order: title hits, then matches, then the newest, then the entries' order. */
function byRank(a: Candidate, b: Candidate): number {
  return (
    b.inTitle - a.inTitle ||
    (a.matches === b.matches ? 0 : b.matches > a.matches ? 1 : -1) ||
    b.entry.mtimeMs - a.entry.mtimeMs ||
    a.order - b.order
  );
}

/** Ids in either ascending list, with the sum of their counts. */
function union(a: Bounds, b: Bounds): Bounds {
  const out: Bounds = { ids: [], counts: [] };
  let i = 0;
  let j = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const x = a.ids[i] ?? Infinity;
    const y = b.ids[j] ?? Infinity;
    out.ids.push(Math.min(x, y));
    out.counts.push(
      (x <= y ? (a.counts[i++] as number) : 0) + (y <= x ? (b.counts[j++] as number) : 0),
    );
  }
  return out;
}

/** Ids in both ascending lists, their counts joined by `join`. */
function combine(a: Bounds, b: Bounds, join: (x: number, y: number) => number): Bounds {
  const out: Bounds = { ids: [], counts: [] };
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      out.ids.push(x);
      out.counts.push(join(a.counts[i] as number, b.counts[j] as number));
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}
