import { describe, expect, it } from 'vitest';
import { CharacterClass, classifyCodePoint } from './characterClass';

// The rules, written out once more as the slow regex test per character: the lookup tables built
// block by block must agree with them everywhere, in whatever order the blocks are first used.
function expected(codePoint: number): CharacterClass {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return CharacterClass.Other;
  const char = String.fromCodePoint(codePoint);
  if ("'\u2019-\u2010\u2011_.".includes(char)) return CharacterClass.Joiner;
  if (',:'.includes(char)) return CharacterClass.DigitJoiner;
  if (/\s/u.test(char)) return CharacterClass.Whitespace;
  if (/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC]/u.test(char))
    return CharacterClass.Cjk;
  return /[\p{L}\p{N}\p{M}]/u.test(char) ? CharacterClass.WordPart : CharacterClass.Other;
}

describe('classifyCodePoint', () => {
  it('classifies every code point of the BMP as the Unicode-property rules do', () => {
    const wrong: string[] = [];
    // Descending, so blocks are first built from their last character.
    for (let code = 0xffff; code >= 0; code--)
      if (classifyCodePoint(code) !== expected(code)) wrong.push(code.toString(16));
    expect(wrong).toEqual([]);
  });

  it('classifies astral characters: Han extensions, other letters, emoji', () => {
    for (const code of [0x20000, 0x2a6df, 0x30000, 0x1d400, 0x10400, 0x1f600, 0x1f44d])
      expect(classifyCodePoint(code), code.toString(16)).toBe(expected(code));
    expect(classifyCodePoint(0x20bb7)).toBe(CharacterClass.Cjk);
    expect(classifyCodePoint(0x1f600)).toBe(CharacterClass.Other);
  });
});
