import { containsCjk } from '../text/cjk';

/**
 * The structured source model: a CSL-JSON item, the format Zotero, citation-js and citeproc
 * share, so the workspace library (`.byline/references.json`) is plain CSL-JSON.
 * Only the fields Byline edits are typed; any other CSL field is kept as it came.
 */
export interface CslName {
  family?: string;
  given?: string;
  /** A name written as one piece: Chinese names, organisations ("Reuters"). */
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  [part: string]: string | undefined;
}

export type DateParts = [number] | [number, number] | [number, number, number];

export interface CslDate {
  'date-parts'?: number[][];
  raw?: string;
  literal?: string;
  [part: string]: unknown;
}

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  /** The outlet: newspaper, magazine, website, journal. */
  'container-title'?: string;
  publisher?: string;
  URL?: string;
  DOI?: string;
  note?: string;
  language?: string;
  [field: string]: unknown;
}

/** What the citation form edits; every field is plain text, dates as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`). */
export interface SourceFields {
  /** Authors in one line, separated by `&`, `;` or `、`. */
  authors: string;
  issued: string;
  title: string;
  outlet: string;
  url: string;
  accessed: string;
  note: string;
}

export const emptySourceFields = (): SourceFields => ({
  authors: '',
  issued: '',
  title: '',
  outlet: '',
  url: '',
  accessed: '',
  note: '',
});

export { containsCjk };

// ---------------------------------------------------------------- dates

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthOf(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index < 0 ? null : index + 1;
}

function validParts(year: number, month?: number, day?: number): DateParts | null {
  if (!(year >= 1000 && year <= 9999)) return null;
  if (month === undefined) return [year];
  if (!(month >= 1 && month <= 12)) return null;
  if (day === undefined) return [year, month];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!(day >= 1 && day <= daysInMonth)) return null;
  return [year, month, day];
}

const MAX_DATE_TEXT = 64;

/**
 * Reads the dates writers type: `2025/6/18`, `2025-06-18`, `2025.6.18`, `2025年6月18日`,
 * `June 18, 2025`, `18 June 2025`, `Jun. 2025`, `2025`. Null when it is not a date.
 */
export function parseDateText(input: string): DateParts | null {
  // No date is this long, and the patterns below have adjacent `\s*` that backtrack
  // polynomially on a long run of spaces: longer text is not a date, unread.
  if (input.length > MAX_DATE_TEXT) return null;
  const text = input.trim().normalize('NFKC');
  let match =
    /^(\d{4})(?:\s*[/\-.年]\s*(\d{1,2})(?:\s*[/\-.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?$/.exec(
      text,
    );
  if (match) {
    const [, year, month, day] = match;
    return validParts(
      Number(year),
      month === undefined ? undefined : Number(month),
      day === undefined ? undefined : Number(day),
    );
  }
  match = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = monthOf(match[1] ?? '');
    return month ? validParts(Number(match[3]), month, Number(match[2])) : null;
  }
  match = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = monthOf(match[2] ?? '');
    return month ? validParts(Number(match[3]), month, Number(match[1])) : null;
  }
  match = /^([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = monthOf(match[1] ?? '');
    return month ? validParts(Number(match[2]), month) : null;
  }
  return null;
}

export function dateParts(date: CslDate | undefined): DateParts | null {
  const first = date?.['date-parts']?.[0];
  if (first && first.length > 0) {
    const [year, month, day] = first.map(Number);
    return validParts(year ?? NaN, month, day);
  }
  const raw = date?.raw ?? date?.literal;
  return raw ? parseDateText(raw) : null;
}

export const toCslDate = (parts: DateParts): CslDate => ({ 'date-parts': [[...parts]] });

/** `2025/6/18`, the sample's form (no leading zeros). */
export const slashDate = (parts: DateParts): string => parts.join('/');

/** `2025-06-18` for date inputs and sorting. */
export const isoDate = (parts: DateParts): string =>
  parts.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');

/** Compares two partial dates at the precision both have; negative when `a` is earlier. */
export function compareDates(a: DateParts, b: DateParts): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function todayParts(now: Date = new Date()): DateParts {
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()];
}

// ---------------------------------------------------------------- names

const AUTHOR_SEPARATOR = /\s*(?:&|;|；|、|\band\b)\s*/u;

/** One author as typed: CJK names and single words stay whole, "Given Family" and "Family, Given" are split. */
export function parseName(input: string): CslName | null {
  const text = input.trim();
  if (!text) return null;
  if (containsCjk(text)) return { literal: text };
  const comma = text.indexOf(',');
  if (comma > 0) {
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    return given ? { family, given } : { literal: family };
  }
  const words = text.split(/\s+/);
  if (words.length < 2) return { literal: text };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] ?? '' };
}

export function parseAuthors(input: string): CslName[] {
  return input
    .split(AUTHOR_SEPARATOR)
    .map(parseName)
    .filter((name): name is CslName => name !== null);
}

