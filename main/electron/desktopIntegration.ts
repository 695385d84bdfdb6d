/**
 * Pure pieces of the OS integration: spell-checker plan, file dialog options, Windows jump list and
 * macOS dock menu. main/electron/main.ts applies them with Electron's APIs.
 */
import type { FileFilter, JumpListCategory, OpenDialogOptions, SaveDialogOptions } from 'electron';
import path from 'node:path';
import type { UiLocale } from '../../shared/commands/commandLabels';
import type { Settings } from '../../shared/ipc/contract';
import { articleExtensions } from '../workspace/articleFileNames';
import type { MenuItemData } from './menu/menuTypes';
import { recentLabel } from './menu/buildMenuTemplate';
import { menuString } from './menu/menuStrings';

export interface SpellcheckPlan {
  enabled: boolean;
  /** Languages to set; empty on macOS, whose system spell checker picks languages itself. */
  languages: string[];
}

/**
 * macOS checks spelling with the system's own dictionaries (no download). On Windows and Linux
 * Chromium uses Hunspell dictionaries that it downloads on first use, so spell checking starts
 * only once the writer has chosen a language (docs/offline.md); unknown codes are dropped.
 */
export function spellcheckPlan(
  settings: Pick<Settings, 'spellcheck' | 'spellcheckLanguages'>,
  platform: string,
  available: readonly string[],
): SpellcheckPlan {
  if (!settings.spellcheck) return { enabled: false, languages: [] };
  if (platform === 'darwin') return { enabled: true, languages: [] };
  const known = new Map(available.map((code) => [code.toLowerCase(), code]));
  const languages = [
    ...new Set(
      settings.spellcheckLanguages
        .map((code) => known.get(code.toLowerCase()))
        .filter((c): c is string => !!c),
    ),
  ];
  return { enabled: languages.length > 0, languages };
}

export type SaveKind = 'markdown' | 'html' | 'pdf' | 'docx' | 'txt' | 'zip';

const kindExtensions: Record<
  SaveKind,
  { key: Parameters<typeof menuString>[1]; extensions: string[] }
> = {
  markdown: { key: 'markdownFiles', extensions: ['md', 'markdown'] },
  html: { key: 'htmlFiles', extensions: ['html', 'htm'] },
  pdf: { key: 'pdfFiles', extensions: ['pdf'] },
  docx: { key: 'docxFiles', extensions: ['docx'] },
  txt: { key: 'textFiles', extensions: ['txt'] },
  zip: { key: 'zipFiles', extensions: ['zip'] },
};

export function saveDialogFilters(kind: SaveKind, locale: UiLocale): FileFilter[] {
  const { key, extensions } = kindExtensions[kind];
  return [{ name: menuString(locale, key), extensions }];
}

export interface DialogRequest {
  title?: string | undefined;
  defaultPath?: string | undefined;
}

export function pickFolderOptions(request: DialogRequest, locale: UiLocale): OpenDialogOptions {
  return {
    title: request.title ?? menuString(locale, 'pickFolderTitle'),
    buttonLabel: menuString(locale, 'openButton'),
    ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
    properties: ['openDirectory', 'createDirectory'],
  };
}

export function pickFileOptions(request: DialogRequest, locale: UiLocale): OpenDialogOptions {
  return {
    title: request.title ?? menuString(locale, 'pickFileTitle'),
    buttonLabel: menuString(locale, 'openButton'),
    ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
    properties: ['openFile'],
    filters: [
      { name: menuString(locale, 'markdownFiles'), extensions: [...articleExtensions] },
      { name: menuString(locale, 'allFiles'), extensions: ['*'] },
    ],
  };
}

export function saveAsOptions(
  request: DialogRequest & { kind: SaveKind },
  locale: UiLocale,
): SaveDialogOptions {
  return {
    title:
      request.title ??
      menuString(locale, request.kind === 'markdown' ? 'saveAsTitle' : 'exportTitle'),
    ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
    filters: saveDialogFilters(request.kind, locale),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/**
 * Windows jump list: the OS's own recent articles (needs the .md association the installer
 * registers) and Byline's recent workspaces as tasks that start Byline on that folder.
 */
export function buildJumpList(
  recentWorkspaces: readonly string[],
  executable: string,
  locale: UiLocale,
): JumpListCategory[] {
  const tasks = recentWorkspaces.slice(0, 8).map((folder) => ({
    type: 'task' as const,
    title: path.win32.basename(folder) || folder,
    description: folder,
    program: executable,
    args: `"${folder.replace(/"/g, '')}"`,
    iconPath: executable,
    iconIndex: 0,
  }));
  return [
    { type: 'recent' },
    ...(tasks.length > 0
      ? [{ type: 'custom' as const, name: menuString(locale, 'jumpListWorkspaces'), items: tasks }]
      : []),
  ];
}

/** macOS dock menu: recent workspaces (the dock shows recent documents itself). */
export function buildDockMenuTemplate(recentWorkspaces: readonly string[]): MenuItemData[] {
  return recentWorkspaces.slice(0, 8).map((folder) => ({
    label: recentLabel(folder),
    action: { kind: 'openRecent', path: folder },
  }));
}
