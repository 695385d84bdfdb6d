import { useCallback, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../shared/frontMatterSchema';
import type { YamlScalarStyle } from '../../../shared/article/yamlScalar';
import { slugify } from '../../../shared/text/slug';
import { labelOf, useForm } from '../formContext';
import { useTextDraft } from '../useTextDraft';
import { FieldShell } from './FieldShell';
import { LengthMeter } from './LengthMeter';

interface TextFieldProps {
  row: FormField;
  path: readonly string[];
  /** Long text: a wrapping text area (Enter still never inserts a line break into a one-line value). */
  multiline?: boolean;
  slug?: boolean;
}

/** Text, long text and slug fields, written to the document as the writer types. */
export function TextField({
  row,
  path,
  multiline = false,
  slug = false,
}: TextFieldProps): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm();
  const id = useId();
  const style = useRef<YamlScalarStyle | null>(null);
  const external = typeof row.value === 'string' ? row.value : '';
  const commit = useCallback(
    (value: string) => form.set(path, value, style.current ? { style: style.current } : {}),
    [form, path],
  );
  const draft = useTextDraft(external, commit);
  const onFocus = (): void => {
    style.current = path.length === 1 ? form.styleOf(path[0] as string) : null;
  };
  const meterId = `${id}-meter`;
  const common = {
    id,
    value: draft.value,
    onChange: draft.onChange,
    onCompositionStart: draft.onCompositionStart,
    onCompositionEnd: draft.onCompositionEnd,
    onFocus,
    readOnly: form.readOnly,
    'aria-describedby': meterId,
    'aria-required': row.schema.required || undefined,
    spellCheck: !slug,
  } as const;

  const from = row.schema.from ?? 'title';
  const source = form.data[from];
  const fromLabel = labelOf(
    { ...row.schema, key: from, label: form.schema?.fields.find((f) => f.key === from)?.label },
    form.labelLanguage,
  );

  return (
    <FieldShell
      row={row}
      path={path}
      controlId={id}
      labelId={`${id}-label`}
      footer={<LengthMeter id={meterId} value={draft.value} max={row.schema.maxLength} />}
    >
      <div className="fm-row">
        {multiline ? (
          <textarea
            {...common}
            className="fm-input fm-textarea"
            rows={4}
            onKeyDown={(event) => {
              // A one-line value stays one line; long text that already has breaks may get more.
              if (event.key === 'Enter' && !draft.value.includes('\n')) event.preventDefault();
            }}
          />
        ) : (
          <input {...common} type="text" className="fm-input" autoComplete="off" />
        )}
        {slug ? (
          <button
            type="button"
            className="fm-button"
            disabled={form.readOnly || typeof source !== 'string' || source.trim() === ''}
            aria-label={t('frontMatter.slug.generateLabel', { from: fromLabel })}
            onClick={() => form.set(path, slugify(String(source)), { discrete: true })}
          >
            {t('frontMatter.slug.generate')}
          </button>
        ) : null}
      </div>
    </FieldShell>
  );
}
