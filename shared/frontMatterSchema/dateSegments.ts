/**
 * Segment-wise entry of a date-time (year, month, day, hour, minute, second), as date fields of
 * desktop apps do it: digits typed into a segment stay a draft until they make a whole value
 * (four digits for a year, two or an unambiguous one for the others), so a value is only ever
 * written complete. The order and separators come from the UI locale.
 */
import { daysInMonth, type DateTimeParts } from './dateTime';

export type SegmentKind = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

export type LayoutItem =
  | { type: 'segment'; kind: SegmentKind }
  | { type: 'dayPeriod' }
  | { type: 'literal'; text: string };

export interface DateLayout {
  items: LayoutItem[];
  /** Hours shown 1-12 with an AM/PM segment. */
  hour12: boolean;
  /** The locale's words for AM and PM (only used when hour12). */
  dayPeriods: [string, string];
}

const SAMPLE = new Date(Date.UTC(2025, 5, 19, 14, 30, 5));

/**
 * The layout of a date (and time, and seconds) in a UI locale. Chinese is written
 * `2025年06月19日 14:30:05` with a 24-hour clock; other locales follow Intl's own order,
 * separators and clock.
 */
export function dateLayout(locale: string, withTime: boolean, withSeconds: boolean): DateLayout {
  // Intl formats are costly to build and a form draws its date fields again after every pause
  // in typing: each layout is made once. Callers only read it.
  const key = `${locale}|${withTime}|${withSeconds}`;
  const known = layouts.get(key);
  if (known) return known;
  const layout = makeDateLayout(locale, withTime, withSeconds);
  layouts.set(key, layout);
  return layout;
}

const layouts = new Map<string, DateLayout>();

function makeDateLayout(locale: string, withTime: boolean, withSeconds: boolean): DateLayout {
  if (/^zh\b/i.test(locale)) {
    const items: LayoutItem[] = [
      { type: 'segment', kind: 'year' },
      { type: 'literal', text: '年' },
      { type: 'segment', kind: 'month' },
      { type: 'literal', text: '月' },
      { type: 'segment', kind: 'day' },
      { type: 'literal', text: '日' },
    ];
    if (withTime) {
      items.push(
        { type: 'literal', text: ' ' },
        { type: 'segment', kind: 'hour' },
        { type: 'literal', text: ':' },
        { type: 'segment', kind: 'minute' },
      );
      if (withSeconds)
        items.push({ type: 'literal', text: ':' }, { type: 'segment', kind: 'second' });
    }
    return { items, hour12: false, dayPeriods: ['上午', '下午'] };
  }
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime
      ? { hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) }
      : {}),
  });
  const hour12 = withTime && format.resolvedOptions().hour12 === true;
  const items: LayoutItem[] = [];
  for (const part of format.formatToParts(SAMPLE)) {
    // ICU puts narrow no-break spaces before AM/PM; plain spaces read the same and copy cleanly.
    if (part.type === 'literal')
      items.push({ type: 'literal', text: part.value.replace(/\s/gu, ' ') });
    else if (part.type === 'dayPeriod') items.push({ type: 'dayPeriod' });
    else if (isSegmentKind(part.type)) items.push({ type: 'segment', kind: part.type });
  }
  return { items, hour12, dayPeriods: hour12 ? dayPeriodsOf(locale) : ['AM', 'PM'] };
}

function dayPeriodsOf(locale: string): [string, string] {
  const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric' });
  const period = (hour: number): string =>
    format.formatToParts(new Date(Date.UTC(2025, 0, 1, hour))).find((p) => p.type === 'dayPeriod')
      ?.value ?? (hour < 12 ? 'AM' : 'PM');
  return [period(9), period(21)];
}

const SEGMENT_KINDS: readonly string[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];
const isSegmentKind = (type: string): type is SegmentKind => SEGMENT_KINDS.includes(type);

/** The range a segment's shown number takes (hours 1-12 on a 12-hour clock). */
export function segmentRange(
  kind: SegmentKind,
  parts: Pick<DateTimeParts, 'year' | 'month'>,
  hour12 = false,
): { min: number; max: number } {
  switch (kind) {
    case 'year':
      return { min: 1, max: 9999 };
    case 'month':
      return { min: 1, max: 12 };
    case 'day':
      return { min: 1, max: daysInMonth(parts.year, parts.month) };
    case 'hour':
      return hour12 ? { min: 1, max: 12 } : { min: 0, max: 23 };
    case 'minute':
    case 'second':
      return { min: 0, max: 59 };
  }
}

