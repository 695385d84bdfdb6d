import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLabel, uiLocales } from '../../shared/commands/commandLabels';
import {
  acceleratorFor,
  acceleratorToKeyBinding,
  commandById,
  commandIds,
  commands,
} from '../../shared/commands/commandRegistry';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-CN';

// One command registry for the native menu, the toolbar and the shortcuts.
const root = path.resolve(import.meta.dirname, '../..');

function rendererSources(dir = path.join(root, 'renderer')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return rendererSources(full);
      return /\.(ts|tsx)$/.test(entry.name) && !/\.test\./.test(entry.name)
        ? readFileSync(full, 'utf8')
        : '';
    })
    .join('\n');
}

describe('command registry', () => {
  it('lists every id once, with one descriptor each', () => {
    expect(new Set(commandIds).size).toBe(commandIds.length);
    expect(commands.map((c) => c.id)).toEqual([...commandIds]);
    for (const id of commandIds) expect(commandById(id).id).toBe(id);
  });

  it('every command the menu shows has a handler registered by the renderer', () => {
    const source = rendererSources();
    const escape = (id: string): string => id.replace('.', '\\.');
    const missing = commandIds.filter(
      (id) =>
        !new RegExp(
          `'${escape(id)}'\\s*:|useCommandHandler\\(\\s*'${escape(id)}'|toggleCommand:\\s*'${escape(id)}'`,
        ).test(source),
    );
    expect(missing).toEqual([]);
  });

  it('the renderer’s i18n resources carry every command label, identical to the menu’s', () => {
    const resources = { en, 'zh-CN': zhCN } as const;
    for (const locale of uiLocales) {
      const labels = resources[locale].commands as Record<string, string>;
      for (const command of commands) {
        const key = command.labelKey.replace(/^commands\./, '');
        expect(labels[key], `${locale} ${command.labelKey}`).toBe(
          commandLabel(command.labelKey, locale),
        );
      }
    }
  });

  it('accelerators: macOS replaces only what the system takes; none repeats on any platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const seen = new Map<string, string>();
      for (const command of commands) {
        const accelerator = acceleratorFor(command, platform);
        if (!accelerator) continue;
        // Ctrl+Cmd+F is macOS's own full-screen shortcut.
        expect(accelerator).toMatch(/^(CmdOrCtrl\+|Ctrl\+Cmd\+)?(Shift\+)?(Alt\+)?[^+]+$/);
        expect(seen.get(accelerator), `${platform}: ${accelerator}`).toBeUndefined();
        seen.set(accelerator, command.id);
      }
    }
    expect(acceleratorFor(commandById('edit.replace'), 'darwin')).toBe('CmdOrCtrl+Alt+F');
    expect(acceleratorFor(commandById('edit.replace'), 'win32')).toBe('CmdOrCtrl+H');
    expect(commands.filter((c) => c.macAccelerator).map((c) => c.id)).toEqual([
      'edit.replace',
      'view.fullScreen',
    ]);
  });

  it('turns accelerators into CodeMirror bindings with lower-case letters (CodeMirror ignores Mod-S)', () => {
    expect(acceleratorToKeyBinding('CmdOrCtrl+Shift+S')).toBe('Mod-Shift-s');
    expect(acceleratorToKeyBinding('CmdOrCtrl+B')).toBe('Mod-b');
    expect(acceleratorToKeyBinding('CmdOrCtrl+Alt+2')).toBe('Mod-Alt-2');
    expect(acceleratorToKeyBinding('CmdOrCtrl+\\')).toBe('Mod-\\');
    expect(acceleratorToKeyBinding('CmdOrCtrl+,')).toBe('Mod-,');
  });
});
