/**
 * A target length for an article: the `target_length` front-matter field, or the default the
 * workspace schema (`.byline/schema.yml`) gives that field. Counted like the status bar's word
 * count: each CJK character one, each other word one.
 */
export const targetLengthKey = 'target_length';

/** A positive whole number from a front-matter value: `1500`, `"1500"`, `"1,500"`, `"1500字"`. */
export function readTargetLength(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d{1,3}(?:,\d{3})+|\d+)\s*(?:字|words?)?\s*$/i.exec(value);
  if (!match) return null;
  const number = Number(match[1]!.replaceAll(',', ''));
  return number > 0 && Number.isSafeInteger(number) ? number : null;
}

export interface TargetProgress {
  target: number;
  /** Whole percent, not capped: 120 when the article runs over. */
  percent: number;
  reached: boolean;
}

export function targetProgress(words: number, target: number): TargetProgress {
  return { target, percent: Math.floor((words / target) * 100), reached: words >= target };
}
