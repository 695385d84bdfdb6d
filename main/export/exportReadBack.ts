import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import type { ExportFileResult } from './exportService';

/**
 * For tests that export an article and read every output back with tools Byline did not write
 * (jsdom, pdftotext, pandoc): the output file ending in `suffix`, and the text of each format.
 */
export function outputOf(result: ExportFileResult, suffix: string): string {
  const found = result.outputs.find((f) => f.endsWith(suffix));
  if (!found) throw new Error(`no output ending in ${suffix}: ${result.outputs.join(', ')}`);
  return found;
}

/**
 * A .docx laid out and printed to PDF by LibreOffice, beside it in `outDir`; returns the PDF's path.
 * A profile of its own, so parallel runs of LibreOffice do not wait on each other's lock.
 */
export function printDocxWithLibreOffice(docx: string, outDir: string): string {
  const profile = pathToFileURL(path.join(outDir, 'lo-profile')).href;
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      docx,
    ],
    { stdio: 'ignore' },
  );
  return path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
}

export const htmlTextOf = (file: string): string =>
  new JSDOM(readFileSync(file, 'utf8')).window.document.body.textContent ?? '';

/** [format, read its text] for HTML, WeChat, plain text, PDF and Word outputs named `stem`. */
export function textReaders(
  result: () => ExportFileResult,
  stem: string,
): [string, () => string][] {
  const output = (suffix: string): string => outputOf(result(), suffix);
  return [
    ['HTML (jsdom text)', () => htmlTextOf(output(`${stem}.html`))],
    ['WeChat (jsdom text)', () => htmlTextOf(output('.wechat.html'))],
    ['plain text', () => readFileSync(output(`${stem}.txt`), 'utf8')],
    [
      'PDF (pdftotext)',
      () => execFileSync('pdftotext', [output(`${stem}.pdf`), '-'], { encoding: 'utf8' }),
    ],
    [
      'Word (pandoc)',
      () => execFileSync('pandoc', ['-t', 'plain', output(`${stem}.docx`)], { encoding: 'utf8' }),
    ],
  ];
}
