/**
 * The CJK character rules, written once: which characters count as CJK for statistics, line
 * wrapping and language detection. `..._CLASS` are bodies of a regex character class, for rules
 * that combine them with more.
 */

/** Han, Hiragana, Katakana and Hangul letters (one 字 each in a word count). */
const CJK_SCRIPT_CLASS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** CJK letters plus CJK punctuation and full-width forms: everything set as one wide character. */
export const CJK_WIDE_CLASS = `${CJK_SCRIPT_CLASS}\\u3000-\\u303f\\uff00-\\uffef`;

const cjkScriptChar = new RegExp(`[${CJK_SCRIPT_CLASS}]`, 'u');
export const cjkWideChar = new RegExp(`[${CJK_WIDE_CLASS}]`, 'u');

export const containsCjk = (text: string): boolean => cjkScriptChar.test(text);
