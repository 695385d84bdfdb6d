/**
 * Runs the built Electron main bundle (dist/main/electron.mjs) under the Electron stand-in, one
 * simulated process per launch, with the renderer in the worker's Chromium. Implements the
 * DesktopLauncher the shared desktop scenarios drive.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type {
  DesktopLauncher,
  DesktopProfile,
  DialogAnswer,
  LaunchOptions,
  RunningDesktop,
} from '../desktop-scenarios/desktopDriver';
import type { ElectronStandIn, Tampering } from './electronStandIn';
import { createElectronStandIn } from './electronStandIn';
import { SingleInstanceLocks } from './standInApp';
import { dropFromOs } from './preloadInPage';
import type { StandInBrowserWindow } from './standInBrowserWindow';
import type { StandInMenu } from './standInMenu';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const bundle = pathToFileURL(path.join(repoRoot, 'dist/main/electron.mjs'));
/** How Electron starts an unpackaged app: [electron, appPath, ...arguments]. */
const electronExecutable = '/opt/byline-standin/electron';

register('./loader/resolveElectron.mjs', import.meta.url);
const registryKey = Symbol.for('byline.electronStandIns');
const registry = ((globalThis as Record<symbol, unknown>)[registryKey] ??= new Map()) as Map<
  string,
  ElectronStandIn['electron']
>;
let launches = 0;

interface DesktopBundle {
  startDesktopApp(launch: {
    argv: readonly string[];
    cwd: string;
    env: Record<string, string | undefined>;
  }): Promise<void>;
}

/** One simulated process: the stand-in it runs on and the bundle's start-up. */
export interface StandInProcess {
  standIn: ElectronStandIn;
  started: Promise<void>;
}

export class StandInLauncher implements DesktopLauncher {
  private readonly locks = new SingleInstanceLocks();
  private readonly running: StandInProcess[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly tampering: Tampering = {},
  ) {}

  newProfile(fixture = 'articles-e2e'): DesktopProfile {
    const base = mkdtempSync(path.join(os.tmpdir(), 'byline-standin-'));
    const workspace = path.join(base, 'workspace');
    mkdirSync(workspace, { recursive: true });
    cpSync(path.join(repoRoot, 'tests/fixtures', fixture), workspace, { recursive: true });
    return { base, workspace, userData: path.join(base, 'userData') };
  }

  /** Starts the bundle in a fresh simulated process. */
  async start(
    profile: DesktopProfile,
    args: readonly string[],
    cwd: string,
    startWorkspace?: string,
  ): Promise<StandInProcess> {
    const id = String(++launches);
    const standIn = createElectronStandIn({
      browser: this.browser,
      locks: this.locks,
      argv: [electronExecutable, repoRoot, ...args],
      cwd,
      paths: {
        // Electron's default before main points userData at BYLINE_USER_DATA.
        userData: path.join(profile.base, 'default-user-data'),
        documents: path.join(profile.base, 'documents'),
        home: profile.base,
        temp: os.tmpdir(),
      },
      trashDir: path.join(profile.base, 'trash'),
      tampering: this.tampering,
    });
    registry.set(id, standIn.electron);
    const { startDesktopApp } = (await import(
      `${bundle.href}?electron-standin=${id}`
    )) as DesktopBundle;
    const started = startDesktopApp({
      argv: [electronExecutable, repoRoot, ...args],
      cwd,
      env: {
        BYLINE_USER_DATA: profile.userData,
        BYLINE_WORKSPACE: startWorkspace ?? profile.workspace,
      },
    });
    // Electron emits 'ready' after the entry script's synchronous part.
    standIn.electron.app.becomeReady();
    const process = { standIn, started };
    this.running.push(process);
    return process;
  }

  async launch(options: LaunchOptions = {}): Promise<RunningDesktop> {
    const profile = options.profile ?? this.newProfile(options.fixture);
    if (options.settings) {
      mkdirSync(profile.userData, { recursive: true });
      writeFileSync(
        path.join(profile.userData, 'settings.json'),
        JSON.stringify({ settings: options.settings }),
      );
    }
    const process = await this.start(profile, options.args ?? [], repoRoot, options.startWorkspace);
    return new StandInDesktop(profile, process);
  }

  async secondInstance(first: RunningDesktop, args: string[], cwd: string): Promise<void> {
    const second = await this.start(first.profile, args, cwd);
    await second.started;
    await second.standIn.electron.app.whenQuit();
  }

