import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../shared/frontMatterSchema';
import { labelOf, useForm } from '../formContext';
import { FieldShell } from './FieldShell';

/**
 * Any value the form has no control for, edited as the YAML it is written in (comments inside
 * kept). Applied with the button or Ctrl+Enter; YAML that does not parse is refused with its
 * line, and nothing is written. In TOML and JSON front matter the value is converted back.
 */
export function RawField({
  row,
  bare = false,
}: {
  row: FormField;
  bare?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm();
  const id = useId();
  const source = form.rawText(row.key) ?? '';
  const [draft, setDraft] = useState(source);
  const [error, setError] = useState<{ message: string; line: number } | null>(null);
  const edited = useRef(false);
  const applied = useRef(false);

  useEffect(() => {
    // Follow the document unless the writer has unapplied changes here.
    if (applied.current || !edited.current) {
      applied.current = false;
      edited.current = false;
      setDraft(source);
    }
  }, [source]);

  const apply = (): void => {
    const problem = form.setRaw(row.key, draft);
    setError(problem);
    if (!problem) applied.current = true;
  };
  const label = labelOf(row.schema, form.labelLanguage);
  const rows = Math.min(12, Math.max(2, draft.split('\n').length + 1));

  const editor = (
    <div className="fm-raw">
      <textarea
        id={id}
        className="fm-input fm-textarea fm-code"
        value={draft}
        rows={rows}
        spellCheck={false}
        readOnly={form.readOnly}
        data-native-undo=""
        aria-label={t('frontMatter.raw.label', { field: label })}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          edited.current = true;
          setDraft(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            apply();
          }
        }}
      />
      <div className="fm-row">
        <button
          type="button"
          className="fm-button"
          disabled={form.readOnly || draft === source}
          onClick={apply}
        >
          {t('frontMatter.raw.apply')}
        </button>
        <button
          type="button"
          className="fm-button fm-button-quiet"
          disabled={form.readOnly || draft === source}
          onClick={() => {
            edited.current = false;
            setDraft(source);
            setError(null);
          }}
        >
          {t('frontMatter.raw.revert')}
        </button>
        <span className="fm-hint" id={`${id}-hint`}>
          {t('frontMatter.raw.applyHint')}
        </span>
      </div>
      {error ? (
        <p className="fm-problem" role="alert">
          {t('frontMatter.raw.error', { line: error.line, message: error.message })}
        </p>
      ) : null}
    </div>
  );
  if (bare) return editor;
  return (
    <FieldShell row={row} path={[row.key]} controlId={id} labelId={`${id}-label`}>
      {editor}
    </FieldShell>
  );
}
