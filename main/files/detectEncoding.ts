import iconv from 'iconv-lite';
import jschardet from 'jschardet';

/** The legacy encodings Byline recognises without a BOM: the ones Chinese newsrooms still produce. */
export type LegacyEncoding = 'gb18030' | 'big5';

const candidates: readonly LegacyEncoding[] = ['gb18030', 'big5'];
// jschardet's names for our candidates; GB2312 and GBK are subsets of GB18030.
const detectorNames = ['GB18030', 'GB2312', 'GBK', 'Big5'];
const sampleBytes = 64 * 1024;

/**
 * Guess the encoding of bytes that are not valid UTF-8, among GB18030 and Big5 only: a wider
 * candidate list makes jschardet pick exotic single-byte encodings for short Chinese texts.
 * Returns null when neither decodes the bytes cleanly, so the caller refuses instead of guessing.
 */
export function detectLegacyEncoding(bytes: Uint8Array): LegacyEncoding | null {
  const sample = bytes.subarray(0, sampleBytes);
  const truncated = sample.length < bytes.length;
  const clean = candidates.filter((encoding) => decodesCleanly(sample, encoding, truncated));
  if (clean.length <= 1) return clean[0] ?? null;
  const guess = jschardet.detectAll(sample, { detectEncodings: detectorNames })[0]?.encoding;
  if (guess && /^big5$/i.test(guess)) return 'big5';
  return 'gb18030';
}

/** No replacement characters and no C1 controls: the bytes are plausible text in that encoding. */
function decodesCleanly(bytes: Uint8Array, encoding: LegacyEncoding, truncated: boolean): boolean {
  const text = iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    encoding,
  );
  // A truncated sample may cut a double-byte character in two; ignore a damaged last character.
  const body = truncated && text.endsWith('\uFFFD') ? text.slice(0, -1) : text;
  return !/[\uFFFD\u0080-\u009F]/.test(body);
}
