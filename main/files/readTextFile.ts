import { constants, promises as fs } from 'node:fs';
import { BylineError } from '../../shared/ipc/bylineError';
import { decodeStrictUtf8, type DecodedText } from './utf8Text';

/**
 * Bytes -> text with the editor's encoding rules (textCodec.ts). Strict UTF-8 is nearly every
 * file, so the legacy-encoding tables (iconv-lite, jschardet: most of what a cold `byline check`
 * would otherwise compile) are loaded only for the others.
 */
export async function decodeTextLazily(bytes: Uint8Array): Promise<DecodedText> {
  return decodeStrictUtf8(bytes) ?? (await import('./textCodec')).decodeText(bytes);
}

/**
 * The bytes of a regular file, refusing anything else. A workspace is data from strangers: a pipe
 * under a file's name makes a plain read wait forever (holding one of the few I/O threads saves
 * also need), and `/dev/zero` never ends. Opened non-blocking, neither waits before the check.
 */
export async function readRegularFile(file: string): Promise<Buffer> {
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile())
      throw new BylineError('not-a-file', `"${file}" is not a regular file.`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Reads a text file with the editor's encoding rules; see decodeTextLazily. */
export async function readTextFile(file: string): Promise<DecodedText> {
  return decodeTextLazily(new Uint8Array(await readRegularFile(file)));
}
