import { applyChanges, createFrontMatter } from '../../shared/article';

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
 * `draft: true`, and empty summary and tags, then one empty line for the body.
 */
export function newArticleText(title: string, now: Date): string {
  const plan = createFrontMatter('', {
    title,
    date: localDateTime(now),
    draft: true,
    summary: '',
    tags: [],
  });
  if ('error' in plan) throw new Error(plan.error.message);
  return `${applyChanges('', plan.changes)}\n`;
}
