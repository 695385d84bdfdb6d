import { useCallback, useEffect, useState } from 'react';
import type { BylineApi, LibraryEntry } from '../../shared/ipc/contract';

/** Merge changed rows into a list: replaced in place, new ones appended, removed ones dropped. */
export function mergeEntries(
  list: readonly LibraryEntry[],
  changed: readonly LibraryEntry[],
  removed: readonly string[],
): LibraryEntry[] {
  const byPath = new Map(changed.map((entry) => [entry.path, entry]));
  const gone = new Set(removed);
  const next = list
    .filter((entry) => !gone.has(entry.path))
    .map((entry) => byPath.get(entry.path) ?? entry);
  const known = new Set(next.map((entry) => entry.path));
  for (const entry of changed) if (!known.has(entry.path)) next.push(entry);
  return next;
}

/**
 * The library rows, kept current from `library.changed`: only the changed rows are fetched
 * (a 10,000-article list is never re-sent for one edit); an empty path list means "reload all".
 */
export function useLibraryEntries(api: BylineApi): {
  entries: LibraryEntry[];
  refresh(): Promise<void>;
} {
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const refresh = useCallback(async () => setEntries(await api['library.list']()), [api]);

  useEffect(() => {
    let live = true;
    let pending: Set<string> | 'all' | null = null;
    const flush = async (): Promise<void> => {
      const paths = pending;
      pending = null;
      if (!live || paths === null) return;
      if (paths === 'all') {
        const list = await api['library.list']();
        if (live) setEntries(list);
        return;
      }
      const { entries: changed, removed } = await api['library.entries']({ paths: [...paths] });
      if (live) setEntries((list) => mergeEntries(list, changed, removed));
    };
    void api['library.list']().then((list) => live && setEntries(list));
    const unsubscribe = api.on('library.changed', ({ paths }) => {
      const first = pending === null;
      if (paths.length === 0 || pending === 'all') pending = 'all';
      else {
        pending ??= new Set();
        for (const p of paths) pending.add(p);
      }
      // One request for a burst of events (a git checkout, a folder moved in).
      if (first) setTimeout(() => void flush().catch(() => undefined), 30);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  return { entries, refresh };
}
