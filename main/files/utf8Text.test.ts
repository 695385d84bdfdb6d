import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStrictUtf8 } from './utf8Text';

/** The definition: WHATWG's fatal UTF-8 decoder, BOM removed and remembered. */
function strictReference(bytes: Uint8Array): string | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bom ? bytes.subarray(3) : bytes,
    );
  } catch {
    return undefined;
  }
}

const bytesOf = (text: string, bom = false): Uint8Array =>
  new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)]);

describe('decodeStrictUtf8', () => {
  it('accepts and decodes exactly what a fatal TextDecoder does', () => {
    const noNul = (bytes: Uint8Array): boolean => !bytes.includes(0);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }).filter(noNul), (bytes) => {
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return;
        expect(decodeStrictUtf8(bytes)?.text).toBe(strictReference(bytes));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, bom) => {
        const bytes = bytesOf(text.replaceAll('\0', ''), bom);
        expect(decodeStrictUtf8(bytes)?.text).toBe(strictReference(bytes));
      }),
    );
  });

  it('remembers the BOM, keeps a second one as text and refuses overlong or surrogate bytes', () => {
    expect(decodeStrictUtf8(bytesOf('\uFEFF中文', true))).toMatchObject({
      text: '\uFEFF中文',
      format: { encoding: 'utf-8', bom: true },
    });
    expect(decodeStrictUtf8(new Uint8Array([0xc0, 0xaf]))).toBeUndefined();
    expect(decodeStrictUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBeUndefined();
  });
});
