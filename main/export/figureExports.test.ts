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
import { hugoAvailable } from '../../tests/parity/hugoParity';
import { outputOf } from './exportReadBack';
import { ExportService, type ExportFileResult } from './exportService';

// A page bundle whose pictures are referenced from figure shortcodes (double-quoted, raw and
// bare values, `{{% %}}`, one file also from a Markdown link, one figure in code), exported to
// plain text, Word and a Hugo bundle, and checked against what Hugo 0.111 publishes: the
// figcaption's lines, and a bundle whose published images are the original files.
const fixtures = path.resolve('tests/fixtures');
const pictures = {
  'crane.png': path.join(fixtures, 'export/hugo-shortcodes/content/posts/harbour/crane.png'),
  'night view.png': path.join(fixtures, 'export/raw-html/images/渔港 夜景.png'),
  'cover.png': path.join(fixtures, 'export/sample/images/default (3).png'),
};
const bytesOf = (name: keyof typeof pictures): Buffer => readFileSync(pictures[name]);

const config = 'baseURL = "https://news.example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n';
const article = [
  '---',
  'title: Flood',
  '---',
  '',
  'Before.',
  '',
  '{{< figure src="crane.png" title="Flood in Wuhan" caption="Residents *wade* through water." attr="Photo: Reuters" alt="flood" >}}',
  '',
  '{{< figure src=`night view.png` link=night%20view.png caption="洪水中的武汉。" attr="新华社" attrlink="https://xinhua.example/photo" >}}',
  '',
  '{{% figure src=cover.png %}}',
  '',
  'See the [full-size photo](crane.png).',
  '',
  '`{{< figure src="code.png" >}}` is how to write one.',
  '',
].join('\n');

let work: string;
let result: ExportFileResult;

/** Builds `site` with hugo (a layout printing only the content); the page of posts/flood. */
function publish(site: string): { page: string; document: Document } {
  mkdirSync(path.join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(path.join(site, 'hugo.toml'), config);
  writeFileSync(path.join(site, 'layouts', '_default', 'single.html'), '{{ .Content }}\n');
  execFileSync('hugo', ['--quiet', '-s', site, '-d', path.join(site, 'public')], {
    stdio: 'ignore',
  });
  const page = path.join(site, 'public', 'posts', 'flood', 'index.html');
  return { page, document: new JSDOM(readFileSync(page, 'utf8')).window.document };
}

const collapse = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'byline-figures-'));
  const bundle = path.join(work, 'site', 'content', 'posts', 'flood');
  mkdirSync(bundle, { recursive: true });
  writeFileSync(path.join(work, 'site', 'hugo.toml'), config);
  writeFileSync(path.join(bundle, 'index.md'), article);
  for (const [name, file] of Object.entries(pictures)) copyFileSync(file, path.join(bundle, name));
  [result] = (await new ExportService().run({
    files: [{ file: path.join(bundle, 'index.md'), display: 'content/posts/flood/index.md' }],
    formats: ['txt', 'docx', 'hugo'],
    outputDir: path.join(work, 'out'),
    root: path.join(work, 'site'),
  })) as [ExportFileResult];
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('figure shortcodes in the Hugo bundle', () => {
  it('copies every file a figure refers to and rewrites exactly those values, quoting kept', () => {
    expect(result.error).toBeNull();
    const exported = readFileSync(outputOf(result, 'index.md'), 'utf8');
    const expected = article
      .replace('src="crane.png"', 'src="images/crane.png"')
      .replace(
        'src=`night view.png` link=night%20view.png',
        'src=`images/night-view.png` link=images/night-view.png',
      )
      .replace('src=cover.png', 'src=images/cover.png')
      .replace('(crane.png)', '(images/crane.png)')
      .replace('title: Flood\n', 'title: Flood\nslug: flood\n');
    expect(exported).toBe(expected);
    const bundle = path.dirname(outputOf(result, 'index.md'));
    for (const [copy, original] of [
      ['crane.png', 'crane.png'],
      ['night-view.png', 'night view.png'],
      ['cover.png', 'cover.png'],
    ] as const)
      expect(readFileSync(path.join(bundle, 'images', copy)).equals(bytesOf(original))).toBe(true);
  });

  it('says that a figure in code is left as written', () => {
    expect(result.warnings.join('\n')).toContain(
      'Left as written, in code: {{< figure src="code.png" >}}',
    );
  });

  it.runIf(hugoAvailable)(
    'Hugo publishes the bundle with every figure showing (and linking to) the original file',
    () => {
      const site = path.join(work, 'published');
      cpSync(
        path.dirname(outputOf(result, 'index.md')),
        path.join(site, 'content', 'posts', 'flood'),
        {
          recursive: true,
        },
      );
      const { page, document } = publish(site);
      const fileAt = (url: string): Buffer =>
        readFileSync(path.join(path.dirname(page), decodeURI(url)));
      const figures = [...document.querySelectorAll('body > figure')];
      // The fourth is the one in code: Hugo inserts it there too, left as written (and warned).
      expect(figures.map((f) => f.querySelector('img')?.getAttribute('src'))).toEqual([
        'images/crane.png',
        'images/night-view.png',
        'images/cover.png',
        'code.png',
      ]);
      const shown = figures.map((f) => f.querySelector('img')?.getAttribute('src') ?? '');
      expect(fileAt(shown[0] ?? '').equals(bytesOf('crane.png'))).toBe(true);
      expect(fileAt(shown[1] ?? '').equals(bytesOf('night view.png'))).toBe(true);
      expect(fileAt(shown[2] ?? '').equals(bytesOf('cover.png'))).toBe(true);
      const linked = figures[1]?.querySelector('a')?.getAttribute('href') ?? '';
      expect(fileAt(linked).equals(bytesOf('night view.png'))).toBe(true);
      const markdownLink = document.querySelector('body > p > a')?.getAttribute('href') ?? '';
      expect(fileAt(markdownLink).equals(bytesOf('crane.png'))).toBe(true);
    },
    60_000,
  );
});

