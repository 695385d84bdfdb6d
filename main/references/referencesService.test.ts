import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CslItem } from '../../shared/citations';
import { applyChanges } from '../../shared/article/textChange';
import { definitionSlots, planRestyle } from '../../shared/citations';
import { ReferenceFormatter } from './referenceFormatter';
import { LIBRARY_FILE, ReferenceLibrary } from './referenceLibrary';
import {
  exportBibliography,
  importBibliography,
  referencesHandlers,
  restyleDefinitions,
} from './referencesService';

const cslDir = path.resolve('assets/csl');
const fixtures = path.resolve('tests/fixtures/references');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

let workspace: string;
beforeEach(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'byline-references-'));
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

const newsSource: CslItem = {
  id: 'smith-chips',
  type: 'article-newspaper',
  author: [
    { given: 'Jane', family: 'Smith' },
    { given: 'John', family: 'Doe' },
  ],
  issued: { 'date-parts': [[2025, 6, 16]] },
  title: 'Chip export rules take effect',
  'container-title': 'Reuters',
  URL: 'https://example.com/chips',
  accessed: { 'date-parts': [[2025, 6, 18]] },
};

const chineseSource: CslItem = {
  id: 'keji',
  type: 'article-newspaper',
  author: [{ literal: '王明' }, { literal: '李华' }],
  issued: { 'date-parts': [[2025, 6, 18]] },
  title: '芯片出口新规正式生效',
  'container-title': '科技日报',
  URL: 'https://example.com/keji',
  accessed: { 'date-parts': [[2025, 6, 19]] },
};

describe('styles: the same source in news style, APA 7 and GB/T 7714-2015', () => {
  const formatter = new ReferenceFormatter(cslDir);

  it('formats an English news source', () => {
    expect(formatter.format(newsSource, 'news', 'en')).toBe(
      'Jane Smith & John Doe (2025/6/16). [Chip export rules take effect](https://example.com/chips). Reuters. Retrieved 2025/6/18.',
    );
    expect(formatter.format(newsSource, 'news', 'zh')).toBe(
      'Jane Smith & John Doe（2025/6/16）。[Chip export rules take effect](https://example.com/chips)。Reuters。检索日期2025/6/18。',
    );
    expect(formatter.format(newsSource, 'apa', 'en')).toBe(
      'Smith, J., & Doe, J. (2025, June 16). Chip export rules take effect. Reuters. https://example.com/chips',
    );
    expect(formatter.format(newsSource, 'gb-t-7714', 'en')).toBe(
      'SMITH J, DOE J. Chip export rules take effect[N/OL]. Reuters, 2025-06-16[2025-06-18]. https://example.com/chips.',
    );
  });

  it('formats a Chinese news source', () => {
    expect(formatter.format(chineseSource, 'news', 'zh')).toBe(
      '王明 & 李华（2025/6/18）。[芯片出口新规正式生效](https://example.com/keji)。科技日报。检索日期2025/6/19。',
    );
    expect(formatter.format(chineseSource, 'apa', 'zh')).toBe(
      '王明 & 李华. (2025, June 18). 芯片出口新规正式生效. 科技日报. https://example.com/keji',
    );
    expect(formatter.format(chineseSource, 'gb-t-7714', 'zh')).toBe(
      '王明, 李华. 芯片出口新规正式生效[N/OL]. 科技日报, 2025-06-18[2025-06-19]. https://example.com/keji.',
    );
  });

  it('formats a sample definition without author or URL', () => {
    const cnbc: CslItem = {
      id: 'cnbc',
      type: 'article-newspaper',
      issued: { 'date-parts': [[2025, 6, 16]] },
      title: 'OpenAI wins $200 million US defense contract',
      'container-title': 'CNBC',
      accessed: { 'date-parts': [[2025, 6, 18]] },
    };
    expect(formatter.format(cnbc, 'news', 'zh')).toBe(
      '（2025/6/16）。OpenAI wins $200 million US defense contract。CNBC。检索日期2025/6/18。',
    );
    expect(formatter.format(cnbc, 'apa', 'zh')).toBe(
      'OpenAI wins $200 million US defense contract. (2025, June 16). CNBC.',
    );
    expect(formatter.format(cnbc, 'gb-t-7714', 'zh')).toBe(
      'OpenAI wins $200 million US defense contract[N]. CNBC, 2025-06-16.',
    );
  });
});

