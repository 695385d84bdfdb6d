import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload, Settings } from '../../shared/ipc/contract';
import { requests } from '../../shared/ipc/contract';
import { WorkspaceExportSettings } from '../../shared/export/exportOptions';
import { createExportHandlers } from './exportHandlers';

// The export.* handlers as both transports call them: inputs parsed with the contract's schemas.
let root: string;
const events: Array<[EventName, unknown]> = [];
const opened: string[] = [];
const settings = {
  defaultExport: { format: 'pdf', outputDir: null, openWhenDone: false },
} as unknown as Settings;

const handlers = (withOpen: boolean) =>
  createExportHandlers({
    workspaceRoot: () => root,
    settings: () => settings,
    context: {
      assetsDir: path.resolve('assets'),
      documentsDir: path.join(root, 'documents'),
      emit: <E extends EventName>(event: E, payload: EventPayload<E>) =>
        void events.push([event, payload]),
      openPath: withOpen ? async (p: string) => void opened.push(p) : undefined,
    },
  });

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'byline-export-handlers-'));
  mkdirSync(path.join(root, 'posts'));
  writeFileSync(
    path.join(root, 'posts', 'a.md'),
    '---\ntitle: 甲\n---\n\n正文[^1]。\n\n[^1]: 注。\n',
  );
  writeFileSync(path.join(root, 'posts', 'b.md'), '---\ntitle: [unclosed\n---\n\nbody\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('export.* handlers', () => {
  it('start from the settings defaults and remember choices in .byline/export.json', async () => {
    const h = handlers(false);
    const initial = await h['export.getSettings']();
    expect(initial.formats).toEqual(['pdf']);
    const changed = WorkspaceExportSettings.parse({
      ...initial,
      formats: ['txt', 'hugo'],
      options: { ...initial.options, theme: 'sans' },
    });
    await h['export.saveSettings'](changed);
    expect(
      JSON.parse(readFileSync(path.join(root, '.byline', 'export.json'), 'utf8')).formats,
    ).toEqual(['txt', 'hugo']);
    expect((await h['export.getSettings']()).options.theme).toBe('sans');
  });

  it('run: reports progress per article, fails bad ones with a reason, writes into Documents/Byline Exports/<workspace> by default', async () => {
    events.length = 0;
    const input = requests['export.run'].input.parse({
      jobId: 'job-1',
      paths: ['posts/a.md', 'posts/b.md', '../outside.md'],
      formats: ['txt'],
      outputDir: null,
    });
    const output = await handlers(false)['export.run'](input);
    expect(output.outputDir).toBe(
      path.join(root, 'documents', 'Byline Exports', path.basename(root)),
    );
    expect(output.opened).toBe(false);
    expect(output.results.map((r) => [r.path, r.ok])).toEqual([
      ['posts/a.md', true],
      ['posts/b.md', false],
      ['../outside.md', false],
    ]);
    expect(output.results[1]?.error).toMatch(/front matter could not be read/);
    expect(output.results[2]?.error).toMatch(/Not a workspace path/);
    expect(
      readFileSync(
        path.join(root, 'documents', 'Byline Exports', path.basename(root), 'a.txt'),
        'utf8',
      ),
    ).toContain('[1] 注。');
    expect(
      events
        .filter(([name]) => name === 'export.progress')
        .map(([name, payload]) => [name, (payload as { done: number }).done]),
    ).toEqual([
      ['export.progress', 1],
      ['export.progress', 2],
      ['export.progress', 3],
    ]);
    // Each format of each readable article is announced before it runs.
    expect(
      events
        .filter(([name]) => name === 'export.step')
        .map(([, payload]) => payload as { index: number; path: string; format: string }),
    ).toEqual([{ jobId: 'job-1', index: 0, total: 3, path: 'posts/a.md', format: 'txt' }]);
    expect(requests['export.run'].output.parse(output)).toEqual(output);
  });

  it('run: opens the single output when asked and an opener exists (Electron)', async () => {
    const input = requests['export.run'].input.parse({
      jobId: 'job-2',
      paths: ['posts/a.md'],
      formats: ['txt'],
      outputDir: 'out',
      openWhenDone: true,
    });
    const output = await handlers(true)['export.run'](input);
    expect(output.opened).toBe(true);
    expect(opened).toEqual([path.join(root, 'out', 'a.txt')]);
    expect(existsSync(path.join(root, 'out', 'a.txt'))).toBe(true);
  });

  it('openOutput: opens only files an export wrote, and only where an opener exists', async () => {
    const withOpener = handlers(true);
    const output = await withOpener['export.run'](
      requests['export.run'].input.parse({
        jobId: 'job-3',
        paths: ['posts/a.md'],
        formats: ['txt'],
        outputDir: 'out-3',
      }),
    );
    const written = output.results[0]?.outputs[0] ?? '';
    opened.length = 0;
    expect(await withOpener['export.openOutput']({ path: written })).toEqual({ opened: true });
    expect(await withOpener['export.openOutput']({ path: path.join(root, 'posts/a.md') })).toEqual({
      opened: false,
    });
    expect(opened).toEqual([written]);
    expect(await handlers(false)['export.openOutput']({ path: written })).toEqual({
      opened: false,
    });
  });

  it('renderForPrint and printWindow: the article with the theme; browser mode prints itself', async () => {
    const page = await handlers(false)['export.renderForPrint']({
      path: 'posts/a.md',
      text: '---\ntitle: 打印标题\n---\n\n正文。\n',
      theme: 'sans',
    });
    expect(page.html).toContain('打印标题');
    expect(page.html).not.toMatch(/<script/i);
    expect(page.css).toContain('Byline Print Punctuation Sans');
    expect(page.lang).toBe('zh-CN');
    expect(await handlers(false)['export.printWindow']()).toEqual({ handled: false });
  });

  it('renderForClipboard: unsaved text as inline-styled HTML plus plain text', async () => {
    const rendered = await handlers(false)['export.renderForClipboard']({
      path: 'posts/a.md',
      text: '---\ntitle: 未保存\n---\n\n见[链接](https://example.com/x)。\n',
      theme: 'classic',
    });
    expect(rendered.html).toMatch(/^<section style="/);
    expect(rendered.html).toContain('未保存');
    expect(rendered.html).not.toContain('<a ');
    expect(rendered.text).toContain('见链接 (https://example.com/x)。');
  });
});
