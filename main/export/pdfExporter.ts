import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { escapeHtml } from '../../shared/markdown/escapeHtml';
import { exportLabels } from '../../shared/export/exportLabels';
import type { ExportContext, ExportOutput } from './exportTypes';
import { buildStandaloneHtml, writeImageCopies } from './htmlExporter';
import { withArticleMetadata } from './pdfMetadata';
import { writeOutput } from './writeOutput';

// Header and footer: fonts Chromium embeds as CID TrueType, never CFF-based Noto CJK first (Type 3;
// see the print fonts in assets/themes/base.css). Their Han text uses the theme's CJK sans face by
// the same local() sources, so Chromium draws it with the instance the article already uses rather
// than a second one, whose whole font file (17 MB for WenQuanYi) would go into the print job again.
const templateCjkFace =
  "<style>@font-face { font-family: 'Byline Print CJK Sans'; src: local('PingFang SC'), local('Microsoft YaHei'), local('WenQuanYi Zen Hei'), local('WenQuanYiZenHei'); font-weight: 100 900; }</style>";
const templateFont =
  "font-family: Arial, 'Liberation Sans', 'DejaVu Sans', 'Byline Print CJK Sans', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', 'Droid Sans Fallback', 'Noto Sans CJK SC', sans-serif; font-size: 8pt; color: #777;";

/** Title in the header, "Page n of N" (第 n 页，共 N 页) in the footer, in the article's language. */
export function pageTemplates(
  title: string,
  lang: string,
  marginMm: number,
): { header: string; footer: string } {
  const side = `padding: 0 ${marginMm}mm; width: 100%; box-sizing: border-box;`;
  const page = escapeHtml(exportLabels(lang).page)
    .replace('{n}', '<span class="pageNumber"></span>')
    .replace('{total}', '<span class="totalPages"></span>');
  return {
    header: `${templateCjkFace}<div style="${templateFont} ${side} text-align: right; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;">${escapeHtml(title)}</div>`,
    footer: `${templateCjkFace}<div style="${templateFont} ${side} text-align: center;">${page}</div>`,
  };
}

/**
 * PDF from the same page as the HTML export, printed by Chromium: selectable text, CJK fonts
 * embedded as subsets by the engine, footnotes as endnotes at the end. The images go to the
 * printer as files in a temporary folder (removed whatever happens), as the HTML export copies
 * them: loading megabytes of data: URIs cost Chromium several times the printing itself.
 */
export async function exportPdf(context: ExportContext): Promise<ExportOutput> {
  const page = await buildStandaloneHtml(context, 'copy');
  const { pdf: settings } = context.options;
  const templates = pageTemplates(
    context.source.meta.title,
    context.source.meta.lang,
    settings.marginMm,
  );
  const printer = await context.pdfPrinter();
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'byline-pdf-'));
  let printed: Uint8Array;
  try {
    await writeImageCopies(context, page.copies, path.join(folder, page.assetsFolder));
    printed = await printer.print({
      // Paper cannot be clicked: a collapsed <details> (Hugo's details shortcode) prints open.
      html: page.html.replace(/<details(?![^>]*\sopen\b)/g, '<details open'),
      folder,
      pageSize: settings.pageSize,
      marginMm: settings.marginMm,
      headerTemplate: settings.pageNumbers ? templates.header : null,
      footerTemplate: settings.pageNumbers ? templates.footer : null,
    });
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
  const bytes = await withArticleMetadata(printed, context.source.meta);
  const file = path.join(context.outputDir, `${context.name}.pdf`);
  await writeOutput(file, bytes);
  return { files: [file], warnings: page.warnings };
}
