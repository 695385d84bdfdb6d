import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { LibraryEntry } from '../../shared/ipc/contract';

/** Library row for one article, from its text. Never throws: a broken file is a flagged row. */
export function summarizeArticle(
  relativePath: string,
  text: string,
  stats: { size: number; mtimeMs: number },
): LibraryEntry {
  let data: Record<string, unknown> = {};
  let frontMatterError: string | null = null;
  let body = text.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(body);
  if (match) {
    body = body.slice(match[0].length);
    try {
      const parsed: unknown = parseYaml(match[1] ?? '', { uniqueKeys: true });
      if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
    } catch (error) {
      frontMatterError = (error as Error).message.split('\n')[0] ?? 'Invalid front matter';
    }
  }
  const heading = /^#{1,6}\s+(.+)$/m.exec(body)?.[1]?.trim();
  const title =
    (typeof data.title === 'string' && data.title.trim()) || heading || path.posix.basename(relativePath).replace(/\.(md|markdown)$/i, '');
  return {
    path: relativePath,
    title,
    date: typeof data.date === 'string' ? data.date : null,
    draft: data.draft === true,
    tags: stringList(data.tags),
    topics: stringList(data.main_topics),
    words: roughWordCount(body),
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    frontMatterError,
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function roughWordCount(body: string): number {
  const cjk = body.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  const latin = body.match(/[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g)?.length ?? 0;
  return cjk + latin;
}
