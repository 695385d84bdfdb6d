import { describe, expect, it } from 'vitest';
import { commandLabels, menuLabels, uiLocales } from '../../../shared/commands/commandLabels';
import type { CommandId } from '../../../shared/commands/commandRegistry';
import { commandIds, commands } from '../../../shared/commands/commandRegistry';
import type { MenuState } from './buildMenuTemplate';
import {
  buildMenuTemplate,
  normalizeAccelerator,
  recentLabel,
  resolveAccelerator,
} from './buildMenuTemplate';
import type { MenuAction, MenuItemData } from './menuTypes';
import { flattenMenu, toElectronTemplate } from './menuTypes';
import { menuStrings } from './menuStrings';

const platforms = ['darwin', 'win32', 'linux'] as const;
const state: MenuState = {
  layout: 'split',
  recentWorkspaces: ['/home/li/Byline', '/home/li/sites/newsroom'],
  recentFiles: ['/home/li/Byline/posts/chip-export-rules.md'],
  devTools: true,
};

const commandItems = (items: MenuItemData[]): MenuItemData[] =>
  flattenMenu(items).filter((item) => item.action?.kind === 'command');

describe('buildMenuTemplate', () => {
  for (const platform of platforms) {
    describe(platform, () => {
      const template = buildMenuTemplate(commands, 'en', platform, state);
      const items = flattenMenu(template);

      it('has the File, Edit, View, Format, Insert, Window and Help menus (and the app menu on macOS)', () => {
        const titles = template.map((item) => item.label);
        const expected = ['File', 'Edit', 'View', 'Format', 'Insert', 'Window', 'Help'];
        expect(titles).toEqual(platform === 'darwin' ? ['Byline', ...expected] : expected);
      });

      it('shows every registry command exactly once, and each clickable item is a command, a role or a recent-item action', () => {
        const ids = commandItems(template).map(
          (item) => (item.action as Extract<MenuAction, { kind: 'command' }>).id,
        );
        expect([...ids].sort()).toEqual([...commandIds].sort());
        for (const item of items) {
          if (item.type === 'separator' || item.submenu || item.enabled === false) continue;
          const kinds = [item.action ? 'action' : null, item.role ? 'role' : null].filter(Boolean);
          expect(kinds, JSON.stringify(item)).toHaveLength(1);
          if (item.action)
            expect(['command', 'openRecent', 'clearRecent']).toContain(item.action.kind);
        }
      });

      it('spells accelerators for the platform: Cmd on macOS, Ctrl elsewhere, never CmdOrCtrl', () => {
        const accelerators = items.flatMap((item) =>
          typeof item.accelerator === 'string' ? [item.accelerator] : [],
        );
        expect(accelerators.length).toBeGreaterThan(30);
        for (const accelerator of accelerators) {
          expect(accelerator).not.toMatch(/CmdOrCtrl|CommandOrControl/);
          if (platform !== 'darwin') expect(accelerator).not.toMatch(/Cmd|Command/);
        }
        const save = items.find((item) => item.id === 'file.save');
        expect(save?.accelerator).toBe(platform === 'darwin' ? 'Cmd+S' : 'Ctrl+S');
        const bold = items.find((item) => item.id === 'format.bold');
        expect(bold?.accelerator).toBe(platform === 'darwin' ? 'Cmd+B' : 'Ctrl+B');
      });

      it('gives no two items the same accelerator (roles included)', () => {
        const seen = new Map<string, string>();
        for (const item of items) {
          if (typeof item.accelerator !== 'string') continue;
          const key = normalizeAccelerator(item.accelerator, platform);
          expect(seen.get(key), `${key}: ${item.label} vs ${seen.get(key)}`).toBeUndefined();
          seen.set(key, String(item.label));
        }
      });

      it('checks the current layout as a radio item', () => {
        const layout = items.filter((item) => item.type === 'radio');
        expect(layout.map((item) => [item.id, item.checked])).toEqual([
          ['view.layoutEditor', false],
          ['view.layoutSplit', true],
          ['view.layoutPreview', false],
        ]);
      });

      it('lists recent workspaces and articles under File > Open Recent', () => {
        const recent = items.find((item) => item.id === 'file.openRecent');
        const actions = flattenMenu(recent?.submenu ?? []).flatMap((item) =>
          item.action ? [item.action] : [],
        );
        expect(actions).toEqual([
          { kind: 'openRecent', path: '/home/li/Byline' },
          { kind: 'openRecent', path: '/home/li/sites/newsroom' },
          { kind: 'openRecent', path: '/home/li/Byline/posts/chip-export-rules.md' },
          { kind: 'clearRecent' },
        ]);
      });
    });
  }

  it('macOS: About and Settings live in the app menu with Services, Hide and Quit; Replace avoids Cmd+H', () => {
    const [appMenu, ...rest] = buildMenuTemplate(commands, 'en', 'darwin', state);
    const roles = (appMenu?.submenu ?? []).map((item) => item.role ?? item.id ?? item.type);
    expect(roles).toEqual([
      'help.about',
      'separator',
      'window.settings',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    const elsewhere = flattenMenu(rest).map((item) => item.id);
    expect(elsewhere).not.toContain('help.about');
    expect(elsewhere).not.toContain('window.settings');
    const replace = flattenMenu(rest).find((item) => item.id === 'edit.replace');
    expect(replace?.accelerator).toBe('Cmd+Alt+F');
  });

  it('Windows and Linux: Exit/Quit ends the File menu, Replace is Ctrl+H, About is in Help', () => {
    const win = buildMenuTemplate(commands, 'en', 'win32', state);
    expect(win[0]?.submenu?.at(-1)).toMatchObject({ role: 'quit', label: 'Exit' });
    expect(flattenMenu(win).find((item) => item.id === 'edit.replace')?.accelerator).toBe('Ctrl+H');
    expect(win.at(-1)?.submenu?.map((item) => item.id ?? item.type)).toEqual([
      'help.commandPalette',
      'separator',
      'help.about',
    ]);
    const linux = buildMenuTemplate(commands, 'en', 'linux', state);
    expect(linux[0]?.submenu?.at(-1)).toMatchObject({
      role: 'quit',
      label: 'Quit Byline',
      accelerator: 'Ctrl+Q',
    });
  });

  it('translates every label into Chinese, with no English left in command items', () => {
    const zh = buildMenuTemplate(commands, 'zh-CN', 'linux', state);
    expect(zh.map((item) => item.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '格式',
      '插入',
      '窗口',
      '帮助',
    ]);
    const bold = flattenMenu(zh).find((item) => item.id === 'format.bold');
    expect(bold?.label).toBe('加粗');
    const en = flattenMenu(buildMenuTemplate(commands, 'en', 'linux', state));
    const zhItems = flattenMenu(zh);
    zhItems.forEach((item, index) => {
      if (item.label && item.enabled !== false && item.action?.kind !== 'openRecent') {
        expect(item.label, String(en[index]?.label)).not.toBe(en[index]?.label);
      }
    });
  });

  it('without recent items shows one disabled placeholder', () => {
    const template = buildMenuTemplate(commands, 'en', 'linux', {
      ...state,
      recentWorkspaces: [],
      recentFiles: [],
    });
    const recent = flattenMenu(template).find((item) => item.id === 'file.openRecent');
    expect(recent?.submenu).toEqual([{ label: 'No Recent Items', enabled: false }]);
  });

  it('hides developer tools unless asked', () => {
    const template = buildMenuTemplate(commands, 'en', 'linux', { ...state, devTools: false });
    expect(flattenMenu(template).some((item) => item.role === 'toggleDevTools')).toBe(false);
  });
});

describe('command labels', () => {
  it('every registry labelKey has a label in every UI language, and every menu a title', () => {
    for (const locale of uiLocales) {
      for (const command of commands) {
        const key = command.labelKey.replace(
          /^commands\./,
          '',
        ) as keyof (typeof commandLabels)['en'];
        expect(command.labelKey).toMatch(/^commands\./);
        expect(commandLabels[locale][key], `${locale} ${command.labelKey}`).toBeTruthy();
      }
      for (const menu of new Set(commands.map((c) => c.menu)))
        expect(menuLabels[locale][menu]).toBeTruthy();
    }
    expect(Object.keys(commandLabels['zh-CN']).sort()).toEqual(
      Object.keys(commandLabels.en).sort(),
    );
    expect(Object.keys(menuStrings['zh-CN']).sort()).toEqual(Object.keys(menuStrings.en).sort());
  });

  it('no label key is left unused by the registry', () => {
    const used = new Set(commands.map((c) => c.labelKey.replace(/^commands\./, '')));
    expect(Object.keys(commandLabels.en).filter((key) => !used.has(key))).toEqual([]);
  });
});

describe('accelerator helpers', () => {
  it('resolves CmdOrCtrl per platform and normalises aliases', () => {
    expect(resolveAccelerator('CmdOrCtrl+Shift+S', 'darwin')).toBe('Cmd+Shift+S');
    expect(resolveAccelerator('CmdOrCtrl+Shift+S', 'linux')).toBe('Ctrl+Shift+S');
    expect(normalizeAccelerator('Shift+CommandOrControl+Z', 'darwin')).toBe(
      normalizeAccelerator('Cmd+Shift+Z', 'darwin'),
    );
    expect(normalizeAccelerator('CmdOrCtrl+Plus', 'linux')).toBe('ctrl+=');
  });
});

describe('toElectronTemplate', () => {
  it('turns actions into click functions and keeps everything else', () => {
    const clicked: MenuAction[] = [];
    const id: CommandId = 'file.save';
    const [file] = toElectronTemplate(
      [
        {
          label: 'File',
          submenu: [{ id, label: 'Save', accelerator: 'Ctrl+S', action: { kind: 'command', id } }],
        },
      ],
      (action) => clicked.push(action),
    );
    const save = (
      file?.submenu as { click?: () => void; accelerator?: string; action?: unknown }[]
    )[0];
    expect(save?.accelerator).toBe('Ctrl+S');
    expect(save).not.toHaveProperty('action');
    save?.click?.();
    expect(clicked).toEqual([{ kind: 'command', id: 'file.save' }]);
  });
});

describe('recentLabel', () => {
  it('names the item and its folder, and escapes & for mnemonics', () => {
    expect(recentLabel('/home/li/Byline/posts/a.md')).toBe('a.md — posts');
    expect(recentLabel('C:\\Users\\li\\R&D notes')).toBe('R&&D notes — li');
  });
});
