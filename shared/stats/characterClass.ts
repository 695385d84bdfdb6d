/** How the writer statistics see one character. */
export const CharacterClass = {
  /** Punctuation, symbols: part of no word. */
  Other: 0,
  /** Han, kana, Hangul: one word each, as Chinese editors count. */
  Cjk: 1,
  /** Letters, digits, combining marks of other scripts: runs of them form one word. */
  WordPart: 2,
  /** Joins two word parts into one word: apostrophes, hyphens, underscores, dots ("don't", "AI-powered", "e.g"). */
  Joiner: 3,
  /** Joins two digits only: "200,000", "12:30". */
  DigitJoiner: 4,
  Whitespace: 5,
} as const;

export type CharacterClass = (typeof CharacterClass)[keyof typeof CharacterClass];

const cjk = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC]/u;
const wordPart = /[\p{L}\p{N}\p{M}]/u;
const whitespace = /\s/u;
const joiners = new Set(["'", '\u2019', '-', '\u2010', '\u2011', '_', '.']);
const digitJoiners = new Set([',', ':']);

/** Classifies one character by the Unicode-property rules above (the slow path). */
function classifyByProperty(char: string): CharacterClass {
  if (joiners.has(char)) return CharacterClass.Joiner;
  if (digitJoiners.has(char)) return CharacterClass.DigitJoiner;
  if (whitespace.test(char)) return CharacterClass.Whitespace;
  if (cjk.test(char)) return CharacterClass.Cjk;
  return wordPart.test(char) ? CharacterClass.WordPart : CharacterClass.Other;
}

const BLOCK_BITS = 8;
const BLOCK_SIZE = 1 << BLOCK_BITS;
/**
 * Lookup tables for the Basic Multilingual Plane, one per 256 code points, each built the first
 * time a character of it is classified: a hot-path lookup is two array reads instead of a
 * Unicode-property regex, and a command that counts one article builds only the few dozen blocks
 * its text uses (the whole plane took ~20 ms, a fifth of a `byline check` start).
 */
const bmpBlocks: (Uint8Array | undefined)[] = [];

function buildBlock(index: number): Uint8Array {
  const block = new Uint8Array(BLOCK_SIZE);
  const first = index << BLOCK_BITS;
  for (let offset = 0; offset < BLOCK_SIZE; offset++) {
    const code = first + offset;
    // Surrogates stay Other: the caller combines pairs before classifying.
    if (code < 0xd800 || code > 0xdfff)
      block[offset] = classifyByProperty(String.fromCharCode(code));
  }
  return block;
}

/** Classifies a code point; astral ones (Han extensions B–H, emoji, …) by their range or a regex. */
export function classifyCodePoint(codePoint: number): CharacterClass {
  if (codePoint < 0x10000) {
    const index = codePoint >> BLOCK_BITS;
    const block = (bmpBlocks[index] ??= buildBlock(index));
    return (block[codePoint & (BLOCK_SIZE - 1)] ?? CharacterClass.Other) as CharacterClass;
  }
  if (codePoint >= 0x20000 && codePoint <= 0x323af) return CharacterClass.Cjk;
  return classifyByProperty(String.fromCodePoint(codePoint));
}