describe('import and export', () => {
  it('imports BibTeX', () => {
    const items = importBibliography('bibtex', read('import/sources.bib'), cslDir);
    expect(items.map((i) => [i.id, i.title, i['container-title'], i.URL ?? i.DOI])).toEqual([
      [
        'reuters2025chips',
        'Chipmakers weigh new export rules',
        'Reuters',
        'https://www.reuters.com/technology/chipmakers-weigh-new-export-rules-2025-06-16/',
      ],
      [
        'keji2025',
        '芯片出口新规正式生效，云厂商加速调整供应链',
        '科技日报',
        'https://example.com/keji/2025/06/18/chips',
      ],
      [
        'doe2024compute',
        'Compute sovereignty and the cloud',
        'Journal of Technology Policy',
        '10.1234/jtp.2024.0012',
      ],
    ]);
    expect(items[0]?.author).toEqual([
      { given: 'Stephen', family: 'Nellis' },
      { given: 'Max A.', family: 'Cherney' },
    ]);
    expect(items[0]?.accessed).toEqual({ 'date-parts': [[2025, 6, 18]] });
    expect(items[1]?.issued).toEqual({ 'date-parts': [[2025, 6, 18]] });
  });

  it('imports RIS, news authors and raw dates included', () => {
    const items = importBibliography('ris', read('import/sources.ris'), cslDir);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      type: 'article-newspaper',
      title: 'Countries race to secure compute capacity, analysts say',
      'container-title': 'BBC News',
      author: [{ family: 'Sherman', given: 'Natalie' }],
      issued: { 'date-parts': [[2025, 6, 16]] },
      accessed: { 'date-parts': [[2025, 6, 18]] },
      URL: 'https://www.bbc.com/news/articles/compute-capacity',
    });
    expect(items[1]).toMatchObject({ type: 'article-journal', DOI: '10.1234/JTP.2024.0012' });
    expect(items.every((i) => typeof i.id === 'string' && i.id.length > 0)).toBe(true);
  });

  it('imports CSL-JSON', () => {
    const items = importBibliography('csl-json', read('import/sources.json'), cslDir);
    expect(items.map((i) => [i.id, i.type, i['container-title']])).toEqual([
      ['cnbc-defense', 'article-newspaper', 'CNBC'],
      ['wallstreetcn', 'webpage', '华尔街见闻'],
    ]);
    expect(items[0]?.author).toEqual([{ family: 'Field', given: 'Hayden' }]);
  });

  it('rejects a file that holds no sources with a readable message', () => {
    expect(() => importBibliography('csl-json', '{ not json', cslDir)).toThrow(
      /Could not read this CSL-JSON file/,
    );
    expect(() => importBibliography('bibtex', '% only a comment', cslDir)).toThrow(
      /No sources found/,
    );
  });

  it('exports CSL-JSON and BibTeX with Chinese text intact', () => {
    const json = exportBibliography('csl-json', [chineseSource], cslDir);
    expect(JSON.parse(json)).toEqual([chineseSource]);
    const bibtex = exportBibliography('bibtex', [chineseSource, newsSource], cslDir);
    expect(bibtex).toContain('title = {芯片出口新规正式生效}');
    expect(bibtex).toContain('journal = {科技日报}');
    expect(bibtex).toContain('author = {Smith, Jane and Doe, John}');
    expect(bibtex).toContain('url = {https://example.com/chips}');
    // Round trip through our own importer.
    const back = importBibliography('bibtex', bibtex, cslDir);
    expect(back.map((i) => i.title)).toEqual([
      '芯片出口新规正式生效',
      'Chip export rules take effect',
    ]);
  });
});

