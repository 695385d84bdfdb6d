import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitArticle } from '../../shared/article';
import { indexFootnotes } from '../../shared/footnotes/footnoteIndex';
import { printDocxWithLibreOffice } from './exportReadBack';
import { ExportService, type ExportFileResult } from './exportService';

// The sample article's Word export read back by tools we did not write: LibreOffice (laid out and
// printed to PDF, then pdftotext) and pandoc. Each citation must show the number of a note whose
// text is the source that citation names, numbered as the published page numbers them.
const root = path.resolve('tests/fixtures/export/zh-hugo');
const articleFile = path.join(root, 'article-zh-hugo.md');
const body = splitArticle(readFileSync(articleFile, 'utf8')).body;
const footnotes = indexFootnotes(body);
const sourceOf = (label: string): string =>
  footnotes.definitions.find((d) => d.label === label)?.text ?? '';
/** Published number of each label: the order of first citation. */
const numberOf = (label: string): number => footnotes.order.indexOf(label) + 1;
const compact = (text: string): string => text.replace(/\s+/g, '');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each citation with the few characters around it in the source, to find it again on the page. */
const citations = footnotes.references.map((reference) => {
  const before = compact(body.slice(0, reference.from)).slice(-6);
  const after = compact(body.slice(reference.to)).slice(0, 1);
  return { label: reference.label, before, after };
});

let out: string;
let result: ExportFileResult;
let docx: string;
let pdfText: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'byline-docx-readback-'));
  [result] = (await new ExportService().run({
    files: [{ file: articleFile, display: 'article-zh-hugo.md' }],
    formats: ['docx'],
    outputDir: out,
    root,
  })) as [ExportFileResult];
  docx = path.join(out, 'article-zh-hugo.docx');
  pdfText = execFileSync('pdftotext', [printDocxWithLibreOffice(docx, out), '-'], {
    encoding: 'utf8',
  });
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the sample article as Word, read back', () => {
  it('has the 12 citations of 4 cited sources and one source nobody cites', () => {
    expect(citations).toHaveLength(12);
    expect(citations.filter((c) => c.label === '1')).toHaveLength(9);
    expect(footnotes.unusedDefinitions).toEqual(['2']);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      'Footnote [^2] is never cited: listed at the end without a number.',
    ]);
  });

  it('LibreOffice shows at each citation the number of the note holding its source', () => {
    const page = compact(pdfText);
    let from = 0;
    for (const citation of citations) {
      const mark = new RegExp(
        `${escapeRegExp(citation.before)}(\\d+)${escapeRegExp(citation.after)}`,
        'g',
      );
      mark.lastIndex = from;
      const found = mark.exec(page);
      expect(found, `citation of [^${citation.label}] after “${citation.before}”`).not.toBeNull();
      from = mark.lastIndex;
      const shown = Number(found?.[1]);
      expect(shown).toBe(numberOf(citation.label));
      // The note with that number, at a page's foot, holds the source the citation names.
      expect(page).toContain(`${shown}${compact(sourceOf(citation.label))}`);
    }
  });

  it('has exactly one non-empty Word footnote per cited source, and the uncited source in the text', async () => {
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const notesXml = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
    const textOf = (xml: string): string =>
      [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) =>
          (m[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
        )
        .join('');
    const notes = [...notesXml.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)]
      .filter((m) => Number(m[1]) > 0)
      .map((m) => textOf(m[2] ?? ''));
    expect(notes).toEqual(footnotes.order.map((label) => sourceOf(label)));
    // No page foot shows a bare number without its note, and no note beyond the fourth exists.
    expect(compact(pdfText)).not.toMatch(/(?:^|\D)5（/);
    expect(compact(pdfText)).toContain(`References${compact(sourceOf('2'))}`);
  });

  it('pandoc reads each source under its published number and each citation with it', () => {
    const markdown = execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', docx], {
      encoding: 'utf8',
    });
    for (const label of footnotes.order) {
      const note = new RegExp(`^\\[\\^${numberOf(label)}\\]: (.*)$`, 'm').exec(markdown);
      // pandoc escapes Markdown punctuation (`\$`): read it as text.
      const text = (note?.[1] ?? '').replace(/\\([^\w\s])/g, '$1');
      expect(compact(text), `note ${numberOf(label)}`).toBe(compact(sourceOf(label)));
    }
    const marks = [...markdown.matchAll(/\[\^(\d+)\](?!:)|\^(\d+)\^/g)].map((m) =>
      Number(m[1] ?? m[2]),
    );
    expect(marks).toEqual(citations.map((c) => numberOf(c.label)));
    expect(compact(markdown)).toContain(compact(sourceOf('2')));
  });
});
