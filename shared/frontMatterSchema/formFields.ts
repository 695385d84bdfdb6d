import { fieldSchemaFor, isCompatible, kindOfValue } from './resolveSchema';
import type { FieldKind, FieldSchema, WorkspaceSchema } from './schemaTypes';

/** One row of the front-matter form. */
export interface FormField {
  key: string;
  schema: FieldSchema;
  /** The control: the schema's kind when the value fits it, else what the value suggests, else raw YAML. */
  kind: FieldKind;
  present: boolean;
  /** The parsed value; undefined when the article does not have the field yet. */
  value: unknown;
  /** The value does not fit the schema's kind (e.g. `tags: one` where a list is expected). */
  mismatch: boolean;
}

/** A field the article lacks is offered when the schema file names it, or at least half the articles have it. */
function offeredWhenAbsent(field: FieldSchema, schema: WorkspaceSchema): boolean {
  // An empty group or raw value gives the writer nothing to fill in; the YAML is the place to add one.
  if (field.kind === 'map' || field.kind === 'raw') return field.required;
  return (
    field.declared ||
    field.required ||
    (schema.articleCount > 0 && field.seen * 2 >= schema.articleCount)
  );
}

function controlFor(
  field: FieldSchema,
  key: string,
  value: unknown,
): { kind: FieldKind; mismatch: boolean } {
  if (isCompatible(field.kind, value)) return { kind: field.kind, mismatch: false };
  const own = kindOfValue(key, value);
  return { kind: own === 'raw' || !isCompatible(own, value) ? 'raw' : own, mismatch: true };
}

/**
 * The form's rows for an article: the schema's fields in schema order (present ones, and absent
 * ones worth offering), then the article's other fields in the order they are written.
 */
export function formFields(
  data: Readonly<Record<string, unknown>>,
  schema: WorkspaceSchema | null,
): FormField[] {
  const rows: FormField[] = [];
  const done = new Set<string>();
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(data, key);
  for (const field of schema?.fields ?? []) {
    const present = has(field.key);
    if (!present && (!schema || !offeredWhenAbsent(field, schema))) continue;
    const value = present ? data[field.key] : undefined;
    rows.push({
      key: field.key,
      schema: field,
      ...controlFor(field, field.key, value),
      present,
      value,
    });
    done.add(field.key);
  }
  for (const key of Object.keys(data)) {
    if (done.has(key)) continue;
    const value = data[key];
    const field = fieldSchemaFor(null, key, value);
    rows.push({ key, schema: field, ...controlFor(field, key, value), present: true, value });
  }
  return rows;
}
