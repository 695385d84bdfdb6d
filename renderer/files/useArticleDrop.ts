import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dominantEol } from '../../shared/article/splitArticle';
import type { BylineApi } from '../../shared/ipc/contract';
import { useLatest } from '../workbench/useLatest';

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;

export const isMarkdownFile = (file: File): boolean => MARKDOWN_FILE.test(file.name);

/** `报道 (终稿).md` -> `报道 (终稿)`, `报道 (终稿)-2`, …: a single path segment, never `..`. */
export function candidateNames(fileName: string, attempts: number): string[] {
  const base =
    fileName
      .replace(MARKDOWN_FILE, '')
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
      .replace(/^\.+/, '')
      .trim() || 'article';
  return Array.from({ length: attempts }, (_, i) => `${i === 0 ? base : `${base}-${i + 1}`}.md`);
}

interface ArticleDropOptions {
  api: BylineApi;
  /** The identity of the window's workspace, where dropped articles are written. */
  workspace: string | null;
  openArticle(path: string): Promise<void>;
  notify(message: string): void;
}

/**
 * Markdown files dropped anywhere on the window open in their own tabs; the article on screen
 * is left as it was (the editor never sees the drop). A dropped file carries no path in a page,
 * so its text becomes a new article of the workspace under its own name (`-2` when taken),
 * written as it was dropped, which the writer can then rename or move. Other files dropped
 * outside the editor are refused rather than letting the page navigate to them.
 */
export function useArticleDrop(options: ArticleDropOptions): void {
  const { t } = useTranslation();
  const latest = useLatest(options);
  useEffect(() => {
    const hasFiles = (event: DragEvent): boolean =>
      event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      const files = [...(event.dataTransfer?.files ?? [])];
      const articles = files.filter(isMarkdownFile);
      if (articles.length > 0) {
        event.preventDefault();
        event.stopPropagation();
        for (const file of articles) void openDropped(file);
        return;
      }
      // Files over the editor are its business (images are imported); elsewhere, never navigate.
      const target = event.target as Element | null;
      if (files.length > 0 && !target?.closest?.('.cm-editor')) event.preventDefault();
    };
    const openDropped = async (file: File): Promise<void> => {
      const { api, workspace, openArticle, notify } = latest.current;
      if (workspace === null) return;
      try {
        // Blob.text() decodes UTF-8 and drops a BOM; line endings stay as dropped.
        const text = await file.text();
        const format = { encoding: 'utf-8' as const, bom: false, eol: dominantEol(text) };
        for (const name of candidateNames(file.name, 50)) {
          const result = await api['article.save']({
            path: name,
            text,
            format,
            baseStamp: null,
            workspace,
            overwrite: false,
          });
          if (result.status === 'saved') {
            await openArticle(name);
            notify(t('files.drop.added', { name }));
            return;
          }
          if (result.status !== 'conflict')
            throw new Error(result.status === 'error' ? result.message : result.status);
        }
        throw new Error(t('files.drop.noFreeName'));
      } catch (error) {
        latest.current.notify(
          t('files.drop.failed', { name: file.name, message: (error as Error).message }),
        );
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [latest, t]);
}
