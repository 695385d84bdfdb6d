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

let bmpTable: Uint8Array | undefined;

/**
 * A lookup table for the Basic Multilingual Plane, built once (a few ms) so classifying a
 * character on the hot path is one array read instead of a Unicode-property regex.
 */
function buildBmpTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogates: handled by the caller
    const char = String.fromCharCode(code);
    if (joiners.has(char)) table[code] = CharacterClass.Joiner;
    else if (digitJoiners.has(char)) table[code] = CharacterClass.DigitJoiner;
    else if (whitespace.test(char)) table[code] = CharacterClass.Whitespace;
    else if (cjk.test(char)) table[code] = CharacterClass.Cjk;
    else if (wordPart.test(char)) table[code] = CharacterClass.WordPart;
  }
  return table;
}

/** Classifies a code point; astral ones (Han extensions B–H, emoji, …) by their range or a regex. */
export function classifyCodePoint(codePoint: number): CharacterClass {
  if (codePoint < 0x10000) {
    bmpTable ??= buildBmpTable();
    return (bmpTable[codePoint] ?? CharacterClass.Other) as CharacterClass;
  }
  if (codePoint >= 0x20000 && codePoint <= 0x323af) return CharacterClass.Cjk;
  const char = String.fromCodePoint(codePoint);
  if (cjk.test(char)) return CharacterClass.Cjk;
  return wordPart.test(char) ? CharacterClass.WordPart : CharacterClass.Other;
}
