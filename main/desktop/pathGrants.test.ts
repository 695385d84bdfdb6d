import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestHandlers } from '../../shared/ipc/contract';
import { dispatchRequest } from '../app/dispatchRequest';
import { PathGrants, requireGrantedPaths } from './pathGrants';

let base: string;
const calls: string[] = [];

/** The requests with an absolute path, as the shared services answer them; here they just record the call. */
function services(picked: string): RequestHandlers {
  const info = { id: 'ws', root: base, name: 'ws', recent: [] };
  return {
    'dialog.pickFolder': async () => ({ status: 'picked', path: picked }),
    'dialog.pickFile': async () => ({ status: 'canceled' }),
    'dialog.saveAs': async () => ({ status: 'canceled' }),
    'workspace.open': async ({ root }: { root: string }) => {
      calls.push(`open ${root}`);
      return info;
    },
    'workspace.openPath': async ({ path: p }: { path: string }) => {
      calls.push(`openPath ${p}`);
      return { workspace: info, article: null, standalone: null };
    },
    'export.run': async (input: { jobId: string; outputDir: string | null }) => {
      calls.push(`export ${input.outputDir}`);
      return { jobId: input.jobId, outputDir: input.outputDir ?? '', results: [], opened: false };
    },
  } as unknown as RequestHandlers;
}

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-grants-'));
  mkdirSync(path.join(base, 'ws'));
  mkdirSync(path.join(base, 'picked'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('Electron: absolute paths from the renderer only as grants', () => {
  const setup = (grantsFile: string | null = null) => {
    const grants = new PathGrants(grantsFile);
    const handlers = requireGrantedPaths(services(path.join(base, 'picked')), {
      grants,
      offered: async () => [path.join(base, 'recent')],
      exportRoots: () => [path.join(base, 'ws')],
    });
    return {
      grants,
      call: (name: string, input: unknown) => dispatchRequest(handlers, name, input),
    };
  };

  it('refuses raw paths the writer never picked', async () => {
    const { call } = setup();
    for (const [name, input] of [
      ['workspace.open', { root: '/home/me/.ssh' }],
      ['workspace.openPath', { path: '/etc/passwd' }],
      [
        'export.run',
        { jobId: 'j', paths: ['a.md'], formats: ['txt'], outputDir: '/tmp/elsewhere' },
      ],
    ] as const) {
      expect(await call(name, input)).toMatchObject({ ok: false, error: { code: 'not-granted' } });
    }
    expect(calls).toEqual([]);
  });

  it('accepts a folder picked in the native dialog, remembered across restarts', async () => {
    const file = path.join(base, 'data', 'grants.json');
    const { call } = setup(file);
    const picked = path.join(base, 'picked');
    expect(await call('dialog.pickFolder', {})).toEqual({
      ok: true,
      value: { status: 'picked', path: picked },
    });
    expect((await call('workspace.open', { root: picked })).ok).toBe(true);
    const restarted = new PathGrants(file);
    await restarted.load();
    expect(restarted.has(picked)).toBe(true);
    expect(await restarted.covers(path.join(picked, 'sub'))).toBe(true);
  });

  it('accepts what main offered itself, the workspace for exports and relative outputs', async () => {
    const { call } = setup();
    calls.length = 0;
    expect((await call('workspace.openPath', { path: path.join(base, 'recent') })).ok).toBe(true);
    const run = (outputDir: string | null) =>
      call('export.run', { jobId: 'j', paths: ['a.md'], formats: ['txt'], outputDir });
    expect((await run(path.join(base, 'ws', 'exports'))).ok).toBe(true);
    expect(await run('exports')).toMatchObject({ ok: true });
    expect((await run(null)).ok).toBe(true);
    expect(calls).toHaveLength(4);
  });

  it('opens a file dropped from disk once the preload has granted its path', async () => {
    const { call, grants } = setup();
    calls.length = 0;
    const dropped = path.join(base, 'Downloads', '外稿.md');
    mkdirSync(path.dirname(dropped), { recursive: true });
    writeFileSync(dropped, '# 外稿\n');
    expect(await call('workspace.openPath', { path: dropped })).toMatchObject({
      error: { code: 'not-granted' },
    });
    await grants.grantDroppedFile(dropped);
    expect((await call('workspace.openPath', { path: dropped })).ok).toBe(true);
    expect(calls).toEqual([`openPath ${dropped}`]);
  });

  it('grants a drop only for an existing file by absolute path', async () => {
    const { grants } = setup();
    for (const dropped of [
      path.join(base, 'picked'),
      path.join(base, 'missing.md'),
      'relative.md',
      '',
      42,
    ]) {
      await expect(grants.grantDroppedFile(dropped)).rejects.toMatchObject({ code: 'not-granted' });
      if (typeof dropped === 'string' && dropped !== '') expect(grants.has(dropped)).toBe(false);
    }
  });
});