const digitsOf = (kind: SegmentKind): number => (kind === 'year' ? 4 : 2);

export interface TypedDigits {
  /** The digits typed so far into the segment, shown while it is incomplete. */
  draft: string;
  /** The segment's value once the digits make a whole one; null while they do not yet. */
  value: number | null;
}

/**
 * One more digit typed into a segment holding `draft`. A year is whole at four digits; other
 * segments at two, or at one when no second digit could follow (`4` in a month). Two digits
 * out of range start over from the new digit. Days accept up to 31 here: the month may not be
 * set yet, and `withSegment` clamps.
 */
export function typeDigit(
  kind: SegmentKind,
  draft: string,
  digit: string,
  hour12 = false,
): TypedDigits {
  const range = kind === 'day' ? { min: 1, max: 31 } : segmentRange(kind, SAMPLE_PARTS, hour12);
  let next = draft.length >= digitsOf(kind) ? digit : draft + digit;
  if (kind !== 'year' && Number(next) > range.max) next = digit;
  const number = Number(next);
  if (next.length === digitsOf(kind)) {
    if (number < range.min) return { draft: next.slice(1), value: null };
    return { draft: '', value: number };
  }
  if (kind !== 'year' && number * 10 > range.max) {
    return number >= range.min ? { draft: '', value: number } : { draft: next, value: null };
  }
  return { draft: next, value: null };
}

const SAMPLE_PARTS = { year: 2024, month: 1 };

/**
 * The draft of a segment left (focus moved on): a month, day or time typed as one digit is
 * taken as it is (`6` -> June); a partial year is dropped, never written.
 */
export function settleDraft(kind: SegmentKind, draft: string, hour12 = false): number | null {
  if (draft === '' || kind === 'year') return null;
  const value = Number(draft);
  const range = kind === 'day' ? { min: 1, max: 31 } : segmentRange(kind, SAMPLE_PARTS, hour12);
  return value >= range.min && value <= range.max ? value : null;
}

/** 24-hour hour from a 12-hour clock's shown hour and period (0 = AM, 1 = PM). */
export function fromHour12(shown: number, pm: boolean): number {
  return (shown % 12) + (pm ? 12 : 0);
}

export function toHour12(hour: number): { shown: number; pm: boolean } {
  return { shown: hour % 12 === 0 ? 12 : hour % 12, pm: hour >= 12 };
}

/**
 * Parts with one segment set to `shown` (a 12-hour hour keeps the period), the day clamped to
 * the month. A changed second drops the fraction written after it.
 */
export function withSegment(
  parts: DateTimeParts,
  kind: SegmentKind,
  shown: number,
  hour12 = false,
): DateTimeParts {
  const next: DateTimeParts = { ...parts };
  if (kind === 'hour' && hour12) next.hour = fromHour12(shown, parts.hour >= 12);
  else next[kind] = shown;
  if (kind === 'second' && shown !== parts.second) next.fraction = '';
  next.day = Math.min(next.day, daysInMonth(next.year, next.month));
  return next;
}

/** Arrow up/down: the segment's value one step on, wrapping within its range (a year does not wrap). */
export function stepSegment(
  parts: DateTimeParts,
  kind: SegmentKind,
  delta: 1 | -1,
  hour12 = false,
): DateTimeParts {
  const shown = kind === 'hour' && hour12 ? toHour12(parts.hour).shown : parts[kind];
  const { min, max } = segmentRange(kind, parts, hour12);
  let next = shown + delta;
  if (kind === 'year') next = Math.min(max, Math.max(min, next));
  else if (next > max) next = min;
  else if (next < min) next = max;
  return withSegment(parts, kind, next, hour12);
}

/** The segment's number as shown: zero-padded, a 12-hour hour as 1-12. */
export function shownSegment(parts: DateTimeParts, kind: SegmentKind, hour12 = false): string {
  const value = kind === 'hour' && hour12 ? toHour12(parts.hour).shown : parts[kind];
  return String(value).padStart(digitsOf(kind), '0');
}
