import { z } from 'zod';
import {
  CHECKLIST_SEVERITIES,
  FIELD_KINDS,
  SCHEMA_LIMITS,
  type ChecklistOptions as PlainChecklistOptions,
} from './schemaConstants';

/**
 * The kinds of control the front-matter form knows. `raw` edits the value as YAML text; every
 * value the form cannot represent falls back to it, so nothing is ever hidden or mangled.
 */
export const FieldKind = z.enum(FIELD_KINDS);
export type FieldKind = z.output<typeof FieldKind>;

export const FieldLabel = z.object({
  en: z.string().max(200).optional(),
  zh: z.string().max(200).optional(),
});
export type FieldLabel = z.output<typeof FieldLabel>;

/** A value a schema may give as a default: what the form can write. */
export const FieldDefault = z.union([
  z.string().max(10_000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(1000)).max(500),
]);
export type FieldDefault = z.output<typeof FieldDefault>;

export const FieldSchema = z.object({
  key: z.string().min(1).max(SCHEMA_LIMITS.keyLength),
  kind: FieldKind,
  label: FieldLabel.optional(),
  required: z.boolean(),
  /** Longest allowed value in display columns (a CJK character counts 2). */
  maxLength: z.number().int().positive().optional(),
  /** Controlled vocabulary: the only values allowed (for tags, also for text). */
  allowed: z.array(z.string().max(SCHEMA_LIMITS.valueLength)).max(SCHEMA_LIMITS.values).optional(),
  /** Written when a new article is created from the schema. `"now"` for a date-time means the current time. */
  default: FieldDefault.optional(),
  /** Values used in the workspace, most frequent first (autocomplete). */
  vocabulary: z.array(z.string().max(SCHEMA_LIMITS.valueLength)).max(SCHEMA_LIMITS.values),
  /** For a slug: the field it is generated from (default `title`). */
  from: z.string().max(200).optional(),
  /** How many articles of the workspace have this field (0 when it only comes from the schema file). */
  seen: z.number().int().nonnegative(),
  /** Declared in `.byline/schema.yml` (not only inferred). */
  declared: z.boolean(),
});
export type FieldSchema = z.output<typeof FieldSchema>;

export const SchemaProblem = z.object({
  message: z.string(),
  /** 1-based line in the schema file; 0 when the problem is about the whole file. */
  line: z.number().int().nonnegative(),
});
export type SchemaProblem = z.output<typeof SchemaProblem>;

export const ChecklistSeverity = z.enum(CHECKLIST_SEVERITIES);
export type ChecklistSeverity = z.output<typeof ChecklistSeverity>;

/** Per-check switches; every check is on by default. */
export const ChecklistOptions = z.object({
  draft: ChecklistSeverity,
  summaryLead: ChecklistSeverity,
  featuredImage: ChecklistSeverity,
  date: ChecklistSeverity,
}) satisfies z.ZodType<PlainChecklistOptions, PlainChecklistOptions>;
export type ChecklistOptions = PlainChecklistOptions;

export const WorkspaceSchema = z.object({
  /** In form order. */
  fields: z.array(FieldSchema).max(SCHEMA_LIMITS.fields),
  /** Articles the schema was inferred from. */
  articleCount: z.number().int().nonnegative(),
  checklist: ChecklistOptions,
  /** The schema file, when the workspace has one: workspace-relative path and what was wrong in it. */
  file: z.object({ path: z.string(), problems: z.array(SchemaProblem) }).nullable(),
});
export type WorkspaceSchema = z.output<typeof WorkspaceSchema>;

export const WorkspaceImage = z.object({
  /** Workspace-relative POSIX path. */
  path: z.string().min(1).max(4096),
  size: z.number().int().nonnegative(),
});
export type WorkspaceImage = z.output<typeof WorkspaceImage>;

export { DEFAULT_CHECKLIST } from './schemaConstants';
