import type { CslItem, DateParts } from './source';
import {
  dateParts,
  displayAuthors,
  parseAuthors,
  parseDateText,
  slashDate,
  toCslDate,
} from './source';

/**
 * The news style of our writers' articles, in two languages:
 *
 *     定慧 & 好困（2025/6/18）。标题。新智元。检索日期2025/6/18。
 *     （2025/6/16）。OpenAI wins $200 million US defense contract。CNBC。检索日期2025/6/18。
 *     Jane Smith & John Doe (2025/6/16). Title. Reuters. Retrieved 2025/6/18.
 *
 * A URL is written as a link on the title (`[标题](https://…)`), so the preview makes the title
 * clickable. A note, when there is one, is the last sentence.
 */
export type DefinitionLanguage = 'zh' | 'en';

const ID_PREFIX = 'article-';

export interface ParsedDefinition {
  item: CslItem;
  /** The language of the sentence punctuation (`。` or `. `), not of the title. */
  language: DefinitionLanguage;
}

const RETRIEVED_ZH =
  /^(?:检索日期|检索于|检索|访问日期|访问于|访问时间|引用日期|取用日期|获取日期)\s*[:：]?\s*(.+?)$/u;
const RETRIEVED_EN_LEAD = /^(?:Retrieved(?:\s+on)?|Accessed(?:\s+on)?)\s*:?\s*/iu;
const WHITESPACE = /\s/u;

/**
 * `Retrieved [on] <date>[, from <url>]`: [whole, date, url?]. The tail is taken apart from the end
 * by hand: a lazy `(.+?)` before an optional `\s+from\s+` group rescans every whitespace run once
 * per character (quadratic on a long run of spaces).
 */
function retrievedEnglish(part: string): [string, string, string | undefined] | null {
  const lead = RETRIEVED_EN_LEAD.exec(part);
  if (!lead || lead[0].length === part.length) return null;
  const rest = part.slice(lead[0].length);
  const isSpace = (index: number): boolean => WHITESPACE.test(rest.charAt(index));
  let tokenStart = rest.length;
  while (tokenStart > 0 && !isSpace(tokenStart - 1)) tokenStart--;
  let fromEnd = tokenStart;
  while (fromEnd > 0 && isSpace(fromEnd - 1)) fromEnd--;
  const fromStart = fromEnd - 4;
  let dateEnd = fromStart;
  while (dateEnd > 0 && isSpace(dateEnd - 1)) dateEnd--;
  if (rest[dateEnd - 1] === ',') dateEnd--;
  const hasSource =
    tokenStart < rest.length &&
    fromEnd < tokenStart &&
    fromStart > 0 &&
    isSpace(fromStart - 1) &&
    rest.slice(fromStart, fromEnd).toLowerCase() === 'from' &&
    dateEnd > 0;
  return hasSource
    ? [part, rest.slice(0, dateEnd), rest.slice(tokenStart)]
    : [part, rest, undefined];
}
const BARE_URL = /^<?(https?:\/\/[^\s<>]+)>?$/iu;
const TITLE_LINK =
  /^\[((?:\\[[\]\\]|[^\]\\])+)\]\(<?(https?:\/\/[^\s<>()]+(?:\([^\s()]*\)[^\s<>()]*)*)>?\)$/iu;

const endsSentence = (text: string): boolean => /[.!?。！？…]$/u.test(text);

function splitTitleLink(text: string): { title: string; url?: string } {
  const link = TITLE_LINK.exec(text);
  return link
    ? { title: (link[1] ?? '').replace(/\\([[\]\\])/g, '$1'), url: link[2] }
    : { title: text };
}

interface Sentences {
  parts: string[];
  /** separators[i] sits between parts[i] and parts[i + 1], as written. */
  separators: string[];
}

/**
 * Splits `body` (without the author/date head) into sentences, keeping the separators so a title
 * with a full stop or question mark inside is put back together exactly: `。` (or a break after
 * `？！`) in Chinese; `. ` (not after an initial such as "U.S.") or `? `/`! ` in English.
 */
function sentences(body: string, language: DefinitionLanguage): Sentences {
  const separator =
    language === 'zh' ? /。|(?<=[？！])(?=.)/gu : /(?<!\b[A-Z])\.\s+|(?<=[?!])\s+/gu;
  const trimmed = language === 'zh' ? body.replace(/。$/u, '') : body.replace(/\.$/u, '');
  const parts: string[] = [];
  const separators: string[] = [];
  let start = 0;
  for (const match of trimmed.matchAll(separator)) {
    parts.push(trimmed.slice(start, match.index));
    separators.push(match[0]);
    start = match.index + match[0].length;
  }
  parts.push(trimmed.slice(start));
  return { parts, separators };
}

function joinSentences({ parts, separators }: Sentences, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++)
    out += (i > from ? (separators[i - 1] ?? '') : '') + (parts[i] ?? '');
  return out.trim();
}

/**
 * Recognises a free-text definition in the news style (and its common variants). Returns null
 * for anything else; such a definition stays untouched text.
 */
