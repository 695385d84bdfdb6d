/** Most recent first, without duplicates, at most `max` items. */
export function pushRecent(list: readonly string[], item: string, max: number): string[] {
  return [item, ...list.filter((existing) => existing !== item)].slice(0, max);
}

/** A recent list kept in the page's storage (per workspace), tolerant of anything stored there. */
export function readRecent(storage: Pick<Storage, 'getItem'>, key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((item): item is string => typeof item === 'string')
      : [];
  } catch {
    return [];
  }
}
