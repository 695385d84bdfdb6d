import iconv from 'iconv-lite';
import type { HistoryBytes, TextFormat } from '../../shared/ipc/contract';
import { decodeCp950 } from './cp950';

const dumpBytes = 16 * 1024;

/** `offset  hex bytes  |ascii|`, 16 bytes a line, for a version Byline cannot decode. */
export function hexDump(bytes: Uint8Array, limit = dumpBytes): HistoryBytes {
  const lines: string[] = [];
  const shown = bytes.subarray(0, limit);
  for (let offset = 0; offset < shown.length; offset += 16) {
    const row = shown.subarray(offset, offset + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'));
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  |${ascii.join('')}|`);
  }
  return { size: bytes.length, dump: lines.join('\n'), truncated: bytes.length > limit };
}

/**
 * The bytes decoded in an encoding the writer chose; what does not decode becomes U+FFFD and is
 * counted, so the writer sees how well the choice fits before restoring anything.
 */
export function decodeAs(
  bytes: Uint8Array,
  encoding: TextFormat['encoding'],
): { text: string; replaced: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Big5 is read as CP950, as everywhere else in Byline (iconv-lite's big5 is HKSCS).
  const text =
    encoding === 'utf-8'
      ? new TextDecoder('utf-8').decode(bytes)
      : encoding === 'big5'
        ? decodeCp950(bytes)
        : iconv.decode(buffer, encoding, { stripBOM: true });
  let replaced = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replaced++;
  return { text, replaced };
}
