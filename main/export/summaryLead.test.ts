import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from './articleSource';
import { outputOf } from './exportReadBack';
import { ExportService, type ExportFileResult } from './exportService';

// A Markdown `summary` exported, read back with tools we did not write (jsdom, pandoc): the HTML
// header shows it rendered, Word, plain text and the document properties as the reader reads it,
// and its comment nowhere.
const text = [
  '---',
  'title: 复工报道',
  'summary: "导语 **加粗**、[链接](https://e.org) 和 -- 破折号 \\"引号\\"<!-- 待核实 -->"',
  '---',
  '',
  '正文第一段。',
  '',
].join('\n');
const reading = '导语 加粗、链接 和 – 破折号 “引号”';

let work: string;
let result: ExportFileResult;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'byline-summary-lead-'));
  writeFileSync(path.join(work, 'lead.md'), text);
  [result] = (await new ExportService().run({
    files: [{ file: path.join(work, 'lead.md'), display: 'lead.md' }],
    formats: ['html', 'docx', 'txt'],
    outputDir: path.join(work, 'out'),
    root: work,
  })) as [ExportFileResult];
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a Markdown summary as the lead of every export', () => {
  it('exports', () => {
    expect(result.error).toBeNull();
    expect(result.ok).toBe(true);
  });

  it('HTML: the lead rendered, the meta description its text', () => {
    const html = readFileSync(outputOf(result, 'lead.html'), 'utf8');
    const document = new JSDOM(html).window.document;
    const lead = document.querySelector('.article-lead');
    expect(lead?.querySelector('strong')?.textContent).toBe('加粗');
    expect(lead?.querySelector('a')?.getAttribute('href')).toBe('https://e.org');
    expect(lead?.textContent).toBe(reading);
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      reading,
    );
    expect(html).not.toContain('待核实');
    expect(html).not.toContain('**');
  });

  it('Word (pandoc): the lead paragraph is its text', () => {
    const plain = execFileSync('pandoc', ['-t', 'plain', outputOf(result, 'lead.docx')], {
      encoding: 'utf8',
    });
    expect(plain.split('\n').map((line) => line.trim())).toContain(reading);
    expect(plain).not.toContain('**');
    expect(plain).not.toContain('待核实');
  });

  it('Word (JSZip, jsdom): the subject and description properties are its text', async () => {
    const zip = await JSZip.loadAsync(readFileSync(outputOf(result, 'lead.docx')));
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    const document = new JSDOM(core, { contentType: 'text/xml' }).window.document;
    for (const name of ['dc:subject', 'dc:description'])
      expect(document.getElementsByTagName(name)[0]?.textContent).toBe(reading);
  });

  it('plain text: the lead line is its text', () => {
    const lines = readFileSync(outputOf(result, 'lead.txt'), 'utf8').split(/\r?\n/);
    expect(lines).toContain(reading);
    expect(lines.join('\n')).not.toContain('待核实');
  });

  it('PDF Subject reads the same text (the metadata it is written from)', () => {
    expect(articleFromText(path.join(work, 'lead.md'), work, text).meta.lead).toBe(reading);
  });
});
