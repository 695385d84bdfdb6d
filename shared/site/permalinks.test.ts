import { describe, expect, it } from 'vitest';
import { publishedPath, refCandidates, refUrl } from './permalinks';

// Expected paths are what hugo 0.111.3 publishes for the same pages and [permalinks].
describe('published paths', () => {
  const permalinks = { posts: '/:year/:month/:slug/', notes: '/n/:filename/' };

  it('follows the section pattern with the front matter', () => {
    const data = { title: 'B', date: '2017-01-05', slug: 'roller-coaster' };
    expect(publishedPath({ contentPath: 'posts/b.md', data }, permalinks)).toBe(
      '/2017/01/roller-coaster/',
    );
    expect(publishedPath({ contentPath: 'notes/x/index.md', data: {} }, permalinks)).toBe('/n/x/');
  });

  it('uses url first, and the content path (with slug) where no pattern applies', () => {
    expect(publishedPath({ contentPath: 'about.md', data: { url: '/about-us' } })).toBe(
      '/about-us/',
    );
    expect(publishedPath({ contentPath: 'cn/2017/Roller.md', data: { slug: 'rc' } })).toBe(
      '/cn/2017/rc/',
    );
    expect(publishedPath({ contentPath: 'cn/c/index.md', data: null })).toBe('/cn/c/');
  });

  it('without the front matter, a pattern that needs it gives way to the content path', () => {
    expect(publishedPath({ contentPath: 'posts/b.md', data: null }, permalinks)).toBe('/posts/b/');
  });
});

describe('ref URLs', () => {
  it('ref is absolute, relref keeps the base path', () => {
    expect(refUrl('ref', '/a/', 'https://e.org/blog/')).toBe('https://e.org/blog/a/');
    expect(refUrl('relref', '/a/', 'https://e.org/blog/')).toBe('/blog/a/');
    expect(refUrl('ref', '/a/', '')).toBe('/a/');
  });

  it('candidates: beside the page, then from the content root; never above it', () => {
    expect(refCandidates('b.md', 'posts/a.md')).toEqual(['posts/b.md', 'b.md']);
    expect(refCandidates('/cn/c#x', 'posts/a.md')).toEqual([
      'cn/c.md',
      'cn/c/index.md',
      'cn/c/_index.md',
    ]);
    expect(refCandidates('../x.md', 'posts/a.md')).toEqual(['x.md']);
    expect(refCandidates('../../x.md', 'posts/a.md')).toEqual([]);
  });
});
