import { describe, expect, it } from 'vitest';
import { pushRecent, readRecent } from './recentList';

describe('recent lists', () => {
  it('puts the newest first, once, and keeps at most max items', () => {
    expect(pushRecent(['b.md', 'a.md'], 'a.md', 10)).toEqual(['a.md', 'b.md']);
    expect(pushRecent(['b.md', 'a.md'], 'c.md', 2)).toEqual(['c.md', 'b.md']);
  });

  it('reads only strings back, and nothing from broken storage', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(readRecent(storage('["a.md", 3, null, "b.md"]'), 'k')).toEqual(['a.md', 'b.md']);
    expect(readRecent(storage('{"a": 1}'), 'k')).toEqual([]);
    expect(readRecent(storage('not json'), 'k')).toEqual([]);
    expect(readRecent(storage(null), 'k')).toEqual([]);
  });
});
