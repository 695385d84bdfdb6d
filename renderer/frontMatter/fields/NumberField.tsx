import { useCallback, useId } from 'react';
import type { FormField } from '../../../shared/frontMatterSchema';
import { useForm } from '../formContext';
import { useTextDraft } from '../useTextDraft';
import { FieldShell } from './FieldShell';

/** A number; only complete numbers are written ("10." waits for its next digit). */
export function NumberField({
  row,
  path,
}: {
  row: FormField;
  path: readonly string[];
}): React.JSX.Element {
  const form = useForm();
  const id = useId();
  const external = typeof row.value === 'number' ? String(row.value) : '';
  const commit = useCallback(
    (text: string) => {
      const value = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(value) || String(value) !== text.trim())
        return false;
      form.set(path, value);
      return true;
    },
    [form, path],
  );
  const draft = useTextDraft(external, commit);
  return (
    <FieldShell row={row} path={path} controlId={id} labelId={`${id}-label`}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="fm-input fm-number"
        value={draft.value}
        onChange={draft.onChange}
        onCompositionStart={draft.onCompositionStart}
        onCompositionEnd={draft.onCompositionEnd}
        readOnly={form.readOnly}
        autoComplete="off"
      />
    </FieldShell>
  );
}
