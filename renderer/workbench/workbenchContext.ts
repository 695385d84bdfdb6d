import { createContext, useContext } from 'react';
import type { BylineApi, Settings } from '../../shared/ipc/contract';
import type { DocumentInfo } from '../document/articleDocument';
import type { ArticleSnapshot, EditorSession } from './editorSession';
import { useSnapshot } from './editorSession';

/** One open article as the tabs, panels and banners show it (its document's state plus a title). */
export type ArticleTab = DocumentInfo & { readonly title: string };

/**
 * What every part of the workbench may use. Side panels get it through `useWorkbench()`:
 * the contract API, the settings, the active tab, and the editor session through which they
 * read the text (`useArticleSnapshot`) and change it (`editor.dispatch`).
 */
export interface Workbench {
  api: BylineApi;
  /** Workspace-relative path -> URL the preview may load. */
  assetUrl: (workspacePath: string) => string;
  platform: string;
  settings: Settings;
  updateSettings(patch: Partial<Settings>): void;
  activeTab: ArticleTab | null;
  editor: EditorSession;
  /** Shows a dismissable message above the editor. */
  notify(message: string): void;
}

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error('useWorkbench outside the workbench');
  return workbench;
}

/** The active article's text, refreshed in idle time after edits. */
export function useArticleSnapshot(): ArticleSnapshot | null {
  return useSnapshot(useWorkbench().editor);
}
