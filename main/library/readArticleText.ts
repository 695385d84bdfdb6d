import { cutAtLineBreak, readRegularFileSync } from '../files/readTextFile';
import { decodeForEditing } from '../files/textCodec';

/** Articles are read whole up to this size for the library; beyond it only this much is read. */
const maxIndexedBytes = 4 * 1024 * 1024;

/**
 * An article's text for the library and search, in its own encoding, read with synchronous calls
 * (the library's time-sliced indexing). Files over maxIndexedBytes are cut at the last line break
 * before the limit so no character is split (0x0A is never part of a multi-byte UTF-8, GB18030 or
 * Big5 character); their word count covers that part only. Bytes that read cleanly in several
 * encodings (a short Big5 or GB18030 text) are refused (`choose-encoding`) rather than guessed:
 * the row then has its file name, never a title in the wrong script.
 */
export function readArticleTextSync(absolute: string, size: number): string {
  if (size <= maxIndexedBytes)
    return decodeForEditing(new Uint8Array(readRegularFileSync(absolute)), {}).text;
  const head = new Uint8Array(readRegularFileSync(absolute, { head: maxIndexedBytes }));
  return decodeForEditing(cutAtLineBreak(head), {}).text;
}