export function parseNewsDefinition(text: string): ParsedDefinition | null {
  const definition = text.trim();
  if (!definition || definition.includes('\n')) return null;

  // Head: `作者（日期）。`, `（日期）。`, `Author (date). `, `(date). `.
  // Greedy author groups, trimmed after: a lazy group before `\s*` is quadratic on long spaces.
  const zhHead = /^([^（）()。]*)（([^（）]+)）\s*。\s*/u.exec(definition);
  const enHead = /^([^（）()]*)\(([^()]+)\)\s*\.\s+/u.exec(definition);
  let language: DefinitionLanguage;
  let authorsText = '';
  let issued: DateParts | null = null;
  let rest = definition;
  if (zhHead && parseDateText(zhHead[2] ?? '')) {
    language = 'zh';
    authorsText = (zhHead[1] ?? '').trimEnd();
    issued = parseDateText(zhHead[2] ?? '');
    rest = definition.slice(zhHead[0].length);
  } else if (enHead && parseDateText(enHead[2] ?? '')) {
    language = 'en';
    authorsText = (enHead[1] ?? '').trimEnd();
    issued = parseDateText(enHead[2] ?? '');
    rest = definition.slice(enHead[0].length);
  } else if (definition.includes('。')) {
    language = 'zh';
  } else if (/\.\s/u.test(definition)) {
    language = 'en';
  } else {
    return null;
  }
  const dated = issued !== null;

  const split = sentences(rest, language);
  const parts = split.parts.map((part) => part.trim());
  if (parts.every((part) => part === '')) return null;
  const retrievedMatch = (part: string) =>
    (language === 'zh' ? RETRIEVED_ZH.exec(part) : null) ?? retrievedEnglish(part);

  // Tail: the retrieval date, then an optional note.
  let accessed: DateParts | null = null;
  let note: string | undefined;
  let url: string | undefined;
  let end = parts.length;
  const retrievedAt = parts.findIndex(
    (part) => parseDateText(retrievedMatch(part)?.[1] ?? '') !== null,
  );
  if (retrievedAt >= 0) {
    const match = retrievedMatch(parts[retrievedAt] ?? '');
    accessed = parseDateText(match?.[1] ?? '');
    if (match?.[2]) url = match[2];
    const after = joinSentences(split, retrievedAt + 1, parts.length);
    if (after) note = after;
    end = retrievedAt;
  } else if (!dated) {
    return null; // plain prose, not a citation
  }

  // A sentence that is only a URL, just before the retrieval date.
  const lastMain = parts[end - 1] ?? '';
  if (end > 1 && BARE_URL.test(lastMain)) {
    url ??= BARE_URL.exec(lastMain)?.[1];
    end--;
  }
  let start = 0;
  // Without a dated head: `作者。标题。媒体。` when there are three sentences.
  if (!dated && end >= 3) {
    authorsText = parts[0] ?? '';
    start = 1;
  }
  if (end <= start) return null;

  const outlet = end - start >= 2 ? parts[end - 1] : undefined;
  const titleText = joinSentences(split, start, end - start >= 2 ? end - 1 : end);
  const { title, url: linkUrl } = splitTitleLink(titleText);
  url ??= linkUrl;
  if (!title) return null;

  const item: CslItem = { id: '', type: 'article-newspaper', title };
  const authors = parseAuthors(authorsText);
  if (authors.length > 0) item.author = authors;
  if (issued) item.issued = toCslDate(issued);
  if (outlet) item['container-title'] = outlet;
  if (url) item.URL = url;
  if (accessed) item.accessed = toCslDate(accessed);
  if (note) item.note = note;
  item.id = sourceId(item);
  return { item, language };
}

/** Formats an item in the news style; the inverse of parseNewsDefinition for its canonical form. */
export function formatNewsDefinition(item: CslItem, language: DefinitionLanguage): string {
  const authors = displayAuthors(item.author);
  const issued = dateParts(item.issued);
  const accessed = dateParts(item.accessed);
  const outlet = item['container-title'] ?? item.publisher;
  const title = item.title ?? '';
  const url = item.URL ?? (item.DOI ? `https://doi.org/${item.DOI}` : undefined);
  const titleText =
    url && title ? `[${title.replace(/[[\]\\]/g, '\\$&')}](${url})` : title || (url ?? '');

  if (language === 'zh') {
    let out = '';
    if (issued) out += `${authors}（${slashDate(issued)}）。`;
    else if (authors) out += `${authors}。`;
    if (titleText) out += `${titleText}${/[！？]$/u.test(titleText) ? '' : '。'}`;
    if (outlet) out += `${outlet}。`;
    if (accessed) out += `检索日期${slashDate(accessed)}。`;
    if (item.note) out += `${item.note}${/[。！？.!?]$/u.test(item.note) ? '' : '。'}`;
    return out;
  }
  const parts: string[] = [];
  if (issued) parts.push(`${authors ? `${authors} ` : ''}(${slashDate(issued)}).`);
  else if (authors) parts.push(`${authors}.`);
  if (titleText) parts.push(/[?!]$/u.test(titleText) ? titleText : `${titleText}.`);
  if (outlet) parts.push(`${outlet}.`);
  if (accessed) parts.push(`Retrieved ${slashDate(accessed)}.`);
  if (item.note) parts.push(endsSentence(item.note) ? item.note : `${item.note}.`);
  return parts.join(' ');
}

/** A stable id for an item made from an article's text (CSL-JSON needs one). */
export function sourceId(item: CslItem): string {
  const basis = [item.URL ?? '', item.title ?? '', item['container-title'] ?? ''].join('|');
  let hash = 0x811c9dc5;
  for (let i = 0; i < basis.length; i++) {
    hash ^= basis.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${ID_PREFIX}${(hash >>> 0).toString(36)}`;
}
