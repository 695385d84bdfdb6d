/** The small OS-facing modules: shell, screen, nativeTheme, clipboard. */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { OpenExternalOptions, Rectangle } from 'electron';
import type { CallRecord } from './callRecord';

/** `shell`: nothing leaves the machine; trashed items move to the stand-in's own trash folder. */
export function createShell(record: CallRecord, trashDir: string) {
  return {
    async openExternal(url: string, options?: OpenExternalOptions): Promise<void> {
      record.add('shell.openExternal', url, options);
    },
    async openPath(target: string): Promise<string> {
      record.add('shell.openPath', target);
      // Electron resolves with an error message instead of rejecting.
      return existsSync(target) ? '' : `Failed to open path: ${target}`;
    },
    async trashItem(target: string): Promise<void> {
      record.add('shell.trashItem', target);
      mkdirSync(trashDir, { recursive: true });
      renameSync(target, path.join(trashDir, `${Date.now()}-${path.basename(target)}`));
    },
    showItemInFolder(target: string): void {
      record.add('shell.showItemInFolder', target);
    },
  } satisfies Pick<Electron.Shell, 'openExternal' | 'openPath' | 'trashItem' | 'showItemInFolder'>;
}

export type StandInDisplay = Pick<
  Electron.Display,
  | 'id'
  | 'bounds'
  | 'workArea'
  | 'size'
  | 'workAreaSize'
  | 'scaleFactor'
  | 'rotation'
  | 'internal'
  | 'label'
>;

export function display(id: number, bounds: Rectangle, workArea: Rectangle): StandInDisplay {
  return {
    id,
    bounds,
    workArea,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    scaleFactor: 1,
    rotation: 0,
    internal: false,
    label: `Display ${id}`,
  };
}

/** One 1920×1080 screen with a 30-pixel panel, unless a scenario plugs in others. */
export const defaultDisplays: readonly StandInDisplay[] = [
  display(1, { x: 0, y: 0, width: 1920, height: 1080 }, { x: 0, y: 0, width: 1920, height: 1050 }),
];

export function createScreen(displays: readonly StandInDisplay[]) {
  const [primary] = displays;
  if (!primary) throw new Error('The stand-in needs at least one display');
  return Object.assign(new EventEmitter(), {
    getAllDisplays: (): StandInDisplay[] => [...displays],
    getPrimaryDisplay: (): StandInDisplay => primary,
    getCursorScreenPoint: () => ({ x: primary.workArea.x, y: primary.workArea.y }),
  });
}

/** `nativeTheme`: the system is light; setting themeSource changes what pages see as color scheme. */
export function createNativeTheme(record: CallRecord, onChange: (dark: boolean) => void) {
  let source: Electron.NativeTheme['themeSource'] = 'system';
  const theme = Object.assign(new EventEmitter(), {
    get themeSource(): Electron.NativeTheme['themeSource'] {
      return source;
    },
    set themeSource(value: Electron.NativeTheme['themeSource']) {
      record.add('nativeTheme.themeSource', value);
      source = value;
      onChange(theme.shouldUseDarkColors);
      theme.emit('updated');
    },
    get shouldUseDarkColors(): boolean {
      return source === 'dark';
    },
  });
  return theme satisfies Pick<Electron.NativeTheme, 'themeSource' | 'shouldUseDarkColors'>;
}

export function createClipboard(record: CallRecord) {
  let text = '';
  return {
    writeText(value: string): void {
      record.add('clipboard.writeText', value);
      text = value;
    },
    readText: (): string => text,
    clear(): void {
      text = '';
    },
  } satisfies Pick<Electron.Clipboard, 'writeText' | 'readText' | 'clear'>;
}
