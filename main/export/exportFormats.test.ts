import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportService, type ExportFileResult } from './exportService';

// Every format, exported once from the sample-shaped fixture with real Chromium, then read back.
const sampleRoot = path.resolve('tests/fixtures/export/sample');
const sampleFile = path.join(sampleRoot, 'article.md');
const hostileRoot = path.resolve('tests/fixtures/export/hostile');
const title = 'OpenAI与微软权力对弈：国防合约背后的大模型自主之路';

let out: string;
let result: ExportFileResult;
let hostile: ExportFileResult;
const service = new ExportService();

const output = (suffix: string): string => {
  const file = result.outputs.find((f) => f.endsWith(suffix));
  if (!file) throw new Error(`no output ending in ${suffix}: ${result.outputs.join(', ')}`);
  return file;
};
const compact = (text: string): string => text.replace(/\s+/g, '');
// Chromium (Skia) writes the ToUnicode map of Noto CJK with radicals for a few characters
// (⼒ U+2F12 for 力, ⻚ U+2EDA for 页): the glyphs on the page are right, the copied text is not.
// Known limitation (docs/export.md); reading back, the radicals are mapped to their ideographs.
const radicalSupplement: Record<string, string> = {
  '⻚': '页',
  '⻓': '长',
  '⻅': '见',
  '⻆': '角',
  '⻜': '飞',
  '⻛': '风',
  '⻢': '马',
  '⻔': '门',
  '⻋': '车',
  '⻉': '贝',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻯': '龙',
  '⻳': '龟',
  '⻘': '青',
  '⻝': '食',
  '⻙': '韦',
};
const pdfText = (text: string): string =>
  compact(
    text
      .replace(/[\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC'))
      .replace(/[\u2e80-\u2eff]/g, (c) => radicalSupplement[c] ?? c),
  );

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'byline-export-'));
  [result] = (await service.run({
    files: [{ file: sampleFile, display: 'article.md' }],
    formats: ['html', 'pdf', 'docx', 'hugo', 'wechat', 'txt'],
    outputDir: out,
    root: sampleRoot,
  })) as [ExportFileResult];
  [hostile] = (await service.run({
    files: [{ file: path.join(hostileRoot, 'hostile.md'), display: 'hostile.md' }],
    formats: ['html', 'wechat', 'docx', 'txt', 'pdf'],
    outputDir: path.join(out, 'hostile'),
    root: hostileRoot,
  })) as [ExportFileResult];
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('export of the sample-shaped article', () => {
  it('succeeds for every format, warning only of the source nobody cites', () => {
    expect(result.error).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      'Footnote [^2] is never cited: listed at the end without a number.',
    ]);
  });

  describe('HTML', () => {
    const dom = (): Document =>
      new JSDOM(readFileSync(output('article.html'), 'utf8')).window.document;

    it('has the title, lead, byline and lang from the content', () => {
      const document = dom();
      expect(document.title).toBe(title);
      expect(document.querySelector('h1.article-title')?.textContent).toBe(title);
      expect(document.querySelector('.article-lead')?.textContent).toMatch(
        /^OpenAI在获得美国国防部2亿美元AI合同的同时/,
      );
      expect(document.querySelector('.article-meta')?.textContent).toContain('林晓');
      expect(document.documentElement.lang).toBe('zh-CN');
      expect(document.querySelector('meta[name="keywords"]')?.getAttribute('content')).toContain(
        '反垄断',
      );
    });

    it('links the 4 cited footnotes both ways', () => {
      const document = dom();
      const notes = [...document.querySelectorAll('section.footnotes li.footnote-item')];
      expect(notes).toHaveLength(4);
      for (const note of notes) {
        const backrefs = [...note.querySelectorAll('a.footnote-backref')];
        expect(backrefs.length).toBeGreaterThan(0);
        for (const back of backrefs) {
          const ref = document.getElementById(back.getAttribute('href')?.slice(1) ?? '');
          expect(ref?.tagName).toBe('A');
          expect(ref?.getAttribute('href')).toBe(`#${note.id}`);
        }
      }
      const refs = [...document.querySelectorAll('sup.footnote-ref a')];
      expect(new Set(refs.map((a) => a.getAttribute('href'))).size).toBe(4);
    });

    it('is self-contained: styles inlined, images embedded, no script, no event handlers', () => {
      const html = readFileSync(output('article.html'), 'utf8');
      const document = dom();
      expect(document.querySelectorAll('script, link, iframe')).toHaveLength(0);
      const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)),
      );
      expect(handlers).toEqual([]);
      expect(document.querySelector('style')?.textContent).toContain('.article-title');
      const images = [...document.querySelectorAll('img')];
      expect(images.length).toBe(2); // featured image + the figure in the body
      for (const image of images)
        expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      // As Hugo publishes an image alone in its paragraph: no caption made from its title or alt.
      expect(document.querySelector('figure.figure img')?.getAttribute('title')).toBe(
        '合作关系示意',
      );
      expect(document.querySelector('figure.figure figcaption')).toBeNull();
      expect(html).toContain('Content-Security-Policy');
      expect(html).toContain('@media print');
    });

    it('copies images next to the page when asked', async () => {
      const dir = path.join(out, 'copied');
      const [copied] = await service.run({
        files: [{ file: sampleFile, display: 'article.md' }],
        formats: ['html'],
        outputDir: dir,
        root: sampleRoot,
        options: { html: { images: 'copy' } },
      });
      expect(copied?.ok).toBe(true);
      const document = new JSDOM(readFileSync(path.join(dir, 'article.html'), 'utf8')).window
        .document;
      expect(document.querySelector('figure.figure img')?.getAttribute('src')).toBe(
        'article.assets/default-3.png',
      );
      expect(readFileSync(path.join(dir, 'article.assets', 'default-3.png'))).toEqual(
        readFileSync(path.join(sampleRoot, 'images', 'default (3).png')),
      );
    });
  });

  describe('PDF', () => {
    it('has selectable Chinese title and body text, page numbers and embedded CJK fonts', async () => {
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const data = new Uint8Array(readFileSync(output('article.pdf')));
      const pdf = await getDocument({
        data: data.slice(),
        useSystemFonts: false,
        isEvalSupported: false,
      }).promise;
      let text = '';
      for (let n = 1; n <= pdf.numPages; n++) {
        const content = await (await pdf.getPage(n)).getTextContent();
        text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
      }
      expect(pdf.numPages).toBeGreaterThan(1);
      expect(pdfText(text)).toContain(compact(title));
      expect(pdfText(text)).toContain('这场错综复杂的博弈，揭示了AI时代核心技术控制权');
      expect(pdfText(text)).toContain(`第1页，共${pdf.numPages}页`);
      expect(pdfText(text)).toContain('新智元'); // an endnote
      const raw = Buffer.from(data).toString('latin1');
      expect(raw).toMatch(/\/FontFile2/); // TrueType outlines, embedded as CID fonts
      expect(raw).not.toMatch(/\/Subtype\s*\/Type3/);
      await pdf.destroy();
    });
  });

  describe('Word', () => {
    it('has title, headings, body, properties and real footnotes', async () => {
      const zip = await JSZip.loadAsync(readFileSync(output('article.docx')));
      const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const footnotes = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
      const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
      const textOf = (xml: string): string =>
        [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

      expect(document).toMatch(/<w:pStyle w:val="Title"\/>/);
      expect(textOf(document)).toContain(title);
      expect(document).toMatch(
        /<w:pStyle w:val="Heading3"\/>[\s\S]*?AI权力博弈：OpenAI与微软的冰点联盟/,
      );
      expect(document).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?References/);
      expect(textOf(document)).toContain(
        '核心矛盾点之一是OpenAI计划以30亿美元收购代码初创公司Windsurf的交易',
      );
      expect(document).toContain('<w:b/>'); // **控制权**
      expect(document).toMatch(/<w:hyperlink[^>]*r:id=/); // the Reuters link
      expect(document).toContain('<w:tbl>');
      expect(document).toContain('<w:drawing>');
      expect(document).toContain('<w:numPr>');
      // Chinese indent both Word (chars) and LibreOffice (twips) show; no line height without a rule.
      expect(document).toMatch(/<w:ind w:firstLine="480" w:firstLineChars="200"\/>/);
      const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
      expect(styles).toMatch(/w:styleId="Title"[\s\S]*?w:lineRule="auto"/);
      expect(`${document}${styles}`).not.toMatch(/<w:spacing(?![^>]*lineRule)[^>]*w:line=/);

      const referenced = new Set(
        [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]),
      );
      expect([...referenced].sort()).toEqual(['1', '2', '3', '4']);
      const notes = [
        ...footnotes.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g),
      ].filter((m) => Number(m[1]) > 0);
      expect(notes.map((m) => m[1])).toEqual(['1', '2', '3', '4']);
      expect(textOf(notes[0]?.[2] ?? '')).toContain('新智元');
      expect(textOf(footnotes)).not.toContain('工商时报'); // the uncited definition is not a footnote
      expect(textOf(document)).toMatch(
        /References（2025\/6\/18）。OpenAI 获美国防部2亿美元合约。工商时报/,
      );

      expect(core).toContain(`<dc:title>${title}</dc:title>`);
      expect(core).toContain('<dc:creator>林晓</dc:creator>');
      expect(core).toMatch(/<cp:keywords>OpenAI, 微软, 国防部合同/);
      expect(document.match(/<w:drawing>/g)).toHaveLength(2); // featured image + figure (one media file, shared)
      expect(zip.file(/word\/media\//).length).toBe(1);
    });
  });

  describe('Hugo bundle', () => {
    it('copies the image, rewrites its links and changes nothing else', () => {
      const index = output('/index.md');
      const bundle = path.dirname(index);
      expect(path.basename(bundle)).toBe(
        'openai-yu-wei-ruan-quan-li-dui-yi-guo-fang-he-yue-bei-hou-de',
      );
      expect(readdirSync(path.join(bundle, 'images'))).toEqual(['default-3.png']);
      expect(readFileSync(path.join(bundle, 'images', 'default-3.png'))).toEqual(
        readFileSync(path.join(sampleRoot, 'images', 'default (3).png')),
      );
      const original = readFileSync(sampleFile, 'utf8').split('\n');
      const exported = readFileSync(index, 'utf8').split('\n');
      expect(exported).toContain('featured_image: images/default-3.png');
      expect(exported).toContain(
        '![OpenAI与微软合作关系示意图](images/default-3.png "合作关系示意")',
      );
      expect(exported).toContain(
        'slug: openai-yu-wei-ruan-quan-li-dui-yi-guo-fang-he-yue-bei-hou-de',
      );
      // Minimal diff: every other line is the original's, in order.
      const changed = new Set([
        'featured_image: images/default-3.png',
        '![OpenAI与微软合作关系示意图](images/default-3.png "合作关系示意")',
      ]);
      const kept = exported.filter((line) => !changed.has(line) && !line.startsWith('slug: '));
      expect(kept).toEqual(
        original.filter(
          (line) => !line.startsWith('featured_image:') && !line.startsWith('![OpenAI'),
        ),
      );
    });
  });

  describe('WeChat', () => {
    const fragment = (): Element => {
      const document = new JSDOM(readFileSync(output('article.wechat.html'), 'utf8')).window
        .document;
      const section = document.querySelector('body > div > section');
      if (!section) throw new Error('no fragment');
      return section;
    };

    it('has every style inline: no <style>, no classes, no ids', () => {
      const html = readFileSync(output('article.wechat.html'), 'utf8');
      const root = fragment();
      expect(html).not.toMatch(/<style|<script|<link/i);
      const elements = [root, ...root.querySelectorAll('*')];
      expect(elements.filter((el) => el.hasAttribute('class') || el.hasAttribute('id'))).toEqual(
        [],
      );
      const styled = ['h1', 'h3', 'p', 'blockquote', 'table', 'th', 'td', 'li', 'img'];
      for (const tag of styled) {
        const el = root.querySelector(tag);
        expect(el?.getAttribute('style') ?? '', tag).toMatch(/\S/);
      }
      expect(root.getAttribute('style')).toContain('font-size');
    });

    it('turns outside links into references numbered after the four notes, listed at the end', () => {
      const root = fragment();
      const links = [...root.querySelectorAll('a[href]')];
      expect(links.filter((a) => /^(?:https?:)?\/\//i.test(a.getAttribute('href') ?? ''))).toEqual(
        [],
      );
      expect(root.textContent).toContain('路透社的报道[5]');
      expect(root.textContent).toContain('官方公告[6]');
      const text = root.textContent ?? '';
      const references = text.slice(text.lastIndexOf('参考链接'));
      expect(references).toContain(
        '[5] 路透社的报道: https://www.reuters.com/technology/openai-microsoft-talks/',
      );
      expect(references).toContain(
        '[6] 官方公告: https://openai.com/global-affairs/introducing-openai-for-government/',
      );
      // Each number a reader looks up names one entry: no note and link share one.
      const entries = [...text.matchAll(/\[(\d+)\] /g)].map((match) => match[1]);
      expect(entries).toEqual(['1', '2', '3', '4', '5', '6']);
    });

    it('keeps footnotes as plain numbered endnotes and images embedded', () => {
      const root = fragment();
      const text = root.textContent ?? '';
      expect(text).toMatch(/\[1\] 定慧 & 好困/);
      expect(text).toMatch(/\[4\] （2025\/6\/18）。OpenAI获得美军方/);
      expect(root.querySelectorAll('img').length).toBe(2);
      for (const image of root.querySelectorAll('img'))
        expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    });
  });

  describe('plain text', () => {
    it('has no Markdown syntax and the footnotes as endnotes', () => {
      const text = readFileSync(output('article.txt'), 'utf8');
      expect(text.startsWith(`${title}\n\n`)).toBe(true);
      expect(text).not.toMatch(/^#{1,6} |\*\*|\[\^|\]\(|^\s*> |^\|/m);
      expect(text).toContain('• 控制权：谁能决定核心模型的去向；');
      expect(text).toContain('1. 确定微软在新公司中的持股比例；');
      expect(text).toContain(
        '路透社的报道 (https://www.reuters.com/technology/openai-microsoft-talks/)',
      );
      const notes = text.slice(text.lastIndexOf('注释'));
      expect(notes).toMatch(/^\[1\] 定慧 & 好困/m);
      expect(notes).toMatch(/^\[4\] /m);
      expect(notes).not.toMatch(/^\[5\] /m);
    });
  });
});

describe('a hostile article', () => {
  it('exports without any script, event handler or javascript: URL in any HTML', () => {
    expect(hostile.error).toBeNull();
    for (const file of hostile.outputs.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      const document = new JSDOM(html).window.document;
      expect(document.querySelectorAll('script, iframe, object, embed, link, svg')).toHaveLength(0);
      const attributes = [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].map((a) => `${a.name}=${a.value}`),
      );
      expect(attributes.filter((a) => /^on/i.test(a))).toEqual([]);
      const urls = attributes.filter((a) =>
        /^(?:href|src|action|formaction|xlink:href|style)=/.test(a),
      );
      expect(urls.filter((a) => /javascript:|data:text|data:image\/svg|url\(/i.test(a))).toEqual(
        [],
      );
      expect(urls.filter((a) => /^src=https?:/i.test(a))).toEqual([]);
      // Raw HTML in the body is omitted, as Hugo omits it with its default `unsafe = false`.
      expect(document.body.textContent).not.toContain("alert('raw')");
      expect(document.querySelectorAll('style').length).toBeLessThanOrEqual(1);
    }
  });
});
