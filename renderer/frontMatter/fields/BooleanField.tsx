import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../shared/frontMatterSchema';
import { useForm } from '../formContext';
import { FieldShell } from './FieldShell';

/** `draft: true/false` as a switch; each toggle is one undo step. */
export function BooleanField({
  row,
  path,
}: {
  row: FormField;
  path: readonly string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm();
  const id = useId();
  const checked = row.value === true;
  return (
    <FieldShell row={row} path={path} controlId={id} labelId={`${id}-label`}>
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        className="fm-switch"
        disabled={form.readOnly}
        onClick={() => form.set(path, !checked, { discrete: true })}
      >
        <span className="fm-switch-track" aria-hidden="true">
          <span className="fm-switch-thumb" />
        </span>
        <span className="fm-switch-text">
          {checked ? t('frontMatter.boolean.on') : t('frontMatter.boolean.off')}
        </span>
      </button>
    </FieldShell>
  );
}
