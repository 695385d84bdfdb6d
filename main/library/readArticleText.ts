import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { decodeText } from '../files/textCodec';

/** Articles are read whole up to this size for the library; beyond it only this much is read. */
const maxIndexedBytes = 4 * 1024 * 1024;

/**
 * An article's text for the library and search, in its own encoding, read with synchronous calls
 * (the library's time-sliced indexing). Files over maxIndexedBytes are cut at the last line break
 * before the limit so no character is split (0x0A is never part of a multi-byte UTF-8, GB18030 or
 * Big5 character); their word count covers that part only.
 */
export function readArticleTextSync(absolute: string, size: number): string {
  if (size <= maxIndexedBytes) return decodeText(new Uint8Array(readFileSync(absolute))).text;
  const fd = openSync(absolute, 'r');
  try {
    const buffer = new Uint8Array(maxIndexedBytes);
    const bytesRead = readSync(fd, buffer, 0, maxIndexedBytes, 0);
    return decodeText(cutAtLineBreak(buffer.subarray(0, bytesRead))).text;
  } finally {
    closeSync(fd);
  }
}

function cutAtLineBreak(head: Uint8Array): Uint8Array {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const cut = utf16 ? head.length & ~1 : head.lastIndexOf(0x0a) + 1;
  return cut > 0 ? head.subarray(0, cut) : head;
}
