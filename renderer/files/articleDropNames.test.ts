import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { droppedArticleName, droppedText, NotUtf8Error } from './useArticleDrop';

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/encodings');

describe('droppedArticleName', () => {
  it('keeps the dropped name as a .md', () => {
    expect(droppedArticleName('报道 (终稿).md')).toBe('报道 (终稿).md');
    expect(droppedArticleName('notes.markdown')).toBe('notes.md');
  });

  it('is always one harmless path segment', () => {
    expect(droppedArticleName('../../etc/passwd.md')).toBe('-..-etc-passwd.md');
    expect(droppedArticleName('..md')).toBe('article.md');
    expect(droppedArticleName('a\\b:c.md')).toBe('a-b-c.md');
  });
});

describe('droppedText', () => {
  it('reads UTF-8 exactly, without its BOM, line endings kept', async () => {
    const text = '---\r\ntitle: 外稿\r\n---\r\n正文。\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(await droppedText(new Blob([bytes]))).toBe(text);
  });

  it.each(['gb18030.md', 'big5.md', 'big5-short.md'])(
    'refuses %s rather than turning it into U+FFFD',
    async (name) => {
      const bytes = readFileSync(path.join(fixtures, name));
      // Guard: the fixture really is CJK text that lenient UTF-8 would damage.
      expect(new TextDecoder().decode(bytes)).toContain('\uFFFD');
      await expect(droppedText(new Blob([bytes]))).rejects.toBeInstanceOf(NotUtf8Error);
    },
  );
});
