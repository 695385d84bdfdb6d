import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlTextOf, outputOf, printDocxWithLibreOffice } from './exportReadBack';
import { ExportService, type ExportFileResult } from './exportService';
import { hugoAvailable } from '../../tests/parity/hugoParity';

// An article with raw HTML on a Hugo site, exported with raw HTML on (`unsafe = true`) and off
// (Hugo's default), and read back with tools we did not write (pandoc, LibreOffice, jsdom). Word
// and plain text must show what the HTML export shows: the text of raw HTML when it is on, none
// of it when it is off, and never a comment or what the sanitizer removes.
const fixture = path.resolve('tests/fixtures/export/raw-html');
const compact = (text: string): string => text.replace(/\s+/g, '');

/** Text raw HTML shows when the site renders it. */
const rawHtmlText = [
  '重要内容，必须保留',
  '渔船已全部回港',
  '码头照明恢复',
  '渔政部门表示',
  '将派员现场核查',
  '详见港务局公告',
];
/** Never shown: comments, script and style contents (also inline), attributes. */
const hidden = [
  '内部备注',
  '数字待核实',
  '编辑意见',
  '脚本里的字',
  '样式里的字',
  '行内脚本',
  'leaked',
  '标题属性',
  'javascript',
  'note',
  'place',
];
/** Markdown text around and between raw HTML, shown either way. */
const markdownText = [
  '台风过境后的第二天，渔港恢复了平静。',
  '正文行内文字，记者王五现场报道',
  '损失不大，',
  '补贴下周发放。',
  '记者在码头看到，渔船正在卸货。',
  '本报记者王五，2026年11月30日。',
];

let work: string;
const results = new Map<'on' | 'off', ExportFileResult>();

async function exportSite(unsafe: 'on' | 'off'): Promise<void> {
  const site = path.join(work, unsafe);
  cpSync(fixture, site, { recursive: true });
  if (unsafe === 'off')
    writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "https://news.example.org/"\n');
  const [result] = await new ExportService().run({
    files: [{ file: path.join(site, 'article.md'), display: 'article.md' }],
    formats: ['html', 'docx', 'txt', 'hugo'],
    outputDir: path.join(work, `${unsafe}-out`),
    root: site,
  });
  results.set(unsafe, result as ExportFileResult);
}

const output = (unsafe: 'on' | 'off', suffix: string): string =>
  outputOf(results.get(unsafe) as ExportFileResult, suffix);

/** [reader, text] of the Word and plain-text outputs. */
function wordAndText(unsafe: 'on' | 'off'): [string, string][] {
  return [
    ['plain text', readFileSync(output(unsafe, 'article.txt'), 'utf8')],
    [
      'Word (pandoc)',
      execFileSync('pandoc', ['-t', 'plain', output(unsafe, 'article.docx')], {
        encoding: 'utf8',
      }),
    ],
  ];
}

