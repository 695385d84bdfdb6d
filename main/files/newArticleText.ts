import { applyChanges, createFrontMatter, type FieldValue } from '../../shared/article';
import { usualFieldValues, type WorkspaceSchema } from '../../shared/frontMatterSchema';

const BASICS = new Set(['title', 'date', 'draft', 'summary', 'tags']);

/** The basic fields keep the values a new article always gets (a draft, dated now). */
function withoutBasics(fields: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !BASICS.has(key)));
}

/** `2026-11-28T21:40:00+08:00`: local wall-clock time with its UTC offset, as Hugo and writers expect. */
export function localDateTime(date: Date): string {
  const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/**
 * A new article: YAML front matter with the title (empty when none was given), the date now,
 * `draft: true`, empty summary and tags, and the fields the workspace's articles usually have
 * (from its schema), then one empty line for the body.
 */
export function newArticleText(
  title: string,
  now: Date,
  schema: WorkspaceSchema | null = null,
): string {
  const plan = createFrontMatter('', {
    title,
    date: localDateTime(now),
    draft: true,
    summary: '',
    tags: [],
    ...(schema ? withoutBasics(usualFieldValues(schema, { now, title })) : {}),
  });
  if ('error' in plan) throw new Error(plan.error.message);
  return `${applyChanges('', plan.changes)}\n`;
}