  /** Ends whatever a test left running. */
  async closeAll(): Promise<void> {
    for (const { standIn } of this.running.splice(0)) {
      if (process.env.BYLINE_STANDIN_DEBUG)
        console.log(
          standIn.record.calls
            .map(
              (call) =>
                `${call.api} ${call.args
                  .map((arg) =>
                    typeof arg === 'object' && !Array.isArray(arg) && arg && 'response' in arg
                      ? JSON.stringify(arg)
                      : typeof arg === 'object'
                        ? '…'
                        : String(arg),
                  )
                  .join(' ')
                  .slice(0, 160)}`,
            )
            .join('\n'),
        );
      await standIn.close();
    }
  }
}

export class StandInDesktop implements RunningDesktop {
  readonly platform = process.platform;

  constructor(
    readonly profile: DesktopProfile,
    readonly process: StandInProcess,
  ) {}

  get standIn(): ElectronStandIn {
    return this.process.standIn;
  }

  async mainWindow(): Promise<StandInBrowserWindow> {
    // A start-up that fails before its first window fails here rather than leaving the test waiting.
    return Promise.race([
      this.standIn.firstWindow(),
      this.process.started.then(() => this.standIn.firstWindow()),
    ]);
  }

  async page(): Promise<Page> {
    const page = await (await this.mainWindow()).webContents.pageReady;
    // The workbench, not the library: a narrow window collapses the library into a bar.
    await page.locator('.app-shell').waitFor();
    return page;
  }

  async windowUrl(): Promise<string> {
    await this.page();
    return (await this.mainWindow()).webContents.getURL();
  }

  private applicationMenu(): StandInMenu {
    const menu = this.standIn.electron.Menu.getApplicationMenu();
    if (!menu) throw new Error('No application menu');
    return menu;
  }

  async menuTitles(): Promise<string[]> {
    return this.applicationMenu().items.map((item) => item.label);
  }

  async accelerator(id: string): Promise<string | null> {
    return this.applicationMenu().getMenuItemById(id)?.accelerator ?? null;
  }

  async submenu(id: string): Promise<{ label: string; toolTip: string }[]> {
    const items = this.applicationMenu().getMenuItemById(id)?.submenu?.items ?? [];
    return items.map(({ label, toolTip }) => ({ label, toolTip }));
  }

  async clickMenuItem(id: string): Promise<void> {
    const item = this.applicationMenu().getMenuItemById(id);
    if (!item) throw new Error(`No menu item ${id}`);
    item.click({}, (await this.mainWindow()) as unknown as Electron.BaseWindow);
  }

  async dropFile(file: string, selector = '.app-shell'): Promise<void> {
    const page = await this.page();
    const bytes = [...readFileSync(file)];
    await page.evaluate(dropFromOs, { path: file, name: path.basename(file), bytes, selector });
  }

  async scriptDialog(answer: DialogAnswer): Promise<void> {
    const { dialogs } = this.standIn;
    if (answer.kind === 'showOpenDialog')
      dialogs.script('showOpenDialog', () => ({ canceled: false, filePaths: answer.filePaths }));
    else if (answer.kind === 'showSaveDialog')
      dialogs.script('showSaveDialog', () => ({ canceled: false, filePath: answer.filePath }));
    else
      dialogs.script('showMessageBox', (options) => {
        const response = options.buttons?.indexOf(answer.button) ?? -1;
        if (response < 0)
          throw new Error(`No button ${answer.button} in ${String(options.buttons)}`);
        return { response, checkboxChecked: false };
      });
  }

  async dialogsShown(kind: DialogAnswer['kind']): Promise<Record<string, unknown>[]> {
    return this.standIn.record
      .argsOf(`dialog.${kind}`)
      .map((args) => args[0] as Record<string, unknown>);
  }

  async dialogsAnswered(kind: DialogAnswer['kind']): Promise<number> {
    return this.standIn.record.argsOf(`dialog.${kind}.answer`).length;
  }

  async closeWindow(): Promise<void> {
    (await this.mainWindow()).close();
  }

  async windowCount(): Promise<number> {
    return this.standIn.electron.BrowserWindow.getAllWindows().length;
  }

  async setWindowSize(width: number, height: number): Promise<void> {
    (await this.mainWindow()).setSize(width, height);
  }

  async windowSize(): Promise<number[]> {
    return (await this.mainWindow()).getSize();
  }

  async whenQuit(): Promise<void> {
    await this.standIn.electron.app.whenQuit();
    await this.standIn.close();
  }

  async quit(): Promise<void> {
    this.standIn.electron.app.quit();
    await this.whenQuit();
  }
}
