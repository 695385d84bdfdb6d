import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../shared/ipc/contract';
import { mergeEntries } from './useLibraryEntries';

const entry = (path: string, title = path): LibraryEntry => ({
  path,
  title,
  date: null,
  draft: false,
  tags: [],
  topics: [],
  words: 0,
  size: 0,
  mtimeMs: 0,
  frontMatterError: null,
});

describe('mergeEntries', () => {
  it('replaces, appends and removes rows', () => {
    const merged = mergeEntries(
      [entry('a'), entry('b'), entry('c')],
      [entry('b', 'B2'), entry('d')],
      ['c'],
    );
    expect(merged.map((e) => `${e.path}:${e.title}`)).toEqual(['a:a', 'b:B2', 'd:d']);
  });
});
