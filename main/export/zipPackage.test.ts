import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipPackage } from './zipPackage';

const folder = mkdtempSync(path.join(os.tmpdir(), 'byline-zip-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Python's zipfile, a reader nobody here wrote: every entry's name, method, CRC check and bytes. */
function readWithPython(bytes: Uint8Array): {
  bad: string | null;
  entries: { name: string; method: number; hex: string }[];
} {
  const file = path.join(folder, `read-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'print(json.dumps({"bad": z.testzip(), "entries": [',
    '  {"name": i.filename, "method": i.compress_type, "hex": z.read(i).hex()} for i in z.infolist()]}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

const hex = (text: string | Uint8Array): string => Buffer.from(text).toString('hex');

describe('zipPackage', () => {
  const xml = `<?xml version="1.0"?><w:document>${'<w:p><w:r><w:t>新闻 news</w:t></w:r></w:p>'.repeat(500)}</w:document>`;
  const picture = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256);
  const files: [string, string | Uint8Array][] = [
    ['[Content_Types].xml', '<Types/>'],
    ['word/document.xml', xml],
    ['word/media/图片.png', picture],
    ['word/empty.xml', ''],
  ];

  it('writes a ZIP that another reader opens: same files, same order, same bytes, deflated', () => {
    const read = readWithPython(zipPackage(files));
    expect(read.bad).toBeNull();
    expect(read.entries).toEqual(
      files.map(([name, data]) => ({ name, method: 8, hex: hex(data) })),
    );
  });

  it('keeps the files `store` names as they are, and deflates the rest', () => {
    const read = readWithPython(zipPackage(files, { store: (name) => name.endsWith('.png') }));
    expect(read.bad).toBeNull();
    expect(read.entries).toEqual(
      files.map(([name, data]) => ({
        name,
        method: name.endsWith('.png') ? 0 : 8,
        hex: hex(data),
      })),
    );
  });

  it('compresses text', () => {
    expect(zipPackage(files).length).toBeLessThan(Buffer.byteLength(xml) / 10);
  });

  it('gives the same bytes for the same files: no clock in the archive', () => {
    expect(hex(zipPackage(files))).toBe(hex(zipPackage(files)));
  });
});