let libreOfficeText: string;
let libreOfficePdf: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'byline-raw-html-'));
  await exportSite('on');
  await exportSite('off');
  const docx = output('on', 'article.docx');
  libreOfficePdf = printDocxWithLibreOffice(docx, work);
  libreOfficeText = execFileSync('pdftotext', [libreOfficePdf, '-'], { encoding: 'utf8' });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('raw HTML in Word and plain text, with raw HTML on', () => {
  it('exports', () => {
    expect(results.get('on')?.error).toBeNull();
    expect(results.get('on')?.ok).toBe(true);
  });

  it('the HTML export shows the text of raw HTML (the reference)', () => {
    const text = compact(htmlTextOf(output('on', 'article.html')));
    for (const phrase of [...rawHtmlText, ...markdownText]) expect(text).toContain(phrase);
  });

  it('Word (pandoc, LibreOffice) and plain text show it in its place, and nothing hidden', () => {
    const readers: [string, string][] = [
      ...wordAndText('on'),
      ['Word (LibreOffice)', libreOfficeText],
    ];
    for (const [reader, read] of readers) {
      const text = compact(read);
      const shown = [...markdownText.slice(0, 1), ...rawHtmlText, ...markdownText.slice(-2)];
      let from = 0;
      for (const phrase of [...rawHtmlText, ...markdownText])
        expect(text, `${reader}: ${phrase}`).toContain(phrase);
      for (const phrase of shown) {
        const at = text.indexOf(phrase, from);
        expect(at, `${reader}: ${phrase} in order`).toBeGreaterThanOrEqual(from);
        from = at + phrase.length;
      }
      for (const phrase of hidden) expect(text, `${reader}: ${phrase}`).not.toContain(phrase);
      expect(text).not.toContain('<');
    }
  });

  it('a <br> breaks the line, a block is its own paragraph, inline HTML stays inline', () => {
    for (const [reader, text] of wordAndText('on')) {
      expect(text, reader).toMatch(/\n\n渔船已全部回港\n码头照明恢复\n\n/);
      expect(text, reader).toMatch(/\n\n重要内容，必须保留\n\n/);
      expect(text, reader).toMatch(/渔民说损失不大，\n补贴下周发放。/);
    }
  });

  it('a link keeps its address, bold stays bold and an image shows its alt text', () => {
    const text = readFileSync(output('on', 'article.txt'), 'utf8');
    expect(text).toContain(
      '详见港务局公告 (https://port.example.org/notice)，以公告为准。[图片：码头照片]',
    );
    const word = execFileSync('pandoc', ['-t', 'markdown', output('on', 'article.docx')], {
      encoding: 'utf8',
    });
    expect(compact(word).replaceAll('\\', '')).toContain(
      '详见[港务局公告](https://port.example.org/notice)，**以公告为准**。[图片:码头照片]',
    );
    expect(compact(libreOfficeText)).toContain('详见港务局公告，以公告为准。[图片:码头照片]');
  });

  it('the line with inline HTML keeps its footnote (a Word footnote, an endnote in text)', () => {
    const [[, text], [, word]] = wordAndText('on') as [[string, string], [string, string]];
    expect(text).toContain('记者王五现场报道[1]。');
    expect(text).toMatch(/\[1\] 本报记者王五/);
    expect(word).toContain('记者王五现场报道[1]。');
    expect(word).toMatch(/\[1\] 本报记者王五/);
  });
});

