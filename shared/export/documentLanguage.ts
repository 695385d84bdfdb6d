/**
 * The `lang` of an exported document. Browsers and PDF engines pick fonts, line breaking and
 * punctuation width from it, so a Chinese article marked `en` gets Japanese-style glyphs for
 * shared Han characters on some systems and Latin quotes in the wrong width.
 */

const bcp47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const notHan = /\P{Script=Han}+/gu;
const notKana = /[^\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const notHangul = /\P{Script=Hangul}+/gu;
const latinWord = /[A-Za-z\u00C0-\u024F]+/g;
const highSurrogate = /[\uD800-\uDBFF]/g;

/**
 * Matches of a global pattern, counted without collecting them: `match` would build an array of
 * one string per Han character, tens of thousands for an article.
 */
function count(text: string, pattern: RegExp): number {
  let matches = 0;
  pattern.lastIndex = 0;
  while (pattern.test(text)) matches++;
  return matches;
}

/**
 * Characters of a script in the text: what is left once everything else is removed, in code
 * points. Matching the characters themselves would make a string of each Han character of a
 * long article.
 */
function countCharacters(text: string, everythingElse: RegExp): number {
  const kept = text.replace(everythingElse, '');
  return kept.length - count(kept, highSurrogate);
}

/**
 * `lang`/`language` from the front matter when it is a valid tag; otherwise from the text:
 * CJK characters are compared with Latin words (one Han character carries about one word), and
 * `zh-CN` wins when they dominate; kana means Japanese, Hangul Korean.
 */
export function detectDocumentLanguage(text: string, declared?: unknown): string {
  if (typeof declared === 'string' && bcp47.test(declared.trim())) return declared.trim();
  const hanCount = countCharacters(text, notHan);
  const kanaCount = countCharacters(text, notKana);
  const hangulCount = countCharacters(text, notHangul);
  const latin = count(text, latinWord);
  const cjk = hanCount + kanaCount + hangulCount;
  if (cjk === 0 || cjk < latin) return 'en';
  if (kanaCount > 0 && kanaCount * 5 >= hanCount) return 'ja';
  if (hangulCount > hanCount) return 'ko';
  return 'zh-CN';
}

/** True for the languages our themes typeset the CJK way (line height, punctuation, emphasis). */
export const isCjkLanguage = (lang: string): boolean => /^(?:zh|ja|ko)\b/i.test(lang);
