import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BylineError } from '../../shared/ipc/contract';
import {
  decodeAs,
  decodeForEditing,
  decodeText,
  encodeText,
  encodingCandidates,
  unencodableCharacters,
} from './textCodec';

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/encodings');
const bytesOf = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(fixtures, name)));
const simplified = readFileSync(path.join(fixtures, 'expected-simplified.txt'), 'utf8');
const traditional = readFileSync(path.join(fixtures, 'expected-traditional.txt'), 'utf8');

describe('decodeText / encodeText', () => {
  it.each([
    ['gb18030.md', simplified, { encoding: 'gb18030', bom: false, eol: '\n' }],
    ['big5.md', traditional, { encoding: 'big5', bom: false, eol: '\n' }],
    ['utf16le-bom.md', simplified, { encoding: 'utf-16le', bom: true, eol: '\n' }],
    ['utf8-bom.md', simplified, { encoding: 'utf-8', bom: true, eol: '\n' }],
    ['crlf.md', simplified.replace(/\n/g, '\r\n'), { encoding: 'utf-8', bom: false, eol: '\r\n' }],
  ] as const)(
    '%s opens with the right text and format, and encodes back byte-identical',
    (name, text, format) => {
      const bytes = bytesOf(name);
      const decoded = decodeText(bytes);
      expect(decoded.text).toBe(text);
      expect(decoded.format).toEqual(format);
      expect(Buffer.from(encodeText(decoded.text, decoded.format)).equals(Buffer.from(bytes))).toBe(
        true,
      );
      // The renderer edits with \n line endings; the file's own line endings come back on save.
      expect(
        Buffer.from(encodeText(decoded.text.replace(/\r\n/g, '\n'), decoded.format)).equals(
          Buffer.from(bytes),
        ),
      ).toBe(true);
    },
  );

  it('UTF-16 BE with BOM round-trips', () => {
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('标题\r\n正文', 'utf-16be')]),
    );
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({
      text: '标题\r\n正文',
      format: { encoding: 'utf-16be', bom: true, eol: '\r\n' },
    });
    expect(Buffer.from(encodeText(decoded.text, decoded.format)).equals(Buffer.from(bytes))).toBe(
      true,
    );
  });

  it('an edit keeps the legacy encoding', () => {
    const { text, format } = decodeText(bytesOf('gb18030.md'));
    const edited = `${text}记者补充：多家企业尚未回应。\n`;
    const bytes = encodeText(edited, format);
    expect(iconv.decode(Buffer.from(bytes), 'gb18030')).toBe(edited);
    expect(decodeText(bytes).format.encoding).toBe('gb18030');
  });

  it('refuses characters the encoding cannot hold instead of writing "?"', () => {
    const { text, format } = decodeText(bytesOf('big5.md'));
    expect(unencodableCharacters('我们说😀', 'big5')).toEqual(['们', '说', '😀']);
    expect(() => encodeText(`${text}我们说😀`, format)).toThrow(BylineError);
    try {
      encodeText(`${text}😀`, format);
    } catch (error) {
      expect((error as BylineError).code).toBe('unencodable');
      expect((error as BylineError).message).toContain('"😀"');
      expect((error as BylineError).message).toContain('UTF-8');
    }
    // GB18030 covers all of Unicode.
    expect(unencodableCharacters('芯片😀 晶片', 'gb18030')).toEqual([]);
  });

  it('prefers strict UTF-8 and refuses binary files', () => {
    expect(decodeText(new TextEncoder().encode('纯文本')).format.encoding).toBe('utf-8');
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]))).toThrow(
      /binary/,
    );
  });

  it('does not guess when neither GB18030 nor Big5 fits', () => {
    // 0xFF is no lead byte in either encoding.
    expect(() => decodeText(new Uint8Array([0x61, 0xff, 0xff, 0x62]))).toThrow(/encoding/);
  });
});

describe('decoding for editing', () => {
  it('refuses to guess a short file that several encodings read, and lists each reading', () => {
    const bytes = bytesOf('big5-short.md');
    expect(() => decodeForEditing(bytes, {})).toThrow(
      expect.objectContaining({ code: 'choose-encoding' }),
    );
    expect(
      encodingCandidates(bytes, {})
        .map((c) => c.preview)
        .sort(),
    ).toEqual(['謝謝\n', '谅谅\n']);
    expect(decodeForEditing(bytes, { previous: 'big5' }).text).toBe('謝謝\n');
    // Reading (library, export) never asks: it takes the most likely reading.
    expect(() => decodeText(bytes)).not.toThrow();
  });

  it('opens with the encoding the writer chose, refusing one that damages the bytes', () => {
    expect(decodeAs(bytesOf('big5-short.md'), 'gb18030').text).toBe('谅谅\n');
    expect(() => decodeAs(bytesOf('gb18030.md'), 'utf-8')).toThrow(
      expect.objectContaining({ code: 'undecodable' }),
    );
  });

  it('refuses UTF-16 with an odd number of bytes', () => {
    expect(() => decodeText(bytesOf('utf16le-odd.md'))).toThrow(
      expect.objectContaining({ code: 'odd-utf16' }),
    );
  });
});

describe('encoding an edit against the bytes on disk', () => {
  it('finds character boundaries across GB18030 four-byte codes, 0x80 and astral characters', () => {
    const format = { encoding: 'gb18030', bom: false, eol: '\r\n' } as const;
    // 😀 and 𠀀 are four-byte codes outside the BMP; ・ (U+30FB) is a four-byte BMP code.
    const original = Buffer.concat([
      iconv.encode('a😀b・', 'gb18030'),
      Buffer.from([0x80]),
      iconv.encode('𠀀c\r\nd\n', 'gb18030'),
    ]);
    const saved = Buffer.from(encodeText('a😀x・€𠀀c\nd\n', format, original));
    const expected = Buffer.from(original);
    expected[5] = 0x78; // b -> x, nothing else
    expect(saved.toString('hex')).toBe(expected.toString('hex'));
  });

  it('refuses an unencodable character in an edited line and keeps nothing half-written', () => {
    const format = { encoding: 'big5', bom: false, eol: '\n' } as const;
    const original = iconv.encode('晶片\n', 'cp950');
    expect(() => encodeText('晶片们\n', format, original)).toThrow(
      expect.objectContaining({ code: 'unencodable' }),
    );
  });
});
