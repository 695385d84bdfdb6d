import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './detectEncoding';

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/encodings');
const bytesOf = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(fixtures, name)));
const thanks = bytesOf('big5-short.md'); // 謝謝 in Big5, 谅谅 in GB18030

describe('detectEncoding', () => {
  it('a BOM decides', () => {
    expect(detectEncoding(bytesOf('utf16be-bom.md'))).toEqual({
      kind: 'decided',
      encoding: 'utf-16be',
      bom: true,
    });
    expect(detectEncoding(bytesOf('utf8-bom.md'))).toEqual({
      kind: 'decided',
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('a whole article decides by its bytes', () => {
    expect(detectEncoding(bytesOf('big5.md'))).toMatchObject({ kind: 'decided', encoding: 'big5' });
    expect(detectEncoding(bytesOf('gb18030.md'))).toMatchObject({
      kind: 'decided',
      encoding: 'gb18030',
    });
    expect(detectEncoding(bytesOf('utf8.md'))).toMatchObject({
      kind: 'decided',
      encoding: 'utf-8',
    });
  });

  it('asks on a short file that both legacy encodings read', () => {
    const decision = detectEncoding(thanks);
    expect(decision.kind).toBe('ask');
    expect(decision.kind === 'ask' && [...decision.candidates].sort()).toEqual(['big5', 'gb18030']);
  });

  it("uses the file's previous encoding, then the workspace's", () => {
    expect(detectEncoding(thanks, { previous: 'big5' })).toMatchObject({ encoding: 'big5' });
    expect(detectEncoding(thanks, { previous: 'gb18030', workspace: 'big5' })).toMatchObject({
      encoding: 'gb18030',
    });
    expect(detectEncoding(thanks, { workspace: 'big5' })).toMatchObject({ encoding: 'big5' });
    // A UTF-8 workspace says nothing about which legacy encoding a file is in.
    expect(detectEncoding(thanks, { workspace: 'utf-8' }).kind).toBe('ask');
  });

  it('keeps an ASCII-only file in its earlier legacy encoding, so new characters are written in it', () => {
    const ascii = new TextEncoder().encode('# Title\n');
    expect(detectEncoding(ascii)).toMatchObject({ encoding: 'utf-8' });
    expect(detectEncoding(ascii, { previous: 'big5' })).toMatchObject({ encoding: 'big5' });
    expect(detectEncoding(ascii, { previous: 'utf-8', workspace: 'gb18030' })).toMatchObject({
      encoding: 'utf-8',
    });
  });

  it('a hint never overrides bytes only one encoding reads', () => {
    // 0x80 is € in GB18030 and no lead byte in Big5.
    expect(detectEncoding(bytesOf('gbk-euro.md'), { previous: 'big5' })).toMatchObject({
      encoding: 'gb18030',
    });
    expect(detectEncoding(new Uint8Array([0x61, 0xff, 0xff]))).toEqual({ kind: 'unknown' });
  });
});
