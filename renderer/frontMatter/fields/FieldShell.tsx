import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../shared/frontMatterSchema';
import { labelOf, useForm } from '../formContext';

interface FieldShellProps {
  row: FormField;
  /** The path of the value (nested fields show their own key). */
  path: readonly string[];
  /** Id of the control the label names; omitted for groups, which use `labelId`. */
  controlId?: string;
  labelId: string;
  children: ReactNode;
  /** Under the control: meter, hints, problems. */
  footer?: ReactNode;
}

/** Label, key and required mark around one control; `data-field-key` lets the checklist focus it. */
export function FieldShell({
  row,
  path,
  controlId,
  labelId,
  children,
  footer,
}: FieldShellProps): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm();
  const key = path[path.length - 1] ?? row.key;
  const label = path.length > 1 ? key : labelOf(row.schema, form.labelLanguage);
  return (
    <div
      className={`fm-field fm-kind-${row.kind}${row.present ? '' : ' fm-absent'}`}
      data-field-key={path.join('.')}
      data-kind={row.kind}
    >
      <div className="fm-field-head">
        {controlId ? (
          <label htmlFor={controlId} id={labelId} className="fm-label">
            {label}
          </label>
        ) : (
          <span id={labelId} className="fm-label">
            {label}
          </span>
        )}
        {label !== key ? <code className="fm-key">{key}</code> : null}
        {row.schema.required && path.length === 1 ? (
          <span className="fm-required">{t('frontMatter.requiredMark')}</span>
        ) : null}
        {!row.present ? <span className="fm-not-set">{t('frontMatter.notSet')}</span> : null}
      </div>
      {children}
      {row.mismatch ? (
        <p className="fm-hint">
          {t('frontMatter.mismatch', { kind: t(`frontMatter.kinds.${row.schema.kind}`) })}
        </p>
      ) : null}
      {footer}
    </div>
  );
}
