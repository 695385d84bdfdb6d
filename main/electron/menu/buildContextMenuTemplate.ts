import type { UiLocale } from '../../../shared/commands/commandLabels';
import { resolveAccelerator } from './buildMenuTemplate';
import { menuString } from './menuStrings';
import type { MenuItemData } from './menuTypes';

/** The parts of Electron's `context-menu` params the template depends on. */
export interface ContextMenuInput {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: readonly string[];
  linkURL: string;
  editFlags: {
    canUndo: boolean;
    canRedo: boolean;
    canCut: boolean;
    canCopy: boolean;
    canPaste: boolean;
    canSelectAll: boolean;
  };
}

const maxSuggestions = 6;
const safeLink = /^(https?:|mailto:)/i;

/**
 * The editor's (and preview's) context menu: spelling suggestions first when the word under the
 * pointer is misspelled, "Look Up" on macOS, then the clipboard items the page allows.
 */
export function buildContextMenuTemplate(
  input: ContextMenuInput,
  locale: UiLocale,
  platform: string,
): MenuItemData[] {
  const mac = platform === 'darwin';
  const accel = (accelerator: string): string => resolveAccelerator(accelerator, platform);
  const groups: MenuItemData[][] = [];

  if (input.isEditable && input.misspelledWord) {
    const suggestions = input.dictionarySuggestions
      .slice(0, maxSuggestions)
      .map<MenuItemData>((word) => ({
        label: word,
        action: { kind: 'replaceMisspelling', word },
      }));
    groups.push([
      ...(suggestions.length > 0
        ? suggestions
        : [{ label: menuString(locale, 'noSuggestions'), enabled: false }]),
      {
        label: menuString(locale, 'addToDictionary'),
        action: { kind: 'addToDictionary', word: input.misspelledWord },
      },
    ]);
  }

  const selection = input.selectionText.trim();
  if (mac && selection && !selection.includes('\n')) {
    const word = selection.length > 24 ? `${selection.slice(0, 24)}…` : selection;
    groups.push([{ label: menuString(locale, 'lookUp', { word }), action: { kind: 'lookUp' } }]);
  }

  if (input.linkURL && safeLink.test(input.linkURL)) {
    groups.push([
      { label: menuString(locale, 'copyLink'), action: { kind: 'copyLink', url: input.linkURL } },
    ]);
  }

  const flags = input.editFlags;
  if (input.isEditable) {
    groups.push([
      {
        role: 'undo',
        label: menuString(locale, 'undo'),
        accelerator: accel('CmdOrCtrl+Z'),
        enabled: flags.canUndo,
      },
      {
        role: 'redo',
        label: menuString(locale, 'redo'),
        accelerator: platform === 'win32' ? 'Ctrl+Y' : accel('CmdOrCtrl+Shift+Z'),
        enabled: flags.canRedo,
      },
    ]);
    groups.push([
      {
        role: 'cut',
        label: menuString(locale, 'cut'),
        accelerator: accel('CmdOrCtrl+X'),
        enabled: flags.canCut,
      },
      {
        role: 'copy',
        label: menuString(locale, 'copy'),
        accelerator: accel('CmdOrCtrl+C'),
        enabled: flags.canCopy,
      },
      {
        role: 'paste',
        label: menuString(locale, 'paste'),
        accelerator: accel('CmdOrCtrl+V'),
        enabled: flags.canPaste,
      },
      {
        role: 'selectAll',
        label: menuString(locale, 'selectAll'),
        accelerator: accel('CmdOrCtrl+A'),
        enabled: flags.canSelectAll,
      },
    ]);
  } else if (selection) {
    groups.push([
      {
        role: 'copy',
        label: menuString(locale, 'copy'),
        accelerator: accel('CmdOrCtrl+C'),
        enabled: flags.canCopy,
      },
    ]);
  }

  return groups.flatMap((group, index) =>
    index === 0 ? group : [{ type: 'separator' as const }, ...group],
  );
}
