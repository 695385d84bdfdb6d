import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputOf, textReaders } from './exportReadBack';
import { ExportService, type ExportFileResult } from './exportService';

// An article of a Hugo site using shortcodes, links and an image that cannot be embedded,
// exported to every rendered format and read back with tools we did not write.
const root = path.resolve('tests/fixtures/export/hugo-shortcodes');
const file = path.join(root, 'content/posts/harbour/index.md');
const compact = (text: string): string => text.replace(/\s+/g, '');

let out: string;
let result: ExportFileResult;

const output = (suffix: string): string => outputOf(result, suffix);
const page = (suffix: string): Document =>
  new JSDOM(readFileSync(output(suffix), 'utf8')).window.document;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'byline-shortcodes-'));
  [result] = (await new ExportService().run({
    files: [{ file, display: 'content/posts/harbour/index.md' }],
    formats: ['html', 'pdf', 'docx', 'wechat', 'txt'],
    outputDir: out,
    root,
  })) as [ExportFileResult];
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('shortcodes, links and images in exports', () => {
  it('exports every format', () => {
    expect(result.error).toBeNull();
    expect(result.ok).toBe(true);
  });

  const readers = textReaders(() => result, 'harbour');
  for (const [name, read] of readers) {
    it(`${name}: shortcodes rendered, never printed`, () => {
      const text = compact(read());
      expect(text).not.toMatch(/\{\{[<%]/);
      for (const phrase of [
        '港务组记录了这一天',
        '清晨的桥吊',
        '夜班从凌晨四点开始',
        'throughput=1200',
        '编者按',
      ]) {
        expect(text).toContain(phrase);
      }
    });
  }

  it('HTML: figure, details, code, ref and site-relative links absolute, embed card, missing image kept', () => {
    const doc = page('harbour.html');
    const figure = doc.querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(figure?.querySelector('figcaption h4')?.textContent).toBe('桥吊');
    expect(doc.querySelector('details summary')?.textContent).toBe('采访背景');
    expect(doc.querySelector('pre code.language-python')?.textContent).toContain('throughput');
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://news.example.org/cn/2017/01/roller-coaster/');
    expect(hrefs).toContain('https://news.example.org/cn/2016/05/old-story/');
    expect(hrefs).toContain('https://www.youtube.com/watch?v=w7Ft2ymGmfc');
    const missing = doc.querySelector('img[alt="缺失的图"]');
    expect(missing).not.toBeNull();
    expect(doc.body.textContent).not.toContain('missing.png');
    expect(doc.querySelector('.image-placeholder')).toBeNull();
  });

  it('reports what it could not show as the site does', () => {
    const warnings = result.warnings.join('\n');
    expect(warnings).toContain("{{% note %}} is the site's own shortcode");
    expect(warnings).toContain('{{< youtube >}} is shown as a link');
    expect(warnings).toContain('missing.png');
  });
});
