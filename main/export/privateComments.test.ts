import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkArticle } from '../../shared/check';
import { splitArticle } from '../../shared/article';
import { computeWriterStats } from '../../shared/stats/writerStats';
import { outputOf, textReaders } from './exportReadBack';
import { ExportService, type ExportFileResult } from './exportService';

// An article whose HTML comments hold private notes, exported to every format and read back
// with tools we did not write (jsdom, pdftotext, pandoc): no note may reach a reader.
const root = path.resolve('tests/fixtures/export/private-comments');
const file = path.join(root, 'article.md');
const source = readFileSync(file, 'utf8');
const notes = [
  '内部备注',
  '消息来源未证实',
  '编辑意见',
  '和港务局再核对',
  '不要直接引用',
  '补充工会的说法',
  'Harbour Desk',
  'asked not to be named',
  '摘要待核实',
];
const visible = [
  '吞吐量回升至八成',
  '集装箱吞吐量回升',
  '码头工人表示',
  '桥吊正在连续作业',
  'recover by December',
];
const compact = (text: string): string => text.replace(/\s+/g, '');

let out: string;
let result: ExportFileResult;

const output = (suffix: string): string => outputOf(result, suffix);

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'byline-comments-'));
  [result] = (await new ExportService().run({
    files: [{ file, display: 'article.md' }],
    formats: ['html', 'pdf', 'docx', 'hugo', 'wechat', 'txt'],
    outputDir: out,
    root,
  })) as [ExportFileResult];
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('HTML comments are never published', () => {
  it('exports every format', () => {
    expect(result.error).toBeNull();
    expect(result.ok).toBe(true);
  });

  const readers = textReaders(() => result, 'article');
  for (const [name, read] of readers) {
    it(`${name}: the text is there, no note is`, () => {
      const text = compact(read());
      for (const phrase of visible) expect(text).toContain(compact(phrase));
      for (const note of notes) expect(text).not.toContain(compact(note));
      expect(text).not.toContain('<!--');
      expect(text).not.toContain('more');
    });
  }

  it('no note in the document properties either (description, subject)', () => {
    const html = readFileSync(output('article.html'), 'utf8');
    const core = execFileSync('unzip', ['-p', output('article.docx'), 'docProps/core.xml'], {
      encoding: 'utf8',
    });
    const pdf = execFileSync('pdfinfo', [output('article.pdf')], { encoding: 'utf8' });
    for (const text of [html, core, pdf]) {
      expect(text).toContain('复工首周吞吐量回升至八成');
      expect(text).not.toContain('摘要待核实');
    }
  });

  it('the Hugo bundle keeps the source as written', () => {
    const bundled = readFileSync(output('/index.md'), 'utf8');
    expect(splitArticle(bundled).body).toBe(splitArticle(source).body);
  });

  it('byline check warns about each comment holding prose, not about <!--more-->', () => {
    const findings = checkArticle('article.md', source).filter(
      (f) => f.rule === 'publish/private-comment',
    );
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [9, 'warning'],
      [15, 'warning'],
      [24, 'warning'],
      [27, 'warning'],
    ]);
    expect(findings[0]?.params?.['excerpt']).toBe('内部备注：消息来源未证实，发稿前删除');
  });

  it('statistics count none of it, also across blank lines', () => {
    const withComments = computeWriterStats(splitArticle(source).body);
    const stripped = splitArticle(source).body.replace(/<!--[\s\S]*?-->/g, '');
    expect(withComments).toEqual(computeWriterStats(stripped));
  });
});
