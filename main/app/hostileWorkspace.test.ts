import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli';
import { scanWorkspace } from '../library/scanWorkspace';
import type { BylineMain } from './createBylineMain';
import { createBylineMain } from './createBylineMain';
import { dispatchRequest, type DispatchOutcome } from './dispatchRequest';

/**
 * A workspace built the way an attacker would send it (planted `.byline` files, symlinks out of
 * the folder, links to secrets), driven through dispatchRequest: the one function both transports
 * (Electron's ipcBridge, browser mode's /api) hand every request to. Plus the CLI on the same files.
 */

// A 1x1 PNG: a real image the exports may copy and embed.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const secret = 'PRIVATE KEY: do-not-publish';

let base: string;
let root: string;
let outside: string;
let app: BylineMain;

function write(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Requests that name a file carry the window's workspace identity, as the renderer sends them. */
const inWorkspace = /^(article|history|journal|trash|asset)\./;

async function call(name: string, input?: unknown): Promise<DispatchOutcome> {
  if (!inWorkspace.test(name)) return dispatchRequest(app.handlers, name, input);
  const { id } = await app.handlers['workspace.current']();
  return dispatchRequest(app.handlers, name, { workspace: id, ...(input as object | undefined) });
}

function refusedCode(outcome: DispatchOutcome): string | null {
  return outcome.ok ? null : outcome.error.code;
}

/** Inside an export's one bundle folder (named after the slug; `-2` when the name is claimed). */
const inBundle = (files: string[]): string[] => files.map((f) => f.replace(/^[^/]+\//, ''));

/** Every file under `folder`, as relative POSIX paths. */
function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

beforeEach(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-hostile-'));
  root = path.join(base, 'ws');
  outside = path.join(base, 'outside');
  write(path.join(outside, 'id_rsa_victim'), secret);
  write(path.join(outside, 'id_rsa'), secret);
  write(path.join(outside, 'secret.md'), `# ${secret}\n`);
  write(path.join(outside, 'leak.png'), png);
  write(path.join(outside, 'folder', 'inner.txt'), secret);
  write(path.join(root, 'posts', 'a.md'), '---\ntitle: A\n---\n\nBody.\n');
  write(path.join(root, 'images', 'photo.png'), png);
  write(path.join(root, 'files', 'report.pdf'), '%PDF-1.4\n');
  write(path.join(root, '.env'), `TOKEN=${secret}\n`);
  write(path.join(root, '.git', 'config'), `[remote] url = ${secret}\n`);
  symlinkSync(outside, path.join(root, 'linkdir'));
  symlinkSync(path.join(root, 'posts'), path.join(root, 'inside-link'));
  app = await createBylineMain({
    dataDir: path.join(base, 'data'),
    documentsDir: path.join(base, 'documents'),
    assetsDir: path.resolve('assets'),
    transport: 'web',
    version: 'test',
    platform: process.platform,
    systemLocale: 'en-US',
    initialWorkspace: root,
    emit: () => {},
  });
});

afterEach(async () => {
  await app.dispose();
  rmSync(base, { recursive: true, force: true });
});

describe('planted trash entries', () => {
  const plant = (id: string, meta: unknown): void =>
    write(path.join(root, '.byline', 'trash', id, 'meta.json'), JSON.stringify(meta));

  it('refuses an itemName that climbs out of the trash folder; the victim stays put', async () => {
    plant('planted1', {
      path: 'stolen.md',
      itemName: '../../../../outside/id_rsa_victim',
      deletedAt: 1,
      bundle: false,
    });
    expect(refusedCode(await call('trash.restore', { id: 'planted1' }))).toBe('not-in-trash');
    expect(readFileSync(path.join(outside, 'id_rsa_victim'), 'utf8')).toBe(secret);
    expect(existsSync(path.join(root, 'stolen.md'))).toBe(false);
    // Nor is it offered in the list.
    const listed = await call('trash.list');
    expect(listed.ok && (listed.value as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses a bundle entry that would move a whole outside folder in', async () => {
    plant('planted2', {
      path: 'grab/index.md',
      itemName: '../../../../outside/folder',
      deletedAt: 1,
      bundle: true,
    });
    expect(refusedCode(await call('trash.restore', { id: 'planted2' }))).toBe('not-in-trash');
    expect(readFileSync(path.join(outside, 'folder', 'inner.txt'), 'utf8')).toBe(secret);
    expect(existsSync(path.join(root, 'grab'))).toBe(false);
  });

  it('refuses an item that is a symlink out of the workspace, and a target path outside', async () => {
    plant('planted3', { path: 'x.md', itemName: 'item', deletedAt: 1, bundle: false });
    symlinkSync(
      path.join(outside, 'id_rsa_victim'),
      path.join(root, '.byline', 'trash', 'planted3', 'item'),
    );
    expect(refusedCode(await call('trash.restore', { id: 'planted3' }))).toBe('outside-workspace');
    plant('planted4', {
      path: 'linkdir/dropped.md',
      itemName: 'item.md',
      deletedAt: 1,
      bundle: false,
    });
    write(path.join(root, '.byline', 'trash', 'planted4', 'item.md'), '# planted\n');
    expect(refusedCode(await call('trash.restore', { id: 'planted4' }))).toBe('outside-workspace');
    expect(existsSync(path.join(outside, 'dropped.md'))).toBe(false);
  });

  it('still restores what Byline itself trashed', async () => {
    const trashed = await call('article.trash', { path: 'posts/a.md' });
    expect(trashed.ok).toBe(true);
    const id = trashed.ok ? (trashed.value as { id: string }).id : '';
    expect(await call('trash.restore', { id })).toEqual({
      ok: true,
      value: { path: 'posts/a.md' },
    });
  });
});

describe('symlinked folders and articles', () => {
  it('follows a symlink that stays inside the workspace', async () => {
    const opened = await call('article.open', { path: 'inside-link/a.md' });
    expect(opened.ok && (opened.value as { text: string }).text).toContain('Body.');
  });

  it('refuses to read, create, save, rename or duplicate through a symlink that leads out', async () => {
    expect(refusedCode(await call('article.open', { path: 'linkdir/secret.md' }))).toBe(
      'outside-workspace',
    );
    expect(
      refusedCode(
        await call('article.create', { title: 'Planted', folder: 'linkdir', bundle: false }),
      ),
    ).toBe('outside-workspace');
    expect(
      refusedCode(
        await call('article.save', {
          path: 'linkdir/new.md',
          text: 'x',
          format: { encoding: 'utf-8', bom: false, eol: '\n' },
          baseStamp: null,
          overwrite: false,
        }),
      ),
    ).toBe('outside-workspace');
    expect(
      refusedCode(await call('article.rename', { path: 'linkdir/secret.md', name: 'b' })),
    ).toBe('outside-workspace');
    expect(refusedCode(await call('article.duplicate', { path: 'linkdir/secret.md' }))).toBe(
      'outside-workspace',
    );
    expect(refusedCode(await call('history.list', { path: 'linkdir/secret.md' }))).toBe(
      'outside-workspace',
    );
    expect(listFiles(outside)).toEqual([
      'folder/inner.txt',
      'id_rsa',
      'id_rsa_victim',
      'leak.png',
      'secret.md',
    ]);
  });

  it('refuses an article that is itself a symlink to a file outside, and never indexes it', async () => {
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'posts', 'innocent.md'));
    const opened = await call('article.open', { path: 'posts/innocent.md' });
    expect(refusedCode(opened)).toBe('outside-workspace');
    expect(opened.ok ? '' : opened.error.message).toMatch(/symbolic link/);
    const files = await scanWorkspace(root);
    expect(files.map((f) => path.relative(root, f))).toEqual([path.join('posts', 'a.md')]);
    const out = path.join(base, 'cli-dir-out');
    const code = await runCli(['export', root, '--format', 'txt', '--out', out], {
      out: () => {},
      err: () => {},
    });
    expect(code).toBe(0);
    expect(listFiles(out)).toEqual(['a.txt']);
  });

  it('opens an article that is a symlink inside the workspace read-only, with a notice, and will not save it', async () => {
    symlinkSync(path.join(root, 'posts', 'a.md'), path.join(root, 'alias.md'));
    const opened = await call('article.open', { path: 'alias.md' });
    expect(opened.ok).toBe(true);
    const article = opened.ok
      ? (opened.value as { readOnly: boolean; warnings: { code: string }[] })
      : null;
    expect(article?.readOnly).toBe(true);
    expect(article?.warnings).toEqual([{ code: 'symlinked' }]);
    const saved = await call('article.save', {
      path: 'alias.md',
      text: 'overwritten',
      format: { encoding: 'utf-8', bom: false, eol: '\n' },
      baseStamp: null,
      overwrite: true,
    });
    expect(saved).toMatchObject({ ok: true, value: { status: 'error', code: 'read-only' } });
    expect(readFileSync(path.join(root, 'posts', 'a.md'), 'utf8')).toContain('Body.');
  });

  it('will not paste an image into a symlinked folder that leads out', async () => {
    const result = await call('asset.import', {
      articlePath: 'linkdir/secret.md',
      fileName: 'x.png',
      dataBase64: png.toString('base64'),
    });
    expect(refusedCode(result)).toBe('outside-workspace');
  });
});

describe('secrets linked from an article', () => {
  const article = [
    '---',
    'title: Leaky',
    'image: linkdir/leak.png',
    '---',
    '',
    '![photo](../images/photo.png) [report](../files/report.pdf)',
    '[](../.git/config) [](../.env) [](../linkdir/id_rsa) ![](../linkdir/leak.png)',
    '',
  ].join('\n');

  it('a Hugo bundle copies the allowed attachments only and lists every copy', async () => {
    write(path.join(root, 'posts', 'leaky.md'), article);
    const out = path.join(base, 'documents', 'Byline Exports', 'ws');
    const outcome = await call('export.run', {
      jobId: 'j1',
      paths: ['posts/leaky.md'],
      formats: ['hugo'],
      outputDir: null,
    });
    expect(outcome.ok).toBe(true);
    const result = outcome.ok
      ? (outcome.value as { results: Array<{ outputs: string[]; warnings: string[] }> }).results[0]
      : undefined;
    const written = listFiles(out);
    expect(inBundle(written)).toEqual(['files/report.pdf', 'images/photo.png', 'index.md']);
    expect(
      result?.outputs.map((f) => path.relative(out, f).split(path.sep).join('/')).sort(),
    ).toEqual(written);
    for (const file of written)
      expect(readFileSync(path.join(out, file), 'utf8')).not.toContain(secret);
    expect(result?.warnings.join('\n')).toMatch(/Not copied.*\.git\/config/);
    expect(result?.warnings.join('\n')).toMatch(/Not copied.*\.env/);
    expect(result?.warnings.join('\n')).toMatch(/Not copied.*linkdir\/id_rsa/);
  });

  it('an HTML export embeds the workspace image, not the one behind the outside symlink', async () => {
    write(path.join(root, 'posts', 'leaky.md'), article);
    const outcome = await call('export.run', {
      jobId: 'j2',
      paths: ['posts/leaky.md'],
      formats: ['html'],
      outputDir: null,
    });
    expect(outcome.ok).toBe(true);
    const html = readFileSync(
      path.join(base, 'documents', 'Byline Exports', 'ws', 'leaky.html'),
      'utf8',
    );
    expect(html.match(/data:image\/png;base64/g)).toHaveLength(1);
  });
});

describe('.byline/export.json is data, not instructions', () => {
  it('holds back an output folder outside and remote images until the writer confirms', async () => {
    const target = path.join(outside, 'drop');
    write(
      path.join(root, '.byline', 'export.json'),
      JSON.stringify({ outputDir: target, options: { allowRemoteImages: true } }),
    );
    const outcome = await call('export.getSettings');
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.value).toMatchObject({
      outputDir: null,
      options: { allowRemoteImages: false },
      unconfirmed: { outputDir: target, allowRemoteImages: true },
    });
  });

  it('keeps an output folder inside the workspace without asking', async () => {
    write(path.join(root, '.byline', 'export.json'), JSON.stringify({ outputDir: 'exports' }));
    const outcome = await call('export.getSettings');
    expect(outcome.ok && outcome.value).toMatchObject({ outputDir: 'exports' });
    expect(outcome.ok && (outcome.value as { unconfirmed?: unknown }).unconfirmed).toBeUndefined();
  });

  it('refuses a relative output folder that climbs out, or one through an outside symlink', async () => {
    for (const outputDir of ['../outside/drop', 'linkdir/drop']) {
      const outcome = await call('export.run', {
        jobId: 'j3',
        paths: ['posts/a.md'],
        formats: ['txt'],
        outputDir,
      });
      expect(refusedCode(outcome)).toBe('outside-workspace');
    }
    expect(existsSync(path.join(outside, 'drop'))).toBe(false);
  });
});

describe('a .byline folder that is a symlink out', () => {
  it('is neither read nor written: export settings, references, trash', async () => {
    symlinkSync(outside, path.join(root, '.byline'));
    write(path.join(outside, 'export.json'), JSON.stringify({ outputDir: 'x', formats: ['pdf'] }));
    const loaded = await call('export.getSettings');
    expect(loaded.ok && (loaded.value as { formats: string[] }).formats).toEqual(['html']);
    const saved = await call('export.saveSettings', { formats: ['txt'] });
    expect(refusedCode(saved)).toBe('outside-workspace');
    expect(refusedCode(await call('references.list', {}))).toBe('outside-workspace');
    expect(refusedCode(await call('article.trash', { path: 'posts/a.md' }))).toBe(
      'outside-workspace',
    );
    expect(existsSync(path.join(root, 'posts', 'a.md'))).toBe(true);
    expect(existsSync(path.join(outside, 'trash'))).toBe(false);
  });
});

/**
 * Resolves if a request has not answered long after any busy machine would have: a read of a pipe
 * never answers, so the bound only tells "hung" from "answered", never how fast.
 */
const hung = (): Promise<'no answer'> =>
  new Promise((resolve) => setTimeout(resolve, 10_000, 'no answer').unref());

describe('pipes planted under the names of .byline files', () => {
  it('are refused at once, and saves keep working', async () => {
    for (const name of ['export.json', 'references.json', 'references-settings.json']) {
      mkdirSync(path.join(root, '.byline'), { recursive: true });
      execFileSync('mkfifo', [path.join(root, '.byline', name)]);
    }
    mkdirSync(path.join(root, '.byline', 'trash', 'planted'), { recursive: true });
    execFileSync('mkfifo', [path.join(root, '.byline', 'trash', 'planted', 'meta.json')]);
    const answer = (name: string, input?: unknown) => Promise.race([call(name, input), hung()]);
    // A plain read of a pipe waits for a writer; four such reads hold every I/O thread.
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await answer('export.getSettings')).not.toBe('no answer');
      expect(await answer('references.list', {})).not.toBe('no answer');
      expect(await answer('references.getSettings')).not.toBe('no answer');
      expect(await answer('trash.list')).toMatchObject({ ok: true, value: { items: [] } });
    }
    const saved = await answer('article.save', {
      path: 'posts/a.md',
      text: 'New words.\n',
      format: { encoding: 'utf-8', bom: false, eol: '\n' },
      baseStamp: null,
      overwrite: true,
    });
    expect(saved).toMatchObject({ ok: true, value: { status: 'saved' } });
    expect(readFileSync(path.join(root, 'posts', 'a.md'), 'utf8')).toBe('New words.\n');
  }, 120_000);
});

