import { describe, expect, it } from 'vitest';
import { formatFrontMatterDate, renderArticleHeader } from './articleHeader';
import { hugoDefaultProfile } from './renderProfile';

describe('formatFrontMatterDate', () => {
  it('shows the date and time as written, without converting the timezone', () => {
    expect(formatFrontMatterDate('2025-06-18T11:20:04+08:00')).toEqual({
      text: '2025-06-18 11:20',
      datetime: '2025-06-18T11:20:04+08:00',
    });
    expect(formatFrontMatterDate('2025-06-18 23:05')?.text).toBe('2025-06-18 23:05');
    expect(formatFrontMatterDate('2024-05-01')?.text).toBe('2024-05-01');
  });

  it('keeps a free-form date string as it is', () => {
    expect(formatFrontMatterDate('June 2025')?.text).toBe('June 2025');
  });

  it('shows a Date object (already converted by a YAML parser) in UTC, bare dates without time', () => {
    expect(formatFrontMatterDate(new Date('2025-06-18T03:20:04.000Z'))?.text).toBe(
      '2025-06-18 03:20',
    );
    expect(formatFrontMatterDate(new Date('2024-05-01T00:00:00.000Z'))?.text).toBe('2024-05-01');
  });

  it('returns null for missing or invalid values', () => {
    expect(formatFrontMatterDate(undefined)).toBeNull();
    expect(formatFrontMatterDate('')).toBeNull();
    expect(formatFrontMatterDate(new Date('nope'))).toBeNull();
    expect(formatFrontMatterDate(42)).toBeNull();
  });
});

describe('renderArticleHeader', () => {
  const resolveImage = (src: string) =>
    src.startsWith('http') ? null : `/asset/${encodeURI(src)}`;

  it('renders title, lead, date, featured image and tags', () => {
    const html = renderArticleHeader(
      {
        title: 'OpenAI与微软',
        date: '2025-06-18T11:20:04+08:00',
        summary: '摘要',
        featured_image: 'images/default (3).png',
        tags: ['OpenAI', '微软'],
      },
      { resolveImage },
    );
    expect(html).toBe(
      '<header class="article-header">\n' +
        '<h1 class="article-title">OpenAI与微软</h1>\n' +
        '<p class="article-lead">摘要</p>\n' +
        '<p class="article-meta"><time datetime="2025-06-18T11:20:04+08:00">2025-06-18 11:20</time></p>\n' +
        '<figure class="article-featured-image"><img src="/asset/images/default%20(3).png" alt=""></figure>\n' +
        '<ul class="article-tags"><li class="article-tag">OpenAI</li><li class="article-tag">微软</li></ul>\n' +
        '</header>\n',
    );
  });

  it('escapes every value', () => {
    const html = renderArticleHeader({
      title: '<img src=x onerror=alert(1)>',
      summary: '"><script>alert(1)</script>',
      date: '"onmouseover="alert(1)',
      tags: ['<b>t</b>'],
    });
    expect(html).not.toMatch(/<(img|script|b)[\s>]/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('datetime="&quot;onmouseover=&quot;alert(1)"');
  });

  it('shows a refused featured image as a placeholder, never as an img', () => {
    const remote = renderArticleHeader(
      { featured_image: 'https://cdn.example.com/a.png' },
      { resolveImage },
    );
    expect(remote).toContain('image-placeholder-remote');
    expect(remote).not.toContain('<img');
    expect(renderArticleHeader({ featured_image: 'javascript:alert(1)' })).not.toContain('<img');
  });

  it('accepts other themes’ image keys, a single tag and numeric titles', () => {
    const html = renderArticleHeader({ title: 2025, cover: { image: 'c.png' }, tags: '单个' });
    expect(html).toContain('<h1 class="article-title">2025</h1>');
    expect(html).toContain('<img src="c.png" alt="">');
    expect(html).toContain('<li class="article-tag">单个</li>');
  });

  it('renders nothing for empty or missing front matter', () => {
    expect(renderArticleHeader(null)).toBe('');
    expect(renderArticleHeader({ draft: true })).toBe('');
  });

  it('never shows an HTML comment of the summary: it is not published', () => {
    const html = renderArticleHeader({ summary: '复工首周<!-- 待核实 -->回升 <!-- 未闭合' });
    expect(html).toBe(
      '<header class="article-header">\n<p class="article-lead">复工首周回升</p>\n</header>\n',
    );
    expect(renderArticleHeader({ summary: '<!-- 只有备注 -->', description: '描述' })).toContain(
      '<p class="article-lead">描述</p>',
    );
  });

  it('shows the summary as Markdown in the body profile, the description as text', () => {
    const unsafe = { ...hugoDefaultProfile, unsafe: true, typographer: false };
    expect(
      renderArticleHeader({ summary: '**要点** -- <i>注</i>' }, { profile: unsafe }),
    ).toContain('<p class="article-lead"><strong>要点</strong> -- <i>注</i></p>');
    expect(renderArticleHeader({ description: '**要点**' })).toContain(
      '<p class="article-lead">**要点**</p>',
    );
  });
});
