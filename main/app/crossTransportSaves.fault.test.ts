import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStamp, SaveResult } from '../../shared/ipc/contract';
import type { WebServer } from '../web/webServer';
import { startWebServer } from '../web/webServer';
import type { BylineMain } from './createBylineMain';
import { createBylineMain } from './createBylineMain';
import { dispatchRequest } from './dispatchRequest';

const token = 'cross-transport-test-token';
let base: string;
let app: BylineMain;
let server: WebServer;
let workspaceId: string;

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-transports-'));
  const workspace = path.join(base, 'ws');
  mkdirSync(workspace);
  writeFileSync(path.join(workspace, 'a.md'), 'base\n');
  app = await createBylineMain({
    dataDir: path.join(base, 'data'),
    documentsDir: path.join(base, 'documents'),
    assetsDir: path.join(base, 'assets'),
    transport: 'web',
    version: '0.0.0',
    platform: process.platform,
    systemLocale: 'en',
    initialWorkspace: workspace,
    emit: () => {},
  });
  server = await startWebServer(() => app, { staticDir: path.join(base, 'static'), token });
  workspaceId = (await app.handlers['workspace.current']()).id;
});

afterAll(async () => {
  await server.close();
  await app.dispose();
  rmSync(base, { recursive: true, force: true });
});

const format = { encoding: 'utf-8', bom: false, eol: '\n' } as const;
const request = (text: string, baseStamp: FileStamp): unknown => ({
  workspace: workspaceId,
  path: 'a.md',
  text,
  format,
  baseStamp,
});

/** A browser tab: POST /api/article.save with the per-run token. */
async function saveOverHttp(text: string, baseStamp: FileStamp): Promise<SaveResult> {
  const response = await fetch(`${server.url.split('?')[0]?.replace(/\/$/, '')}/api/article.save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-byline-token': token },
    body: JSON.stringify({ input: request(text, baseStamp) }),
  });
  const outcome = (await response.json()) as { ok: boolean; value: SaveResult };
  return outcome.value;
}

/** The desktop window: what Electron's ipcBridge calls for `byline:req:article.save`. */
async function saveOverIpc(text: string, baseStamp: FileStamp): Promise<SaveResult> {
  const outcome = await dispatchRequest(app.handlers, 'article.save', request(text, baseStamp));
  return (outcome as { ok: true; value: SaveResult }).value;
}

describe('one queue per file across both transports', () => {
  it('200 pairs of simultaneous saves, one over HTTP and one over the IPC dispatcher: one saved, one conflict', async () => {
    let stamp = (await app.handlers['article.open']({ workspace: workspaceId, path: 'a.md' }))
      .stamp;
    const file = path.join(app.workspaceRoot(), 'a.md');
    for (let i = 0; i < 200; i++) {
      const texts = [`browser ${i}\n`, `desktop ${i}\n`] as const;
      const results = await Promise.all([
        saveOverHttp(texts[0], stamp),
        saveOverIpc(texts[1], stamp),
      ]);
      const winner = results.findIndex((r) => r.status === 'saved');
      const statuses = results.map((r) => r.status).sort();
      if (winner === -1 || statuses.join() !== 'conflict,saved')
        throw new Error(`pair ${i}: ${statuses.join(', ')}`);
      if (readFileSync(file, 'utf8') !== texts[winner])
        throw new Error(`pair ${i}: wrong text on disk`);
      stamp = (results[winner] as Extract<SaveResult, { status: 'saved' }>).stamp;
    }
    expect(readFileSync(file, 'utf8')).toMatch(/^(browser|desktop) 199\n$/);
  }, 300_000);
});
