import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import type { ArticleMetadata } from '../../shared/export/articleMetadata';

/**
 * Document properties from the front matter, which Chromium's printer cannot set (it writes the
 * page title only, and names itself as Creator): title, author, subject (the summary), keywords,
 * language, and Byline as Creator and Producer. Everything else in the file is kept as printed.
 *
 * Chromium's file gets them as an incremental update (ISO 32000-1, 7.5.6): a new document
 * information dictionary and cross-reference section appended to the printed bytes, which stay
 * as they are. Parsing and rewriting the whole file instead (pdf-lib) cost more than every other
 * step of an export but the printing, for a file of a few megabytes of images. A file the update
 * cannot take (a cross-reference stream, a catalog without the article's language) is rewritten.
 */
export async function withArticleMetadata(
  bytes: Uint8Array,
  meta: ArticleMetadata,
  now: Date = new Date(),
): Promise<Uint8Array> {
  return appendDocumentInformation(bytes, meta, now) ?? rewriteWithPdfLib(bytes, meta, now);
}

const ascii = new TextEncoder();

/** `n g R` references and integers of a trailer or dictionary, by key. */
function reference(dict: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return match ? Number(match[1]) : null;
}

/** The dictionary that opens at `start` (`<<`), nested dictionaries and strings included. */
function dictionaryAt(text: string, start: number): { body: string; end: number } | null {
  if (!text.startsWith('<<', start)) return null;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      // A literal string: balanced parentheses, backslash escapes.
      let open = 0;
      for (; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') open++;
        else if (text[i] === ')' && --open === 0) break;
      }
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '<') {
      // A hex string: its closing `>` must not pass for the end of a dictionary.
      i = text.indexOf('>', i);
      if (i === -1) return null;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return { body: text.slice(start, i + 1), end: i + 1 };
    }
  }
  return null;
}

/** Offsets of in-use objects from the classic cross-reference table `text` starts with. */
function crossReferences(text: string): { offsets: Map<number, number>; trailer: number } | null {
  const offsets = new Map<number, number>();
  const section = /xref\s+/y;
  if (!section.test(text)) return null;
  const header = /(\d+)\s+(\d+)\s+/y;
  const entry = /(\d{10}) (\d{5}) ([nf])\s{1,2}/y;
  let position = section.lastIndex;
  for (;;) {
    header.lastIndex = position;
    const subsection = header.exec(text);
    if (!subsection) break;
    position = header.lastIndex;
    const first = Number(subsection[1]);
    for (let n = 0; n < Number(subsection[2]); n++) {
      entry.lastIndex = position;
      const row = entry.exec(text);
      if (!row) return null;
      position = entry.lastIndex;
      if (row[3] === 'n') offsets.set(first + n, Number(row[1]));
    }
  }
  const trailer = /\s*trailer\s*/y;
  trailer.lastIndex = position;
  return trailer.test(text) ? { offsets, trailer: trailer.lastIndex } : null;
}

