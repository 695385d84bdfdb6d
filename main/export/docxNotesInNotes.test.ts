import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDocxWithLibreOffice } from './exportReadBack';
import { ExportService, type ExportFileResult } from './exportService';

// A note cited only from inside another note (`[^a]: …另见[^c]`; Hugo numbers a = 1, c = 2,
// d = 3) has no place in Word, which has no footnote inside a footnote: it is written at the end of
// the note citing it, marked `1a`, and Word counts the footnotes it has (a = 1, d = 2). Read back
// by LibreOffice and pandoc, every citation must show the mark of the note holding its source.
const root = path.resolve('tests/fixtures/export/notes-in-notes');
const compact = (text: string): string => text.replace(/\s+/g, '');

let out: string;
let result: ExportFileResult;
let docx: string;
let pdfText: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'byline-docx-notes-in-notes-'));
  [result] = (await new ExportService().run({
    files: [{ file: path.join(root, 'article.md'), display: 'article.md' }],
    formats: ['docx'],
    outputDir: out,
    root,
  })) as [ExportFileResult];
  docx = path.join(out, 'article.docx');
  pdfText = compact(
    execFileSync('pdftotext', ['-raw', printDocxWithLibreOffice(docx, out), '-'], {
      encoding: 'utf8',
    }),
  );
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a note cited only from inside another note, as Word', () => {
  it('LibreOffice shows each citation with the mark of the note holding its source', () => {
    expect(result.ok).toBe(true);
    expect(pdfText).toContain('港务局称吞吐量恢复八成1。');
    expect(pdfText).toContain('货代的说法不同2。');
    expect(pdfText).toMatch(/1港务局公告，数据另见1a。1a海关总署月度统计。2一位货代公司负责人。/);
  });

  it('every Word footnote has its citation in the text, and the inner note sits in the note citing it', async () => {
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const notes = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const ids = (xml: string, element: string): string[] =>
      [...xml.matchAll(new RegExp(`<w:${element}\\b[^>]*w:id="(\\d+)"`, 'g'))]
        .map((m) => m[1] ?? '')
        .filter((id) => Number(id) > 0);
    expect(ids(notes, 'footnote')).toEqual(ids(document, 'footnoteReference'));
    expect(ids(document, 'footnoteReference')).toEqual(['1', '3']);
  });

  it('pandoc reads each source under the citation naming it, none lost', () => {
    const markdown = execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', docx], {
      encoding: 'utf8',
    });
    expect(compact(markdown)).toContain('港务局称吞吐量恢复八成[^1]。');
    expect(compact(markdown)).toContain('货代的说法不同[^2]。');
    expect(compact(markdown)).toMatch(
      /\[\^1\]:港务局公告，数据另见\^1a\^。\^1a\^海关总署月度统计。/,
    );
    expect(compact(markdown)).toMatch(/\[\^2\]:一位货代公司负责人。/);
  });
});
