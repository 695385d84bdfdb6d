import type { LibraryEntry } from '../ipc/contract';

export type DraftFilter = 'all' | 'draft' | 'published';
export type LibrarySort = 'date' | 'modified' | 'title' | 'words';

export interface LibraryQuery {
  draft: DraftFilter;
  tag: string | null;
  topic: string | null;
  /** Inclusive `YYYY-MM-DD` bounds on the front matter date; articles without a date drop out when set. */
  from: string | null;
  to: string | null;
  sort: LibrarySort;
  descending: boolean;
}

export const defaultLibraryQuery: LibraryQuery = {
  draft: 'all',
  tag: null,
  topic: null,
  from: null,
  to: null,
  sort: 'date',
  descending: true,
};

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });

/**
 * The calendar day of a front matter date as written (`2025-06-18T11:20:04+08:00` -> 2025-06-18):
 * the writer's own day, not converted to the reader's time zone.
 */
function entryDay(entry: Pick<LibraryEntry, 'date'>): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(entry.date ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** Filter and sort library rows. Undated or uncounted rows sort last whichever the direction. */
export function queryLibrary(
  entries: readonly LibraryEntry[],
  query: LibraryQuery,
): LibraryEntry[] {
  const filtered = entries.filter((entry) => {
    if (query.draft === 'draft' && !entry.draft) return false;
    if (query.draft === 'published' && entry.draft) return false;
    if (query.tag !== null && !entry.tags.includes(query.tag)) return false;
    if (query.topic !== null && !entry.topics.includes(query.topic)) return false;
    if (query.from !== null || query.to !== null) {
      const day = entryDay(entry);
      if (day === null) return false;
      if (query.from !== null && day < query.from) return false;
      if (query.to !== null && day > query.to) return false;
    }
    return true;
  });
  const direction = query.descending ? -1 : 1;
  const key = (entry: LibraryEntry): number | string | null => {
    switch (query.sort) {
      case 'date': {
        const time = entry.date ? Date.parse(entry.date) : Number.NaN;
        return Number.isNaN(time) ? null : time;
      }
      case 'modified':
        return entry.mtimeMs;
      case 'words':
        return entry.words;
      case 'title':
        return entry.title;
    }
  };
  return filtered
    .map((entry) => ({ entry, key: key(entry) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key !== b.key) return a.key === null ? 1 : -1;
        return collator.compare(a.entry.path, b.entry.path);
      }
      const order =
        typeof a.key === 'string'
          ? collator.compare(a.key, b.key as string)
          : a.key - (b.key as number);
      return order !== 0 ? order * direction : collator.compare(a.entry.path, b.entry.path);
    })
    .map(({ entry }) => entry);
}

/** Tags and topics in use, most used first, for the filter menus. */
export function libraryFacets(entries: readonly LibraryEntry[]): {
  tags: string[];
  topics: string[];
} {
  const count = (pick: (entry: LibraryEntry) => readonly string[]): string[] => {
    const counts = new Map<string, number>();
    for (const entry of entries)
      for (const value of new Set(pick(entry))) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))
      .map(([value]) => value);
  };
  return { tags: count((e) => e.tags), topics: count((e) => e.topics) };
}
