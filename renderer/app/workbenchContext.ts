import { createContext, useContext } from 'react';
import type { BylineApi, FileStamp, Settings, TextFormat } from '../../shared/ipc/contract';
import type { ArticleSnapshot, EditorSession } from './editorSession';
import { useSnapshot } from './editorSession';

/** One open article. The editor state (text, undo history) lives in the editor pane. */
export interface ArticleTab {
  /** Stable id of the tab (the path today; unsaved drafts may get another id later). */
  id: string;
  path: string;
  title: string;
  format: TextFormat;
  stamp: FileStamp;
  readOnly: boolean;
  warnings: string[];
  /** Text last loaded from or written to disk (LF line breaks, as in the editor). */
  savedText: string;
  /** The editor document differs from savedText. */
  dirty: boolean;
  saving: boolean;
  /** Changing it replaces the editor document with `savedText` (reload, take the disk version). */
  loadGeneration: number;
}

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
