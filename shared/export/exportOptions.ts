/**
 * What an export can be asked to do, as zod schemas: the contract (`export.*` requests), the CLI
 * and the per-workspace options file (`.byline/export.json`) all parse with these. The lists and
 * defaults are exportChoices.ts's, which the command line and the export service use without zod.
 */
import { z } from 'zod';
import {
  defaultExportOptions as defaults,
  exportFormats,
  exportThemes,
  htmlImageModes,
  pageSizes,
  textLineEndings,
} from './exportChoices';

export { exportFormats };
export const ExportFormatName = z.enum(exportFormats);
export type ExportFormatName = z.output<typeof ExportFormatName>;

export const ExportTheme = z.enum(exportThemes);
export type ExportTheme = z.output<typeof ExportTheme>;

export const PageSize = z.enum(pageSizes);
export type PageSize = z.output<typeof PageSize>;

/** Per-format choices (exportChoices.ts says what each means). Every field has a default. */
export const ExportOptions = z.object({
  theme: ExportTheme.default(defaults.theme),
  html: z
    .object({
      images: z.enum(htmlImageModes).default(defaults.html.images),
    })
    .prefault({}),
  pdf: z
    .object({
      pageSize: PageSize.default(defaults.pdf.pageSize),
      marginMm: z.number().int().min(5).max(40).default(defaults.pdf.marginMm),
      pageNumbers: z.boolean().default(defaults.pdf.pageNumbers),
    })
    .prefault({}),
  docx: z
    .object({
      pageSize: PageSize.default(defaults.docx.pageSize),
    })
    .prefault({}),
  hugo: z
    .object({
      addSlug: z.boolean().default(defaults.hugo.addSlug),
    })
    .prefault({}),
  txt: z
    .object({
      wrap: z.number().int().min(0).max(200).default(defaults.txt.wrap),
      eol: z.enum(textLineEndings).default(defaults.txt.eol),
    })
    .prefault({}),
  allowRemoteImages: z.boolean().default(defaults.allowRemoteImages),
});
export type ExportOptions = z.output<typeof ExportOptions>;
export type ExportOptionsInput = z.input<typeof ExportOptions>;

/** What the export dialog remembers per workspace (`<workspace>/.byline/export.json`). */
export const WorkspaceExportSettings = z.object({
  formats: z.array(ExportFormatName).min(1).max(exportFormats.length).default(['html']),
  /** Absolute folder; null = `exports/` in the workspace. */
  outputDir: z.string().max(4096).nullable().default(null),
  openWhenDone: z.boolean().default(false),
  options: ExportOptions.prefault({}),
});
export type WorkspaceExportSettings = z.output<typeof WorkspaceExportSettings>;
export type WorkspaceExportSettingsInput = z.input<typeof WorkspaceExportSettings>;
