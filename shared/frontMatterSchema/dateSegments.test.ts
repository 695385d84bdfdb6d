import { describe, expect, it } from 'vitest';
import { formatDateTime, parseDateTime, type DateTimeParts } from './dateTime';
import {
  dateLayout,
  settleDraft,
  shownSegment,
  stepSegment,
  typeDigit,
  withSegment,
  type LayoutItem,
  type SegmentKind,
} from './dateSegments';

const parsed = (value: string) => {
  const result = parseDateTime(value);
  if (!result) throw new Error(`not a date-time: ${value}`);
  return result;
};

/** Types digits into one segment; returns each step's draft and value. */
function typeAll(kind: SegmentKind, digits: string, hour12 = false) {
  const steps: { draft: string; value: number | null }[] = [];
  let draft = '';
  for (const digit of digits) {
    const step = typeDigit(kind, draft, digit, hour12);
    steps.push(step);
    draft = step.draft;
  }
  return steps;
}

const render = (items: LayoutItem[]): string =>
  items
    .map((item) =>
      item.type === 'literal' ? item.text : item.type === 'dayPeriod' ? '<ap>' : `<${item.kind}>`,
    )
    .join('');

describe('dateLayout', () => {
  it('zh-CN: 年月日 with a 24-hour clock', () => {
    const layout = dateLayout('zh-CN', true, true);
    expect(render(layout.items)).toBe('<year>年<month>月<day>日 <hour>:<minute>:<second>');
    expect(layout.hour12).toBe(false);
    expect(render(dateLayout('zh-CN', true, false).items)).toBe(
      '<year>年<month>月<day>日 <hour>:<minute>',
    );
    expect(render(dateLayout('zh-CN', false, false).items)).toBe('<year>年<month>月<day>日');
  });

  it('en: the locale order with its own clock', () => {
    const layout = dateLayout('en-US', true, true);
    expect(render(layout.items)).toBe('<month>/<day>/<year>, <hour>:<minute>:<second> <ap>');
    expect(layout.hour12).toBe(true);
    expect(layout.dayPeriods).toEqual(['AM', 'PM']);
    expect(render(dateLayout('en-GB', true, true).items)).toBe(
      '<day>/<month>/<year>, <hour>:<minute>:<second>',
    );
  });
});

describe('typeDigit', () => {
  it('a year is only whole at four digits: 2, 20, 202 stay drafts', () => {
    expect(typeAll('year', '2025')).toEqual([
      { draft: '2', value: null },
      { draft: '20', value: null },
      { draft: '202', value: null },
      { draft: '', value: 2025 },
    ]);
  });

  it('a month is whole at one digit when no second could follow', () => {
    expect(typeAll('month', '6')).toEqual([{ draft: '', value: 6 }]);
    expect(typeAll('month', '06')).toEqual([
      { draft: '0', value: null },
      { draft: '', value: 6 },
    ]);
    expect(typeAll('month', '12')).toEqual([
      { draft: '1', value: null },
      { draft: '', value: 12 },
    ]);
    // 13 is no month: the 3 starts over, and is whole.
    expect(typeAll('month', '13').at(-1)).toEqual({ draft: '', value: 3 });
    // 00 is no month either: the second 0 waits for a digit.
    expect(typeAll('month', '00').at(-1)).toEqual({ draft: '0', value: null });
  });

  it('seconds can be typed back to 00', () => {
    expect(typeAll('second', '00').at(-1)).toEqual({ draft: '', value: 0 });
  });

  it('hours: 0-23, or 1-12 on a 12-hour clock', () => {
    expect(typeAll('hour', '23').at(-1)).toEqual({ draft: '', value: 23 });
    expect(typeAll('hour', '3')).toEqual([{ draft: '', value: 3 }]);
    expect(typeAll('hour', '2', true)).toEqual([{ draft: '', value: 2 }]);
    expect(typeAll('hour', '1', true)).toEqual([{ draft: '1', value: null }]);
  });
});

describe('settleDraft', () => {
  it('takes a one-digit month as it is and drops a partial year', () => {
    expect(settleDraft('month', '1')).toBe(1);
    expect(settleDraft('day', '0')).toBeNull();
    expect(settleDraft('year', '202')).toBeNull();
    expect(settleDraft('minute', '')).toBeNull();
  });
});

describe('withSegment / stepSegment keep the written format', () => {
  const base = parsed('2025-01-31T11:20:04.5+08:00');

  const text = (parts: DateTimeParts) => formatDateTime(parts, base.format);

  it('changes only the digits of one segment; the offset stays', () => {
    expect(text(withSegment(base.parts, 'year', 2024))).toBe('2024-01-31T11:20:04.5+08:00');
    expect(text(withSegment(base.parts, 'hour', 9))).toBe('2025-01-31T09:20:04.5+08:00');
  });

  it('clamps the day to the month', () => {
    expect(text(withSegment(base.parts, 'month', 2))).toBe('2025-02-28T11:20:04.5+08:00');
  });

  it('a changed second drops the fraction digits (the precision stays), an unchanged one keeps them', () => {
    expect(text(withSegment(base.parts, 'second', 0))).toBe('2025-01-31T11:20:00.0+08:00');
    expect(text(withSegment(base.parts, 'second', 4))).toBe('2025-01-31T11:20:04.5+08:00');
  });

  it('12-hour entry keeps the period', () => {
    const afternoon = parsed('2025-06-19T14:30:05+08:00').parts;
    expect(shownSegment(afternoon, 'hour', true)).toBe('02');
    expect(withSegment(afternoon, 'hour', 3, true).hour).toBe(15);
    expect(withSegment(afternoon, 'hour', 12, true).hour).toBe(12);
  });

  it('arrows wrap months and minutes but not years', () => {
    expect(stepSegment(base.parts, 'month', -1).month).toBe(12);
    expect(stepSegment({ ...base.parts, minute: 59 }, 'minute', 1).minute).toBe(0);
    expect(stepSegment({ ...base.parts, year: 9999 }, 'year', 1).year).toBe(9999);
    expect(shownSegment(base.parts, 'year')).toBe('2025');
  });
});
