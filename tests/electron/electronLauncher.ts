/** The shared desktop scenarios' launcher on a real Electron binary (Playwright's `_electron`). */
import type { ElectronApplication, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type {
  DesktopLauncher,
  DesktopProfile,
  DialogAnswer,
  LaunchOptions,
  RunningDesktop,
} from '../desktop-scenarios/desktopDriver';
import { clickMenuItem, launchByline, readyWindow } from './launchByline';

const repoRoot = path.resolve(import.meta.dirname, '../..');

interface DialogState {
  queue: Record<string, DialogAnswer[]>;
  shown: Record<string, Record<string, unknown>[]>;
  answered: Record<string, number>;
}

export class ElectronDesktop implements RunningDesktop {
  private readonly closed: Promise<void>;

  constructor(
    readonly app: ElectronApplication,
    readonly profile: DesktopProfile,
    readonly platform: string,
  ) {
    this.closed = new Promise((resolve) => app.once('close', () => resolve()));
  }

  page(): Promise<Page> {
    return readyWindow(this.app);
  }

  async windowUrl(): Promise<string> {
    await this.page();
    return this.app.evaluate(
      ({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL() ?? '',
    );
  }

  menuTitles(): Promise<string[]> {
    return this.app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((item) => item.label),
    );
  }

  accelerator(id: string): Promise<string | null> {
    return this.app.evaluate(({ Menu }, itemId) => {
      const accelerator = Menu.getApplicationMenu()?.getMenuItemById(itemId)?.accelerator;
      return typeof accelerator === 'string' ? accelerator : null;
    }, id);
  }

  submenu(id: string): Promise<{ label: string; toolTip: string }[]> {
    return this.app.evaluate(
      ({ Menu }, itemId) =>
        (Menu.getApplicationMenu()?.getMenuItemById(itemId)?.submenu?.items ?? []).map((item) => ({
          label: item.label,
          toolTip: item.toolTip,
        })),
      id,
    );
  }

  clickMenuItem(id: string): Promise<void> {
    return clickMenuItem(this.app, id);
  }

  /** A file input gives Electron a File from disk (with its path), which is then dropped. */
  async dropFile(file: string, selector = '.app-shell'): Promise<void> {
    const page = await this.page();
    const input = await page.evaluateHandle(() => {
      const element = document.createElement('input');
      element.type = 'file';
      element.hidden = true;
      document.body.append(element);
      return element;
    });
    await input.setInputFiles(file);
    await input.evaluate((element, target) => {
      const transfer = new DataTransfer();
      for (const picked of element.files ?? []) transfer.items.add(picked);
      element.remove();
      const over = document.querySelector(target);
      if (!over) throw new Error(`nothing to drop on at ${target}`);
      for (const type of ['dragenter', 'dragover', 'drop'])
        over.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
    }, selector);
  }

  /** Wraps main's dialog functions once: queued answers are given, every call's options kept. */
  async scriptDialog(answer: DialogAnswer): Promise<void> {
    await this.app.evaluate(({ dialog }, wanted) => {
      const scope = globalThis as unknown as { bylineDialogs?: DialogState };
      if (!scope.bylineDialogs) {
        const state: DialogState = { queue: {}, shown: {}, answered: {} };
        scope.bylineDialogs = state;
        const functions = dialog as unknown as Record<
          string,
          (...args: unknown[]) => Promise<unknown>
        >;
        for (const kind of ['showOpenDialog', 'showSaveDialog', 'showMessageBox']) {
          const original = functions[kind]?.bind(dialog);
          functions[kind] = async (...args: unknown[]) => {
            const options = args.at(-1) as Record<string, unknown>;
            (state.shown[kind] ??= []).push(options);
            const next = state.queue[kind]?.shift();
            if (!next) return original?.(...args);
            state.answered[kind] = (state.answered[kind] ?? 0) + 1;
            if (next.kind === 'showOpenDialog')
              return { canceled: false, filePaths: next.filePaths };
            if (next.kind === 'showSaveDialog') return { canceled: false, filePath: next.filePath };
            return {
              response: (options.buttons as string[]).indexOf(next.button),
              checkboxChecked: false,
            };
          };
        }
      }
      (scope.bylineDialogs.queue[wanted.kind] ??= []).push(wanted);
    }, answer);
  }

  dialogsShown(kind: DialogAnswer['kind']): Promise<Record<string, unknown>[]> {
    return this.app.evaluate(
      (_electron, wanted) =>
        (globalThis as unknown as { bylineDialogs?: DialogState }).bylineDialogs?.shown[wanted] ??
        [],
      kind,
    );
  }

  dialogsAnswered(kind: DialogAnswer['kind']): Promise<number> {
    return this.app.evaluate(
      (_electron, wanted) =>
        (globalThis as unknown as { bylineDialogs?: DialogState }).bylineDialogs?.answered[
          wanted
        ] ?? 0,
      kind,
    );
  }

  async closeWindow(): Promise<void> {
    await this.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  }

  windowCount(): Promise<number> {
    return this.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  }

  async setWindowSize(width: number, height: number): Promise<void> {
    await this.app.evaluate(
      ({ BrowserWindow }, [w, h]) => BrowserWindow.getAllWindows()[0]?.setSize(w ?? 0, h ?? 0),
      [width, height],
    );
  }

  windowSize(): Promise<number[]> {
    return this.app.evaluate(
      ({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getSize() ?? [],
    );
  }

  whenQuit(): Promise<void> {
    return this.closed;
  }

  async quit(): Promise<void> {
    await this.app.close();
  }
}

export class ElectronLauncher implements DesktopLauncher {
  async launch(options: LaunchOptions = {}): Promise<RunningDesktop> {
    const base = options.profile?.base ?? mkdtempSync(path.join(os.tmpdir(), 'byline-electron-'));
    const userData = options.profile?.userData ?? path.join(base, 'userData');
    if (options.settings) {
      mkdirSync(userData, { recursive: true });
      writeFileSync(
        path.join(userData, 'settings.json'),
        JSON.stringify({ settings: options.settings }),
      );
    }
    const launched = await launchByline({
      ...(options.fixture ? { fixture: options.fixture } : {}),
      ...(options.args ? { args: options.args } : {}),
      base,
      userData,
      ...(options.startWorkspace ? { startWorkspace: options.startWorkspace } : {}),
    });
    const platform = await launched.app.evaluate(() => process.platform);
    return new ElectronDesktop(
      launched.app,
      { base: launched.base, workspace: launched.workspace, userData: launched.userData },
      platform,
    );
  }

  /** A second Electron process on the same profile, as a file manager starts it; it hands over and exits. */
  async secondInstance(first: RunningDesktop, args: string[], cwd: string): Promise<void> {
    const electronBinary = createRequire(import.meta.url)('electron') as string;
    const child = spawn(
      electronBinary,
      [repoRoot, `--user-data-dir=${first.profile.userData}`, ...args],
      {
        cwd,
        env: { ...process.env, BYLINE_USER_DATA: first.profile.userData },
        stdio: 'ignore',
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.once('exit', () => resolve());
      child.once('error', reject);
    });
  }
}
