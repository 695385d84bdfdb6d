import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportService, type ExportFileResult } from './exportService';

// Which sources are uncited is what the export's own parse says: a citation the Word file does
// not carry (inside raw HTML, which it leaves out, as Hugo does by default) cites nothing there.
const article = `---
title: Notes
lang: en
---
Cited in the text.[^a]

<div>Cited only inside raw HTML.[^b]</div>

Cited again.[^a]

[^a]: Source A.
[^b]: Source B.
`;

let folder: string;
let result: ExportFileResult;
let documentXml: string;
let footnotesXml: string;

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'byline-docx-uncited-'));
  const file = path.join(folder, 'notes.md');
  writeFileSync(file, article);
  [result] = (await new ExportService().run({
    files: [{ file, display: 'notes.md' }],
    formats: ['docx'],
    outputDir: path.join(folder, 'out'),
    root: folder,
  })) as [ExportFileResult];
  const zip = await JSZip.loadAsync(readFileSync(path.join(folder, 'out', 'notes.docx')));
  documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  footnotesXml = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('sources nobody cites in the Word file', () => {
  it('lists a source cited only from raw HTML as uncited, with a warning', () => {
    expect(result.ok).toBe(true);
    expect(result.warnings).toContain(
      'Footnote [^b] is never cited: listed at the end without a number.',
    );
    expect(documentXml).toContain('Source B.');
    expect(footnotesXml).not.toContain('Source B.');
  });

  it('keeps a cited source as a footnote only', () => {
    expect(result.warnings).not.toContain(
      'Footnote [^a] is never cited: listed at the end without a number.',
    );
    expect(footnotesXml).toContain('Source A.');
    expect(documentXml).not.toContain('Source A.');
  });
});
