import jschardet from 'jschardet';
import type { TextEncodingName } from '../../shared/ipc/contract';
import { decodeBody } from './charsets';

/** What Byline knew before reading the bytes: the file's encoding last time, and its workspace's usual one. */
export interface EncodingHints {
  previous?: TextEncodingName | null | undefined;
  workspace?: TextEncodingName | null | undefined;
}

export type EncodingDecision =
  | { kind: 'decided'; encoding: TextEncodingName; bom: boolean }
  /** Several encodings read the bytes as plausible text: the writer chooses. Most likely first. */
  | { kind: 'ask'; candidates: TextEncodingName[] }
  | { kind: 'unknown' };

type Legacy = 'gb18030' | 'big5';
const legacyEncodings: readonly Legacy[] = ['gb18030', 'big5'];
// jschardet's names for our candidates; GB2312 and GBK are subsets of GB18030.
const detectorNames = ['GB18030', 'GB2312', 'GBK', 'Big5'];
const sampleBytes = 64 * 1024;
/**
 * Below this many non-ASCII bytes a text is too short to tell encodings apart by statistics:
 * 謝謝 in Big5 (C1C2 C1C2) is also 谅谅 in GB18030, and both read cleanly.
 */
const minEvidenceBytes = 40;
/** jschardet's confidence needed to pick between two clean readings without asking. */
const minConfidence = 0.5;

const utf8Bom = [0xef, 0xbb, 0xbf];
const boms: readonly { bytes: readonly number[]; encoding: TextEncodingName }[] = [
  { bytes: utf8Bom, encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

export function bomOf(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  for (const bom of boms) {
    if (bom.bytes.every((byte, i) => bytes[i] === byte))
      return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

/**
 * Which encoding these bytes are in, or the honest answer that Byline cannot tell. A BOM decides;
 * then strict UTF-8 (Typora #123 saved Chinese as "?" after guessing); then GB18030 or Big5
 * (CP950), whichever reads the bytes without damage. When both do, the file's previous encoding,
 * then the workspace's, then statistics on enough text decide; otherwise the writer is asked.
 */
export function detectEncoding(bytes: Uint8Array, hints: EncodingHints = {}): EncodingDecision {
  const bom = bomOf(bytes);
  if (bom) return { kind: 'decided', encoding: bom.encoding, bom: true };
  const sample = bytes.subarray(0, sampleBytes);
  const truncated = sample.length < bytes.length;
  if (decodeBody(bytes, 'utf-8') !== null) {
    // ASCII reads the same in every encoding; keep the file's own so new characters are written in it.
    const usual = hints.previous ?? hints.workspace;
    if (isAscii(bytes) && isLegacy(usual)) return { kind: 'decided', encoding: usual, bom: false };
    return { kind: 'decided', encoding: 'utf-8', bom: false };
  }
  const known = [hints.previous, hints.workspace].filter(isLegacy);
  const clean = legacyEncodings.filter((encoding) => readsCleanly(sample, encoding, truncated));
  const [only] = clean;
  if (only === undefined) return { kind: 'unknown' };
  if (clean.length === 1) return { kind: 'decided', encoding: only, bom: false };
  const hinted = known.find((encoding) => clean.includes(encoding));
  if (hinted) return { kind: 'decided', encoding: hinted, bom: false };
  const ranked = rankByStatistics(sample);
  const [best] = ranked;
  if (best && nonAsciiCount(sample) >= minEvidenceBytes && best.confidence >= minConfidence)
    return { kind: 'decided', encoding: best.encoding, bom: false };
  const order = [...ranked.map((r) => r.encoding), ...clean];
  return {
    kind: 'ask',
    candidates: clean.slice().sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  };
}

function rankByStatistics(sample: Uint8Array): { encoding: Legacy; confidence: number }[] {
  return jschardet
    .detectAll(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), {
      detectEncodings: detectorNames,
    })
    .map((result) => ({
      encoding: (/^big5$/i.test(result.encoding ?? '') ? 'big5' : 'gb18030') as Legacy,
      confidence: result.confidence,
    }));
}

function readsCleanly(sample: Uint8Array, encoding: Legacy, truncated: boolean): boolean {
  if (decodeBody(sample, encoding) !== null) return true;
  if (!truncated) return false;
  // The sample may end inside a character of up to four bytes: retry without its last bytes.
  for (let cut = 1; cut <= 3; cut++)
    if (decodeBody(sample.subarray(0, sample.length - cut), encoding) !== null) return true;
  return false;
}

function isLegacy(encoding: TextEncodingName | null | undefined): encoding is Legacy {
  return encoding === 'gb18030' || encoding === 'big5';
}

function isAscii(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte < 0x80);
}

function nonAsciiCount(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (byte >= 0x80) count++;
  return count;
}
