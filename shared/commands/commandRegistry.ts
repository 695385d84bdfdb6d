/**
 * Every user command, once. The native menu (main/electron), the in-app toolbar and the keyboard
 * shortcuts are all generated from this list, so they cannot drift apart.
 */
export type MenuName = 'file' | 'edit' | 'view' | 'format' | 'insert' | 'window' | 'help';

export interface CommandDescriptor {
  id: CommandId;
  /** i18n key of the label, under `commands.` in renderer/i18n. */
  labelKey: string;
  menu: MenuName;
  /** Accelerator in Electron syntax; `CmdOrCtrl` becomes Cmd on macOS and Ctrl elsewhere. */
  accelerator?: string;
  /** macOS-only replacement where the usual key is taken by the system (Cmd+H hides the app). */
  macAccelerator?: string;
  /** Shown in the compact formatting toolbar. */
  toolbar?: boolean;
  /** Starts a new group in its menu. */
  separatorBefore?: boolean;
}

export const commandIds = [
  'file.newArticle',
  'file.openWorkspace',
  'file.openFile',
  'file.save',
  'file.saveAs',
  'file.saveAll',
  'file.export',
  'file.print',
  'file.closeTab',
  'edit.find',
  'edit.replace',
  'view.layoutEditor',
  'view.layoutSplit',
  'view.layoutPreview',
  'view.toggleSidebar',
  'view.toggleFrontMatterPanel',
  'view.toggleReferencesPanel',
  'view.toggleOutlinePanel',
  'view.focusMode',
  'view.typewriterMode',
  'view.toggleTheme',
  'view.fullScreen',
  'format.bold',
  'format.italic',
  'format.strikethrough',
  'format.inlineCode',
  'format.heading2',
  'format.heading3',
  'format.quote',
  'format.bulletList',
  'format.orderedList',
  'insert.link',
  'insert.image',
  'insert.citation',
  'insert.table',
  'window.settings',
  'window.history',
  'help.commandPalette',
  'help.about',
] as const;

export type CommandId = (typeof commandIds)[number];

