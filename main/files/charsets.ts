import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TextEncodingName } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { encodingLabels } from '../../shared/text/encodingLabels';
import { decodeCp950, encodeCp950 } from './cp950';

const utf8Encoder = new TextEncoder();

/** Bytes (without a BOM) -> text, or null when they are not valid in that encoding. */
export function decodeBody(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  switch (encoding) {
    case 'utf-8':
      // isUtf8 validates natively; TextDecoder's fatal mode is several times slower on 1 MB.
      return isUtf8(bytes)
        ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
        : null;
    case 'utf-16le':
    case 'utf-16be':
      if (bytes.length % 2 !== 0) throw oddUtf16();
      return Buffer.from(encoding === 'utf-16be' ? swapPairs(bytes) : bytes).toString('utf16le');
    case 'gb18030':
    case 'big5': {
      const text =
        encoding === 'big5'
          ? decodeCp950(bytes)
          : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
      // Replacement characters mean bytes the table has no character for; C1 controls never
      // occur in text and mean the bytes were cut or are another encoding.
      return /[\uFFFD\u0080-\u009F]/.test(text) ? null : text;
    }
  }
}

/** Text -> bytes (without a BOM); characters the encoding lacks come out as "?" (see canEncode). */
export function encodeBody(text: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return utf8Encoder.encode(text);
    case 'utf-16le':
      return new Uint8Array(Buffer.from(text, 'utf16le'));
    case 'utf-16be':
      return swapPairs(new Uint8Array(Buffer.from(text, 'utf16le')));
    case 'gb18030':
      return new Uint8Array(iconv.encode(text, 'gb18030'));
    case 'big5':
      return encodeCp950(text);
  }
}

/** Characters (up to five, distinct) that would not survive a round trip through the encoding. */
export function unencodableCharacters(text: string, encoding: TextEncodingName): string[] {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') return [];
  if (decodeBody(encodeBody(text, encoding), encoding) === text) return [];
  const found = new Set<string>();
  for (const char of text) {
    if (found.size >= 5) break;
    if (!found.has(char) && decodeBody(encodeBody(char, encoding), encoding) !== char)
      found.add(char);
  }
  return [...found];
}

export function encodingLabel(encoding: TextEncodingName): string {
  return encodingLabels[encoding];
}

function oddUtf16(): BylineError {
  return new BylineError(
    'odd-utf16',
    'This file is marked as UTF-16 but ends in half a character (an odd number of bytes): it is ' +
      'damaged or not UTF-16. Byline did not open it, so nothing of it was cut off.',
  );
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] ?? 0;
    out[i + 1] = bytes[i] ?? 0;
  }
  return out;
}