describe.runIf(hugoAvailable)("a figure's title, caption and credit as Hugo publishes them", () => {
  /** Each figcaption's lines on the published page: the `<h4>` title, the `<p>` caption + credit. */
  const hugoCaptions = (): string[][] => {
    const { document } = publish(path.join(work, 'site'));
    return [...document.querySelectorAll('body > figure figcaption')].map((caption) =>
      [...caption.querySelectorAll('h4, p')].map((line) => collapse(line.textContent)),
    );
  };
  let captions: string[][];
  beforeAll(() => {
    captions = hugoCaptions();
  }, 60_000);

  it('Hugo shows two captions: title, then caption with the credit', () => {
    expect(captions).toEqual([
      ['Flood in Wuhan', 'Residents wade through water.Photo: Reuters'],
      ['洪水中的武汉。 新华社'],
    ]);
  });

  it('plain text: a line each, in order, under the image; a linked credit keeps its address', () => {
    const text = readFileSync(outputOf(result, 'flood.txt'), 'utf8');
    expect(text).toContain(`[Image: flood]\n${captions[0]?.join('\n')}\n`);
    expect(text).toContain(
      `[Image] (night%20view.png)\n${captions[1]?.[0]} (https://xinhua.example/photo)\n`,
    );
  });

  it('Word (pandoc): title and caption are paragraphs of their own, in order', () => {
    const word = execFileSync(
      'pandoc',
      ['-t', 'plain', '--wrap=none', outputOf(result, 'flood.docx')],
      { encoding: 'utf8' },
    );
    const paragraphs = word.split(/\n{2,}/).map(collapse);
    for (const lines of captions) {
      const at = paragraphs.indexOf(lines[0] ?? '');
      expect(at, lines[0]).toBeGreaterThan(0);
      expect(paragraphs.slice(at, at + lines.length)).toEqual(lines);
    }
    const markdown = execFileSync('pandoc', ['-t', 'markdown', outputOf(result, 'flood.docx')], {
      encoding: 'utf8',
    });
    expect(markdown).toContain('**Flood in Wuhan**');
    expect(markdown).toContain('[新华社](https://xinhua.example/photo)');
  });
});
