import { useRef, useState } from 'react';
import type React from 'react';
import { useTranslation } from 'react-i18next';
import {
  dateLayout,
  DEFAULT_DATE_TIME_FORMAT,
  formatDateTime,
  fromHour12,
  nowDateTime,
  parseDateTime,
  segmentRange,
  settleDraft,
  shownSegment,
  stepSegment,
  toHour12,
  typeDigit,
  withSegment,
  type DateTimeFormat,
  type DateTimeParts,
  type SegmentKind,
} from '../../../shared/frontMatterSchema';

type Focusable = SegmentKind | 'dayPeriod';

interface SegmentDraft {
  kind: SegmentKind;
  digits: string;
}

const PLACEHOLDER: Record<SegmentKind, string> = {
  year: '----',
  month: '--',
  day: '--',
  hour: '--',
  minute: '--',
  second: '--',
};

/** The locale the layout follows: the UI language, refined by the browser's region for English. */
function layoutLocale(uiLanguage: string): string {
  if (uiLanguage.startsWith('zh')) return 'zh-CN';
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  return browser.toLowerCase().startsWith(uiLanguage.toLowerCase()) ? browser : uiLanguage;
}

/**
 * A date-time as segments (year, month, … in the UI locale's order), typed digit by digit.
 * Digits stay a draft in their segment until they make a whole value; only then is the value
 * written, as one undo step, in the format it had (`format`), so the file never holds a partial
 * year. An empty field gets a value once every segment is filled.
 */
