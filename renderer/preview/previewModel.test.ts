import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/article';
import { articleMetadata } from '../../shared/export/articleMetadata';
import { hugoDefaultProfile } from '../../shared/markdown/renderProfile';
import type { PreviewRequest } from './previewModel';
import type { PreviewBlock, RenderedBlock } from './previewModel';
import {
  applyChanges,
  isSame,
  PreviewRenderer,
  renderPreview,
  shiftDataLines,
  WorkerDocument,
} from './previewModel';
import { ChangeSet } from '@codemirror/state';

const sample = readFileSync(
  path.resolve(import.meta.dirname, '../../tests/fixtures/articles-e2e/posts/chip-export-rules.md'),
  'utf8',
);
const request = (text: string): PreviewRequest => ({
  baseId: null,
  version: 1,
  text,
  articlePath: 'posts/chip-export-rules.md',
  assets: { prefix: '/asset/', suffix: '?token=t' },
  profile: hugoDefaultProfile,
});

describe('block-wise preview rendering (shared pipeline)', () => {
  it('renders the header from the front matter, through the asset resolver', () => {
    const result = renderPreview(request(sample));
    expect(result.header).toContain(
      '<h1 class="article-title">芯片出口新规落地：供应链重组背后的算力博弈</h1>',
    );
    expect(result.header).toContain('class="article-lead"');
    expect(result.header).toContain(
      '<time datetime="2025-06-18T11:20:04+08:00">2025-06-18 11:20</time>',
    );
    expect(result.header).toContain('src="/asset/posts/images/default%20(3).png?token=t"');
    expect(result.header).toContain('<li class="article-tag">出口管制</li>');
    expect(result.title).toBe('芯片出口新规落地：供应链重组背后的算力博弈');
  });

  it('splits the body into top-level blocks whose data-line values are relative to the block line', () => {
    const result = renderPreview(request(sample));
    const lines = sample.split('\n');
    const quote = result.blocks[0];
    expect(quote?.html.startsWith('<blockquote data-line="0">')).toBe(true);
    expect(lines[quote?.line ?? 0]?.startsWith('> 新一轮')).toBe(true);
    const heading = result.blocks.find((block) => block.html.includes('供应链：从集中到分散'));
    expect(heading?.html).toMatch(/^<h3 id="[^"]+" data-line="0">/);
    expect(lines[heading?.line ?? 0]).toBe('### 供应链：从集中到分散');
  });

  it('renders footnotes with back-links as the last block', () => {
    const result = renderPreview(request(sample));
    const last = result.blocks[result.blocks.length - 1];
    expect(last?.html).toContain('<section class="footnotes">');
    expect(last?.html).toContain('class="footnote-backref"');
    expect(result.blocks.some((block) => block.html.includes('<sup class="footnote-ref">'))).toBe(
      true,
    );
  });

  it('keeps unchanged blocks byte-identical when lines are inserted above them', () => {
    const before = renderPreview(request('# A\n\nparagraph one\n\nparagraph two\n'));
    const after = renderPreview(request('# A\n\nnew\nlines\n\nparagraph one\n\nparagraph two\n'));
    expect(after.blocks.slice(-2).map((b) => b.html)).toEqual(
      before.blocks.slice(-2).map((b) => b.html),
    );
    expect(after.blocks.slice(-2).map((b) => b.line)).toEqual(
      before.blocks.slice(-2).map((b) => b.line + 3),
    );
  });

  it('together the blocks are exactly the shared renderer output', async () => {
    const { renderArticle } = await import('../../shared/markdown/renderArticle');
    const { parseArticle } = await import('../../shared/article');
    const { createImageResolver } = await import('../../shared/markdown/resolveImage');
    const { parts, data } = parseArticle(sample);
    const resolveImage = createImageResolver({
      articlePath: 'posts/chip-export-rules.md',
      toAssetUrl: (p) => `/asset/${p}`,
    });
    const whole = renderArticle(data, parts.body, {
      lineOffset: parts.bodyStartLine,
      resolveImage,
    }).bodyHtml;
    const result = renderPreview(request(sample));
    const joined = result.blocks.map((block) => shiftDataLines(block.html, block.line)).join('');
    expect(joined).toBe(whole);
  });

  it('counts words with the shared writer statistics (body only)', () => {
    const renderer = new PreviewRenderer();
    renderer.render({
      ...request('---\ntitle: 标题很长很长\n---\n\n中文字 and words\n'),
      baseId: null,
    });
    const stats = renderer.stats()?.stats;
    expect(stats?.cjkChars).toBe(3);
    expect(stats?.latinWords).toBe(2);
  });
});

