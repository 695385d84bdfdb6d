import path from 'node:path';
import type { UiLocale } from '../../../shared/commands/commandLabels';
import { commandLabel, menuLabels } from '../../../shared/commands/commandLabels';
import type {
  CommandDescriptor,
  CommandId,
  MenuName,
} from '../../../shared/commands/commandRegistry';
import { acceleratorFor } from '../../../shared/commands/commandRegistry';
import { menuCommandGroups } from '../../../shared/commands/appMenu';
import type { MenuItemData } from './menuTypes';
import type { MenuStringKey } from './menuStrings';
import { menuString } from './menuStrings';

export interface MenuState {
  layout: 'editor' | 'split' | 'preview';
  /** Absolute folders, newest first. */
  recentWorkspaces: readonly string[];
  /** Absolute article paths, newest first. */
  recentFiles: readonly string[];
  /** Developer tools item (unpackaged runs only). */
  devTools: boolean;
}

const layoutOf: Partial<Record<CommandId, MenuState['layout']>> = {
  'view.layoutEditor': 'editor',
  'view.layoutSplit': 'split',
  'view.layoutPreview': 'preview',
};

/** `CmdOrCtrl` as the platform reads it: Cmd on macOS, Ctrl elsewhere. */
export function resolveAccelerator(accelerator: string, platform: string): string {
  const primary = platform === 'darwin' ? 'Cmd' : 'Ctrl';
  return accelerator
    .split('+')
    .map((part) => (/^(CmdOrCtrl|CommandOrControl)$/i.test(part) ? primary : part))
    .join('+');
}

/** Canonical form for comparing accelerators: resolved, lower case, modifiers sorted. */
export function normalizeAccelerator(accelerator: string, platform: string): string {
  const parts = resolveAccelerator(accelerator, platform).split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  const alias: Record<string, string> = {
    command: 'cmd',
    control: 'ctrl',
    option: 'alt',
    altgr: 'altgr',
  };
  const modifiers = parts.map((m) => alias[m.toLowerCase()] ?? m.toLowerCase()).sort();
  const keyAlias: Record<string, string> = { plus: '=', '+': '=' };
  return [...modifiers, keyAlias[key] ?? key].join('+');
}

/**
 * The application menu as plain data: File, Edit, View, Format, Insert, Window, Help (and the macOS
 * app menu). Command items come from the one command registry; native items use Electron roles with
 * their accelerators written out, so a test can see every key the menu takes.
 */
