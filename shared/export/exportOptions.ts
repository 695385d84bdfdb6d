/**
 * What an export can be asked to do, as zod schemas: the contract (`export.*` requests), the CLI
 * and the per-workspace options file (`.byline/export.json`) all parse with these.
 */
import { z } from 'zod';

export const exportFormats = ['html', 'pdf', 'docx', 'hugo', 'wechat', 'txt'] as const;
export const ExportFormatName = z.enum(exportFormats);
export type ExportFormatName = z.output<typeof ExportFormatName>;

const exportThemes = ['classic', 'sans'] as const;
export const ExportTheme = z.enum(exportThemes);
export type ExportTheme = z.output<typeof ExportTheme>;

export const PageSize = z.enum(['A4', 'Letter']);
export type PageSize = z.output<typeof PageSize>;

/** Per-format choices. Every field has a default, so `ExportOptions.parse({})` is a full set. */
export const ExportOptions = z.object({
  /** Stylesheet for HTML, PDF and WeChat output (assets/themes/<theme>.css). */
  theme: ExportTheme.default('classic'),
  html: z
    .object({
      /** `embed`: images become data: URIs (one file); `copy`: copied into `<name>.assets/` beside it. */
      images: z.enum(['embed', 'copy']).default('embed'),
    })
    .prefault({}),
  pdf: z
    .object({
      pageSize: PageSize.default('A4'),
      /** One margin for all four sides, in millimetres. */
      marginMm: z.number().int().min(5).max(40).default(20),
      /** Page numbers in the footer and the title in the header. */
      pageNumbers: z.boolean().default(true),
    })
    .prefault({}),
  docx: z
    .object({
      pageSize: PageSize.default('A4'),
    })
    .prefault({}),
  hugo: z
    .object({
      /** Add `slug:` (pinyin for Chinese titles) to the front matter when it has none. */
      addSlug: z.boolean().default(true),
    })
    .prefault({}),
  txt: z
    .object({
      /** Wrap paragraphs at this display width (CJK counts 2); 0 keeps one line per paragraph. */
      wrap: z.number().int().min(0).max(200).default(0),
      /** Wire systems on Windows often want CRLF. */
      eol: z.enum(['lf', 'crlf']).default('lf'),
    })
    .prefault({}),
  /**
   * Remote (http/https) images: off by default, as in the preview: Byline is offline by design
   * and never fetches them; they become a placeholder with their address.
   */
  allowRemoteImages: z.boolean().default(false),
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
