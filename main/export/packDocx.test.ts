import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxCompiler, isCompressedMedia, packDocx } from './packDocx';

const contents = async (bytes: Uint8Array): Promise<[string, string][]> => {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((file) => !file.dir);
  return Promise.all(
    files.map(async (file): Promise<[string, string]> => [file.name, await file.async('base64')]),
  );
};

describe('packDocx', () => {
  it('finds the compiler docx keeps, so the fast path is the one taken', () => {
    expect(docxCompiler()).not.toBeNull();
  });

  it('writes the parts Packer writes, in the same order and byte for byte', async () => {
    // One document packed twice: docx stamps its creation time into docProps/core.xml.
    const document = new Document({
      title: '标题',
      footnotes: { 1: { children: [new Paragraph('来源')] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun('正文 body')] })] }],
    });
    const ours = await contents(await packDocx(document));
    expect(ours.map(([name]) => name)).toContain('word/document.xml');
    expect(ours).toEqual(await contents(new Uint8Array(await Packer.toBuffer(document))));
  });

  it('names the pictures it stores as they are: PNG, JPEG and GIF media, nothing else', async () => {
    const png = readFileSync(path.resolve('tests/fixtures/export/sample/images/default (3).png'));
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } }),
              ],
            }),
          ],
        },
      ],
    });
    const names = (await contents(await packDocx(document))).map(([name]) => name);
    expect(names.filter(isCompressedMedia)).toEqual([
      expect.stringMatching(/^word\/media\/.+\.png$/),
    ]);
    expect(isCompressedMedia('word/media/photo.JPEG')).toBe(true);
    expect(isCompressedMedia('word/media/scan.bmp')).toBe(false);
    expect(isCompressedMedia('word/document.xml')).toBe(false);
  });
});
