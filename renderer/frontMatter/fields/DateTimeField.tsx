import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_DATE_TIME_FORMAT,
  formatOffset,
  nowDateTime,
  parseDateTime,
  withOffset,
  type FormField,
} from '../../../shared/frontMatterSchema';
import { labelOf, useForm } from '../formContext';
import { useTextDraft } from '../useTextDraft';
import { DateSegments } from './DateSegments';
import { FieldShell } from './FieldShell';

/**
 * A date-time kept as written: the segments edit the digits, the offset box the offset, and the
 * value keeps its separator, precision and offset style. Each segment typed whole is one undo
 * step. "Now" writes the current time in the same format, with the computer's offset.
 */
export function DateTimeField({
  row,
  path,
}: {
  row: FormField;
  path: readonly string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm();
  const id = useId();
  const value = typeof row.value === 'string' ? row.value : '';
  const parsed = parseDateTime(value);
  const invalid = value.trim() !== '' && parsed === null;
  const label =
    path.length > 1 ? (path[path.length - 1] as string) : labelOf(row.schema, form.labelLanguage);
  const setNow = (): void =>
    form.set(path, nowDateTime(new Date(), parsed?.format ?? DEFAULT_DATE_TIME_FORMAT), {
      discrete: true,
    });

  const commitText = useCallback((text: string) => form.set(path, text), [form, path]);
  const rawDraft = useTextDraft(value, commitText);
  const commitSegments = useCallback(
    (text: string) => form.set(path, text, { discrete: true }),
    [form, path],
  );
  // The segments show what they wrote until the form's snapshot catches up.
  const segmentsDraft = useTextDraft(value, commitSegments);

  const offsetText =
    parsed?.format.zone === 'offset'
      ? formatOffset(parsed.parts.offsetMinutes ?? 0, parsed.format.offsetColon)
      : '';
  const commitOffset = useCallback(
    (text: string) => {
      if (!parsed) return false;
      const next = withOffset(parsed, text);
      if (next === null) return false;
      form.set(path, next);
      return true;
    },
    [form, parsed, path],
  );
  const offsetDraft = useTextDraft(offsetText, commitOffset);

  return (
    <FieldShell
      row={row}
      path={path}
      labelId={`${id}-label`}
      footer={
        invalid ? (
          <p className="fm-problem" role="alert">
            {t('frontMatter.date.invalid', { value })}
          </p>
        ) : null
      }
    >
      <div className="fm-row" role="group" aria-labelledby={`${id}-label`}>
        {invalid ? (
          <input
            id={id}
            type="text"
            className="fm-input"
            value={rawDraft.value}
            onChange={rawDraft.onChange}
            onCompositionStart={rawDraft.onCompositionStart}
            onCompositionEnd={rawDraft.onCompositionEnd}
            readOnly={form.readOnly}
            aria-invalid="true"
            aria-label={t('frontMatter.date.dateLabel', { field: label })}
          />
        ) : (
          <DateSegments
            value={parseDateTime(segmentsDraft.value) ? segmentsDraft.value : value}
            onCommit={segmentsDraft.set}
            readOnly={form.readOnly}
            labelId={`${id}-label`}
          />
        )}
        {parsed?.format.zone === 'offset' ? (
          <input
            type="text"
            className="fm-input fm-offset"
            size={6}
            value={offsetDraft.value}
            onChange={offsetDraft.onChange}
            readOnly={form.readOnly}
            aria-label={t('frontMatter.date.offsetLabel', { field: label })}
            title={t('frontMatter.date.offset')}
          />
        ) : parsed?.format.zone === 'Z' ? (
          <span className="fm-zone">{t('frontMatter.date.utc')}</span>
        ) : null}
        <button
          type="button"
          className="fm-button"
          disabled={form.readOnly}
          onClick={setNow}
          aria-label={t('frontMatter.date.nowLabel', { field: label })}
        >
          {t('frontMatter.date.now')}
        </button>
      </div>
    </FieldShell>
  );
}
