import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedArticle } from '../../shared/ipc/contract';
import { decodeBody, encodeBody } from './charsets';
import { openTempWorkspace, type TempWorkspace } from './testing/tempWorkspace';

// The encoding faults found with files from colleagues' tools, each checked against bytes made by
// Python's codecs (tests/fixtures/encodings/README.md), through main's real file handlers.
const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/encodings');
const fixture = (name: string): Buffer => readFileSync(path.join(fixtures, name));

/** Python's cp950: code -> character, and character -> the code Python writes for it. */
const cp950 = readFileSync(path.join(fixtures, 'cp950-table.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [code = '', char = '', written = ''] = line.split('\t');
    return { code: Buffer.from(code, 'hex'), char, written: Buffer.from(written, 'hex') };
  });

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('encoding-faults', {});
});
afterEach(() => workspace.close());

type Handlers = ReturnType<TempWorkspace['handlers']>;

/** Saves `text` over the version `opened` read, as the editor would. */
function saveAs(
  handlers: Handlers,
  opened: OpenedArticle,
  text: string,
): ReturnType<Handlers['article.save']> {
  return handlers['article.save']({
    path: opened.path,
    text,
    format: opened.format,
    baseStamp: opened.stamp,
    overwrite: false,
  });
}

function put(name: string, bytes: Uint8Array): string {
  const file = path.join(workspace.root, name);
  writeFileSync(file, bytes);
  return file;
}