describe('an article that is a pipe', () => {
  it('is refused at once by open and save, and saves of other articles keep working', async () => {
    execFileSync('mkfifo', [path.join(root, 'posts', 'pipe.md')]);
    const answer = (name: string, input?: unknown) => Promise.race([call(name, input), hung()]);
    const save = (file: string) =>
      answer('article.save', {
        path: file,
        text: 'New words.\n',
        format: { encoding: 'utf-8', bom: false, eol: '\n' },
        baseStamp: null,
        overwrite: true,
      });
    // Each plain read of a pipe waits for a writer, holding one of the four I/O threads.
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(
        refusedCode((await answer('article.open', { path: 'posts/pipe.md' })) as DispatchOutcome),
      ).toBe('not-a-file');
      expect(await save('posts/pipe.md')).toMatchObject({ ok: true, value: { status: 'error' } });
    }
    expect(await save('posts/a.md')).toMatchObject({ ok: true, value: { status: 'saved' } });
    // An export reads the article too: refused at once, with the reason.
    const exported = await answer('export.run', {
      jobId: 'pipe-article',
      paths: ['posts/pipe.md'],
      formats: ['html'],
      outputDir: null,
    });
    expect(JSON.stringify(exported)).toContain('not a regular file');
  }, 120_000);
});

