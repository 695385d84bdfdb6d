import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BylineApi, StandaloneFile } from '../../shared/ipc/contract';
import { useLatest } from '../workbench/useLatest';
import { requestErrorText } from './requestErrorText';

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;

export const isMarkdownFile = (file: File): boolean => MARKDOWN_FILE.test(file.name);

/** `报道 (终稿).md` -> `报道 (终稿).md`, `报道 (终稿)-2.md`, …: a single path segment, never `..`. */
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
  /** Where a dropped file is on disk (Electron); null in a page, where files carry no path. */
  pathForFile(file: File): string | null;
  openArticle(path: string): Promise<void>;
  /** Opens a file outside the workspace in its own tab, under main's one-file grant. */
  openStandalone(file: StandaloneFile): Promise<void>;
  /** Opens text with no file as an untitled article under the name it came with. */
  openUntitled(name: string, text: string): Promise<void>;
  notify(message: string): void;
}

/**
 * Markdown files dropped anywhere on the window open in their own tabs; the article on screen
 * is left as it was (the editor never sees the drop). In Electron the file's own path opens it
 * (a standalone tab when it is outside the workspace). A page is given no path, so there its
 * text opens as an untitled article under its name, which Save As places in the workspace.
 * Other files dropped outside the editor are refused rather than letting the page navigate.
 */
export function useArticleDrop(options: ArticleDropOptions): void {
  const { t, i18n } = useTranslation();
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
      const { api, pathForFile, openArticle, openStandalone, openUntitled } = latest.current;
      const path = pathForFile(file);
      try {
        if (path) {
          const opened = await api['workspace.openPath']({ path });
          if (opened.standalone) await openStandalone(opened.standalone);
          else if (opened.article) await openArticle(opened.article);
        } else {
          // Blob.text() decodes UTF-8 and drops a BOM; line endings stay as dropped.
          const name = candidateNames(file.name, 1)[0] ?? 'article.md';
          await openUntitled(name, await file.text());
        }
      } catch (error) {
        const message = requestErrorText(t, (key) => i18n.exists(key), error, {
          path: path ?? file.name,
        });
        latest.current.notify(t('files.drop.failed', { name: file.name, message }));
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [latest, t, i18n]);
}
