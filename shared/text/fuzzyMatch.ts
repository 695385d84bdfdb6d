import { pinyin } from 'pinyin-pro';

/** One way of spelling a label for matching: its text and where its words (or syllables) start. */
interface MatchKey {
  text: string;
  wordStarts: ReadonlySet<number>;
}

/** A label prepared once for repeated matching (the palette filters on every keystroke). */
export interface FuzzyTarget {
  readonly keys: readonly MatchKey[];
}

const HAN = /\p{Script=Han}/u;

/** Words joined without spaces (the query drops its spaces too), remembering where each starts. */
function keyOf(words: readonly string[]): MatchKey {
  const wordStarts = new Set<number>();
  let text = '';
  for (const word of words) {
    wordStarts.add(text.length);
    text += word;
  }
  return { text, wordStarts };
}

/** Lower-case words of Latin text; Han characters one word each, as toneless pinyin when `asPinyin`. */
function wordsOf(label: string, asPinyin: boolean): string[] {
  const parts = asPinyin
    ? pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    : [label];
  return parts.flatMap((part) =>
    part
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== ''),
  );
}

/**
 * Prepares labels for `fuzzyScore`: each label as written, and a Chinese label also as full pinyin
 * (`banbenlishi` for 版本历史) and as pinyin initials (`bbls`), so a writer can type any of them.
 */
export function fuzzyTarget(...labels: readonly string[]): FuzzyTarget {
  const keys: MatchKey[] = [];
  for (const label of labels) {
    keys.push(keyOf(wordsOf(label, false)));
    if (!HAN.test(label)) continue;
    const syllables = wordsOf(label, true);
    keys.push(keyOf(syllables));
    keys.push(keyOf(syllables.map((syllable) => syllable.slice(0, 1))));
  }
  return { keys };
}

/**
 * How well `query` matches `key` as an in-order subsequence, or null. A character scores more when
 * it continues the previous match or starts a word, so `sv` ranks "Save" above "Show or Hide…".
 */
function scoreKey(query: string, key: MatchKey): number | null {
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of query) {
    let at = -1;
    // Prefer the next word start holding the character over an earlier mid-word occurrence.
    for (let i = from; i < key.text.length; i += 1) {
      if (key.text[i] !== char) continue;
      if (at === -1) at = i;
      if (i === previous + 1 || key.wordStarts.has(i)) {
        at = i;
        break;
      }
    }
    if (at === -1) return null;
    score += 1;
    if (at === previous + 1) score += 3;
    if (key.wordStarts.has(at)) score += 4;
    previous = at;
    from = at + 1;
  }
  if (key.text.startsWith(query)) score += 6;
  // Among equal matches, shorter labels first.
  return score - key.text.length / 100;
}

/** The best score of `query` against any spelling of the target; null when none matches. Spaces and punctuation in the query are ignored. */
export function fuzzyScore(query: string, target: FuzzyTarget): number | null {
  // Labels are matched by their letters and digits only ("light/dark", "desk-two").
  const compact = query
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  if (compact === '') return 0;
  let best: number | null = null;
  for (const key of target.keys) {
    const score = scoreKey(compact, key);
    if (score !== null && (best === null || score > best)) best = score;
  }
  return best;
}
