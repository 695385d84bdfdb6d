import type { CslItem } from './source';
import { matchesQuery, sameIdentifier, sameSource, sourceKeys } from './source';

export interface MergeResult {
  /** The library after the merge. */
  items: CslItem[];
  /** Items that were new, as stored (ids may have been made unique). */
  added: CslItem[];
  /** Incoming items that were already there (same URL or DOI), with the id they have in the library. */
  duplicates: { incoming: CslItem; existingId: string }[];
}

const hasIdentifier = (item: CslItem): boolean =>
  sourceKeys(item).some((key) => !key.startsWith('title:'));

/**
 * The same source twice in a library: same URL or DOI; for sources that have neither (news
 * citations written without a link), the same title in the same outlet.
 */
export function isDuplicate(a: CslItem, b: CslItem): boolean {
  if (sameIdentifier(a, b)) return true;
  return !hasIdentifier(a) && !hasIdentifier(b) && sameSource(a, b);
}

function uniqueId(wanted: string, taken: Set<string>): string {
  const base = wanted.trim() || 'source';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Fields the library entry lacks are filled from the duplicate; nothing it has is overwritten. */
function fillBlanks(existing: CslItem, incoming: CslItem): CslItem {
  const merged: CslItem = { ...existing };
  for (const [key, value] of Object.entries(incoming)) {
    if (key === 'id') continue;
    if (merged[key] === undefined || merged[key] === '') merged[key] = value;
  }
  return merged;
}

/** Adds items to a library, skipping (and completing) the ones it already has. */
export function mergeIntoLibrary(
  library: readonly CslItem[],
  incoming: readonly CslItem[],
): MergeResult {
  const items = [...library];
  const taken = new Set(items.map((item) => item.id));
  const added: CslItem[] = [];
  const duplicates: MergeResult['duplicates'] = [];
  for (const item of incoming) {
    const index = items.findIndex((existing) => isDuplicate(existing, item));
    const existing = items[index];
    if (existing) {
      items[index] = fillBlanks(existing, item);
      duplicates.push({ incoming: item, existingId: existing.id });
      continue;
    }
    const stored: CslItem = { ...item, id: uniqueId(String(item.id ?? ''), taken) };
    taken.add(stored.id);
    items.push(stored);
    added.push(stored);
  }
  return { items, added, duplicates };
}

/** Library search by author, title, outlet, URL: every word must match; library order is kept. */
export function searchLibrary(library: readonly CslItem[], query: string): CslItem[] {
  return library.filter((item) => matchesQuery(item, query));
}
