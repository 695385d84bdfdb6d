// Workspace identity, with real folders and both transports: a window whose workspace another
// window switched keeps saving into its own workspace; ids main did not issue are refused; a
// file opened on its own reaches only itself.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestNames } from '../../shared/ipc/channels';
import type { BylineApi, SaveResult } from '../../shared/ipc/contract';
import { autosaveDelayMs, DocumentStore } from '../../renderer/document/documentStore';
import { ManualTimers } from '../../tests/unit/support/manualTimers';
import type { WebServer } from '../web/webServer';
import { startWebServer } from '../web/webServer';
import type { BylineMain } from './createBylineMain';
import { createBylineMain } from './createBylineMain';
import type { DispatchOutcome } from './dispatchRequest';
import { dispatchRequest } from './dispatchRequest';

const token = 'workspace-identity-test-token';
type Transport = 'ipc' | 'http';
type Call = (name: string, input?: unknown) => Promise<DispatchOutcome>;

let base: string;
let app: BylineMain;
let server: WebServer;
const folder = (name: string): string => path.join(base, name);
const read = (...parts: string[]): string => readFileSync(path.join(base, ...parts), 'utf8');

async function startMain(): Promise<BylineMain> {
  return createBylineMain({
    dataDir: folder('data'),
    documentsDir: folder('documents'),
    assetsDir: folder('assets'),
    transport: 'web',
    version: '0.0.0',
    platform: process.platform,
    systemLocale: 'en',
    initialWorkspace: folder('a'),
    emit: () => {},
  });
}

beforeEach(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-identity-'));
  for (const [file, text] of Object.entries({
    'a/story.md': '# A story\n',
    'a/notes.md': '# A notes\n',
    'b/notes.md': '# B notes: an unrelated article\n',
    'loose/draft.md': '# Loose draft\n',
    'loose/secret.md': '# Not granted\n',
    'elsewhere/target.md': '# Outside the grant’s folder\n',
  })) {
    mkdirSync(path.dirname(folder(file)), { recursive: true });
    writeFileSync(folder(file), text);
  }
  app = await startMain();
  server = await startWebServer(() => app, { staticDir: folder('static'), token });
});

afterEach(async () => {
  await server.close();
  await app.dispose();
  rmSync(base, { recursive: true, force: true });
});

