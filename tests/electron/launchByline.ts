import { _electron as electron } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface LaunchedByline {
  app: ElectronApplication;
  workspace: string;
  userData: string;
}

/** Launches the built app (dist/main/electron.mjs) on a temp copy of a fixture workspace. */
export async function launchByline(fixture = 'articles-e2e'): Promise<LaunchedByline> {
  const base = mkdtempSync(path.join(os.tmpdir(), 'byline-electron-'));
  const workspace = path.join(base, 'workspace');
  const userData = path.join(base, 'userData');
  cpSync(path.join(repoRoot, 'tests/fixtures', fixture), workspace, { recursive: true });
  const app = await electron.launch({
    args: [repoRoot, `--user-data-dir=${userData}`],
    env: { ...process.env, BYLINE_WORKSPACE: workspace, BYLINE_USER_DATA: userData },
  });
  return { app, workspace, userData };
}
