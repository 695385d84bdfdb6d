import type { UiLocale } from '../../shared/commands/commandLabels';
import { commandLabel, uiLocales } from '../../shared/commands/commandLabels';
import type { CommandDescriptor } from '../../shared/commands/commandRegistry';
import { acceleratorFor, displayAccelerator } from '../../shared/commands/commandRegistry';
import type { FuzzyTarget } from '../../shared/text/fuzzyMatch';
import { fuzzyScore, fuzzyTarget } from '../../shared/text/fuzzyMatch';

export type PaletteItemKind = 'command' | 'article' | 'workspace';

/** One row of the palette: a registry command, a recent article or a recent workspace. */
export interface PaletteItem {
  /** Unique among the rows (`command:file.save`, `article:posts/a.md`). */
  key: string;
  kind: PaletteItemKind;
  label: string;
  /** A second line: an article's path, a workspace's folder. */
  detail?: string;
  /** The shortcut as the platform writes it (`Ctrl+Shift+P`, `⌘E`). */
  shortcut?: string;
  target: FuzzyTarget;
}

/**
 * The registry's commands as rows, labelled in the UI language and matched in every UI language
 * (a writer with the Chinese UI may still type "export"), plus the command id's words.
 */
export function commandItems(
  commands: readonly CommandDescriptor[],
  locale: UiLocale,
  platform: string,
): PaletteItem[] {
  return commands.map((command) => {
    const accelerator = acceleratorFor(command, platform);
    const label = commandLabel(command.labelKey, locale);
    const others = uiLocales
      .filter((other) => other !== locale)
      .map((other) => commandLabel(command.labelKey, other));
    return {
      key: `command:${command.id}`,
      kind: 'command',
      label,
      ...(accelerator ? { shortcut: displayAccelerator(accelerator, platform) } : {}),
      target: fuzzyTarget(label, ...others),
    };
  });
}

export function articleItems(articles: readonly { path: string; title: string }[]): PaletteItem[] {
  return articles.map(({ path, title }) => ({
    key: `article:${path}`,
    kind: 'article',
    label: title,
    detail: path,
    target: fuzzyTarget(title, path),
  }));
}

/** A workspace's folder name (POSIX or Windows path). */
export function workspaceName(root: string): string {
  return root.split(/[\\/]/).filter(Boolean).pop() ?? root;
}

export function workspaceItems(roots: readonly string[]): PaletteItem[] {
  return roots.map((root) => {
    const name = workspaceName(root);
    return {
      key: `workspace:${root}`,
      kind: 'workspace',
      label: name,
      detail: root,
      target: fuzzyTarget(name),
    };
  });
}

/** The rows matching `query`, best first; all rows in their given order for an empty query. */
export function filterPaletteItems(items: readonly PaletteItem[], query: string): PaletteItem[] {
  if (query.trim() === '') return [...items];
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, item.target) }))
    .filter(
      (entry): entry is { item: PaletteItem; index: number; score: number } => entry.score !== null,
    )
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
