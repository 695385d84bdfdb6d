/**
 * What tells a source from an explanatory note in a footnote definition, and what a source says
 * about itself, in every style Byline writes (news, APA, GB/T 7714) and common free text.
 */

/** A web address or DOI. */
const WEB_LINK = /(?:https?:\/\/|\bdoi:\s*10\.|\b10\.\d{4,9}\/)\S/iu;
/** A link to the site's own pages: `[…](/posts/…)`, `[…](../x/)`, Hugo's `ref`/`relref`. */
const SITE_LINK = /\]\(\s*<?\.{0,2}\/[^\s)]|\{\{[<%]\s*(?:rel)?ref\s/u;
/** A day: 2025-06-18, 2025/6/18, 2025年6月18日, June 18, 2025, 18 June 2025, (2025, June 18). */
const FULL_DATE = new RegExp(
  [
    String.raw`\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}`,
    String.raw`\bMONTH\s+\d{1,2},\s*\d{4}`,
    String.raw`\b\d{1,2}\s+MONTH\s+\d{4}`,
    String.raw`\b\d{4},\s*MONTH\s+\d{1,2}\b`,
  ]
    .join('|')
    .replaceAll('MONTH', String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?`),
  'iu',
);
/** GB/T 7714's document type: `[N]`, `[J]`, `[M]`, `[EB/OL]`, `[N/OL]`. */
const GBT_TYPE = /\[[A-Z]{1,2}(?:\/OL)?\]/u;
/** The words every style puts before a retrieval date. */
const RETRIEVAL_WORDS =
  /检索|访问日期|访问于|引用日期|获取日期|取用日期|Retrieved|Accessed|Abgerufen|Consulté/iu;
/** GB/T 7714: the retrieval date in brackets after the publication date, `2025-06-16[2026-12-06]`. */
const GBT_RETRIEVAL = /\[\d{4}-\d{1,2}-\d{1,2}\]/u;

/** A web address, DOI or link to one of the site's own pages. */
export const hasLink = (text: string): boolean => WEB_LINK.test(text) || SITE_LINK.test(text);

export const hasRetrievalDate = (text: string): boolean =>
  RETRIEVAL_WORDS.test(text) || GBT_RETRIEVAL.test(text);

/**
 * A definition is a citation when it has the shape of a source: a link, a date, a retrieval date
 * or a GB/T document type. Anything else ("这里指的是……", "Figures in US dollars.") is an
 * explanatory note, which needs no URL and no retrieval date.
 */
export const looksLikeSource = (text: string): boolean =>
  hasLink(text) || FULL_DATE.test(text) || GBT_TYPE.test(text) || hasRetrievalDate(text);
