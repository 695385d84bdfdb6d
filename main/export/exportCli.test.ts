import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli';

// `byline export` through the same entry point the bin script runs, on real temp folders.
let work: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'byline-export-cli-'));
  cpSync(path.resolve('tests/fixtures/export/sample'), path.join(work, 'site'), {
    recursive: true,
  });
  writeFileSync(
    path.join(work, 'site', 'second.md'),
    '---\ntitle: Second story\n---\n\nA short *English* piece with a note[^a].\n\n[^a]: The note.\n',
  );
  writeFileSync(
    path.join(work, 'site', 'broken.md'),
    Buffer.from([0, 1, 2, 0x62, 0x69, 0x6e, 0, 0, 0]),
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('byline export', () => {
  it('exports one file to several formats with a theme', async () => {
    const out = path.join(work, 'one');
    const { code, out: printed } = await cli(
      'export',
      path.join(work, 'site', 'article.md'),
      '--format',
      'html,txt,docx',
      '--out',
      out,
      '--theme',
      'sans',
    );
    expect(code).toBe(0);
    expect(printed).toMatch(/\[1\/1\] ok\s+article\.md/);
    expect(printed).toContain('1 of 1 exported');
    expect(readFileSync(path.join(out, 'article.html'), 'utf8')).toContain('class="theme-sans"');
    expect(existsSync(path.join(out, 'article.txt'))).toBe(true);
    expect(existsSync(path.join(out, 'article.docx'))).toBe(true);
  });

  it('exports a folder, reports the broken file with its reason, keeps going, exits 1 (--json)', async () => {
    const out = path.join(work, 'folder');
    const { code, out: printed } = await cli(
      'export',
      path.join(work, 'site'),
      '--format',
      'hugo',
      '--out',
      out,
      '--json',
    );
    expect(code).toBe(1);
    const report = JSON.parse(printed) as {
      results: Array<{ path: string; ok: boolean; error: string | null; outputs: string[] }>;
      summary: { files: number; failed: number };
    };
    expect(report.summary).toEqual({ files: 3, failed: 1 });
    const broken = report.results.find((r) => r.path === 'broken.md');
    expect(broken?.ok).toBe(false);
    expect(broken?.error).toMatch(/binary file/);
    expect(
      report.results
        .filter((r) => r.ok)
        .map((r) => r.path)
        .sort(),
    ).toEqual(['article.md', 'second.md']);
    expect(existsSync(path.join(out, 'second-story', 'index.md'))).toBe(true);
  });

  it('names a Hugo bundle by its slug even when the slug is the file name', async () => {
    const site = path.join(work, 'slug-site');
    mkdirSync(site);
    writeFileSync(
      path.join(site, 'chip-rules.md'),
      '---\ntitle: 芯片新规\nslug: chip-rules\n---\n\n正文。\n',
    );
    const out = path.join(work, 'slug-out');
    const { code } = await cli(
      'export',
      path.join(site, 'chip-rules.md'),
      '--format',
      'hugo,html',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['chip-rules', 'chip-rules.html']);
    expect(existsSync(path.join(out, 'chip-rules', 'index.md'))).toBe(true);
  });

  it('exports a PDF with headless Chromium', async () => {
    const out = path.join(work, 'pdf');
    const { code } = await cli(
      'export',
      path.join(work, 'site', 'second.md'),
      '--format',
      'pdf',
      '--out',
      out,
      '--page-size',
      'Letter',
    );
    expect(code).toBe(0);
    expect(readFileSync(path.join(out, 'second.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('rejects bad usage with exit code 2 and a message', async () => {
    const missingFormat = await cli('export', path.join(work, 'site'), '--out', work);
    expect(missingFormat.code).toBe(2);
    expect(missingFormat.err).toContain('--format is required');
    expect(
      (await cli('export', path.join(work, 'site'), '--format', 'rtf', '--out', work)).err,
    ).toContain('unknown format "rtf"');
    expect((await cli('export', path.join(work, 'site'), '--format', 'html')).err).toContain(
      '--out <dir> is required',
    );
    expect(
      (
        await cli(
          'export',
          path.join(work, 'site'),
          '--format',
          'html',
          '--out',
          work,
          '--theme',
          'neon',
        )
      ).code,
    ).toBe(2);
  });

  it('lists itself in the usage', async () => {
    expect((await cli('--help')).out).toContain(
      'byline export <file|dir> --format html|pdf|docx|hugo|wechat|txt --out <dir>',
    );
  });
});
