import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPdfPrinter } from './chromiumPdfPrinter';
import { appendDocumentInformation } from './pdfMetadata';
import type { PdfPrinter, PdfPrintRequest } from './pdfPrinter';

// One printer (one page) for every print here, as a batch uses it: what one print's folder
// allowed must not carry over to the next. Images are told apart by their sizes in the PDF.
let base: string;
let printer: PdfPrinter;
let server: Server;
let serverUrl: string;
const serverHits: string[] = [];

const png = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();

/** Chromium's broken-image icon: what a refused image prints as. */
const brokenImageIcon = '14x16';

/** Width x height of every image in a PDF but broken-image icons, from poppler's pdfimages. */
function imageSizes(pdf: Uint8Array): string[] {
  const file = path.join(base, `read-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => /\simage\s/.test(line))
    .map((line) => {
      const [, , , width, height] = line.trim().split(/\s+/);
      return `${width}x${height}`;
    })
    .filter((size) => size !== brokenImageIcon);
}

const request = (html: string, folder: string | null): PdfPrintRequest => ({
  html: `<!DOCTYPE html><html><body>${html}</body></html>`,
  folder,
  pageSize: 'A4',
  marginMm: 20,
  headerTemplate: null,
  footerTemplate: null,
});

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-printer-'));
  for (const [folder, width, height] of [
    ['first', 30, 20],
    ['second', 50, 20],
    ['outside', 70, 20],
  ] as const) {
    mkdirSync(path.join(base, folder, 'page.assets'), { recursive: true });
    writeFileSync(path.join(base, folder, 'page.assets', 'photo.png'), await png(width, height));
  }
  server = createServer((req, res) => {
    serverHits.push(req.url ?? '');
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  printer = createChromiumPdfPrinter();
}, 60_000);

afterAll(async () => {
  await printer?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

describe('the Chromium printer', () => {
  it('prints the images inside the folder, and reads no file outside it nor the network', async () => {
    const folder = path.join(base, 'first');
    const outside = path.join(base, 'outside', 'page.assets', 'photo.png');
    const pdf = await printer.print(
      request(
        [
          '<img src="page.assets/photo.png">',
          '<img src="../outside/page.assets/photo.png">',
          `<img src="${pathToFileURL(outside).href}">`,
          `<img src="${serverUrl}/remote.png">`,
        ].join(''),
        folder,
      ),
    );
    expect(imageSizes(pdf)).toEqual(['30x20']);
    expect(serverHits).toEqual([]);
    // The page itself was written into the folder, which stays the caller's to remove.
    expect(readdirSync(folder).sort()).toEqual(['byline-print-page.html', 'page.assets']);
  }, 120_000);

  it('lets the next print read its own folder only, not the one before', async () => {
    const pdf = await printer.print(
      request(
        '<img src="page.assets/photo.png"><img src="../first/page.assets/photo.png">',
        path.join(base, 'second'),
      ),
    );
    expect(imageSizes(pdf)).toEqual(['50x20']);
  }, 120_000);

  it('prints a self-contained page with data: images and no file at all', async () => {
    const data = `data:image/png;base64,${(await png(90, 20)).toString('base64')}`;
    const second = path.join(base, 'second', 'page.assets', 'photo.png');
    const pdf = await printer.print(
      request(`<img src="${data}"><img src="${pathToFileURL(second).href}">`, null),
    );
    expect(imageSizes(pdf)).toEqual(['90x20']);
  }, 120_000);

  it('prints a file the document properties are appended to, not rewritten', async () => {
    const pdf = await printer.print({
      ...request('', null),
      html: '<!DOCTYPE html><html lang="zh-CN"><head><title>标题</title></head><body><h1>标题</h1><p>正文</p></body></html>',
    });
    const meta = {
      title: '新标题',
      lead: null,
      date: null,
      authors: [],
      keywords: [],
      lang: 'zh-CN',
    };
    const updated = appendDocumentInformation(pdf, meta, new Date());
    expect(updated).not.toBeNull();
    const file = path.join(base, 'updated.pdf');
    writeFileSync(file, updated as Uint8Array);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Title:\s+新标题$/m);
  }, 120_000);
});
