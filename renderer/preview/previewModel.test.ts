import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PreviewRequest } from './previewModel';
import { renderPreview, shiftDataLines } from './previewModel';

const sample = readFileSync(
  path.resolve(import.meta.dirname, '../../tests/fixtures/articles-e2e/posts/chip-export-rules.md'),
  'utf8',
);
const request = (text: string): PreviewRequest => ({
  version: 1,
  text,
  articlePath: 'posts/chip-export-rules.md',
  assets: { prefix: '/asset/', suffix: '?token=t' },
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
    expect(heading?.html).toMatch(/^<h3 data-line="0">/);
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
    const result = renderPreview(request('---\ntitle: 标题很长很长\n---\n\n中文字 and words\n'));
    expect(result.stats.cjkChars).toBe(3);
    expect(result.stats.latinWords).toBe(2);
  });
});