describe('workspace library (.byline/references.json)', () => {
  it('saves sources as CSL-JSON and skips duplicates by URL or DOI across imports', async () => {
    const handlers = referencesHandlers(() => workspace, path.resolve('assets'));
    const first = await handlers['references.import']({
      format: 'bibtex',
      text: read('import/sources.bib'),
    });
    expect(first).toMatchObject({ total: 3, duplicates: [] });

    // The RIS file repeats the journal article (same DOI, other case) and adds one news source.
    const second = await handlers['references.import']({
      format: 'ris',
      text: read('import/sources.ris'),
    });
    expect(second.added.map((i) => i.title)).toEqual([
      'Countries race to secure compute capacity, analysts say',
    ]);
    expect(second.duplicates).toEqual([
      { title: 'Compute sovereignty and the cloud', existingId: 'doe2024compute' },
    ]);
    expect(second.total).toBe(4);

    // Same URL apart from scheme, www. and a trailing slash: a duplicate.
    const third = await handlers['references.add']({
      items: [
        {
          id: 'again',
          type: 'article-newspaper',
          title: 'Chipmakers weigh new export rules (updated)',
          URL: 'http://reuters.com/technology/chipmakers-weigh-new-export-rules-2025-06-16',
        },
      ],
    });
    expect(third.added).toEqual([]);
    expect(third.duplicates[0]?.existingId).toBe('reuters2025chips');

    const onDisk = JSON.parse(
      readFileSync(path.join(workspace, LIBRARY_FILE), 'utf8'),
    ) as CslItem[];
    expect(onDisk).toHaveLength(4);
    expect(onDisk.map((i) => i.id)).toEqual([
      'reuters2025chips',
      'keji2025',
      'doe2024compute',
      expect.any(String),
    ]);
  });

  it('searches by author, title and outlet', async () => {
    const library = new ReferenceLibrary(() => workspace);
    await library.add(importBibliography('bibtex', read('import/sources.bib'), cslDir));
    expect((await library.list('nellis')).map((i) => i.id)).toEqual(['reuters2025chips']);
    expect((await library.list('科技日报')).map((i) => i.id)).toEqual(['keji2025']);
    expect((await library.list('compute policy')).map((i) => i.id)).toEqual(['doe2024compute']);
    expect(await library.list('')).toHaveLength(3);
  });

  it('refuses to overwrite a library file it cannot read, and keeps entries it does not understand', async () => {
    const file = path.join(workspace, LIBRARY_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{ broken');
    const library = new ReferenceLibrary(() => workspace);
    await expect(library.add([newsSource])).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{ broken');

    writeFileSync(file, JSON.stringify([42, { id: 'x', type: 'book', title: 'Kept' }]));
    await library.add([newsSource]);
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    expect(onDisk).toEqual([{ id: 'x', type: 'book', title: 'Kept' }, newsSource, 42]);
  });

  it('exports the library as a named file', async () => {
    const handlers = referencesHandlers(() => workspace, path.resolve('assets'));
    await handlers['references.add']({ items: [newsSource] });
    const exported = await handlers['references.export']({ format: 'bibtex' });
    expect(exported.fileName).toBe(`${path.basename(workspace)}-references.bib`);
    expect(exported.text).toContain('@article{smithchips,');
  });

  it('keeps workspace settings for the references heading', async () => {
    const handlers = referencesHandlers(() => workspace, path.resolve('assets'));
    expect(await handlers['references.getSettings']()).toEqual({
      headingZh: '## 参考资料',
      headingEn: '## References',
    });
    await handlers['references.updateSettings']({ headingZh: '## 资料来源' });
    expect(await handlers['references.getSettings']()).toEqual({
      headingZh: '## 资料来源',
      headingEn: '## References',
    });
  });
});

describe('restyle: changing the style reformats every managed definition', () => {
  it('takes the sample article to APA, on to GB/T and back to the original news style', async () => {
    const library = new ReferenceLibrary(() => workspace);
    const formatter = new ReferenceFormatter(cslDir);
    const original = read('sample-article.md');
    const restyle = async (text: string, style: 'news' | 'apa' | 'gb-t-7714') => {
      const slots = definitionSlots(text);
      const replacements = await restyleDefinitions(
        slots.map((s) => s.text),
        style,
        'zh',
        library,
        formatter,
      );
      return applyChanges(text, planRestyle(text, slots, replacements));
    };
    const apa = await restyle(original, 'apa');
    expect(apa).toContain(
      '[^3]: OpenAI wins $200 million US defense contract. (2025, June 16). CNBC.\n',
    );
    expect(apa).toContain(
      '[^1]: 定慧 & 好困. (2025, June 18). AI子弹已上膛，OpenAI斩获美国防部2亿美元大单，密谋向微软「开枪」. 新智元.\n',
    );
    const gbt = await restyle(apa, 'gb-t-7714');
    expect(gbt).toContain(
      '[^3]: OpenAI wins $200 million US defense contract[N]. CNBC, 2025-06-16.\n',
    );
    // Back to news: the five lines are exactly the sample's again.
    expect(await restyle(gbt, 'news')).toBe(original);
    // Only the definitions changed.
    expect(apa.slice(0, apa.indexOf('## References'))).toBe(
      original.slice(0, original.indexOf('## References')),
    );
  });

  it('leaves free-text definitions alone', async () => {
    const library = new ReferenceLibrary(() => workspace);
    const out = await restyleDefinitions(
      ['See the court filing.', '（2025/6/16）。标题。媒体。检索日期2025/6/18。'],
      'apa',
      'zh',
      library,
      new ReferenceFormatter(cslDir),
    );
    expect(out).toEqual([null, '标题. (2025, June 16). 媒体.']);
  });
});
