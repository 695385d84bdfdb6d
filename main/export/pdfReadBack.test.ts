import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitArticle } from '../../shared/article';
import { createChromiumPdfPrinter } from './chromiumPdfPrinter';
import { ExportService, type ExportFileResult } from './exportService';
import type { PdfPrinter } from './pdfPrinter';

// PDFs of two articles (the sample, and the sample-shaped fixture with a figure, a list and a
// table) read back with poppler: fonts, page ends, document properties, images. One printer
// prints both, as in a batch; it notes the temporary folder each print was handed.
const articles = [
  path.resolve('tests/fixtures/export/zh-hugo/article-zh-hugo.md'),
  path.resolve('tests/fixtures/export/sample/article.md'),
];
const title = 'OpenAI与微软权力对弈：国防合约背后的大模型自主之路';
const compact = (text: string): string => text.replace(/\s+/g, '');

let out: string;
let results: ExportFileResult[];
const chromium = createChromiumPdfPrinter();
const printedFolders: string[] = [];
const printer: PdfPrinter = {
  print(request) {
    if (request.folder !== null) printedFolders.push(request.folder);
    return chromium.print(request);
  },
  close: () => chromium.close(),
};

const pdfOf = (index: number): string => {
  const file = results[index]?.outputs.find((f) => f.endsWith('.pdf'));
  if (!file) throw new Error(`no PDF for ${articles[index]}`);
  return file;
};
const poppler = (tool: string, ...args: string[]): string =>
  execFileSync(tool, args, { encoding: 'utf8' });

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'byline-pdf-readback-'));
  results = [];
  for (const [index, file] of articles.entries()) {
    const [result] = (await new ExportService({ pdfPrinter: printer }).run({
      files: [{ file, display: path.basename(file) }],
      formats: ['pdf'],
      outputDir: path.join(out, String(index)),
      root: path.dirname(file),
    })) as [ExportFileResult];
    results.push(result);
  }
}, 300_000);

afterAll(async () => {
  await printer.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the PDF of an article with an image', () => {
  it('shows the image, at its own size, as the featured image and as the figure', () => {
    const images = poppler('pdfimages', '-list', pdfOf(1))
      .split('\n')
      .filter((line) => /\simage\s/.test(line))
      .map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'));
    expect(images).toEqual(['480x240', '480x240']);
  });

  it('leaves no temporary folder behind', () => {
    expect(printedFolders).toHaveLength(2);
    for (const folder of printedFolders) expect(existsSync(folder)).toBe(false);
  });

  it('removes the temporary folder when printing fails', async () => {
    let handed: string | null = null;
    let imageWasThere = false;
    const failing: PdfPrinter = {
      print(request) {
        handed = request.folder;
        imageWasThere =
          request.folder !== null &&
          existsSync(path.join(request.folder, 'article.assets', 'default-3.png'));
        return Promise.reject(new Error('printer broke'));
      },
      close: () => Promise.resolve(),
    };
    const [result] = await new ExportService({ pdfPrinter: failing }).run({
      files: [{ file: articles[1] as string, display: 'article.md' }],
      formats: ['pdf'],
      outputDir: path.join(out, 'failing'),
      root: path.dirname(articles[1] as string),
    });
    expect(result?.error).toMatch(/printer broke/);
    expect(imageWasThere).toBe(true);
    expect(handed).not.toBeNull();
    expect(existsSync(handed as unknown as string)).toBe(false);
  });
});

describe.each([0, 1])('the PDF of article %i', (index) => {
  it('embeds every font as a CID/TrueType font, none as Type 3', () => {
    expect(results[index]?.ok).toBe(true);
    const fonts = poppler('pdffonts', pdfOf(index)).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((line) => /Type 3/.test(line))).toEqual([]);
    expect(fonts.some((line) => /CID TrueType/.test(line))).toBe(true);
  });

  it('draws text, headings, header and footer with one instance of each CJK font file', () => {
    // Each instance is a whole font file in Chromium's print job (17-21 MB for these faces).
    const names = poppler('pdffonts', pdfOf(index))
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => (line.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, ''));
    const cjk = names.filter((name) => /UMing|WenQuanYi/.test(name));
    expect(cjk.length).toBeGreaterThan(0);
    expect(cjk).toEqual([...new Set(cjk)]);
  });

  it('ends no page with a heading', () => {
    const body = splitArticle(readFileSync(articles[index] as string, 'utf8')).body;
    const headings = [...body.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => compact(m[1] ?? ''));
    expect(headings.length).toBeGreaterThan(2);
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdfOf(index)))?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const lines = poppler('pdftotext', '-f', String(page), '-l', String(page), pdfOf(index), '-')
        .split('\n')
        .map(compact)
        .filter((line) => line !== '' && !/^第\d+页，共\d+页$/.test(line));
      const last = lines[lines.length - 1] ?? '';
      const endsWithHeading = headings.some((heading) => heading.endsWith(last));
      expect(endsWithHeading, `page ${page} ends with “${last}”`).toBe(false);
    }
  });

  it('carries the front matter as document properties and names Byline', () => {
    const info = poppler('pdfinfo', pdfOf(index));
    expect(info).toMatch(new RegExp(`^Title:\\s+${title}$`, 'm'));
    expect(info).toMatch(/^Creator:\s+Byline$/m);
    expect(info).toMatch(/^Producer:\s+Byline/m);
    expect(info).toMatch(/^Subject:\s+OpenAI在获得美国国防部2亿美元AI合同的同时/m);
    expect(info).toMatch(/^Keywords:.*OpenAI.*微软.*国防部合同/m);
    expect(info).not.toMatch(/HeadlessChrome|Skia/);
  });
});