export function buildMenuTemplate(
  commands: readonly CommandDescriptor[],
  locale: UiLocale,
  platform: string,
  state: MenuState,
): MenuItemData[] {
  const mac = platform === 'darwin';
  const s = (key: MenuStringKey, values?: Record<string, string | number>): string =>
    menuString(locale, key, values);
  const accel = (accelerator: string): string => resolveAccelerator(accelerator, platform);

  const commandItem = (command: CommandDescriptor): MenuItemData => {
    const accelerator = acceleratorFor(command, platform);
    const layout = layoutOf[command.id];
    return {
      id: command.id,
      label: commandLabel(command.labelKey, locale),
      ...(accelerator ? { accelerator: accel(accelerator) } : {}),
      ...(layout ? { type: 'radio' as const, checked: state.layout === layout } : {}),
      action: { kind: 'command', id: command.id },
    };
  };

  /** Registry commands of one menu (minus those macOS moves to the app menu), with their separators. */
  const commandsOf = (menu: MenuName, except: readonly CommandId[] = []): MenuItemData[] =>
    menuCommandGroups(commands, menu, except).flatMap((group, index) => [
      ...(index > 0 ? [{ type: 'separator' as const }] : []),
      ...group.map(commandItem),
    ]);
  const find = (id: CommandId): CommandDescriptor | undefined => commands.find((c) => c.id === id);
  const macAppMenuCommands: CommandId[] = mac ? ['help.about', 'window.settings'] : [];
  const sep: MenuItemData = { type: 'separator' };

  const template: MenuItemData[] = [];

  if (mac) {
    const about = find('help.about');
    const settings = find('window.settings');
    template.push({
      label: s('appName'),
      submenu: [
        ...(about ? [commandItem(about), sep] : []),
        ...(settings ? [commandItem(settings), sep] : []),
        { role: 'services', label: s('services') },
        sep,
        { role: 'hide', label: s('hide'), accelerator: 'Cmd+H' },
        { role: 'hideOthers', label: s('hideOthers'), accelerator: 'Cmd+Alt+H' },
        { role: 'unhide', label: s('unhide') },
        sep,
        { role: 'quit', label: s('quit'), accelerator: 'Cmd+Q' },
      ],
    });
  }

  const fileItems = commandsOf('file');
  const recent = recentSubmenu(state, s);
  const openFileIndex = fileItems.findIndex((item) => item.id === 'file.openFile');
  fileItems.splice(openFileIndex >= 0 ? openFileIndex + 1 : fileItems.length, 0, recent);
  if (mac) {
    fileItems.push({ role: 'close', label: s('closeWindow'), accelerator: 'Cmd+Shift+W' });
  } else {
    fileItems.push(sep, {
      role: 'quit',
      label: platform === 'win32' ? s('exit') : s('quit'),
      ...(platform === 'win32' ? {} : { accelerator: 'Ctrl+Q' }),
    });
  }
  template.push({ label: menuLabels[locale].file, submenu: fileItems });

  template.push({
    label: menuLabels[locale].edit,
    submenu: [
      { role: 'undo', label: s('undo'), accelerator: accel('CmdOrCtrl+Z') },
      {
        role: 'redo',
        label: s('redo'),
        accelerator: platform === 'win32' ? 'Ctrl+Y' : accel('CmdOrCtrl+Shift+Z'),
      },
      sep,
      { role: 'cut', label: s('cut'), accelerator: accel('CmdOrCtrl+X') },
      { role: 'copy', label: s('copy'), accelerator: accel('CmdOrCtrl+C') },
      { role: 'paste', label: s('paste'), accelerator: accel('CmdOrCtrl+V') },
      { role: 'selectAll', label: s('selectAll'), accelerator: accel('CmdOrCtrl+A') },
      ...commandsOf('edit'),
      ...(mac
        ? [
            sep,
            {
              label: s('speech'),
              submenu: [
                { role: 'startSpeaking', label: s('startSpeaking') },
                { role: 'stopSpeaking', label: s('stopSpeaking') },
              ],
            } satisfies MenuItemData,
          ]
        : []),
    ],
  });

  template.push({
    label: menuLabels[locale].view,
    submenu: [
      ...commandsOf('view'),
      sep,
      { role: 'resetZoom', label: s('resetZoom'), accelerator: accel('CmdOrCtrl+0') },
      { role: 'zoomIn', label: s('zoomIn'), accelerator: accel('CmdOrCtrl+Plus') },
      { role: 'zoomOut', label: s('zoomOut'), accelerator: accel('CmdOrCtrl+-') },
      ...(state.devTools
        ? [
            sep,
            {
              role: 'toggleDevTools',
              label: s('devTools'),
              accelerator: mac ? 'Cmd+Alt+I' : 'F12',
            } satisfies MenuItemData,
          ]
        : []),
    ],
  });

  template.push({ label: menuLabels[locale].format, submenu: commandsOf('format') });
  template.push({ label: menuLabels[locale].insert, submenu: commandsOf('insert') });

  const windowCommands = commandsOf('window', macAppMenuCommands);
  template.push({
    label: menuLabels[locale].window,
    ...(mac ? { role: 'windowMenu' as const } : {}),
    submenu: [
      { role: 'minimize', label: s('minimize'), accelerator: accel('CmdOrCtrl+M') },
      ...(mac ? [{ role: 'zoom', label: s('zoom') } satisfies MenuItemData] : []),
      ...(mac
        ? []
        : [
            {
              role: 'close',
              label: s('closeWindow'),
              accelerator: 'Ctrl+Shift+W',
            } satisfies MenuItemData,
          ]),
      ...(windowCommands.length > 0 ? [sep, ...windowCommands] : []),
      ...(mac ? [sep, { role: 'front', label: s('front') } satisfies MenuItemData] : []),
    ],
  });

  template.push({
    label: menuLabels[locale].help,
    ...(mac ? { role: 'help' as const } : {}),
    submenu: commandsOf('help', macAppMenuCommands),
  });

  return template;
}

function recentSubmenu(state: MenuState, s: (key: MenuStringKey) => string): MenuItemData {
  const items: MenuItemData[] = [];
  if (state.recentWorkspaces.length > 0) {
    items.push({ label: s('recentWorkspaces'), enabled: false });
    for (const folder of state.recentWorkspaces.slice(0, 10)) {
      items.push({
        label: recentLabel(folder),
        toolTip: folder,
        action: { kind: 'openRecent', path: folder },
      });
    }
  }
  if (state.recentFiles.length > 0) {
    if (items.length > 0) items.push({ type: 'separator' });
    items.push({ label: s('recentFiles'), enabled: false });
    for (const file of state.recentFiles.slice(0, 10)) {
      items.push({
        label: recentLabel(file),
        toolTip: file,
        action: { kind: 'openRecent', path: file },
      });
    }
  }
  if (items.length === 0) items.push({ label: s('noRecent'), enabled: false });
  else
    items.push({ type: 'separator' }, { label: s('clearRecent'), action: { kind: 'clearRecent' } });
  return { id: 'file.openRecent', label: s('openRecent'), submenu: items };
}

/** "name — parent folder", with `&` doubled so Windows/Linux do not read it as a mnemonic. */
export function recentLabel(absolute: string): string {
  const pathApi = /^[a-zA-Z]:[\\/]|\\/.test(absolute) ? path.win32 : path.posix;
  const name = pathApi.basename(absolute) || absolute;
  const parent = pathApi.basename(pathApi.dirname(absolute));
  return (parent && parent !== name ? `${name} — ${parent}` : name).replace(/&/g, '&&');
}
