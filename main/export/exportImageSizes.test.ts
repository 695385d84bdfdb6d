import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleImages } from './articleImages';
import { readArticleSource } from './articleSource';
import { downscaleImage, maxEmbeddedWidth } from './downscaleImage';
import { ExportService } from './exportService';

// A camera-sized photo, a wide animated GIF and a small icon in one article: the HTML, WeChat and
// Word exports embed narrowed copies, Hugo copies the originals byte for byte. Sizes are read
// back from the outputs with libvips (sharp), never from our own sniffing.
let root: string;
let out: string;
const photo = { width: 3200, height: 2400 };

async function noisyPng(width: number, height: number): Promise<Buffer> {
  // Random pixels: a realistic (poorly compressible) photo-sized file.
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

const dimensions = async (bytes: Uint8Array) => {
  const meta = await sharp(bytes, { animated: true }).metadata();
  return { width: meta.width, height: meta.pageHeight ?? meta.height, pages: meta.pages ?? 1 };
};

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'byline-image-sizes-'));
  out = path.join(root, 'out');
  mkdirSync(path.join(root, 'images'));
  writeFileSync(path.join(root, 'images', 'photo.png'), await noisyPng(photo.width, photo.height));
  writeFileSync(path.join(root, 'images', 'icon.png'), await noisyPng(64, 64));
  writeFileSync(
    path.join(root, 'article.md'),
    [
      '---',
      'title: 图片尺寸',
      '---',
      '',
      '![照片](images/photo.png)',
      '',
      '![图标](images/icon.png)',
      '',
    ].join('\n'),
  );
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('export images', () => {
  it('narrows an oversized image to the embedded width, in its own format and aspect ratio', async () => {
    const source = await readArticleSource(path.join(root, 'article.md'), root);
    const image = new ArticleImages(source).load('images/photo.png');
    expect(image?.width).toBe(photo.width);
    const narrowed = await downscaleImage(image!);
    expect(narrowed.type).toBe('png');
    expect(await dimensions(narrowed.bytes)).toMatchObject({
      width: maxEmbeddedWidth,
      height: (maxEmbeddedWidth * photo.height) / photo.width,
    });
    expect(narrowed.bytes.length).toBeLessThan(image!.bytes.length);
    // A small image is left as it is.
    const icon = new ArticleImages(source).load('images/icon.png')!;
    expect(await downscaleImage(icon)).toBe(icon);
  });

  it('keeps every frame of an animated image', async () => {
    const frames = await Promise.all(
      [0, 120].map((shade) =>
        sharp({
          create: { width: 2400, height: 600, channels: 3, background: { r: shade, g: 0, b: 0 } },
        })
          .raw()
          .toBuffer(),
      ),
    );
    const gif = await sharp(Buffer.concat(frames), {
      raw: { width: 2400, height: 1200, channels: 3, pageHeight: 600 },
    } as never)
      .gif()
      .toBuffer();
    expect(await dimensions(gif)).toEqual({ width: 2400, height: 600, pages: 2 });
    const narrowed = await downscaleImage({
      file: 'anim.gif',
      type: 'gif',
      mime: 'image/gif',
      bytes: new Uint8Array(gif),
      width: 2400,
      height: 600,
    });
    expect(await dimensions(narrowed.bytes)).toEqual({ width: 1600, height: 400, pages: 2 });
    expect(narrowed.height).toBe(400);
  });

  it('embeds narrowed images in HTML, WeChat and Word, and copies the originals for Hugo', async () => {
    const [result] = await new ExportService().run({
      files: [{ file: path.join(root, 'article.md'), display: 'article.md' }],
      formats: ['html', 'wechat', 'docx', 'hugo'],
      outputDir: out,
      root,
    });
    expect(result?.error).toBeNull();
    const dataImages = (html: string) =>
      [...html.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) =>
        Buffer.from(m[1] as string, 'base64'),
      );
    const pages = {
      html: result!.outputs.find((f) => f.endsWith('.html') && !f.endsWith('.wechat.html'))!,
      wechat: result!.outputs.find((f) => f.endsWith('.wechat.html'))!,
    };
    for (const [format, file] of Object.entries(pages)) {
      const images = dataImages(readFileSync(file, 'utf8'));
      expect(images, format).toHaveLength(2);
      expect((await dimensions(images[0]!)).width, format).toBe(maxEmbeddedWidth);
      expect((await dimensions(images[1]!)).width, format).toBe(64);
    }
    const docx = await JSZip.loadAsync(
      readFileSync(result!.outputs.find((f) => f.endsWith('.docx'))!),
    );
    const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
    const widths = await Promise.all(
      media.map(
        async (name) => (await dimensions(await docx.file(name)!.async('uint8array'))).width,
      ),
    );
    expect(widths.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([64, maxEmbeddedWidth]);
    const bundle = path.dirname(result!.outputs.find((f) => f.endsWith('index.md'))!);
    const copied = readdirSync(bundle, { recursive: true })
      .map(String)
      .find((name) => name.endsWith('photo.png'))!;
    expect(
      readFileSync(path.join(bundle, copied)).equals(
        readFileSync(path.join(root, 'images', 'photo.png')),
      ),
    ).toBe(true);
  }, 120_000);
});
