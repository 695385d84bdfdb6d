import type { MenuItemConstructorOptions } from 'electron';
import type { CommandId } from '../../../shared/commands/commandRegistry';

/** What a click on a menu item does, as data, so templates can be built and tested without Electron. */
export type MenuAction =
  /** Ask the renderer to run a registry command (contract event `command.invoked`). */
  | { kind: 'command'; id: CommandId }
  /** Open a recent workspace or article (main resolves the path, then tells the renderer). */
  | { kind: 'openRecent'; path: string }
  | { kind: 'clearRecent' }
  /** Context menu: spelling and clipboard actions main performs on the sender's web contents. */
  | { kind: 'replaceMisspelling'; word: string }
  | { kind: 'addToDictionary'; word: string }
  | { kind: 'lookUp' }
  | { kind: 'copyLink'; url: string };

/** An Electron menu item without its click function: `action` says what the click does. */
export type MenuItemData = Omit<MenuItemConstructorOptions, 'click' | 'submenu'> & {
  action?: MenuAction;
  submenu?: MenuItemData[];
};

/** Turns template data into Electron's constructor options, one click function per action. */
export function toElectronTemplate(
  items: readonly MenuItemData[],
  onAction: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  return items.map(({ action, submenu, ...rest }) => {
    const options: MenuItemConstructorOptions = { ...rest };
    if (submenu) options.submenu = toElectronTemplate(submenu, onAction);
    if (action) options.click = () => onAction(action);
    return options;
  });
}

/** Every item of a template, depth first (tests and the duplicate-accelerator check use it). */
export function flattenMenu(items: readonly MenuItemData[]): MenuItemData[] {
  return items.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])]);
}
