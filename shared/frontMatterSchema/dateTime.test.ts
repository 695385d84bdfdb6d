import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatOffset,
  isValidDateTime,
  nowDateTime,
  parseDateTime,
  withOffset,
} from './dateTime';

const parsed = (value: string) => {
  const result = parseDateTime(value);
  if (!result) throw new Error(`not a date-time: ${value}`);
  return result;
};

describe('parseDateTime / formatDateTime', () => {
  it.each([
    '2025-06-18T11:20:04+08:00',
    '2025-06-18T11:20:04Z',
    '2025-06-18t11:20:04z',
    '2025-06-18 11:20:04',
    '2025-06-18T11:20',
    '2025-06-18T11:20+08:00',
    '2025-06-18T11:20:04.5-05:30',
    '2025-06-18T11:20:04.123456789+0800',
    '2001-12-14 21:59:43.10 +08:00',
    '2024-05-01',
    '2024-02-29',
  ])('keeps %s byte for byte', (value) => {
    const { parts, format } = parsed(value);
    expect(formatDateTime(parts, format)).toBe(value);
  });

  it.each([
    '2025-02-30',
    '2023-02-29',
    '2025-13-01',
    '2025-06-18T24:00:00',
    '2025-06-18T11:60',
    'yesterday',
    '18/06/2025',
    '2025-06-18T11:20:04+25:00',
    '',
  ])('rejects %j', (value) => {
    expect(isValidDateTime(value)).toBe(false);
  });

  it('reads the offset in minutes east of UTC', () => {
    expect(parsed('2025-06-18T11:20:04+08:00').parts.offsetMinutes).toBe(480);
    expect(parsed('2025-06-18T11:20:04-05:30').parts.offsetMinutes).toBe(-330);
    expect(parsed('2025-06-18T11:20:04Z').parts.offsetMinutes).toBe(0);
    expect(parsed('2025-06-18T11:20:04').parts.offsetMinutes).toBeNull();
  });
});

describe('nowDateTime', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('writes local wall time with the local offset (Asia/Shanghai)', () => {
    process.env.TZ = 'Asia/Shanghai';
    const now = new Date(Date.UTC(2025, 5, 18, 3, 20, 4, 250));
    expect(nowDateTime(now)).toBe('2025-06-18T11:20:04+08:00');
  });

  it('writes a negative offset (America/New_York, summer time)', () => {
    process.env.TZ = 'America/New_York';
    const now = new Date(Date.UTC(2025, 5, 18, 3, 20, 4));
    expect(nowDateTime(now)).toBe('2025-06-17T23:20:04-04:00');
  });

  it('keeps the format of the value it replaces', () => {
    process.env.TZ = 'Asia/Shanghai';
    const now = new Date(Date.UTC(2025, 5, 18, 3, 20, 4, 250));
    expect(nowDateTime(now, parsed('2024-01-01T00:00+0100').format)).toBe('2025-06-18T11:20+0800');
    expect(nowDateTime(now, parsed('2024-01-01 00:00:00.000Z').format)).toBe(
      '2025-06-18 03:20:04.250Z',
    );
    expect(nowDateTime(now, parsed('2024-01-01').format)).toBe('2025-06-18');
    expect(nowDateTime(now, parsed('2024-01-01T08:00:00').format)).toBe('2025-06-18T11:20:04');
  });

  it('agrees with the machine offset whatever the time zone', () => {
    const now = new Date();
    expect(nowDateTime(now).endsWith(formatOffset(-now.getTimezoneOffset()))).toBe(true);
    expect(isValidDateTime(nowDateTime(now))).toBe(true);
  });
});

describe('withOffset', () => {
  it('changes only the offset', () => {
    expect(withOffset(parsed('2025-06-18T11:20:04+08:00'), '-05:00')).toBe(
      '2025-06-18T11:20:04-05:00',
    );
    expect(withOffset(parsed('2025-06-18T11:20:04+0800'), '+0900')).toBe(
      '2025-06-18T11:20:04+0900',
    );
    expect(withOffset(parsed('2025-06-18T11:20:04+08:00'), '8')).toBeNull();
  });
});
