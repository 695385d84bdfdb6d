import type { FieldValue } from '../article';
import { slugify } from '../text/slug';
import { nowDateTime } from './dateTime';
import type { FieldSchema, WorkspaceSchema } from './schemaTypes';

/**
 * Front matter for a new article from the schema's defaults, in schema order: `default: now` on
 * a date-time writes the current time with the local offset, a slug with `default: auto` is made
 * from the title. Pass the result to createFrontMatter.
 */
export function newArticleFields(
  schema: WorkspaceSchema,
  options: { now: Date; title?: string },
): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const field of schema.fields) {
    if (field.key === 'title' && options.title !== undefined) {
      fields.title = options.title;
      continue;
    }
    const value = field.default;
    if (value === undefined) continue;
    if (field.kind === 'datetime' && value === 'now') fields[field.key] = nowDateTime(options.now);
    else if (field.kind === 'slug' && value === 'auto')
      fields[field.key] = slugify(options.title ?? '');
    else fields[field.key] = value;
  }
  return fields;
}

/**
 * The fields a new article of this workspace starts with beyond the basic ones: those the schema
 * file declares and those at least half of the workspace's articles have (`main_topics`,
 * `featured_image`), in schema order, each with its default or an empty value of its kind.
 * Numbers, groups and raw YAML have no sensible empty value and are left out.
 */
export function usualFieldValues(
  schema: WorkspaceSchema,
  options: { now: Date; title: string },
): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const field of schema.fields) {
    const usual =
      field.declared || (schema.articleCount > 0 && field.seen * 2 >= schema.articleCount);
    if (!usual) continue;
    if (field.default !== undefined) {
      Object.assign(fields, newArticleFields({ ...schema, fields: [field] }, options));
      continue;
    }
    const empty = emptyValueOf(field.kind, options);
    if (empty !== undefined) fields[field.key] = empty;
  }
  return fields;
}

function emptyValueOf(
  kind: FieldSchema['kind'],
  options: { now: Date; title: string },
): FieldValue | undefined {
  switch (kind) {
    case 'tags':
      return [];
    case 'text':
    case 'longText':
    case 'image':
      return '';
    case 'slug':
      return slugify(options.title);
    case 'boolean':
      return false;
    case 'datetime':
      return nowDateTime(options.now);
    default:
      return undefined;
  }
}