export function DateSegments({
  value,
  onCommit,
  readOnly,
  labelId,
}: {
  /** The value as written ('' when the field has none). */
  value: string;
  onCommit(next: string): void;
  readOnly: boolean;
  labelId: string;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const parsed = parseDateTime(value);
  const format: DateTimeFormat = parsed?.format ?? DEFAULT_DATE_TIME_FORMAT;
  const layout = dateLayout(layoutLocale(i18n.language), format.hasTime, format.hasSeconds);
  const order = layout.items.flatMap((item): Focusable[] =>
    item.type === 'segment' ? [item.kind] : item.type === 'dayPeriod' ? ['dayPeriod'] : [],
  );
  const [draft, setDraftState] = useState<SegmentDraft | null>(null);
  // Read by blur, which fires inside the keydown that moved focus, before React re-renders.
  const draftNow = useRef<SegmentDraft | null>(null);
  const setDraft = (next: SegmentDraft | null): void => {
    draftNow.current = next;
    setDraftState(next);
  };
  /** Segments typed into an empty field, before all of them are filled. */
  const [partial, setPartial] = useState<Partial<DateTimeParts>>({});
  const refs = useRef(new Map<Focusable, HTMLSpanElement>());

  const focusAt = (kind: Focusable, delta: number): void => {
    const next = order[order.indexOf(kind) + delta];
    if (next) refs.current.get(next)?.focus();
  };

  const write = (parts: DateTimeParts): void => {
    onCommit(formatDateTime(parts, format));
  };

  /** Sets one segment: on a value, written; on an empty field, kept until every segment is set. */
  const setSegment = (kind: SegmentKind, shown: number): void => {
    if (parsed) {
      write(withSegment(parsed.parts, kind, shown, layout.hour12));
      return;
    }
    const next = {
      ...partial,
      [kind]: kind === 'hour' && layout.hour12 ? fromHour12(shown, false) : shown,
    };
    const missing = order.some((k) => k !== 'dayPeriod' && next[k] === undefined);
    if (missing) {
      setPartial(next);
      return;
    }
    setPartial({});
    const base = parseDateTime(nowDateTime(new Date(), format));
    if (!base) return;
    write({ ...base.parts, second: 0, fraction: '', ...next } as DateTimeParts);
  };

  const settle = (): void => {
    const pending = draftNow.current;
    if (!pending) return;
    setDraft(null);
    const settled = settleDraft(pending.kind, pending.digits, layout.hour12);
    if (settled !== null) setSegment(pending.kind, settled);
  };

  const onSegmentKey = (kind: SegmentKind, event: React.KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      event.preventDefault();
      focusAt(kind, key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    if (readOnly) return;
    if (/^\d$/.test(key)) {
      event.preventDefault();
      const typed = typeDigit(kind, draft?.kind === kind ? draft.digits : '', key, layout.hour12);
      if (typed.value === null) {
        setDraft({ kind, digits: typed.draft });
        return;
      }
      setDraft(null);
      setSegment(kind, typed.value);
      focusAt(kind, 1);
      return;
    }
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      event.preventDefault();
      setDraft(null);
      if (parsed) write(stepSegment(parsed.parts, kind, key === 'ArrowUp' ? 1 : -1, layout.hour12));
      return;
    }
    if (key === 'Backspace' || key === 'Delete') {
      event.preventDefault();
      const current = draftNow.current;
      const digits = current?.kind === kind ? current.digits : parsed ? shownOf(kind) : '';
      setDraft({ kind, digits: digits.slice(0, -1) });
      return;
    }
    if (key === 'Enter') settle();
  };

  const onPeriodKey = (event: React.KeyboardEvent): void => {
    const key = event.key;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      event.preventDefault();
      focusAt('dayPeriod', key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    if (readOnly || !parsed) return;
    const [am, pm] = layout.dayPeriods;
    const lower = key.toLowerCase();
    let wantPm: boolean | null = null;
    if (key === 'ArrowUp' || key === 'ArrowDown') wantPm = parsed.parts.hour < 12;
    else if (lower === am.charAt(0).toLowerCase()) wantPm = false;
    else if (lower === pm.charAt(0).toLowerCase()) wantPm = true;
    if (wantPm === null) return;
    event.preventDefault();
    const isPm = parsed.parts.hour >= 12;
    if (wantPm !== isPm) write({ ...parsed.parts, hour: (parsed.parts.hour + 12) % 24 });
  };

  const shownOf = (kind: SegmentKind): string => {
    if (parsed) return shownSegment(parsed.parts, kind, layout.hour12);
    const set = partial[kind];
    if (set === undefined) return '';
    const number = kind === 'hour' && layout.hour12 ? toHour12(set).shown : set;
    return String(number).padStart(kind === 'year' ? 4 : 2, '0');
  };

  return (
    <div
      className="fm-input fm-date-segments"
      role="group"
      aria-labelledby={labelId}
      data-testid="date-segments"
    >
      {layout.items.map((item, index) => {
        if (item.type === 'literal')
          return (
            <span key={index} className="fm-date-literal" aria-hidden="true">
              {item.text}
            </span>
          );
        if (item.type === 'dayPeriod') {
          const pm = (parsed?.parts.hour ?? 0) >= 12;
          return (
            <span
              key={index}
              ref={(node) => void (node ? refs.current.set('dayPeriod', node) : null)}
              role="spinbutton"
              tabIndex={0}
              className="fm-date-segment"
              aria-label={t('frontMatter.date.segments.dayPeriod')}
              aria-valuetext={layout.dayPeriods[pm ? 1 : 0]}
              aria-readonly={readOnly || undefined}
              onKeyDown={onPeriodKey}
            >
              {layout.dayPeriods[pm ? 1 : 0]}
            </span>
          );
        }
        const { kind } = item;
        const typing = draft?.kind === kind ? draft.digits : null;
        const shown = shownOf(kind);
        const range = segmentRange(kind, parsed?.parts ?? { year: 2024, month: 1 }, layout.hour12);
        return (
          <span
            key={index}
            ref={(node) => void (node ? refs.current.set(kind, node) : null)}
            role="spinbutton"
            tabIndex={0}
            className={`fm-date-segment${typing !== null ? ' fm-date-typing' : ''}`}
            data-segment={kind}
            aria-label={t(`frontMatter.date.segments.${kind}`)}
            aria-valuemin={range.min}
            aria-valuemax={range.max}
            aria-valuenow={shown === '' ? undefined : Number(shown)}
            aria-valuetext={typing ?? (shown === '' ? t('frontMatter.date.segments.empty') : shown)}
            aria-readonly={readOnly || undefined}
            onKeyDown={(event) => onSegmentKey(kind, event)}
            onBlur={settle}
          >
            {(typing ?? shown) || PLACEHOLDER[kind]}
          </span>
        );
      })}
    </div>
  );
}
