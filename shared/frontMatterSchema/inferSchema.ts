import { displayWidth } from '../text/displayWidth';
import { isValidDateTime } from './dateTime';
import { KNOWN_FIELDS, LONG_TEXT_KEYS, looksLikeImagePath } from './knownFields';
import { SCHEMA_LIMITS } from './schemaConstants';
import type { FieldKind, FieldSchema } from './schemaTypes';

/** What one value says about its field's kind; `string` is refined once all values are in. */
type Vote = Exclude<FieldKind, 'text' | 'longText' | 'slug'> | 'string';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function voteOf(value: unknown): Vote | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') {
    if (isValidDateTime(value)) return 'datetime';
    if (looksLikeImagePath(value)) return 'image';
    return 'string';
  }
  if (isStringList(value)) return 'tags';
  if (isPlainObject(value)) return 'map';
  return 'raw';
}

interface Tally {
  key: string;
  seen: number;
  firstSeen: number;
  positionSum: number;
  votes: Map<Vote, number>;
  strings: string[];
  values: Map<string, number>;
}

/** The most frequent vote; ties go to the one cast first. */
function majority(votes: Map<Vote, number>): Vote | null {
  let best: Vote | null = null;
  let bestCount = 0;
  for (const [vote, count] of votes) {
    if (count > bestCount) {
      best = vote;
      bestCount = count;
    }
  }
  return best;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function refineString(key: string, strings: string[]): FieldKind {
  const known = KNOWN_FIELDS[key]?.kind;
  if (known === 'text' || known === 'longText' || known === 'slug') return known;
  if (LONG_TEXT_KEYS.has(key)) return 'longText';
  if (strings.some((s) => s.includes('\n')) || median(strings.map(displayWidth)) > 100)
    return 'longText';
  return 'text';
}

/**
 * Infers a schema from the front matter of a workspace's articles: field names, each field's kind
 * by majority of the values written (ties: the kind seen first), the values used in list fields
 * (most frequent first), and an order from where fields usually appear. Articles whose front
 * matter could not be read are left out by the caller.
 */
export function inferSchema(
  articles: ReadonlyArray<Readonly<Record<string, unknown>>>,
): FieldSchema[] {
  const tallies = new Map<string, Tally>();
  let order = 0;
  for (const data of articles) {
    const keys = Object.keys(data);
    keys.forEach((key, index) => {
      let tally = tallies.get(key);
      if (!tally) {
        tally = {
          key,
          seen: 0,
          firstSeen: order++,
          positionSum: 0,
          votes: new Map(),
          strings: [],
          values: new Map(),
        };
        tallies.set(key, tally);
      }
      tally.seen++;
      tally.positionSum += keys.length > 1 ? index / (keys.length - 1) : 0;
      const value = data[key];
      const vote = voteOf(value);
      if (vote) tally.votes.set(vote, (tally.votes.get(vote) ?? 0) + 1);
      if (typeof value === 'string') tally.strings.push(value);
      if (isStringList(value)) {
        for (const item of new Set(value))
          tally.values.set(item, (tally.values.get(item) ?? 0) + 1);
      }
    });
  }

  // A workspace of data dumps can hold more than a form shows: the most used fields and values.
  const kept = [...tallies.values()]
    .filter((tally) => tally.key !== '' && tally.key.length <= SCHEMA_LIMITS.keyLength)
    .sort((a, b) => b.seen - a.seen || a.firstSeen - b.firstSeen)
    .slice(0, SCHEMA_LIMITS.fields);
  return kept
    .sort((a, b) => a.positionSum / a.seen - b.positionSum / b.seen || a.firstSeen - b.firstSeen)
    .map((tally): FieldSchema => {
      const vote = majority(tally.votes);
      const kind: FieldKind =
        vote === null
          ? (KNOWN_FIELDS[tally.key]?.kind ?? 'text')
          : vote === 'string'
            ? refineString(tally.key, tally.strings)
            : vote;
      const vocabulary = [...tally.values.entries()]
        .filter(([value]) => value.length <= SCHEMA_LIMITS.valueLength)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, SCHEMA_LIMITS.values)
        .map(([value]) => value);
      const label = KNOWN_FIELDS[tally.key]?.label;
      return {
        key: tally.key,
        kind,
        ...(label ? { label } : {}),
        required: false,
        vocabulary,
        seen: tally.seen,
        declared: false,
      };
    });
}
