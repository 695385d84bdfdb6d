import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAsset, safeImageBaseName, sniffImageType } from './importAsset';

// A 1x1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'byline-assets-'));
  mkdirSync(path.join(root, 'posts'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const input = (articlePath: string, fileName: string, bytes: Buffer = png) => ({
  articlePath,
  fileName,
  dataBase64: bytes.toString('base64'),
});

describe('importing a pasted or dropped image', () => {
  it("goes into the workspace's images folder, linked relative to the article", async () => {
    const result = await importAsset(root, input('posts/chip.md', 'Screenshot 2025-06-18.png'));
    expect(result).toEqual({
      path: 'images/Screenshot-2025-06-18.png',
      markdownPath: '../images/Screenshot-2025-06-18.png',
    });
    expect(readFileSync(path.join(root, result.path))).toEqual(png);
  });

  it('goes beside index.md in a page bundle', async () => {
    mkdirSync(path.join(root, 'posts/chip'), { recursive: true });
    const result = await importAsset(root, input('posts/chip/index.md', '芯片 工厂.png'));
    expect(result).toEqual({ path: 'posts/chip/芯片-工厂.png', markdownPath: '芯片-工厂.png' });
  });

  it('goes into static/images with a site-absolute link in a Hugo site', async () => {
    mkdirSync(path.join(root, 'static'));
    writeFileSync(path.join(root, 'hugo.toml'), 'title = "x"\n');
    const result = await importAsset(root, input('content/posts/a.md', 'chart.png'));
    expect(result).toEqual({ path: 'static/images/chart.png', markdownPath: '/images/chart.png' });
  });

  it('never overwrites: a second image of the same name gets -2', async () => {
    const first = await importAsset(root, input('posts/a.md', 'image.png'));
    const second = await importAsset(root, input('posts/a.md', 'image.png'));
    expect([first.path, second.path]).toEqual(['images/image.png', 'images/image-2.png']);
    expect(readdirSync(path.join(root, 'images')).sort()).toEqual(['image-2.png', 'image.png']);
  });

  it('names the file after what the bytes are, not what the name claims', async () => {
    const result = await importAsset(root, input('posts/a.md', 'photo.png', jpeg));
    expect(result.path).toBe('images/photo.jpg');
  });

  it('refuses non-images, SVG, empty files and articles outside the workspace', async () => {
    await expect(
      importAsset(root, input('posts/a.md', 'x.png', Buffer.from('<svg onload="alert(1)"/>'))),
    ).rejects.toThrow(/Only PNG/);
    await expect(importAsset(root, input('posts/a.md', 'x.png', Buffer.alloc(0)))).rejects.toThrow(
      /empty/,
    );
    await expect(importAsset(root, input('../outside.md', 'x.png'))).rejects.toThrow(/workspace/);
    await expect(
      importAsset(root, input('posts/a.md', 'x.png', Buffer.alloc(64, 0x89)), { maxBytes: 10 }),
    ).rejects.toThrow(/larger/);
  });

  it('cannot be steered out of the folder by the file name', async () => {
    const result = await importAsset(root, input('posts/a.md', '../../../etc/passwd.png'));
    expect(result.path).toBe('images/passwd.png');
  });
});

describe('safe names', () => {
  it('keeps CJK, drops separators, brackets and reserved names', () => {
    expect(safeImageBaseName('数据中心 (2).PNG')).toBe('数据中心-2');
    expect(safeImageBaseName('..\\..\\a:b*c?.png')).toBe('abc');
    expect(safeImageBaseName('CON.png')).toBe('image');
    expect(safeImageBaseName('...')).toBe('image');
    expect([...safeImageBaseName('长'.repeat(200))].length).toBe(80);
  });

  it('sniffs real image types', () => {
    expect(sniffImageType(png)).toBe('png');
    expect(sniffImageType(jpeg)).toBe('jpg');
    expect(sniffImageType(Buffer.from('GIF89a....'))).toBe('gif');
    expect(sniffImageType(Buffer.from('<svg/>'))).toBe(null);
  });
});