describe('incremental re-rendering', () => {
  /** Applies a result (full or with `same` references) to the previous expanded list. */
  const expand = (previous: RenderedBlock[], blocks: PreviewBlock[]): RenderedBlock[] =>
    blocks.flatMap((block) =>
      isSame(block)
        ? previous
            .slice(block.same, block.same + block.count)
            .map((old) => ({ line: old.line + block.lineDelta, html: old.html }))
        : [block],
    );
  const plain = (text: string): RenderedBlock[] =>
    renderPreview(request(text)).blocks.map(({ line, html }) => ({ line, html }));

  it('typing inside a paragraph re-renders only the blocks around it', () => {
    const renderer = new PreviewRenderer();
    const first = renderer.render({ ...request(sample), baseId: null });
    const edited = sample.replace('多家企业表示', '多家企业（包括两家上市公司）表示');
    const second = renderer.render({ ...request(edited), baseId: first.id });
    // This paragraph cites a footnote: still partial, the citation keeps its number.
    expect(second.mode).toBe('incremental');
    expect(second.changed).toBe(1);
    // A new citation renumbers the notes: everything is rendered again.
    const cited = renderer.render({
      ...request(edited.replace('多家企业（', '多家企业[^2]（')),
      baseId: second.id,
    });
    expect(cited.mode).toBe('full');
    renderer.render({ ...request(edited), baseId: cited.id });
    const plainEdit = edited.replace(
      '## References',
      '记者手记：本文写于发布会当天。\n\n## References',
    );
    const third = renderer.render({ ...request(plainEdit), baseId: cited.id + 1 });
    const typed = plainEdit.replace('记者手记：', '记者手记（补）：');
    const fourth = renderer.render({ ...request(typed), baseId: third.id });
    expect(fourth.mode).toBe('incremental');
    expect(fourth.changed).toBe(1);
  });

  it('typing a paragraph key by key stays incremental and exact, in a 100 KB article', async () => {
    const { generateArticle } = await import('../../bench/editorArticle');
    let text = generateArticle(100 * 1024, '【基准段落】');
    const renderer = new PreviewRenderer();
    let last = renderer.render({ ...request(text), baseId: null });
    let shown = expand([], last.blocks);
    let at = text.indexOf('【基准段落】') + 6;
    const modes = new Set<string>();
    for (const ch of '记者补充：截至发稿，企业尚未回应。\n\n新的一段 new paragraph。') {
      text = text.slice(0, at) + ch + text.slice(at);
      at++;
      last = renderer.render({ ...request(text), baseId: last.id });
      modes.add(last.mode);
      shown = expand(shown, last.blocks);
    }
    expect(shown).toEqual(plain(text));
    expect([...modes]).toEqual(['incremental']);
    expect(last.changed).toBeLessThanOrEqual(2);
  });

  it.each([42, 7, 15, 4242])(
    'gives exactly the full render after any sequence of random edits (seed %i)',
    (seed) => {
      const random = (() => {
        let state = seed;
        return () => (state = (state * 16807) % 2147483647) / 2147483647;
      })();
      const pieces = [
        '[^1]: 新定义\n',
        '^[内联]',
        '字',
        '中文',
        ' ',
        '\n',
        '\n\n',
        '# ',
        '## 标题\n',
        '- ',
        '1. ',
        '> ',
        '**',
        '*',
        '`',
        '[^1]',
        '```\n',
        '---\n',
        '|a|b|\n|-|-|\n',
        '[链接][ref]',
        '    ',
        'word ',
      ];
      const paragraphs = Array.from({ length: 24 }, (_, i) =>
        i % 5 === 0
          ? `## 第${i}节`
          : i % 7 === 3
            ? `- 列表${i}\n- 项目${i}`
            : `第${i}段正文，记者走访了多家企业 and some English words。`,
      );
      let text = `---\ntitle: 测试\n---\n\n[ref]: https://example.com\n\n${paragraphs.join('\n\n')}\n\n引用一条来源[^1]。\n\n[^1]: 来源。\n`;
      const renderer = new PreviewRenderer();
      let last = renderer.render({ ...request(text), baseId: null });
      let shown = expand([], last.blocks);
      let incremental = 0;
      for (let step = 0; step < 800; step++) {
        const at = Math.floor(random() * text.length);
        if (random() < 0.6)
          text =
            text.slice(0, at) +
            (pieces[Math.floor(random() * pieces.length)] ?? '') +
            text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
        last = renderer.render({ ...request(text), baseId: last.id });
        if (last.mode === 'incremental') incremental++;
        shown = expand(shown, last.blocks);
        expect(shown, `step ${step}`).toEqual(plain(text));
      }
      // Edits that add, remove or change a heading render fully (heading ids are numbered across
      // the document), so fewer of these random edits stay incremental than before ids existed.
      expect(incremental).toBeGreaterThan(3);
    },
  );
});

