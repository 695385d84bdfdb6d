// The schema's fixed vocabularies as plain values. schemaTypes.ts builds its zod schemas from
// them; readers that only need the values (the schema file's parser, the publish checklist) import
// this file and so do not load zod, which is most of what `byline check` would otherwise compile.

/** The kinds of control the front-matter form knows (see `FieldKind`). */
export const FIELD_KINDS = [
  'text',
  'longText',
  'slug',
  'datetime',
  'boolean',
  'image',
  'tags',
  'number',
  'map',
  'raw',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const CHECKLIST_SEVERITIES = ['error', 'warning', 'off'] as const;
export type ChecklistSeverity = (typeof CHECKLIST_SEVERITIES)[number];

/** Per-check switches; every check is on by default. */
export interface ChecklistOptions {
  draft: ChecklistSeverity;
  summaryLead: ChecklistSeverity;
  featuredImage: ChecklistSeverity;
  date: ChecklistSeverity;
}

export const DEFAULT_CHECKLIST: ChecklistOptions = {
  draft: 'warning',
  summaryLead: 'warning',
  featuredImage: 'error',
  date: 'error',
};

export function isFieldKind(value: unknown): value is FieldKind {
  return (FIELD_KINDS as readonly unknown[]).includes(value);
}

export function isChecklistSeverity(value: unknown): value is ChecklistSeverity {
  return (CHECKLIST_SEVERITIES as readonly unknown[]).includes(value);
}

/** What one schema may hold; inference and the schema file stay inside these (never a failed reply). */
export const SCHEMA_LIMITS = {
  fields: 1000,
  keyLength: 200,
  values: 5000,
  valueLength: 1000,
} as const;