describe('a raw HTML image with a local path, exported as a Markdown image is', () => {
  const picture = readFileSync(path.join(fixture, 'images', '渔港 夜景.png'));
  const wordMarkdown = (unsafe: 'on' | 'off'): string =>
    execFileSync('pandoc', ['-t', 'markdown', output(unsafe, 'article.docx')], {
      encoding: 'utf8',
    });

  it('the HTML export embeds the file itself, its width kept', () => {
    const { document } = new JSDOM(readFileSync(output('on', 'article.html'), 'utf8')).window;
    const image = document.querySelector('img[alt="渔港夜景"]');
    const src = image?.getAttribute('src') ?? '';
    expect(src).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').equals(picture)).toBe(true);
    expect(image?.getAttribute('width')).toBe('320');
  });

  it('Word holds the picture (pandoc, LibreOffice) and plain text names it', () => {
    expect(wordMarkdown('on')).toMatch(/!\[渔港夜景\]\(media\/image\d+\.png/);
    const pdfImages = execFileSync('pdfimages', ['-list', libreOfficePdf], { encoding: 'utf8' });
    expect(pdfImages.trim().split('\n').slice(2)).toHaveLength(1);
    expect(readFileSync(output('on', 'article.txt'), 'utf8')).toContain('[图片：渔港夜景]');
  });

  it.runIf(hugoAvailable)(
    'the Hugo bundle carries the file, and Hugo publishes it where the page points',
    () => {
      const bundle = path.dirname(output('on', 'index.md'));
      const site = path.join(work, 'hugo-bundle');
      mkdirSync(path.join(site, 'layouts', '_default'), { recursive: true });
      copyFileSync(path.join(work, 'on', 'hugo.toml'), path.join(site, 'hugo.toml'));
      writeFileSync(path.join(site, 'layouts', '_default', 'single.html'), '{{ .Content }}\n');
      cpSync(bundle, path.join(site, 'content', 'posts', path.basename(bundle)), {
        recursive: true,
      });
      execFileSync('hugo', ['--quiet', '-s', site, '-d', path.join(site, 'public')], {
        stdio: 'ignore',
      });
      const page = path.join(site, 'public', 'posts', path.basename(bundle), 'index.html');
      const { document } = new JSDOM(readFileSync(page, 'utf8')).window;
      const src = document.querySelector('img[alt="渔港夜景"]')?.getAttribute('src') ?? '';
      expect(src).not.toBe('');
      expect(readFileSync(path.join(path.dirname(page), decodeURI(src))).equals(picture)).toBe(
        true,
      );
    },
    60_000,
  );

  it('with raw HTML off, no export shows it (Hugo omits it)', () => {
    expect(readFileSync(output('off', 'article.html'), 'utf8')).not.toContain('渔港夜景');
    expect(readFileSync(output('off', 'article.txt'), 'utf8')).not.toContain('渔港夜景');
    expect(wordMarkdown('off')).not.toContain('渔港夜景');
  });
});

describe('raw HTML in Word and plain text, with raw HTML off (Hugo omits it)', () => {
  it('leaves out the text of raw HTML blocks and every tag, keeps the Markdown text', () => {
    expect(results.get('off')?.ok).toBe(true);
    const html = compact(htmlTextOf(output('off', 'article.html')));
    const readers: [string, string][] = [...wordAndText('off'), ['HTML (jsdom text)', html]];
    for (const [reader, read] of readers) {
      const text = compact(read);
      for (const phrase of rawHtmlText) expect(text, `${reader}: ${phrase}`).not.toContain(phrase);
      for (const phrase of markdownText) expect(text, `${reader}: ${phrase}`).toContain(phrase);
      for (const phrase of ['内部备注', '编辑意见', '脚本里的字', '样式里的字'])
        expect(text, `${reader}: ${phrase}`).not.toContain(phrase);
    }
  });
});

/**
 * Each block of the article as Hugo publishes it, as a reader sees it (no script, no style), its
 * note marks written `[1]` as the exports write them, without back-links.
 */
function hugoBlocks(unsafe: 'on' | 'off'): string[] {
  const site = path.join(work, `hugo-${unsafe}`);
  cpSync(path.join(work, unsafe), site, { recursive: true });
  mkdirSync(path.join(site, 'content'));
  cpSync(path.join(site, 'article.md'), path.join(site, 'content', 'article.md'));
  mkdirSync(path.join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(path.join(site, 'layouts', '_default', 'single.html'), '{{ .Content }}\n');
  execFileSync('hugo', ['--quiet', '-s', site, '-d', path.join(site, 'public')], {
    stdio: 'ignore',
  });
  const html = readFileSync(path.join(site, 'public', 'article', 'index.html'), 'utf8');
  const { document } = new JSDOM(html).window;
  for (const gone of document.querySelectorAll('script, style, .footnote-backref')) gone.remove();
  for (const mark of document.querySelectorAll('.footnote-ref'))
    mark.textContent = `[${mark.textContent}]`;
  return [...document.querySelectorAll('body > p, body > div:not(.footnotes), li')]
    .map((block) => compact(block.textContent ?? ''))
    .filter((text) => text !== '');
}

describe.runIf(hugoAvailable)('as hugo publishes it', () => {
  it.each(['on', 'off'] as const)(
    'raw HTML %s: Word and plain text show every block Hugo shows, in order',
    (unsafe) => {
      const blocks = hugoBlocks(unsafe);
      expect(blocks.length).toBeGreaterThanOrEqual(unsafe === 'on' ? 8 : 4);
      for (const [reader, read] of wordAndText(unsafe)) {
        // A page shows a link's address and an image's alt text in other ways than text.
        const text = compact(read)
          .replace(/\(https?:\/\/[^)]*\)/g, '')
          .replace(/\[图片[:：][^\]]*\]/g, '');
        let from = 0;
        for (const block of blocks) {
          const at = text.indexOf(block, from);
          expect(at, `${reader}: ${block}`).toBeGreaterThanOrEqual(0);
          from = at + block.length;
        }
      }
    },
    60_000,
  );
});
