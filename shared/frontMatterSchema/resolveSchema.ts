import { isValidDateTime } from './dateTime';
import { isPlainObject, isStringList } from './inferSchema';
import { KNOWN_FIELDS, LONG_TEXT_KEYS, looksLikeImagePath } from './knownFields';
import type { SchemaFile } from './schemaFile';
import { DEFAULT_CHECKLIST, SCHEMA_LIMITS } from './schemaConstants';
import type { FieldKind, FieldSchema, WorkspaceSchema } from './schemaTypes';

export interface SchemaSources {
  /** From inferSchema over the workspace's articles. */
  inferred?: readonly FieldSchema[];
  articleCount?: number;
  /** The parsed `.byline/schema.yml` and its workspace-relative path. */
  file?: { path: string; parsed: SchemaFile } | null;
}

/**
 * The workspace's schema: fields the schema file declares come first, in its order, with its
 * settings winning; then every other field the articles use, in inferred order.
 */
export function resolveSchema(sources: SchemaSources = {}): WorkspaceSchema {
  const inferred = new Map((sources.inferred ?? []).map((field) => [field.key, field]));
  const fields: FieldSchema[] = [];
  const declaredKeys = new Set<string>();
  for (const declared of sources.file?.parsed.fields ?? []) {
    if (declaredKeys.has(declared.key)) continue;
    declaredKeys.add(declared.key);
    const base = inferred.get(declared.key);
    const known = KNOWN_FIELDS[declared.key];
    const label = declared.label ?? base?.label ?? known?.label;
    const from =
      declared.from ?? (declared.kind === 'slug' || base?.kind === 'slug' ? 'title' : undefined);
    fields.push({
      key: declared.key,
      kind: declared.kind ?? base?.kind ?? known?.kind ?? (declared.allowed ? 'tags' : 'text'),
      ...(label ? { label } : {}),
      required: declared.required ?? false,
      ...(declared.maxLength !== undefined ? { maxLength: declared.maxLength } : {}),
      ...(declared.allowed ? { allowed: declared.allowed } : {}),
      ...(declared.default !== undefined ? { default: declared.default } : {}),
      ...(from ? { from } : {}),
      vocabulary: base?.vocabulary ?? [],
      seen: base?.seen ?? 0,
      declared: true,
    });
  }
  for (const field of sources.inferred ?? []) {
    if (declaredKeys.has(field.key)) continue;
    fields.push(field.kind === 'slug' && !field.from ? { ...field, from: 'title' } : field);
  }
  return {
    // Declared fields first: they are the ones kept when the workspace has more than a form shows.
    fields: fields.slice(0, SCHEMA_LIMITS.fields),
    articleCount: sources.articleCount ?? 0,
    checklist: { ...DEFAULT_CHECKLIST, ...(sources.file?.parsed.checklist ?? {}) },
    file: sources.file ? { path: sources.file.path, problems: sources.file.parsed.problems } : null,
  };
}

/** The kind a single value suggests on its own (no schema). */
export function kindOfValue(key: string, value: unknown): FieldKind {
  const known = KNOWN_FIELDS[key]?.kind;
  if (known && isCompatible(known, value)) return known;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') {
    if (isValidDateTime(value)) return 'datetime';
    if (looksLikeImagePath(value)) return 'image';
    return LONG_TEXT_KEYS.has(key) || value.includes('\n') ? 'longText' : 'text';
  }
  if (isStringList(value)) return 'tags';
  if (isPlainObject(value)) return 'map';
  return 'raw';
}

/** Can a control of `kind` show and write this value without losing anything? (absent counts as empty) */
export function isCompatible(kind: FieldKind, value: unknown): boolean {
  if (value === undefined) return kind !== 'raw';
  switch (kind) {
    case 'text':
    case 'slug':
    case 'image':
      return (typeof value === 'string' && !value.includes('\n')) || value === null;
    case 'longText':
    case 'datetime':
      return typeof value === 'string' || value === null;
    case 'boolean':
      return typeof value === 'boolean' || value === null;
    case 'number':
      return (typeof value === 'number' && Number.isFinite(value)) || value === null;
    case 'tags':
      return isStringList(value) || value === null;
    case 'map':
      return isPlainObject(value);
    case 'raw':
      return true;
  }
}

/** The schema of `key`: the workspace's, or one made up from the key and value alone. */
export function fieldSchemaFor(
  schema: WorkspaceSchema | null,
  key: string,
  value?: unknown,
): FieldSchema {
  const declared = schema?.fields.find((field) => field.key === key);
  if (declared) return declared;
  const label = KNOWN_FIELDS[key]?.label;
  const kind = value === undefined ? (KNOWN_FIELDS[key]?.kind ?? 'text') : kindOfValue(key, value);
  return {
    key,
    kind,
    ...(label ? { label } : {}),
    required: false,
    vocabulary: [],
    seen: 0,
    declared: false,
    ...(kind === 'slug' ? { from: 'title' } : {}),
  };
}
