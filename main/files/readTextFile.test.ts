import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegularFile, readRegularFileSync } from './readTextFile';

const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading only regular files', () => {
  // A plain read of a pipe waits for a writer forever; the synchronous one would freeze main.
  it('refuses a pipe and a folder at once, and reads a file', async () => {
    const pipe = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [pipe]);
    const folder = path.join(dir, 'folder.md');
    mkdirSync(folder);
    const file = path.join(dir, 'article.md');
    writeFileSync(file, '# 标题\n');

    for (const target of [pipe, folder]) {
      expect(() => readRegularFileSync(target)).toThrow(/not a regular file/);
      await expect(readRegularFile(target)).rejects.toThrow(/not a regular file/);
    }
    expect(readRegularFileSync(file).toString('utf8')).toBe('# 标题\n');
    expect((await readRegularFile(file)).toString('utf8')).toBe('# 标题\n');
    expect(readRegularFileSync(file, { head: 2 }).toString('utf8')).toBe('# ');
    expect(() => readRegularFileSync(file, { maxSize: 3 })).toThrow(/larger than 3 bytes/);
  });
});
