import iconv from 'iconv-lite';
import type { TextFormat } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { detectLegacyEncoding } from './detectEncoding';
import {
  decodeStrictUtf8,
  decoded,
  looksBinary,
  startsWith,
  utf16beBom,
  utf16leBom,
  utf8Bom,
  type DecodedText,
} from './utf8Text';

export { dominantEol, type DecodedText } from './utf8Text';

/**
 * Bytes -> text, refusing to guess silently. A BOM decides; then strict UTF-8 (Typora #123 saved
 * Chinese as "?" after guessing ASCII); only then GB18030 or Big5, chosen in detectEncoding.ts.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, utf16leBom))
    return decoded(iconv.decode(asBuffer(bytes.subarray(2)), 'utf-16le'), 'utf-16le', true);
  if (startsWith(bytes, utf16beBom))
    return decoded(iconv.decode(asBuffer(bytes.subarray(2)), 'utf-16be'), 'utf-16be', true);
  if (looksBinary(bytes)) {
    throw new BylineError(
      'binary-file',
      'This looks like a binary file, not a Markdown article. Byline did not open it.',
    );
  }
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8) return utf8;
  // Not UTF-8: fall through to the legacy Chinese encodings.
  const legacy = detectLegacyEncoding(bytes);
  if (!legacy) {
    throw new BylineError(
      'unknown-encoding',
      'The file is not UTF-8, GB18030 or Big5, and Byline will not guess its encoding. It was not opened.',
    );
  }
  return decoded(iconv.decode(asBuffer(bytes), legacy), legacy, false);
}

/**
 * Text -> bytes in the file's own encoding, BOM and line endings. Refuses (code `unencodable`)
 * when the encoding cannot hold a character, instead of writing "?" in its place.
 */
export function encodeText(text: string, format: TextFormat): Uint8Array {
  const withEol =
    format.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n');
  if (format.encoding === 'utf-8') {
    const body = new TextEncoder().encode(withEol);
    return format.bom ? concat(utf8Bom, body) : body;
  }
  const missing = unencodableCharacters(withEol, format.encoding);
  if (missing.length > 0) {
    throw new BylineError(
      'unencodable',
      `This file is saved as ${encodingLabel(format.encoding)}, which cannot hold ${missing.map((c) => `"${c}"`).join(' ')}. ` +
        'Nothing was written. Convert the file to UTF-8 to keep these characters.',
    );
  }
  const body = new Uint8Array(iconv.encode(withEol, format.encoding));
  if (!format.bom) return body;
  // A BOM only means something for UTF-8 and UTF-16; legacy encodings never carry one.
  if (format.encoding === 'utf-16le') return concat(utf16leBom, body);
  if (format.encoding === 'utf-16be') return concat(utf16beBom, body);
  return body;
}

/** Characters (up to five, distinct) that would not survive a round trip through the encoding. */
export function unencodableCharacters(text: string, encoding: TextFormat['encoding']): string[] {
  if (encoding === 'utf-8') return [];
  const roundTrip = iconv.decode(iconv.encode(text, encoding), encoding);
  if (roundTrip === text) return [];
  const found = new Set<string>();
  for (const char of text) {
    if (found.size >= 5) break;
    if (found.has(char)) continue;
    if (iconv.decode(iconv.encode(char, encoding), encoding) !== char) found.add(char);
  }
  return [...found];
}

export function encodingLabel(encoding: TextFormat['encoding']): string {
  const labels: Record<TextFormat['encoding'], string> = {
    'utf-8': 'UTF-8',
    'utf-16le': 'UTF-16 LE',
    'utf-16be': 'UTF-16 BE',
    gb18030: 'GB18030',
    big5: 'Big5',
  };
  return labels[encoding];
}

function concat(prefix: readonly number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