describe("the worker's copy of the text", () => {
  const base = {
    baseId: null,
    articlePath: 'posts/chip-export-rules.md',
    assets: { prefix: '/asset/', suffix: '' },
    profile: hugoDefaultProfile,
  };

  it('applies editor changes to its copy instead of receiving the whole text', () => {
    const text = '# 标题\n\n第一段。\n';
    const changes = ChangeSet.of([{ from: 9, insert: '补充' }], text.length);
    expect(applyChanges(text, changes.toJSON())).toBe('# 标题\n\n第一段补充。\n');

    const doc = new WorkerDocument();
    doc.handle({ ...base, version: 1, text });
    const reply = doc.handle({
      ...base,
      version: 2,
      edit: { baseVersion: 1, changes: changes.toJSON() },
    });
    expect('kind' in reply).toBe(false);
    if (!('kind' in reply))
      expect(reply.blocks.some((b) => 'html' in b && b.html.includes('第一段补充。'))).toBe(true);
  });

  it('asks for the whole text when an edit does not fit its copy', () => {
    const doc = new WorkerDocument();
    const changes = ChangeSet.of([{ from: 0, insert: 'x' }], 3);
    expect(
      doc.handle({ ...base, version: 5, edit: { baseVersion: 4, changes: changes.toJSON() } }),
    ).toEqual({ kind: 'resync', version: 5 });
    doc.handle({ ...base, version: 1, text: 'abcdef' });
    expect(
      doc.handle({ ...base, version: 2, edit: { baseVersion: 1, changes: changes.toJSON() } }),
    ).toEqual({ kind: 'resync', version: 2 });
  });
});

describe('preview language', () => {
  const short =
    '---\ntitle: 芯片出口新规落地：供应链重组背后的算力博弈\n---\nSee the PDF: BIS rule 2025-12.\n';

  it('is the export’s: detected from title, lead and body, not the body alone', () => {
    const { parts, data } = parseArticle(short);
    const exported = articleMetadata(data, parts.body, 'chip').lang;
    expect(exported).toBe('zh-CN');
    expect(renderPreview(request(short)).lang).toBe(exported);
  });

  it('falls back to the file name, as the export titles an untitled article', () => {
    const text = 'Q&A\n';
    const preview = renderPreview({ ...request(text), articlePath: 'posts/芯片新规/index.md' });
    expect(preview.lang).toBe(articleMetadata(null, text, '芯片新规').lang);
    expect(preview.lang).toBe('zh-CN');
  });
});
