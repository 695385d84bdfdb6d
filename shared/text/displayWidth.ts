/**
 * Terminal-style column width: East Asian wide and fullwidth characters (CJK, kana, hangul,
 * fullwidth forms, emoji) take 2 columns, combining marks and zero-width characters 0, the rest 1.
 * Used to align text for writers who mix Chinese and Latin, e.g. in plain-text tables.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0, char);
  return width;
}

const ZERO_WIDTH = /^(?:\p{M}|\p{Cf}|\p{Cc})$/u;
const EMOJI = /^\p{Emoji_Presentation}$/u;

/** Wide ranges from Unicode's EastAsianWidth.txt (W and F), merged to the blocks writers meet. */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility, Kanbun, CJK strokes, enclosed, compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // Vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // Fullwidth forms
  [0xffe0, 0xffe6], // Fullwidth signs
  [0x1b000, 0x1b2ff], // Kana supplement and extensions
  [0x1f200, 0x1f2ff], // Enclosed ideographic supplement
  [0x20000, 0x3fffd], // CJK Extensions B and beyond
];

function charWidth(code: number, char: string): number {
  if (code === 0) return 0;
  if (ZERO_WIDTH.test(char)) return 0;
  for (const [from, to] of WIDE_RANGES) {
    if (code >= from && code <= to) return 2;
  }
  return EMOJI.test(char) ? 2 : 1;
}
