/**
 * Date-times as writers type them in front matter (`2025-06-18T11:20:04+08:00`, `2024-05-01`,
 * `2025-06-18 11:20`), kept as text: the format a value was written in (separator, precision,
 * offset or `Z`) is read once and reused when the value is edited, so only digits change.
 */

export type DateTimeZone = 'none' | 'Z' | 'offset';

export interface DateTimeFormat {
  hasTime: boolean;
  /** Between date and time: 'T', 't' or ' '. */
  separator: string;
  hasSeconds: boolean;
  /** Digits after the seconds' decimal point; 0 when there is no fraction. */
  fractionDigits: number;
  zone: DateTimeZone;
  /** `+08:00` (true) or `+0800` (false). */
  offsetColon: boolean;
  /** `z` rather than `Z`. */
  lowerZ: boolean;
  /** A space before the zone (`2001-12-14 21:59:43 +08:00`, allowed by YAML). */
  zoneSpace: boolean;
}

export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction digits exactly as written ('' when none). */
  fraction: string;
  /** Minutes east of UTC; null without an offset (`Z` is 0). */
  offsetMinutes: number | null;
}

export interface ParsedDateTime {
  parts: DateTimeParts;
  format: DateTimeFormat;
}

/** What "now" writes when the field has no value yet: seconds and the local offset. */
export const DEFAULT_DATE_TIME_FORMAT: DateTimeFormat = {
  hasTime: true,
  separator: 'T',
  hasSeconds: true,
  fractionDigits: 0,
  zone: 'offset',
  offsetColon: true,
  lowerZ: false,
  zoneSpace: false,
};

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:([Tt ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?( ?)(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a date or date-time; null when it is not one (including impossible dates like 02-30). */
export function parseDateTime(value: string): ParsedDateTime | null {
  const match = PATTERN.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, separator, h, mi, s, fraction, space, zone] = match;
  const parts: DateTimeParts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    fraction: fraction ?? '',
    offsetMinutes: null,
  };
  if (
    parts.month < 1 ||
    parts.month > 12 ||
    parts.day < 1 ||
    parts.day > daysInMonth(parts.year, parts.month)
  )
    return null;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 60) return null;
  let offsetColon = true;
  let zoneKind: DateTimeZone = 'none';
  if (zone === 'Z' || zone === 'z') {
    zoneKind = 'Z';
    parts.offsetMinutes = 0;
  } else if (zone) {
    zoneKind = 'offset';
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (hours > 23 || minutes > 59) return null;
    offsetColon = zone.includes(':') || digits.length === 2;
    parts.offsetMinutes = sign * (hours * 60 + minutes);
  }
  return {
    parts,
    format: {
      hasTime: separator !== undefined,
      separator: separator ?? 'T',
      hasSeconds: s !== undefined,
      fractionDigits: fraction?.length ?? 0,
      zone: zoneKind,
      offsetColon,
      lowerZ: zone === 'z',
      zoneSpace: zone !== undefined && space === ' ',
    },
  };
}

export const isValidDateTime = (value: string): boolean => parseDateTime(value) !== null;

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

export function formatOffset(minutes: number, colon = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** Writes parts in a format; the inverse of parseDateTime for every value it accepts. */
export function formatDateTime(parts: DateTimeParts, format: DateTimeFormat): string {
  let out = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
  if (!format.hasTime) return out;
  out += `${format.separator}${pad(parts.hour)}:${pad(parts.minute)}`;
  if (format.hasSeconds) {
    out += `:${pad(parts.second)}`;
    if (format.fractionDigits > 0)
      out +=
        '.' + parts.fraction.padEnd(format.fractionDigits, '0').slice(0, format.fractionDigits);
  }
  if (format.zone !== 'none' && format.zoneSpace) out += ' ';
  if (format.zone === 'Z') out += format.lowerZ ? 'z' : 'Z';
  else if (format.zone === 'offset')
    out += formatOffset(parts.offsetMinutes ?? 0, format.offsetColon);
  return out;
}

/**
 * The current time in `format` (the field's own, or the default): local wall time with the local
 * offset, UTC for a `Z` value, local wall time without an offset for a value written without one.
 */
export function nowDateTime(now: Date, format: DateTimeFormat = DEFAULT_DATE_TIME_FORMAT): string {
  const utc = format.zone === 'Z';
  const offsetMinutes = utc ? 0 : -now.getTimezoneOffset();
  const shifted = new Date(now.getTime() + offsetMinutes * 60_000);
  const parts: DateTimeParts = {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    fraction: String(shifted.getUTCMilliseconds()).padStart(3, '0'),
    offsetMinutes,
  };
  return formatDateTime(parts, format);
}

/** Replaces the offset of a value that has one (`+08:00` -> `-05:00`); null for a bad offset. */
export function withOffset(parsed: ParsedDateTime, offset: string): string | null {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
  if (!match) return null;
  const [, sign, hh, mm] = match;
  const minutes = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
  if (Number(hh) > 23 || Number(mm) > 59) return null;
  const format: DateTimeFormat = { ...parsed.format, zone: 'offset' };
  return formatDateTime({ ...parsed.parts, offsetMinutes: minutes }, format);
}