describe('an article replaced by a pipe after a crash', () => {
  it('still lists its journal entry at start-up, which a plain read would have hung', async () => {
    const written = await call('journal.write', {
      path: 'posts/a.md',
      format: { encoding: 'utf-8', bom: false, eol: '\n' },
      baseStamp: null,
      stream: 'tab-1',
      revision: 1,
      content: { text: 'Words typed before the crash.\n' },
    });
    expect(written).toMatchObject({ ok: true, value: { status: 'written' } });
    rmSync(path.join(root, 'posts', 'a.md'));
    execFileSync('mkfifo', [path.join(root, 'posts', 'a.md')]);
    const listed = await Promise.race([call('journal.list'), hung()]);
    expect(listed).toMatchObject({
      ok: true,
      value: [{ path: 'posts/a.md', text: 'Words typed before the crash.\n' }],
    });
  }, 60_000);
});

describe('an image that is a pipe', () => {
  it('is never opened by an export: main would freeze until someone writes to it', async () => {
    const pipe = path.join(root, 'images', 'pipe.png');
    execFileSync('mkfifo', [pipe]);
    write(path.join(root, 'posts', 'piped.md'), '# Piped\n\n![](../images/pipe.png)\n');
    // A writer that waits for a reader: it finishes only if the export opened the pipe.
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', path.join(outside, 'leak.png'), pipe]);
    const opened = new Promise<string>((resolve) => writer.on('exit', () => resolve('opened')));
    try {
      const outcome = await call('export.run', {
        jobId: 'pipe',
        paths: ['posts/piped.md'],
        formats: ['html'],
        outputDir: null,
      });
      expect(outcome.ok).toBe(true);
      const unopened = new Promise<string>((resolve) => setTimeout(resolve, 500, 'unopened'));
      expect(await Promise.race([opened, unopened])).toBe('unopened');
    } finally {
      writer.kill();
    }
  });
});

