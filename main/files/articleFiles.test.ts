import { execFileSync } from 'node:child_process';
import {
  promises as fs,
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canMountTmpfs } from './testing/tmpfs';
import type { FileWriter } from './atomicWrite';
import { ArticleFiles } from './articleFiles';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'byline-files-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const files = (options: ConstructorParameters<typeof ArticleFiles>[1] = {}): ArticleFiles =>
  new ArticleFiles(() => root, options);
const write = (name: string, content: string | Buffer): string => {
  const file = path.join(root, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
};

describe('ArticleFiles: conflicts', () => {
  it('saves over the version it read', async () => {
    const file = write('a.md', '# One\n');
    const articles = files();
    const opened = await articles.open('a.md');
    const result = await articles.save({
      path: 'a.md',
      text: '# Two\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result.status).toBe('saved');
    expect(readFileSync(file, 'utf8')).toBe('# Two\n');
  });

  it('reports a conflict when the file changed on disk while the buffer was dirty, and leaves the disk alone', async () => {
    const file = write('a.md', '# One\n');
    const articles = files();
    const opened = await articles.open('a.md');
    writeFileSync(file, '# Changed by another program\n');
    const result = await articles.save({
      path: 'a.md',
      text: '# Mine\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result).toMatchObject({
      status: 'conflict',
      diskText: '# Changed by another program\n',
    });
    expect(readFileSync(file, 'utf8')).toBe('# Changed by another program\n');
    // "Keep mine" is an explicit overwrite.
    const kept = await articles.save({
      path: 'a.md',
      text: '# Mine\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: true,
    });
    expect(kept.status).toBe('saved');
    expect(readFileSync(file, 'utf8')).toBe('# Mine\n');
  });

  it('detects a same-second external write with a different size (mtime set back)', async () => {
    // A file system with one-second timestamps: both writes land in the same second.
    const second = Math.floor(Date.now() / 1000);
    const file = write('a.md', 'short\n');
    utimesSync(file, second, second);
    const articles = files();
    const opened = await articles.open('a.md');
    writeFileSync(file, 'a longer line from another program\n');
    utimesSync(file, second, second);
    expect(statSync(file).mtimeMs).toBe(opened.stamp.mtimeMs);
    const result = await articles.save({
      path: 'a.md',
      text: 'mine\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result.status).toBe('conflict');
    expect(readFileSync(file, 'utf8')).toBe('a longer line from another program\n');
  });

  it('detects a same-size, same-mtime external write by its hash', async () => {
    const second = Math.floor(Date.now() / 1000);
    const file = write('a.md', 'AAAA\n');
    utimesSync(file, second, second);
    const articles = files();
    const opened = await articles.open('a.md');
    writeFileSync(file, 'BBBB\n');
    utimesSync(file, second, second);
    expect(statSync(file).mtimeMs).toBe(opened.stamp.mtimeMs);
    const result = await articles.save({
      path: 'a.md',
      text: 'CCCC\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result.status).toBe('conflict');
    expect(readFileSync(file, 'utf8')).toBe('BBBB\n');
  });

  it('treats an external write of exactly my text as saved, not as a conflict', async () => {
    const file = write('a.md', 'old\n');
    const articles = files();
    const opened = await articles.open('a.md');
    writeFileSync(file, 'same\n');
    const result = await articles.save({
      path: 'a.md',
      text: 'same\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result.status).toBe('saved');
  });
});

describe('ArticleFiles: the file on disk', () => {
  it('saves a symlinked article through the link and keeps the mode', async () => {
    const target = write('real/target.md', 'through the link\n');
    chmodSync(target, 0o640);
    symlinkSync(target, path.join(root, 'link.md'));
    const articles = files();
    const opened = await articles.open('link.md');
    expect(opened.text).toBe('through the link\n');
    const result = await articles.save({
      path: 'link.md',
      text: 'saved via link\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result.status).toBe('saved');
    expect(lstatSync(path.join(root, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('saved via link\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.join(root, 'real'))).toEqual(['target.md']);
  });

  it('keeps the original intact and says so when the disk is full (injected ENOSPC)', async () => {
    const file = write('a.md', 'original\n');
    const full: FileWriter = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    const articles = files({ writeFile: full });
    const opened = await articles.open('a.md');
    const result = await articles.save({
      path: 'a.md',
      text: 'new text\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result).toMatchObject({ status: 'error', code: 'ENOSPC' });
    expect(result.status === 'error' && result.message).toMatch(/disk is full.*unchanged/);
    expect(readFileSync(file, 'utf8')).toBe('original\n');
  });

  it.runIf(canMountTmpfs())(
    'keeps the original intact on a real full disk (64 KB tmpfs)',
    async () => {
      const mount = mkdtempSync(path.join(os.tmpdir(), 'byline-full-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
      try {
        const original = 'x'.repeat(30_000);
        writeFileSync(path.join(mount, 'a.md'), original);
        const articles = new ArticleFiles(() => mount);
        const opened = await articles.open('a.md');
        const result = await articles.save({
          path: 'a.md',
          text: 'y'.repeat(50_000),
          format: opened.format,
          baseStamp: opened.stamp,
          overwrite: false,
        });
        expect(result).toMatchObject({ status: 'error', code: 'ENOSPC' });
        expect(readFileSync(path.join(mount, 'a.md'), 'utf8')).toBe(original);
        expect(readdirSync(mount)).toEqual(['a.md']);
      } finally {
        execFileSync('umount', [mount]);
        rmSync(mount, { recursive: true, force: true });
      }
    },
  );

  it('opens a read-only file read-only and refuses to save it', async () => {
    const file = write('locked.md', 'locked\n');
    chmodSync(file, 0o444);
    const articles = files();
    const opened = await articles.open('locked.md');
    expect(opened.readOnly).toBe(true);
    expect(opened.warnings.map((w) => w.code)).toContain('read-only-file');
    const result = await articles.save({
      path: 'locked.md',
      text: 'changed\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result).toMatchObject({ status: 'error', code: 'EACCES' });
    expect(readFileSync(file, 'utf8')).toBe('locked\n');
  });

  it('opens files over the size limit read-only with a warning', async () => {
    write('big.md', 'x'.repeat(2000));
    const opened = await files({ maxEditableBytes: 1000 }).open('big.md');
    expect(opened.readOnly).toBe(true);
    expect(opened.warnings[0]).toEqual({ code: 'large-file', megabytes: 0 });
  });

  it('refuses binary files and missing files with a clear message', async () => {
    write('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await expect(files().open('image.md')).rejects.toMatchObject({ code: 'binary-file' });
    await expect(files().open('gone.md')).rejects.toMatchObject({
      code: 'ENOENT',
      message: expect.stringMatching(/no longer exists/),
    });
  });

  it('an unchanged save of a legacy-encoded file writes nothing', async () => {
    const bytes = iconv.encode('---\ntitle: 晶片\n---\n內文\r\n混合\n', 'big5');
    const file = write('big5.md', bytes);
    const before = statSync(file);
    const articles = files();
    // Six characters are too few to tell Big5 from GB18030: the writer chose Big5.
    const opened = await articles.open('big5.md', { encoding: 'big5' });
    const result = await articles.save({
      path: 'big5.md',
      text: opened.text.replace(/\r\n/g, '\n'),
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result.status).toBe('saved');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
  });

  it('refuses characters Big5 cannot hold, then converts to UTF-8 on request', async () => {
    const original = readFileSync(
      path.resolve(import.meta.dirname, '../../tests/fixtures/encodings/expected-traditional.txt'),
      'utf8',
    );
    const bytes = iconv.encode(original, 'big5');
    const file = write('big5.md', bytes);
    const articles = files();
    const opened = await articles.open('big5.md');
    expect(opened.format.encoding).toBe('big5');
    const edited = `${opened.text}晶片 我们😀\n`;
    const refused = await articles.save({
      path: 'big5.md',
      text: edited,
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(refused).toMatchObject({ status: 'error', code: 'unencodable' });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const converted = await articles.save({
      path: 'big5.md',
      text: edited,
      format: { ...opened.format, encoding: 'utf-8' },
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(converted.status).toBe('saved');
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('tells onSaved what was written and what it replaced', async () => {
    write('a.md', 'before\n');
    const calls: [string, string, string | null][] = [];
    const articles = files({
      onSaved: async (p, bytes, previous) => {
        calls.push([
          p,
          Buffer.from(bytes).toString(),
          previous ? Buffer.from(previous).toString() : null,
        ]);
      },
    });
    const opened = await articles.open('a.md');
    await articles.save({
      path: 'a.md',
      text: 'after\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(calls).toEqual([['a.md', 'after\n', 'before\n']]);
    await fs.rm(path.join(root, 'a.md'));
  });
});
