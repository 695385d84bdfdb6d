import { _electron as electron } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface LaunchedByline {
  app: ElectronApplication;
  workspace: string;
  userData: string;
  /** A temp folder beside the workspace for extra workspaces/files a test creates. */
  base: string;
}

export interface LaunchOptions {
  /** Fixture copied into the workspace (tests/fixtures/<fixture>). */
  fixture?: string;
  /** Extra command-line arguments, as a file manager or shell would pass them (files, folders). */
  args?: string[];
  /** Reuse a profile (window state, session) from an earlier launch. */
  userData?: string;
  base?: string;
  /** The folder Byline starts on (BYLINE_WORKSPACE); the fixture copy by default. */
  startWorkspace?: string;
}

/** Launches the built app (package.json main: dist/main/electron.mjs) on a temp copy of a fixture workspace. */
export async function launchByline(options: LaunchOptions | string = {}): Promise<LaunchedByline> {
  const opts: LaunchOptions = typeof options === 'string' ? { fixture: options } : options;
  const base = opts.base ?? mkdtempSync(path.join(os.tmpdir(), 'byline-electron-'));
  const workspace = path.join(base, 'workspace');
  const userData = opts.userData ?? path.join(base, 'userData');
  mkdirSync(workspace, { recursive: true });
  cpSync(path.join(repoRoot, 'tests/fixtures', opts.fixture ?? 'articles-e2e'), workspace, {
    recursive: true,
  });
  // Always a temp workspace: never the default one in the real ~/Documents.
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    BYLINE_USER_DATA: userData,
    BYLINE_WORKSPACE: opts.startWorkspace ?? workspace,
  };
  const app = await electron.launch({
    args: [repoRoot, `--user-data-dir=${userData}`, ...(opts.args ?? [])],
    env,
  });
  return { app, workspace, userData, base };
}

/** The first window once the library has loaded. */
export async function readyWindow(app: ElectronApplication): Promise<Page> {
  const window = await app.firstWindow();
  await window.locator('.library').waitFor();
  return window;
}

/** Clicks a native menu item by its id (registry command ids, `file.openRecent`…), as a user would. */
export async function clickMenuItem(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate(({ Menu, BrowserWindow }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`No menu item ${itemId}`);
    item.click(undefined, BrowserWindow.getAllWindows()[0]);
  }, id);
}