export const commands: readonly CommandDescriptor[] = [
  {
    id: 'file.newArticle',
    labelKey: 'commands.newArticle',
    menu: 'file',
    accelerator: 'CmdOrCtrl+N',
  },
  {
    id: 'file.openWorkspace',
    labelKey: 'commands.openWorkspace',
    menu: 'file',
    accelerator: 'CmdOrCtrl+Shift+O',
  },
  { id: 'file.openFile', labelKey: 'commands.openFile', menu: 'file', accelerator: 'CmdOrCtrl+O' },
  {
    id: 'file.save',
    labelKey: 'commands.save',
    menu: 'file',
    accelerator: 'CmdOrCtrl+S',
    separatorBefore: true,
  },
  {
    id: 'file.saveAs',
    labelKey: 'commands.saveAs',
    menu: 'file',
    accelerator: 'CmdOrCtrl+Shift+S',
  },
  {
    id: 'file.saveAll',
    labelKey: 'commands.saveAll',
    menu: 'file',
    accelerator: 'CmdOrCtrl+Alt+S',
  },
  {
    id: 'file.export',
    labelKey: 'commands.export',
    menu: 'file',
    accelerator: 'CmdOrCtrl+E',
    separatorBefore: true,
  },
  { id: 'file.print', labelKey: 'commands.print', menu: 'file', accelerator: 'CmdOrCtrl+P' },
  {
    id: 'file.closeTab',
    labelKey: 'commands.closeTab',
    menu: 'file',
    accelerator: 'CmdOrCtrl+W',
    separatorBefore: true,
  },
  {
    id: 'edit.find',
    labelKey: 'commands.find',
    menu: 'edit',
    accelerator: 'CmdOrCtrl+F',
    separatorBefore: true,
  },
  {
    id: 'edit.replace',
    labelKey: 'commands.replace',
    menu: 'edit',
    accelerator: 'CmdOrCtrl+H',
    macAccelerator: 'CmdOrCtrl+Alt+F',
  },
  {
    id: 'view.layoutEditor',
    labelKey: 'commands.layoutEditor',
    menu: 'view',
    accelerator: 'CmdOrCtrl+1',
  },
  {
    id: 'view.layoutSplit',
    labelKey: 'commands.layoutSplit',
    menu: 'view',
    accelerator: 'CmdOrCtrl+2',
  },
  {
    id: 'view.layoutPreview',
    labelKey: 'commands.layoutPreview',
    menu: 'view',
    accelerator: 'CmdOrCtrl+3',
  },
  {
    id: 'view.toggleSidebar',
    labelKey: 'commands.toggleSidebar',
    menu: 'view',
    accelerator: 'CmdOrCtrl+\\',
    separatorBefore: true,
  },
  {
    id: 'view.toggleFrontMatterPanel',
    labelKey: 'commands.toggleFrontMatterPanel',
    menu: 'view',
    accelerator: 'CmdOrCtrl+Shift+M',
  },
  {
    id: 'view.toggleReferencesPanel',
    labelKey: 'commands.toggleReferencesPanel',
    menu: 'view',
    accelerator: 'CmdOrCtrl+Shift+R',
  },
  {
    id: 'view.toggleOutlinePanel',
    labelKey: 'commands.toggleOutlinePanel',
    menu: 'view',
    accelerator: 'CmdOrCtrl+Shift+L',
  },
  {
    id: 'view.focusMode',
    labelKey: 'commands.focusMode',
    menu: 'view',
    accelerator: 'CmdOrCtrl+Shift+F',
    separatorBefore: true,
  },
  {
    id: 'view.typewriterMode',
    labelKey: 'commands.typewriterMode',
    menu: 'view',
    accelerator: 'CmdOrCtrl+Shift+T',
  },
  { id: 'view.toggleTheme', labelKey: 'commands.toggleTheme', menu: 'view' },
  {
    id: 'view.fullScreen',
    labelKey: 'commands.fullScreen',
    menu: 'view',
    accelerator: 'F11',
    macAccelerator: 'Ctrl+Cmd+F',
    separatorBefore: true,
  },
  {
    id: 'format.bold',
    labelKey: 'commands.bold',
    menu: 'format',
    accelerator: 'CmdOrCtrl+B',
    toolbar: true,
  },
  {
    id: 'format.italic',
    labelKey: 'commands.italic',
    menu: 'format',
    accelerator: 'CmdOrCtrl+I',
    toolbar: true,
  },
  {
    id: 'format.strikethrough',
    labelKey: 'commands.strikethrough',
    menu: 'format',
    accelerator: 'CmdOrCtrl+Shift+X',
  },
  {
    id: 'format.inlineCode',
    labelKey: 'commands.inlineCode',
    menu: 'format',
    accelerator: 'CmdOrCtrl+`',
    toolbar: true,
  },
  {
    id: 'format.heading2',
    labelKey: 'commands.heading2',
    menu: 'format',
    accelerator: 'CmdOrCtrl+Alt+2',
    toolbar: true,
    separatorBefore: true,
  },
  {
    id: 'format.heading3',
    labelKey: 'commands.heading3',
    menu: 'format',
    accelerator: 'CmdOrCtrl+Alt+3',
    toolbar: true,
  },
  {
    id: 'format.quote',
    labelKey: 'commands.quote',
    menu: 'format',
    accelerator: 'CmdOrCtrl+Shift+.',
    toolbar: true,
    separatorBefore: true,
  },
  {
    id: 'format.bulletList',
    labelKey: 'commands.bulletList',
    menu: 'format',
    accelerator: 'CmdOrCtrl+Shift+8',
    toolbar: true,
  },
  {
    id: 'format.orderedList',
    labelKey: 'commands.orderedList',
    menu: 'format',
    accelerator: 'CmdOrCtrl+Shift+7',
    toolbar: true,
  },
  {
    id: 'insert.link',
    labelKey: 'commands.link',
    menu: 'insert',
    accelerator: 'CmdOrCtrl+K',
    toolbar: true,
  },
  {
    id: 'insert.image',
    labelKey: 'commands.image',
    menu: 'insert',
    accelerator: 'CmdOrCtrl+Shift+I',
    toolbar: true,
  },
  {
    id: 'insert.citation',
    labelKey: 'commands.citation',
    menu: 'insert',
    accelerator: 'CmdOrCtrl+Shift+C',
    toolbar: true,
  },
  { id: 'insert.table', labelKey: 'commands.table', menu: 'insert', toolbar: true },
  {
    id: 'window.settings',
    labelKey: 'commands.settings',
    menu: 'window',
    accelerator: 'CmdOrCtrl+,',
  },
  {
    id: 'window.history',
    labelKey: 'commands.history',
    menu: 'window',
    accelerator: 'CmdOrCtrl+Shift+H',
  },
  {
    id: 'help.commandPalette',
    labelKey: 'commands.commandPalette',
    menu: 'help',
    accelerator: 'CmdOrCtrl+Shift+P',
  },
  { id: 'help.about', labelKey: 'commands.about', menu: 'help', separatorBefore: true },
];

/** The accelerator a command uses on a platform (`process.platform` names), if any. */
export function acceleratorFor(command: CommandDescriptor, platform: string): string | undefined {
  return platform === 'darwin'
    ? (command.macAccelerator ?? command.accelerator)
    : command.accelerator;
}

export function commandById(id: CommandId): CommandDescriptor {
  const found = commands.find((command) => command.id === id);
  if (!found) throw new Error(`No command ${id}`);
  return found;
}

/**
 * Electron accelerator -> CodeMirror key binding (`Mod` is Cmd on macOS, Ctrl elsewhere). Letters
 * become lower case: CodeMirror matches `Mod-Shift-s`, never `Mod-Shift-S` or `Mod-B`.
 */
export function acceleratorToKeyBinding(accelerator: string): string {
  return accelerator
    .split('+')
    .map((part) =>
      part === 'CmdOrCtrl' ? 'Mod' : /^[A-Z]$/.test(part) ? part.toLowerCase() : part,
    )
    .join('-');
}

/** How the accelerator reads on a platform, for tooltips and menus. */
export function displayAccelerator(accelerator: string, platform: string): string {
  const mac = platform === 'darwin';
  return accelerator
    .split('+')
    .map((part) => {
      if (part === 'CmdOrCtrl') return mac ? '⌘' : 'Ctrl';
      if (part === 'Shift') return mac ? '⇧' : 'Shift';
      if (part === 'Alt') return mac ? '⌥' : 'Alt';
      return part;
    })
    .join(mac ? '' : '+');
}
