import type { ComponentType } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldSchemaFor, isCompatible, type FormField } from '../../../shared/frontMatterSchema';
import { labelOf, useForm } from '../formContext';
import { RawField } from './RawField';

/**
 * A nested map (`params:`) as a collapsible group of its own fields, or as YAML. `Field` draws
 * each inner field (the form's field control, passed in so the two do not import each other).
 */
export function MapGroup({
  row,
  path,
  Field,
}: {
  row: FormField;
  path: readonly string[];
  Field: ComponentType<{ row: FormField; path: readonly string[] }>;
}): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm();
  const id = useId();
  const [asYaml, setAsYaml] = useState(false);
  const value =
    row.value && typeof row.value === 'object' && !Array.isArray(row.value)
      ? (row.value as Record<string, unknown>)
      : {};
  const entries = Object.entries(value);
  const topLevel = path.length === 1;
  const key = path[path.length - 1] as string;
  const label = topLevel ? labelOf(row.schema, form.labelLanguage) : key;

  return (
    <details className="fm-field fm-group" open data-field-key={path.join('.')} data-kind="map">
      <summary className="fm-group-summary">
        <span className="fm-label" id={`${id}-label`}>
          {label}
        </span>
        {label !== key ? <code className="fm-key">{key}</code> : null}
        <span className="fm-hint">{t('frontMatter.map.entries', { count: entries.length })}</span>
      </summary>
      {topLevel ? (
        <button
          type="button"
          className="fm-button fm-button-quiet fm-group-mode"
          aria-pressed={asYaml}
          onClick={() => setAsYaml((on) => !on)}
        >
          {asYaml ? t('frontMatter.map.editAsFields') : t('frontMatter.map.editAsYaml')}
        </button>
      ) : null}
      <div className="fm-group-body" role="group" aria-labelledby={`${id}-label`}>
        {asYaml && topLevel ? (
          <RawField row={row} bare />
        ) : (
          entries.map(([innerKey, innerValue]) => {
            const schema = fieldSchemaFor(null, innerKey, innerValue);
            const kind = isCompatible(schema.kind, innerValue) ? schema.kind : 'raw';
            const inner: FormField = {
              key: innerKey,
              schema,
              kind,
              present: true,
              value: innerValue,
              mismatch: false,
            };
            return <Field key={innerKey} row={inner} path={[...path, innerKey]} />;
          })
        )}
      </div>
    </details>
  );
}
