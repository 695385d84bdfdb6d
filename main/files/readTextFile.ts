import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  promises as fs,
  readFileSync,
  readSync,
} from 'node:fs';
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
 * The bytes of a regular file (its first `maxBytes` when given), refusing anything else. A
 * workspace is data from strangers: a pipe under a file's name makes a plain read wait forever
 * (holding one of the few I/O threads saves also need), and `/dev/zero` never ends. Opened
 * non-blocking, neither waits before the check.
 */
export async function readRegularFile(file: string, maxBytes?: number): Promise<Buffer> {
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new BylineError('not-a-file', `"${file}" is not a regular file.`);
    if (maxBytes === undefined) return await handle.readFile();
    const head = Buffer.alloc(Math.min(maxBytes, stats.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * `readRegularFile` for the readers that must stay synchronous (a shortcode while rendering, the
 * library's time-sliced indexing, the CLI). `head`: read only that many bytes from the start;
 * `maxSize`: refuse a larger file (`too-large`) before reading any of it.
 */
export function readRegularFileSync(
  file: string,
  limits: { head?: number; maxSize?: number } = {},
): Buffer {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new BylineError('not-a-file', `"${file}" is not a regular file.`);
    if (limits.maxSize !== undefined && stats.size > limits.maxSize)
      throw new BylineError('too-large', `"${file}" is larger than ${limits.maxSize} bytes.`);
    if (limits.head === undefined) return readFileSync(fd);
    const head = Buffer.alloc(Math.min(limits.head, stats.size));
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The head of a file cut after its last line break, so no character is split (0x0A is never part
 * of a multi-byte UTF-8, GB18030 or Big5 character; UTF-16 is cut at an even length).
 */
export function cutAtLineBreak(head: Uint8Array): Uint8Array {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const cut = utf16 ? head.length & ~1 : head.lastIndexOf(0x0a) + 1;
  return cut > 0 ? head.subarray(0, cut) : head;
}

/** Reads a text file with the editor's encoding rules; see decodeTextLazily. */
export async function readTextFile(file: string): Promise<DecodedText> {
  return decodeTextLazily(new Uint8Array(await readRegularFile(file)));
}
