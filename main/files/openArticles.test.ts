import { describe, expect, it } from 'vitest';
import { OpenArticles } from './openArticles';

describe('OpenArticles: which articles each window or page has open', () => {
  it('an article stays open while any client has it open', () => {
    const open = new OpenArticles();
    open.add('window-a', 'posts/x.md');
    open.add('window-b', 'posts/x.md');
    open.remove('window-a', 'posts/x.md');
    expect(open.has('posts/x.md')).toBe(true);
    open.remove('window-b', 'posts/x.md');
    expect(open.has('posts/x.md')).toBe(false);
  });

  it('a set per client: re-opened to reload, closed once', () => {
    const open = new OpenArticles();
    open.add('window-a', 'posts/x.md');
    open.add('window-a', 'posts/x.md');
    open.remove('window-a', 'posts/x.md');
    expect(open.has('posts/x.md')).toBe(false);
  });

  it('a client that went away releases only its own articles', () => {
    const open = new OpenArticles();
    open.add('page-a', 'posts/x.md');
    open.add('page-a', 'posts/y.md');
    open.add('page-b', 'posts/y.md');
    open.release('page-a');
    expect(open.has('posts/x.md')).toBe(false);
    expect(open.has('posts/y.md')).toBe(true);
  });

  it('an article renamed by Byline stays open under its new name for every client', () => {
    const open = new OpenArticles();
    open.add('window-a', 'posts/x.md');
    open.add('window-b', 'posts/x.md');
    open.move('posts/x.md', 'posts/x2.md');
    open.remove('window-a', 'posts/x2.md');
    expect(open.has('posts/x.md')).toBe(false);
    expect(open.has('posts/x2.md')).toBe(true);
  });
});
