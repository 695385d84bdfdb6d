import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BylineApi, StandaloneFile } from '../../shared/ipc/contract';
import { useLatest } from '../workbench/useLatest';
import { requestErrorText } from './requestErrorText';

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;

export const isMarkdownFile = (file: File): boolean => MARKDOWN_FILE.test(file.name);

/** `报道 (终稿).markdown` -> `报道 (终稿).md`: the untitled article's name, one harmless path segment. */
export function droppedArticleName(fileName: string): string {
  const base =
    fileName
      .replace(MARKDOWN_FILE, '')
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
      .replace(/^\.+/, '')
      .trim() || 'article';
  return `${base}.md`;
}

/** Not UTF-8: a dropped file's text in another encoding cannot be read here without guessing. */
export class NotUtf8Error extends Error {}

/**
 * A dropped file's text, strict UTF-8 (a BOM dropped, line endings kept). A GB18030 or Big5 file
 * is refused rather than decoded leniently into U+FFFD that Save As would then write for good.
 */
export async function droppedText(file: Blob): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch (error) {
    if (error instanceof TypeError) throw new NotUtf8Error();
    throw error;
  }
}

interface ArticleDropOptions {
  api: BylineApi;
  /** Where a dropped file is on disk, granted for opening (Electron); null in a page. */
  droppedFilePath(file: File): Promise<string | null>;
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
      const { api, droppedFilePath, openArticle, openStandalone, openUntitled } = latest.current;
      let path: string | null = null;
      try {
        path = await droppedFilePath(file);
        if (path) {
          const opened = await api['workspace.openPath']({ path });
          if (opened.standalone) await openStandalone(opened.standalone);
          else if (opened.article) await openArticle(opened.article);
        } else {
          await openUntitled(droppedArticleName(file.name), await droppedText(file));
        }
      } catch (error) {
        if (error instanceof NotUtf8Error) {
          latest.current.notify(t('files.drop.notUtf8', { name: file.name }));
          return;
        }
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
