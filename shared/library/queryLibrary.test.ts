import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../ipc/contract';
import { defaultLibraryQuery, libraryFacets, queryLibrary } from './queryLibrary';

const entry = (path: string, patch: Partial<LibraryEntry> = {}): LibraryEntry => ({
  path,
  title: path,
  date: null,
  draft: false,
  tags: [],
  topics: [],
  words: 0,
  size: 1,
  mtimeMs: 0,
  frontMatterError: null,
  ...patch,
});

const entries = [
  entry('a.md', {
    title: '芯片',
    date: '2025-06-18T11:20:04+08:00',
    draft: true,
    tags: ['芯片', 'AI'],
    topics: ['半导体'],
    words: 900,
    mtimeMs: 3,
  }),
  entry('b.md', { title: 'Budget', date: '2025-06-01', tags: ['AI'], words: 300, mtimeMs: 1 }),
  entry('c.md', { title: '安全', date: '2024-12-31T23:59:00-05:00', words: null, mtimeMs: 2 }),
  entry('d.md', { title: 'No date', mtimeMs: 4 }),
];
const paths = (list: LibraryEntry[]): string[] => list.map((e) => e.path);

describe('queryLibrary', () => {
  it('sorts by date, newest first, undated last', () => {
    expect(paths(queryLibrary(entries, defaultLibraryQuery))).toEqual([
      'a.md',
      'b.md',
      'c.md',
      'd.md',
    ]);
    expect(paths(queryLibrary(entries, { ...defaultLibraryQuery, descending: false }))).toEqual([
      'c.md',
      'b.md',
      'a.md',
      'd.md',
    ]);
  });

  it('sorts by modified time, words and title (Chinese by pinyin)', () => {
    expect(paths(queryLibrary(entries, { ...defaultLibraryQuery, sort: 'modified' }))).toEqual([
      'd.md',
      'a.md',
      'c.md',
      'b.md',
    ]);
    expect(paths(queryLibrary(entries, { ...defaultLibraryQuery, sort: 'words' }))).toEqual([
      'a.md',
      'b.md',
      'd.md',
      'c.md',
    ]);
    const titles = queryLibrary(entries, {
      ...defaultLibraryQuery,
      sort: 'title',
      descending: false,
    }).map((e) => e.title);
    expect(titles.indexOf('安全')).toBeLessThan(titles.indexOf('芯片'));
  });

  it('filters by draft, tag, topic and date range (the day as written)', () => {
    expect(paths(queryLibrary(entries, { ...defaultLibraryQuery, draft: 'draft' }))).toEqual([
      'a.md',
    ]);
    expect(paths(queryLibrary(entries, { ...defaultLibraryQuery, draft: 'published' }))).toEqual([
      'b.md',
      'c.md',
      'd.md',
    ]);
    expect(paths(queryLibrary(entries, { ...defaultLibraryQuery, tag: 'AI' }))).toEqual([
      'a.md',
      'b.md',
    ]);
    expect(paths(queryLibrary(entries, { ...defaultLibraryQuery, topic: '半导体' }))).toEqual([
      'a.md',
    ]);
    expect(paths(queryLibrary(entries, { ...defaultLibraryQuery, from: '2025-01-01' }))).toEqual([
      'a.md',
      'b.md',
    ]);
    expect(paths(queryLibrary(entries, { ...defaultLibraryQuery, to: '2024-12-31' }))).toEqual([
      'c.md',
    ]);
    expect(
      paths(
        queryLibrary(entries, { ...defaultLibraryQuery, from: '2025-06-01', to: '2025-06-01' }),
      ),
    ).toEqual(['b.md']);
  });

  it('lists tags and topics by use', () => {
    expect(libraryFacets(entries)).toEqual({ tags: ['AI', '芯片'], topics: ['半导体'] });
  });
});