describe('the CLI', () => {
  it('a config.json in a parent folder does not make it a site root that exports may copy from', async () => {
    const home = path.join(base, 'home');
    write(path.join(home, 'config.json'), '{"title": "not a site"}');
    write(path.join(home, '.ssh', 'id_ed25519'), secret);
    write(path.join(home, 'notes', 'minutes.pdf'), '%PDF-1.4\n');
    write(
      path.join(home, 'Downloads', 'story.md'),
      '---\ntitle: Story\n---\n\n[](/.ssh/id_ed25519) [](../.ssh/id_ed25519) [](/notes/minutes.pdf)\n',
    );
    const out = path.join(base, 'cli-out');
    const lines: string[] = [];
    const code = await runCli(
      ['export', path.join(home, 'Downloads', 'story.md'), '--format', 'hugo', '--out', out],
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    );
    expect(code).toBe(0);
    expect(inBundle(listFiles(out))).toEqual(['index.md']);
    expect(lines.join('\n')).toMatch(/Not copied/);
  });

  it('a real Hugo site (config + content/) bounds the copies, and the output lists each copy', async () => {
    const site = path.join(base, 'site');
    write(path.join(site, 'hugo.toml'), 'title = "Site"\n');
    write(path.join(site, 'static', 'images', 'photo.png'), png);
    write(path.join(site, 'static', '.env'), secret);
    symlinkSync(outside, path.join(site, 'static', 'linkdir'));
    write(
      path.join(site, 'content', 'posts', 'p.md'),
      '---\ntitle: P\n---\n\n![](/images/photo.png) [](/.env) [](/linkdir/id_rsa)\n',
    );
    const out = path.join(base, 'site-out');
    const lines: string[] = [];
    const code = await runCli(
      ['export', path.join(site, 'content', 'posts', 'p.md'), '--format', 'hugo', '--out', out],
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    );
    expect(code).toBe(0);
    const written = listFiles(out);
    expect(inBundle(written)).toEqual(['images/photo.png', 'index.md']);
    for (const file of written) expect(lines.join('\n')).toContain(path.join(...file.split('/')));
  });
});
