import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  exportFormats,
  exportThemes,
  isChoice,
  pageSizes,
  type ExportFormatName,
} from '../../../shared/export/exportChoices';
import { findSiteRoot } from '../../site/siteRoot';
import { ExportService, type ExportFileResult } from '../../export/exportService';
import type { CliCommand } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { collectArticleFiles } from '../readArticleText';

function parseFormats(value: string | undefined): ExportFormatName[] {
  if (!value) throw new UsageError(`--format is required (${exportFormats.join(', ')})`);
  const formats = value.split(',').map((f) => f.trim().toLowerCase());
  for (const format of formats) {
    if (!isChoice(exportFormats, format))
      throw new UsageError(`unknown format "${format}" (use ${exportFormats.join(', ')})`);
  }
  return [...new Set(formats)] as ExportFormatName[];
}

/**
 * `byline export <file|dir> --format html|pdf|docx|hugo|wechat|txt --out <dir> [--theme classic|sans]`:
 * the app's exporters without Electron. PDF uses headless Chromium (/usr/bin/chromium or
 * $BYLINE_CHROMIUM). A failed article is reported and the others are still exported.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  usage:
    'byline export <file|dir> --format html|pdf|docx|hugo|wechat|txt --out <dir> [--theme classic|sans] [--page-size A4|Letter] [--json]',
  summary: 'Export articles to HTML, PDF, Word, a Hugo bundle, WeChat HTML or plain text.',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          format: { type: 'string', short: 'f' },
          out: { type: 'string', short: 'o' },
          theme: { type: 'string' },
          'page-size': { type: 'string' },
          json: { type: 'boolean' },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1 || positionals[0] === undefined)
      throw new UsageError('export takes one file or folder');
    if (!values.out) throw new UsageError('--out <dir> is required');
    const formats = parseFormats(values.format);
    const theme = values.theme ?? 'classic';
    if (!isChoice(exportThemes, theme))
      throw new UsageError(`unknown theme "${values.theme}" (use classic or sans)`);
    const pageSize = values['page-size'] ?? 'A4';
    if (!isChoice(pageSizes, pageSize))
      throw new UsageError(`unknown page size "${values['page-size']}" (use A4 or Letter)`);

    const target = path.resolve(positionals[0]);
    const files = await collectArticleFiles(target);
    const isFolder = (await fs.stat(target)).isDirectory();
    const base = isFolder ? target : path.dirname(target);
    const root = await findSiteRoot(base, base);
    const outputDir = path.resolve(values.out);
    const display = (file: string): string => path.relative(base, file).split(path.sep).join('/');

    const results: ExportFileResult[] = await new ExportService().run({
      files: files.map((file) => ({ file, display: display(file) })),
      formats,
      outputDir,
      root,
      options: {
        theme,
        pdf: { pageSize },
        docx: { pageSize },
      },
      onProgress: values.json
        ? undefined
        : ({ index, total, result }) => {
            const status = result.ok ? 'ok    ' : 'FAILED';
            io.out(`[${index + 1}/${total}] ${status} ${result.path}`);
            if (result.ok)
              for (const file of result.outputs)
                io.out(`         -> ${path.relative(process.cwd(), file) || file}`);
            else io.out(`         ${result.error ?? ''}`);
            for (const warning of result.warnings) io.out(`         warning: ${warning}`);
          },
    });
    const failed = results.filter((r) => !r.ok).length;
    if (values.json) {
      io.out(
        JSON.stringify(
          { outputDir, formats, results, summary: { files: results.length, failed } },
          null,
          2,
        ),
      );
    } else {
      io.out(
        `\n${results.length - failed} of ${results.length} exported to ${outputDir}${failed > 0 ? `, ${failed} failed` : ''}`,
      );
    }
    return failed > 0 ? 1 : 0;
  },
};