/** A PDF text string: UTF-16BE with its byte order mark, in hex (any script, no escaping). */
function textString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/** A PDF date in UTC: D:YYYYMMDDHHmmSSZ. */
function pdfDate(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z)`;
}

/** Chromium's own `/Lang`, compared with the article's (a literal string without escapes). */
function hasLanguage(catalog: string, lang: string): boolean {
  return /^[A-Za-z0-9-]+$/.test(lang) && new RegExp(`/Lang\\s*\\(${lang}\\)`).test(catalog);
}

/**
 * The printed bytes, their old information dictionary blanked (the same length, so every offset
 * holds) and a new one appended with its cross-reference section; null when the file is not
 * what Chromium writes: a classic cross-reference table, a catalog that shows the title and
 * carries the article's language.
 */
export function appendDocumentInformation(
  bytes: Uint8Array,
  meta: ArticleMetadata,
  now: Date,
): Uint8Array | null {
  // Only the tail, the cross-reference table and the two dictionaries it points to are read:
  // latin1, one character per byte, so an index plus the slice's start is a file offset.
  const read = (start: number, end = bytes.length): string =>
    Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, end - start)).toString(
      'latin1',
    );
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(read(Math.max(0, bytes.length - 64)));
  const previous = Number(startxref?.[1] ?? Number.NaN);
  if (!(previous < bytes.length)) return null;
  const tail = read(previous);
  const table = crossReferences(tail);
  if (!table) return null;
  const trailer = dictionaryAt(tail, table.trailer);
  const size = trailer ? /\/Size\s+(\d+)/.exec(trailer.body) : null;
  const root = trailer ? reference(trailer.body, 'Root') : null;
  if (!trailer || !size || root === null) return null;

  /** An object's dictionary and the file offset where it opens (objects this small: 64 KB). */
  const objectDictionary = (number: number): { body: string; start: number } | null => {
    const offset = table.offsets.get(number);
    if (offset === undefined || offset >= bytes.length) return null;
    const text = read(offset, Math.min(bytes.length, offset + 65_536));
    const opening = new RegExp(`${number}\\s+0\\s+obj\\s*`, 'y');
    if (!opening.test(text)) return null;
    const dict = dictionaryAt(text, opening.lastIndex);
    return dict ? { body: dict.body, start: offset + opening.lastIndex } : null;
  };
  const catalog = objectDictionary(root);
  if (
    !catalog ||
    !/\/DisplayDocTitle\s+true/.test(catalog.body) ||
    !hasLanguage(catalog.body, meta.lang)
  ) {
    return null;
  }

  const oldInfoNumber = reference(trailer.body, 'Info');
  const oldInfo = oldInfoNumber === null ? null : objectDictionary(oldInfoNumber);
  const created = oldInfo ? /\/CreationDate\s*(\([^()\\]*\))/.exec(oldInfo.body)?.[1] : undefined;
  const infoNumber = oldInfo ? (oldInfoNumber as number) : Number(size[1]);
  const entries = [
    `/Title ${textString(meta.title)}`,
    meta.authors.length > 0 ? `/Author ${textString(meta.authors.join(', '))}` : '',
    meta.lead ? `/Subject ${textString(meta.lead)}` : '',
    meta.keywords.length > 0 ? `/Keywords ${textString(meta.keywords.join(' '))}` : '',
    `/Creator ${textString('Byline')}`,
    `/Producer ${textString('Byline (printed by Chromium)')}`,
    created ? `/CreationDate ${created}` : '',
    `/ModDate ${pdfDate(now)}`,
  ].filter(Boolean);

  const separator = tail.endsWith('\n') ? '' : '\n';
  const infoOffset = bytes.length + separator.length;
  const infoObject = `${infoNumber} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefOffset = infoOffset + infoObject.length;
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer.body)?.[0];
  const update =
    `${separator}${infoObject}xref\n${infoNumber} 1\n${String(infoOffset).padStart(10, '0')} 00000 n\r\n` +
    `trailer\n<</Size ${Math.max(Number(size[1]), infoNumber + 1)}\n/Root ${root} 0 R\n/Info ${infoNumber} 0 R\n` +
    `${id ? `${id}\n` : ''}/Prev ${previous}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;

  const result = new Uint8Array(bytes.length + update.length);
  result.set(bytes);
  if (oldInfo) {
    // The superseded dictionary would still name HeadlessChrome to anyone reading the bytes.
    const blank = `<<${' '.repeat(oldInfo.body.length - 4)}>>`;
    result.set(ascii.encode(blank), oldInfo.start);
  }
  result.set(ascii.encode(update), bytes.length);
  return result;
}

async function rewriteWithPdfLib(
  bytes: Uint8Array,
  meta: ArticleMetadata,
  now: Date,
): Promise<Uint8Array> {
  // In one go: pdf-lib otherwise pauses every 100 objects on a timer, which under load cost
  // more wall time than the parsing (a printed article has a few thousand objects at most).
  const pdf = await PDFDocument.load(bytes, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.authors.length > 0) pdf.setAuthor(meta.authors.join(', '));
  if (meta.lead) pdf.setSubject(meta.lead);
  if (meta.keywords.length > 0) pdf.setKeywords(meta.keywords);
  pdf.setLanguage(meta.lang);
  pdf.setCreator('Byline');
  pdf.setProducer('Byline (printed by Chromium)');
  pdf.setModificationDate(now);
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
