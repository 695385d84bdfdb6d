/**
 * The application menu's shape, once: which registry commands each top-level menu holds, in which
 * groups. The native menu bar (main/electron) and the browser-mode menu button (renderer) both
 * build from it, so the two menus cannot drift apart.
 */
import type { CommandDescriptor, CommandId, MenuName } from './commandRegistry';

export const menuOrder: readonly MenuName[] = [
  'file',
  'edit',
  'view',
  'format',
  'insert',
  'window',
  'help',
];

/** A menu's commands in registry order, split into groups where a command starts a new one. */
export function menuCommandGroups(
  commands: readonly CommandDescriptor[],
  menu: MenuName,
  except: readonly CommandId[] = [],
): CommandDescriptor[][] {
  const groups: CommandDescriptor[][] = [];
  for (const command of commands) {
    if (command.menu !== menu || except.includes(command.id)) continue;
    const last = groups[groups.length - 1];
    if (!last || command.separatorBefore) groups.push([command]);
    else last.push(command);
  }
  return groups;
}

export interface AppMenuSection {
  menu: MenuName;
  groups: CommandDescriptor[][];
}

/** Every top-level menu with its command groups, in menu-bar order (empty menus left out). */
export function appMenuSections(commands: readonly CommandDescriptor[]): AppMenuSection[] {
  return menuOrder
    .map((menu) => ({ menu, groups: menuCommandGroups(commands, menu) }))
    .filter((section) => section.groups.length > 0);
}
