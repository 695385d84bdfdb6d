import type { Page } from '@playwright/test';

/** A temp installation: a workspace copied from a fixture and a user-data folder. */
export interface DesktopProfile {
  base: string;
  workspace: string;
  userData: string;
}

/** How the writer answers a native dialog, declared ahead (real Electron answers in its own process). */
export type DialogAnswer =
  | { kind: 'showOpenDialog'; filePaths: string[] }
  | { kind: 'showSaveDialog'; filePath: string }
  | { kind: 'showMessageBox'; button: string };

export interface LaunchOptions {
  /** Fixture copied into the workspace (tests/fixtures/<fixture>); articles-e2e by default. */
  fixture?: string;
  /** Files and folders on the command line, as a file manager or shell passes them. */
  args?: string[];
  /** Start on an earlier launch's profile (window state, session). */
  profile?: DesktopProfile;
  /** The folder Byline starts on (BYLINE_WORKSPACE); the profile's workspace by default. */
  startWorkspace?: string;
  /** Settings stored before the start (the `settings` of settings.json in the user-data folder). */
  settings?: Record<string, unknown>;
}

/** One running desktop app, driven the same way whether Electron is real or the stand-in. */
export interface RunningDesktop {
  profile: DesktopProfile;
  platform: string;
  /** The main window's page once the library shows. */
  page(): Promise<Page>;
  /** The address main loaded, as main sees it. */
  windowUrl(): Promise<string>;
  menuTitles(): Promise<string[]>;
  accelerator(id: string): Promise<string | null>;
  /** Labels and tooltips of a submenu's items (e.g. file.openRecent). */
  submenu(id: string): Promise<{ label: string; toolTip: string }[]>;
  clickMenuItem(id: string): Promise<void>;
  /** Drops a file from disk on the window (on `selector`, the workbench by default), as the OS does. */
  dropFile(file: string, selector?: string): Promise<void>;
  /** Answers the next dialog of that kind. */
  scriptDialog(answer: DialogAnswer): Promise<void>;
  /** The options main passed to each dialog of that kind so far. */
  dialogsShown(kind: DialogAnswer['kind']): Promise<Record<string, unknown>[]>;
  /** How many dialogs of that kind main has had its answer for. */
  dialogsAnswered(kind: DialogAnswer['kind']): Promise<number>;
  /** Like clicking the window's close button. */
  closeWindow(): Promise<void>;
  windowCount(): Promise<number>;
  setWindowSize(width: number, height: number): Promise<void>;
  windowSize(): Promise<number[]>;
  /** Resolves when the app has quit by itself (last window closed). */
  whenQuit(): Promise<void>;
  /** Quits the app (File › Quit) and waits until it is gone. */
  quit(): Promise<void>;
}

export interface DesktopLauncher {
  launch(options?: LaunchOptions): Promise<RunningDesktop>;
  /** Starts a second instance on the same profile with these arguments; resolves once it has exited. */
  secondInstance(first: RunningDesktop, args: string[], cwd: string): Promise<void>;
}