/** The desktop window's path: what Electron's ipcBridge calls for `byline:req:<name>`. */
const overIpc: Call = (name, input) => dispatchRequest(app.handlers, name, input);
/** A browser tab's path: POST /api/<name> with the per-run token. */
const overHttp: Call = async (name, input) => {
  const origin = new URL(server.url).origin;
  const response = await fetch(`${origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-byline-token': token },
    body: JSON.stringify({ input }),
  });
  return (await response.json()) as DispatchOutcome;
};
const over = (transport: Transport): Call => (transport === 'ipc' ? overIpc : overHttp);

/** The contract API a renderer gets over one transport (errors carry main's code as `name`). */
function apiOver(call: Call): BylineApi {
  const api: Record<string, unknown> = {};
  for (const name of requestNames) {
    api[name] = async (input?: unknown) => {
      const outcome = await call(name, input);
      if (outcome.ok) return outcome.value;
      const error = new Error(outcome.error.message);
      error.name = outcome.error.code;
      throw error;
    };
  }
  return api as BylineApi;
}

const other = (transport: Transport): Transport => (transport === 'ipc' ? 'http' : 'ipc');

describe.each<Transport>(['ipc', 'http'])('workspace identity over %s', (transport) => {
  it('a dirty window autosaves into its own workspace after another window switched to a new one', async () => {
    const api = apiOver(over(transport));
    const timers = new ManualTimers();
    const windowA = new DocumentStore({ api, timers, windowId: 'window-a' });
    windowA.setWorkspace((await api['workspace.current']()).id);
    const story = await windowA.open('story.md');
    const notes = await windowA.open('notes.md');
    for (const doc of [story, notes])
      doc.change((state) => ({ changes: { from: state.doc.length, insert: '\n甲窗口的字。\n' } }));

    // Window B (the other transport) opens workspace b, which also has a notes.md.
    const switched = await over(other(transport))('workspace.open', { root: folder('b') });
    expect(switched).toMatchObject({ ok: true, value: { root: folder('b') } });

    timers.fire(autosaveDelayMs);
    await Promise.all([story.settled(), notes.settled()]);

    expect(read('a', 'story.md')).toBe('# A story\n\n甲窗口的字。\n');
    expect(read('a', 'notes.md')).toBe('# A notes\n\n甲窗口的字。\n');
    // The new workspace is untouched: its notes.md keeps its text, and no story.md appears.
    expect(read('b', 'notes.md')).toBe('# B notes: an unrelated article\n');
    expect(readdirSync(folder('b')).filter((n) => !n.startsWith('.'))).toEqual(['notes.md']);
    expect(windowA.dirtyDocuments).toEqual([]);
  });

  it('an identity main never issued is refused with a code, and nothing is read or written', async () => {
    const call = over(transport);
    const format = { encoding: 'utf-8', bom: false, eol: '\n' } as const;
    const forged = { workspace: 'not-issued-by-main', path: 'story.md' };
    expect(await call('article.open', forged)).toMatchObject({
      ok: false,
      error: { code: 'unknown-workspace' },
    });
    const save = { ...forged, path: 'new.md', text: 'stray', format, baseStamp: null };
    expect(await call('article.save', save)).toMatchObject({
      ok: false,
      error: { code: 'unknown-workspace' },
    });
    expect(await call('article.create', { workspace: 'forged', title: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-workspace' },
    });
    expect(existsSync(folder('a/new.md'))).toBe(false);
    expect(readdirSync(folder('a')).filter((n) => !n.startsWith('.'))).toEqual([
      'notes.md',
      'story.md',
    ]);
  });

  it('after a restart of main, the ids of the previous run are refused (no fallback to the current root)', async () => {
    const call = over(transport);
    const before = (await app.handlers['workspace.current']()).id;
    await server.close();
    await app.dispose();
    app = await startMain();
    server = await startWebServer(() => app, { staticDir: folder('static'), token });
    const opened = await over(transport)('article.open', { workspace: before, path: 'story.md' });
    expect(opened).toMatchObject({ ok: false, error: { code: 'unknown-workspace' } });
    const now = (await app.handlers['workspace.current']()).id;
    expect(now).not.toBe(before);
    expect(await call('article.open', { workspace: now, path: 'story.md' })).toMatchObject({
      ok: true,
    });
  });

  it('a file opened on its own reaches only itself, obeys the confinement gate, and ends when closed', async () => {
    const call = over(transport);
    const draft = folder('loose/draft.md');
    const opened = await call('workspace.openPath', { path: draft });
    expect(opened).toMatchObject({
      ok: true,
      value: {
        workspace: { root: folder('a') },
        article: null,
        standalone: { path: 'draft.md', location: draft },
      },
    });
    if (!opened.ok) return;
    const grant = (opened.value as { standalone: { workspace: string } }).standalone.workspace;
    // The workspace did not switch.
    expect((await app.handlers['workspace.current']()).root).toBe(folder('a'));

    const article = await call('article.open', { workspace: grant, path: 'draft.md' });
    expect(article).toMatchObject({ ok: true, value: { text: '# Loose draft\n' } });
    if (!article.ok) return;
    const { stamp, format } = article.value as { stamp: unknown; format: unknown };
    const saved = await call('article.save', {
      workspace: grant,
      path: 'draft.md',
      text: '# Loose draft\n\n改好了。\n',
      format,
      baseStamp: stamp,
    });
    expect((saved as { value: SaveResult }).value.status).toBe('saved');
    expect(read('loose', 'draft.md')).toBe('# Loose draft\n\n改好了。\n');
    // Its own history is reachable through the grant.
    const history = await call('history.list', { workspace: grant, path: 'draft.md' });
    expect(history.ok && (history.value as unknown[]).length).toBeGreaterThan(0);

    // Nothing else in its folder, nothing above it, no workspace-wide action.
    for (const name of ['secret.md', '../a/story.md', 'sub/../secret.md']) {
      expect(await call('article.open', { workspace: grant, path: name })).toMatchObject({
        ok: false,
        error: { code: 'outside-grant' },
      });
    }
    const save = { workspace: grant, path: 'secret.md', text: 'x', format, baseStamp: null };
    expect(await call('article.save', save)).toMatchObject({ error: { code: 'outside-grant' } });
    expect(read('loose', 'secret.md')).toBe('# Not granted\n');
    for (const [name, input] of [
      ['article.create', { workspace: grant, title: 'new' }],
      ['article.rename', { workspace: grant, path: 'draft.md', name: 'renamed' }],
      ['article.trash', { workspace: grant, path: 'draft.md' }],
      ['trash.list', { workspace: grant }],
    ] as const) {
      expect(await call(name, input)).toMatchObject({
        ok: false,
        error: { code: 'single-file-grant' },
      });
    }
    expect(readdirSync(folder('loose')).sort()).toEqual(['draft.md', 'secret.md']);

    // Closing its tab ends the grant.
    expect(await call('article.close', { workspace: grant, path: 'draft.md' })).toMatchObject({
      ok: true,
    });
    expect(await call('article.open', { workspace: grant, path: 'draft.md' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-workspace' },
    });
  });

  it('a standalone file that is a symbolic link is confined like a workspace article', async () => {
    const call = over(transport);
    symlinkSync(folder('elsewhere/target.md'), folder('loose/escape.md'));
    symlinkSync('draft.md', folder('loose/alias.md'));
    const grantOf = async (file: string): Promise<string> => {
      const opened = await call('workspace.openPath', { path: folder(file) });
      return (opened as { value: { standalone: { workspace: string } } }).value.standalone
        .workspace;
    };

    // A link out of its folder is not followed.
    const escape = await grantOf('loose/escape.md');
    expect(await call('article.open', { workspace: escape, path: 'escape.md' })).toMatchObject({
      ok: false,
      error: { code: 'outside-workspace' },
    });

    // A link inside its folder opens read-only, and a save through it is refused.
    const alias = await grantOf('loose/alias.md');
    const opened = await call('article.open', { workspace: alias, path: 'alias.md' });
    expect(opened).toMatchObject({ ok: true, value: { readOnly: true } });
    const format = { encoding: 'utf-8', bom: false, eol: '\n' } as const;
    const saved = await call('article.save', {
      workspace: alias,
      path: 'alias.md',
      text: 'through the link',
      format,
      baseStamp: null,
    });
    expect(saved).toMatchObject({ ok: true, value: { status: 'error', code: 'read-only' } });
    expect(read('loose', 'draft.md')).toBe('# Loose draft\n');
    expect(read('elsewhere', 'target.md')).toBe('# Outside the grant’s folder\n');
  });
});