/** A name as a writer reads it: literal, or "Given Family" (CJK family+given run together). */
export function displayName(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  if (containsCjk(family + given)) return family + given;
  return [given, family, name.suffix].filter(Boolean).join(' ');
}

export const displayAuthors = (names: readonly CslName[] | undefined): string =>
  (names ?? []).map(displayName).filter(Boolean).join(' & ');

// ---------------------------------------------------------------- fields <-> item

export function fieldsToItem(
  fields: SourceFields,
  id: string,
  type = 'article-newspaper',
): CslItem {
  const item: CslItem = { id, type };
  const authors = parseAuthors(fields.authors);
  if (authors.length > 0) item.author = authors;
  const title = fields.title.trim();
  if (title) item.title = title;
  const outlet = fields.outlet.trim();
  if (outlet) item['container-title'] = outlet;
  const issued = parseDateText(fields.issued);
  if (issued) item.issued = toCslDate(issued);
  const accessed = parseDateText(fields.accessed);
  if (accessed) item.accessed = toCslDate(accessed);
  const url = fields.url.trim();
  if (url) item.URL = url;
  const note = fields.note.trim();
  if (note) item.note = note;
  return item;
}

export function itemToFields(item: CslItem): SourceFields {
  const issued = dateParts(item.issued);
  const accessed = dateParts(item.accessed);
  return {
    authors: displayAuthors(item.author),
    issued: issued ? isoDate(issued) : '',
    title: item.title ?? '',
    outlet: item['container-title'] ?? item.publisher ?? '',
    url: item.URL ?? (item.DOI ? `https://doi.org/${item.DOI}` : ''),
    accessed: accessed ? isoDate(accessed) : '',
    note: item.note ?? '',
  };
}

// ---------------------------------------------------------------- identity

/** Scheme, `www.`, trailing slash, fragment and tracking parameters do not make another source. */
export function normalizeUrl(url: string): string {
  const trimmed = url.trim().replace(/^<|>$/g, '');
  const match = /^(?:https?:)?\/\/(?:www\.)?([^/?#]+)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(trimmed);
  if (!match) return trimmed.toLowerCase();
  const host = (match[1] ?? '').toLowerCase();
  let pathPart = match[2] ?? '';
  // Trailing slashes trimmed by hand: `\/+$` rescans a long run of slashes once per start.
  let end = pathPart.length;
  while (end > 0 && pathPart.charCodeAt(end - 1) === 0x2f) end--;
  pathPart = pathPart.slice(0, end);
  const query = (match[3] ?? '')
    .slice(1)
    .split('&')
    .filter((pair) => pair && !/^(utm_[a-z]+|fbclid|gclid|spm|from|share_token)=/i.test(pair))
    .sort()
    .join('&');
  // A fragment names a place in one page, except on hash-routed sites (`#/story/1`, `#!/…`),
  // where it names the page itself.
  const fragment = match[4] ?? '';
  const route = /^#!|^#\//.test(fragment) ? fragment : '';
  return `${host}${pathPart}${query ? `?${query}` : ''}${route}`;
}

export function normalizeDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
}

/** Case, width, spacing and punctuation folded away, for comparing titles and outlets. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

function doiOf(item: CslItem): string | null {
  if (item.DOI) return normalizeDoi(item.DOI);
  const fromUrl = item.URL && /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(item.URL.trim());
  return fromUrl ? normalizeDoi(fromUrl[1] ?? '') : null;
}

/** Keys that make two items the same source: URL, DOI, and title+outlet when both are known. */
export function sourceKeys(item: CslItem): string[] {
  const keys: string[] = [];
  const doi = doiOf(item);
  if (doi) keys.push(`doi:${doi}`);
  if (item.URL) keys.push(`url:${normalizeUrl(item.URL)}`);
  const title = item.title ? normalizeText(item.title) : '';
  const outlet = normalizeText(item['container-title'] ?? item.publisher ?? '');
  if (title && outlet) keys.push(`title:${title}|${outlet}`);
  return keys;
}

/** Library de-duplication: same URL or same DOI. */
export function sameIdentifier(a: CslItem, b: CslItem): boolean {
  const keysA = sourceKeys(a).filter((key) => !key.startsWith('title:'));
  const keysB = new Set(sourceKeys(b).filter((key) => !key.startsWith('title:')));
  return keysA.some((key) => keysB.has(key));
}

/** Article check: same URL or DOI, or the same title in the same outlet. */
export function sameSource(a: CslItem, b: CslItem): boolean {
  const keysB = new Set(sourceKeys(b));
  return sourceKeys(a).some((key) => keysB.has(key));
}

/** Words that find the item in the library: authors, title, outlet, publisher, URL. */
export function matchesQuery(item: CslItem, query: string): boolean {
  const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    displayAuthors(item.author),
    item.title,
    item['container-title'],
    item.publisher,
    item.URL,
  ]
    .filter(Boolean)
    .join(' ')
    .normalize('NFKC')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
