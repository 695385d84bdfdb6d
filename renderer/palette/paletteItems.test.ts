import { describe, expect, it } from 'vitest';
import { commandIds, commands } from '../../shared/commands/commandRegistry';
import { articleItems, commandItems, filterPaletteItems, workspaceItems } from './paletteItems';

const firstLabel = (query: string, locale: 'en' | 'zh-CN' = 'zh-CN'): string | undefined =>
  filterPaletteItems(commandItems(commands, locale, 'linux'), query)[0]?.label;

describe('palette items', () => {
  it('lists every registry command with its shortcut for the platform', () => {
    const linux = commandItems(commands, 'en', 'linux');
    expect(linux.map((item) => item.key.replace('command:', '')).sort()).toEqual(
      [...commandIds].sort(),
    );
    expect(linux.find((item) => item.key === 'command:help.commandPalette')?.shortcut).toBe(
      'Ctrl+Shift+P',
    );
    const mac = commandItems(commands, 'en', 'darwin');
    expect(mac.find((item) => item.key === 'command:file.export')?.shortcut).toBe('⌘E');
    expect(mac.find((item) => item.key === 'command:edit.replace')?.shortcut).toBe('⌘⌥F');
  });

  it('finds Chinese commands by characters, pinyin, initials and their English names', () => {
    expect(firstLabel('导出')).toBe('导出…');
    expect(firstLabel('daochu')).toBe('导出…');
    expect(firstLabel('bbls')).toBe('版本历史');
    expect(firstLabel('lishi')).toBe('版本历史');
    expect(firstLabel('export')).toBe('导出…');
    expect(firstLabel('history')).toBe('版本历史');
  });

  it('finds English commands, best match first', () => {
    expect(firstLabel('export', 'en')).toBe('Export…');
    expect(firstLabel('vers hist', 'en')).toBe('Version History');
    expect(firstLabel('save all', 'en')).toBe('Save All');
    expect(firstLabel('palette', 'en')).toBe('Command Palette…');
  });

  it('finds recent articles by title (pinyin too) and path, and workspaces by folder name', () => {
    const rows = [
      ...articleItems([{ path: 'posts/chips.md', title: '芯片出口新规' }]),
      ...workspaceItems(['/home/li/newsroom', 'C:\\Users\\li\\Byline']),
    ];
    expect(filterPaletteItems(rows, 'xpck')[0]?.key).toBe('article:posts/chips.md');
    expect(filterPaletteItems(rows, 'chips')[0]?.key).toBe('article:posts/chips.md');
    expect(filterPaletteItems(rows, 'newsroom')[0]?.label).toBe('newsroom');
    expect(filterPaletteItems(rows, 'byline')[0]?.detail).toBe('C:\\Users\\li\\Byline');
    expect(filterPaletteItems(rows, '')).toHaveLength(3);
  });
});
