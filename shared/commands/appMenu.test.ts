import { describe, expect, it } from 'vitest';
import { appMenuSections, menuCommandGroups } from './appMenu';
import { commandIds, commands } from './commandRegistry';

describe('appMenuSections', () => {
  it('holds every registry command exactly once, in menu-bar order', () => {
    const sections = appMenuSections(commands);
    expect(sections.map((section) => section.menu)).toEqual([
      'file',
      'edit',
      'view',
      'format',
      'insert',
      'window',
      'help',
    ]);
    const ids = sections.flatMap((section) => section.groups.flat().map((command) => command.id));
    expect([...ids].sort()).toEqual([...commandIds].sort());
  });

  it('starts a group at each command marked separatorBefore', () => {
    const groups = menuCommandGroups(commands, 'file');
    expect(groups.map((group) => group.map((command) => command.id))).toEqual([
      ['file.newArticle', 'file.openWorkspace', 'file.openFile'],
      ['file.save', 'file.saveAs', 'file.saveAll'],
      ['file.export', 'file.print'],
      ['file.closeTab'],
    ]);
    expect(
      menuCommandGroups(commands, 'help', ['help.about'])
        .flat()
        .map((command) => command.id),
    ).toEqual(['help.commandPalette']);
  });
});
