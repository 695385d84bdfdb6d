import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleMetadata } from '../../shared/export/articleMetadata';
import { appendDocumentInformation, withArticleMetadata } from './pdfMetadata';

// Files shaped like Chromium's (classic cross-reference table, a catalog that shows the title
// and names the language, an information dictionary naming the engine), read back by poppler.
let base: string;
beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-pdf-metadata-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const meta: ArticleMetadata = {
  title: 'OpenAI与微软权力对弈 (1) <draft>',
  lead: '国防合约背后的大模型自主之路',
  date: null,
  authors: ['林晓', 'Ann O’Neil'],
  keywords: ['OpenAI', '微软'],
  lang: 'zh-CN',
};

/** A one-page PDF laid out as Chromium's printer writes one (Skia's classic xref, inline dictionaries). */
function chromiumLike(lang = 'zh-CN'): Uint8Array {
  const content = 'BT /F1 12 Tf 20 100 Td (Printed text 42) Tj ET';
  const objects = [
    "<</Title <FEFF00500061006700650020007400690074006C0065>\n/Creator (Mozilla/5.0 \\(X11\\) HeadlessChrome/156.0.0.0)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20260102030405+00'00')\n/ModDate (D:20260102030405+00'00')>>",
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources <</Font <</F1 4 0 R>>>> /Contents 5 0 R>>',
    '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
    `<</Length ${content.length}>> stream\n${content}\nendstream`,
    `<</Type /Catalog\n/Pages 2 0 R\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>\n/Lang (${lang})>>`,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 6 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** poppler's reading of a file; its complaints (a broken table) would land in stderr. */
function poppler(tool: 'pdfinfo' | 'pdftotext', bytes: Uint8Array): { out: string; err: string } {
  const file = path.join(base, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const run = spawnSync(tool, tool === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' });
  return { out: run.stdout, err: run.stderr };
}

describe('document properties of a printed PDF', () => {
  it('are appended as an update that poppler reads cleanly, the printed bytes kept', async () => {
    const printed = chromiumLike();
    const updated = appendDocumentInformation(printed, meta, new Date('2026-12-07T04:05:06Z'));
    expect(updated).not.toBeNull();
    const info = poppler('pdfinfo', updated as Uint8Array);
    expect(info.err).toBe('');
    expect(info.out).toMatch(/^Title:\s+OpenAI与微软权力对弈 \(1\) <draft>$/m);
    expect(info.out).toMatch(/^Author:\s+林晓, Ann O’Neil$/m);
    expect(info.out).toMatch(/^Subject:\s+国防合约背后的大模型自主之路$/m);
    expect(info.out).toMatch(/^Keywords:\s+OpenAI 微软$/m);
    expect(info.out).toMatch(/^Creator:\s+Byline$/m);
    expect(info.out).toMatch(/^Producer:\s+Byline \(printed by Chromium\)$/m);
    expect(info.out).toMatch(/^CreationDate:\s+Fri Jan {2}2 03:04:05 2026 UTC$/m);
    expect(info.out).toMatch(/^ModDate:\s+Mon Dec {2}7 04:05:06 2026 UTC$/m);
    expect(poppler('pdftotext', updated as Uint8Array).out).toContain('Printed text 42');
    // The engine's name is gone from the bytes; the printed bytes are kept but that dictionary,
    // blanked with spaces in place.
    const text = Buffer.from(updated as Uint8Array).toString('latin1');
    expect(text).not.toMatch(/HeadlessChrome|Skia/);
    const changed = [...printed.keys()].filter((i) => printed[i] !== updated?.[i]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((i) => updated?.[i] === 0x20)).toBe(true);
  });

  it('are rewritten on a file updated before', async () => {
    const once = appendDocumentInformation(chromiumLike(), meta, new Date());
    const twice = await withArticleMetadata(once as Uint8Array, { ...meta, title: 'Second' });
    const info = poppler('pdfinfo', twice);
    expect(info.err).toBe('');
    expect(info.out).toMatch(/^Title:\s+Second$/m);
  });

  it('rewrite a file the update cannot take: a cross-reference stream, another language', async () => {
    const withStreams = await PDFDocument.load(chromiumLike());
    for (const printed of [
      await withStreams.save({ useObjectStreams: true }),
      chromiumLike('en'),
    ]) {
      expect(appendDocumentInformation(printed, meta, new Date())).toBeNull();
      const info = poppler('pdfinfo', await withArticleMetadata(printed, meta));
      expect(info.out).toMatch(/^Title:\s+OpenAI与微软权力对弈 \(1\) <draft>$/m);
      expect(info.out).toMatch(/^Creator:\s+Byline$/m);
    }
    const rewritten = await withArticleMetadata(chromiumLike('en'), meta);
    expect(String((await PDFDocument.load(rewritten)).catalog.get(PDFName.of('Lang')))).toBe(
      '(zh-CN)',
    );
  });
});
