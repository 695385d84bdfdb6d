import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestErrorText } from '../files/requestErrorText';
import type { BylineApi, LibraryEntry, WorkspaceInfo } from '../../shared/ipc/contract';
import { pushRecent, readRecent } from './recentList';

const maxRecentArticles = 12;

export interface RecentArticle {
  path: string;
  title: string;
}

/** Recently opened articles of this workspace and the other workspaces opened before, with how to open them. */
export interface Recents {
  articles: readonly RecentArticle[];
  workspaces: readonly string[];
  openArticle(path: string): void;
  openWorkspace(root: string): void;
}

interface RecentsOptions {
  api: BylineApi;
  workspace: WorkspaceInfo | null;
  activePath: string | null;
  entries: readonly LibraryEntry[];
  openArticle(path: string): void | Promise<void>;
  hasUnsavedArticles(): boolean;
  notify(message: string): void;
}

/**
 * Articles are remembered per workspace in the page's storage each time one is shown (main's own
 * recent-files list is the OS's, Electron only); workspaces come from main (settings). The
 * article shown now and articles no longer in the library are left out.
 */
export function useRecents(options: RecentsOptions): Recents {
  const { api, workspace, activePath, entries, openArticle, hasUnsavedArticles, notify } = options;
  const { t, i18n } = useTranslation();
  const storageKey = workspace ? `byline.recentArticles:${workspace.root}` : null;
  const [paths, setPaths] = useState<string[]>([]);

  useEffect(() => {
    if (!storageKey) return;
    const stored = readRecent(window.localStorage, storageKey);
    const next = activePath ? pushRecent(stored, activePath, maxRecentArticles) : stored;
    window.localStorage.setItem(storageKey, JSON.stringify(next));
    setPaths(next);
  }, [storageKey, activePath]);

  const articles = useMemo(() => {
    const byPath = new Map(entries.map((entry) => [entry.path, entry]));
    return paths.flatMap((path) => {
      const entry = byPath.get(path);
      return entry && path !== activePath ? [{ path, title: entry.title || path }] : [];
    });
  }, [paths, entries, activePath]);

  const workspaces = useMemo(
    () => (workspace ? workspace.recent.filter((root) => root !== workspace.root) : []),
    [workspace],
  );

  const openWorkspace = useCallback(
    (root: string) => {
      // Switching workspaces reloads the window (workspace.changed): unsaved words would be stranded.
      if (hasUnsavedArticles()) {
        notify(t('desktop.saveBeforeSwitching'));
        return;
      }
      api['workspace.open']({ root }).catch((error: unknown) => {
        const message = requestErrorText(t, (key) => i18n.exists(key), error, { path: root });
        notify(t('desktop.openFailed', { path: root, message }));
      });
    },
    [api, hasUnsavedArticles, notify, t, i18n],
  );
  const open = useCallback((path: string) => void openArticle(path), [openArticle]);

  return { articles, workspaces, openArticle: open, openWorkspace };
}
