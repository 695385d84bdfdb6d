import path from 'node:path';
import { renderPlainText } from '../../shared/export/plainText';
import { createHtmlText } from '../markdown/htmlText';
import { articleShortcodeOptions } from './articleShortcodes';
import type { ExportContext, ExportOutput } from './exportTypes';
import { writeOutput } from './writeOutput';

/** Plain text for wire systems: no Markdown syntax, footnotes as endnotes, UTF-8. */
export async function exportText(context: ExportContext): Promise<ExportOutput> {
  const { source, options } = context;
  const notes: string[] = [];
  const text = renderPlainText(source.meta, source.body, {
    wrap: options.txt.wrap,
    eol: options.txt.eol,
    profile: source.profile,
    shortcodes: articleShortcodeOptions(source),
    notes,
    rawHtmlText: createHtmlText(context.sanitize),
  });
  const file = path.join(context.outputDir, `${context.name}.txt`);
  await writeOutput(file, text);
  return { files: [file], warnings: notes };
}