describe('encoding faults', () => {
  it('reads every CP950 code as Python does, including the 250 that Big5-HKSCS reads otherwise', () => {
    expect(cp950).toHaveLength(13752);
    const hkscsWrong = cp950.filter(({ code, char }) => iconv.decode(code, 'big5') !== char);
    expect(hkscsWrong).toHaveLength(250);
    const wrong = cp950.filter(({ code, char }) => decodeBody(code, 'big5') !== char);
    expect(wrong.map(({ code }) => code.toString('hex'))).toEqual([]);
  });

  it('writes typed characters as CP950 codes, as Python does', () => {
    const differ = cp950.filter(
      ({ char, written }) => !Buffer.from(encodeBody(char, 'big5')).equals(written),
    );
    expect(differ.map(({ char }) => char)).toEqual([]);
  });

  it('keeps the 12 Big5 codes that a Big5-HKSCS round trip rewrites, through a save', async () => {
    const rewritten = cp950.filter(
      ({ code }) => !iconv.encode(iconv.decode(code, 'big5'), 'big5').equals(code),
    );
    expect(rewritten).toHaveLength(12);
    const line = Buffer.concat(rewritten.map(({ code }) => code));
    const original = Buffer.concat([
      Buffer.from('# ', 'ascii'),
      fixture('big5.md'),
      line,
      Buffer.from('\n'),
    ]);
    const file = put('codes.md', original);
    const handlers = workspace.handlers();
    const opened = await handlers['article.open']({ path: 'codes.md', encoding: 'big5' });
    const saved = await saveAs(handlers, opened, opened.text.replace('#', '##'));
    expect(saved.status).toBe('saved');
    expect(readFileSync(file).equals(Buffer.concat([Buffer.from('#'), original]))).toBe(true);
  });

  it('refuses a character CP950 cannot hold instead of writing Big5-HKSCS bytes', async () => {
    const file = put('big5.md', fixture('big5.md'));
    const handlers = workspace.handlers();
    const opened = await handlers['article.open']({ path: 'big5.md' });
    expect(opened.format.encoding).toBe('big5');
    // 㗎 (Cantonese) exists only in HKSCS: Python's cp950 has no code for it, iconv-lite's big5 writes 9DEE.
    expect(cp950.some(({ char }) => char === '㗎')).toBe(false);
    expect(iconv.encode('㗎', 'big5').toString('hex')).toBe('9dee');
    const result = await saveAs(handlers, opened, `${opened.text}㗎\n`);
    expect(result).toMatchObject({ status: 'error', code: 'unencodable' });
    expect(readFileSync(file).equals(fixture('big5.md'))).toBe(true);
  });

  it('keeps GBK byte 0x80 (€), which a decode-encode round trip turns into A2E3', async () => {
    expect(
      iconv.encode(iconv.decode(Buffer.from([0x80]), 'gb18030'), 'gb18030').toString('hex'),
    ).toBe('a2e3');
    const file = put('euro.md', fixture('gbk-euro.md'));
    const handlers = workspace.handlers();
    const opened = await handlers['article.open']({ path: 'euro.md' });
    expect(opened.text).toContain('起价 80 €');
    const result = await saveAs(handlers, opened, opened.text.replace('起价', '售价'));
    expect(result.status).toBe('saved');
    const saved = readFileSync(file);
    expect(saved.includes(Buffer.from([0x20, 0x80, 0x0a]))).toBe(true);
    expect(saved.includes(Buffer.from([0xa2, 0xe3]))).toBe(false);
    expect(saved.length).toBe(fixture('gbk-euro.md').length);
  });

  it('asks how to read a short Big5 file instead of opening 謝謝 as 谅谅, and remembers the answer', async () => {
    const file = put('thanks.md', fixture('big5-short.md'));
    const handlers = workspace.handlers();
    await expect(handlers['article.open']({ path: 'thanks.md' })).rejects.toMatchObject({
      code: 'choose-encoding',
    });
    const candidates = await handlers['article.encodings']({ path: 'thanks.md' });
    expect(candidates).toEqual(
      expect.arrayContaining([
        { encoding: 'big5', preview: '謝謝\n' },
        { encoding: 'gb18030', preview: '谅谅\n' },
      ]),
    );
    const opened = await handlers['article.open']({ path: 'thanks.md', encoding: 'big5' });
    expect(opened.text).toBe('謝謝\n');
    const result = await saveAs(handlers, opened, '謝謝你\n');
    expect(result.status).toBe('saved');
    expect(readFileSync(file).equals(Buffer.from('c1c2c1c2a7410a', 'hex'))).toBe(true);
    // After a restart: the file's encoding is remembered, and the workspace's leans to Big5.
    const restarted = workspace.handlers();
    expect((await restarted['article.open']({ path: 'thanks.md' })).text).toBe('謝謝你\n');
    put('other.md', Buffer.from('a4a4a4e50a', 'hex')); // 中文 in Big5
    expect((await restarted['article.open']({ path: 'other.md' })).text).toBe('中文\n');
  });

  it('a save over a UTF-8 article rewritten as short Big5 asks how to read it, never answers 谅谅, and writes nothing', async () => {
    const file = put('article.md', Buffer.from('# 草稿\n', 'utf8'));
    const handlers = workspace.handlers();
    const opened = await handlers['article.open']({ path: 'article.md' });
    put('article.md', fixture('big5-short.md'));

    const result = await saveAs(handlers, opened, '# 草稿\n\n我的字\n');

    expect(result).toMatchObject({ status: 'conflict-choose-encoding' });
    expect(JSON.stringify(result)).not.toContain('谅');
    expect(readFileSync(file).equals(fixture('big5-short.md'))).toBe(true);
    // The writer's choice reads it as opening does.
    const chosen = await handlers['article.open']({ path: 'article.md', encoding: 'big5' });
    expect(chosen).toMatchObject({ text: '謝謝\n', format: { encoding: 'big5' } });
  });

  it('a conflict with a version the workspace encoding decides carries that encoding for "take theirs"', async () => {
    put('old.md', fixture('big5.md'));
    const file = put('article.md', Buffer.from('# 草稿\n', 'utf8'));
    const handlers = workspace.handlers();
    await handlers['article.open']({ path: 'old.md' });
    const opened = await handlers['article.open']({ path: 'article.md' });
    put('article.md', fixture('big5-short.md'));

    const result = await saveAs(handlers, opened, '# 草稿\n\n我的字\n');

    expect(result).toMatchObject({
      status: 'conflict',
      diskText: '謝謝\n',
      diskFormat: { encoding: 'big5', bom: false },
    });
    expect(readFileSync(file).equals(fixture('big5-short.md'))).toBe(true);
  });

  it('keeps each line its own ending: mixed CRLF/LF, CR-only, lone CR; new lines get the dominant one', async () => {
    const original = Buffer.from('a\r\nb\nc\rd\r\ne', 'utf8');
    const file = put('mixed.md', original);
    const handlers = workspace.handlers();
    const opened = await handlers['article.open']({ path: 'mixed.md' });
    expect(opened.format.eol).toBe('\r\n');
    const result = await saveAs(handlers, opened, 'a\nB\nc\nnew\nd\ne');
    expect(result.status).toBe('saved');
    expect(readFileSync(file, 'utf8')).toBe('a\r\nB\nc\rnew\r\nd\r\ne');
  });

  it('refuses UTF-16 with an odd number of bytes instead of dropping the last one', async () => {
    const file = put('odd.md', fixture('utf16le-odd.md'));
    const handlers = workspace.handlers();
    await expect(handlers['article.open']({ path: 'odd.md' })).rejects.toMatchObject({
      code: 'odd-utf16',
      message: expect.stringMatching(/odd number of bytes/),
    });
    expect(readFileSync(file).equals(fixture('utf16le-odd.md'))).toBe(true);
  });
});
