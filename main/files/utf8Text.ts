import { isUtf8 } from 'node:buffer';
import { dominantEol } from '../../shared/article/splitArticle';
import type { TextFormat } from '../../shared/ipc/contract';

export interface DecodedText {
  text: string;
  format: TextFormat;
}

const utf8Bom = [0xef, 0xbb, 0xbf];
const utf16leBom = [0xff, 0xfe];
const utf16beBom = [0xfe, 0xff];

/**
 * The common case, kept apart from the legacy-encoding tables (iconv-lite, jschardet) so that
 * `byline check` need not load them: bytes that are strict UTF-8 (BOM or not), not UTF-16 and
 * not binary. `undefined` means "not that case": textCodec's decodeText decides the rest.
 */
export function decodeStrictUtf8(bytes: Uint8Array): DecodedText | undefined {
  if (startsWith(bytes, utf16leBom) || startsWith(bytes, utf16beBom) || looksBinary(bytes))
    return undefined;
  const hasBom = startsWith(bytes, utf8Bom);
  const content = hasBom ? bytes.subarray(3) : bytes;
  // What a fatal TextDecoder accepts, checked and decoded natively: a fifth of its time.
  if (!isUtf8(content)) return undefined;
  const text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  return decoded(text, 'utf-8', hasBom);
}

export { dominantEol };

function decoded(text: string, encoding: TextFormat['encoding'], bom: boolean): DecodedText {
  return { text, format: { encoding, bom, eol: dominantEol(text) } };
}

function looksBinary(bytes: Uint8Array): boolean {
  // UTF-16 text has NULs too; it is recognised by its BOM before this check.
  return bytes.subarray(0, 8000).includes(0);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
