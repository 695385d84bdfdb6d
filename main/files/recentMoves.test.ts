import { describe, expect, it } from 'vitest';
import { RecentMoves } from './recentMoves';

describe('RecentMoves: articles Byline renamed a moment ago', () => {
  it('answers where an article went, through later renames, and nothing for others', () => {
    const moves = new RecentMoves();
    moves.record('posts/a.md', 'posts/b.md');
    moves.record('posts/b.md', 'archive/b.md');
    expect(moves.destination('posts/a.md')).toBe('archive/b.md');
    expect(moves.destination('posts/b.md')).toBe('archive/b.md');
    expect(moves.destination('posts/c.md')).toBeNull();
  });

  it('a path renamed back to is no longer a moved article', () => {
    const moves = new RecentMoves();
    moves.record('a.md', 'b.md');
    moves.record('b.md', 'a.md');
    expect(moves.destination('a.md')).toBeNull();
    expect(moves.destination('b.md')).toBe('a.md');
  });

  it('forgets a rename after a minute', () => {
    let now = 0;
    const moves = new RecentMoves(() => now);
    moves.record('a.md', 'b.md');
    now = 59_000;
    expect(moves.destination('a.md')).toBe('b.md');
    now = 61_000;
    expect(moves.destination('a.md')).toBeNull();
  });
});
