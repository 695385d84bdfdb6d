import { promises as fs } from 'node:fs';
import { decodeStrictUtf8, type DecodedText } from './utf8Text';

/**
 * Bytes -> text with the editor's encoding rules (textCodec.ts). Strict UTF-8 is nearly every
 * file, so the legacy-encoding tables (iconv-lite, jschardet: most of what a cold `byline check`
 * would otherwise compile) are loaded only for the others.
 */
export async function decodeTextLazily(bytes: Uint8Array): Promise<DecodedText> {
  return decodeStrictUtf8(bytes) ?? (await import('./textCodec')).decodeText(bytes);
}

/** Reads a text file with the editor's encoding rules; see decodeTextLazily. */
export async function readTextFile(file: string): Promise<DecodedText> {
  return decodeTextLazily(new Uint8Array(await fs.readFile(file)));
}
