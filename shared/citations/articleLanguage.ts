import { parseArticle } from '../article';
import type { DefinitionLanguage } from './newsStyle';

const LANGUAGE_FIELDS = ['language', 'lang', 'languageCode', 'languagecode', 'locale'];
const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * The language new definitions and a new references heading are written in: the front matter's
 * `language`/`lang`/`languageCode` when present, otherwise Chinese when Han characters outnumber
 * Latin words in the body.
 */
export function detectArticleLanguage(text: string): DefinitionLanguage {
  const { data, parts } = parseArticle(text);
  for (const field of LANGUAGE_FIELDS) {
    const value = data?.[field];
    if (typeof value === 'string' && value.trim()) return /^zh/i.test(value.trim()) ? 'zh' : 'en';
  }
  const body = parts.body;
  const han = body.match(HAN)?.length ?? 0;
  const latin = body.match(LATIN_WORD)?.length ?? 0;
  return han > latin ? 'zh' : 'en';
}

/** The heading Byline writes when an article has no references section yet. */
export const defaultReferencesHeading = (language: DefinitionLanguage): string =>
  language === 'zh' ? '## 参考资料' : '## References';
