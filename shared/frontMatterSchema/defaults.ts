import type { FieldValue } from '../article';
import { slugify } from '../text/slug';
import { nowDateTime } from './dateTime';
import type { WorkspaceSchema } from './schemaTypes';

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
