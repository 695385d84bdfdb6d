/**
 * The export part of the IPC contract (shared/ipc/contract.ts lists these under `export.*`).
 * Kept here so the contract file stays one line per request; same rules: every input parsed by
 * both transports before the service sees it.
 */
import { z } from 'zod';
import {
  ExportFormatName,
  ExportOptions,
  ExportTheme,
  WorkspaceExportSettings,
  exportFormats,
} from './exportOptions';

/** Workspace-relative POSIX path (as ArticlePath in the contract; repeated to avoid an import cycle). */
const WorkspacePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'NUL in path');

const ExportFileResult = z.object({
  /** Workspace-relative path of the article. */
  path: z.string(),
  ok: z.boolean(),
  /** Absolute paths written, main output first. */
  outputs: z.array(z.string()),
  warnings: z.array(z.string()),
  /** Why the article failed, in words (null when it worked). */
  error: z.string().nullable(),
});
export type ExportFileResultValue = z.output<typeof ExportFileResult>;

const ExportRunInput = z.object({
  /** Chosen by the renderer; progress events carry it. */
  jobId: z.string().min(1).max(100),
  paths: z.array(WorkspacePath).min(1).max(5000),
  formats: z.array(ExportFormatName).min(1).max(exportFormats.length),
  /** Absolute folder, or relative to the workspace; null = `exports/` in the workspace. */
  outputDir: z
    .string()
    .min(1)
    .max(4096)
    .refine((p) => !p.includes('\0'), 'NUL in path')
    .nullable(),
  options: ExportOptions.prefault({}),
  /** Open the result with the system (Electron); browser mode shows the path instead. */
  openWhenDone: z.boolean().default(false),
});

const ExportRunOutput = z.object({
  jobId: z.string(),
  /** Absolute folder the files went to. */
  outputDir: z.string(),
  results: z.array(ExportFileResult),
  /** True when main opened the result (Electron's shell.openPath); false in browser mode. */
  opened: z.boolean(),
});

const ExportProgressEvent = z.object({
  jobId: z.string(),
  /** Articles finished so far (1..total). */
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  result: ExportFileResult,
});

/** An article of an `export.run` batch starts one of its formats (the dialog shows which). */
const ExportStepEvent = z.object({
  jobId: z.string(),
  /** 0-based index of the article in the batch. */
  index: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  path: z.string(),
  format: ExportFormatName,
});

const ClipboardRenderInput = z.object({
  path: WorkspacePath,
  /** The editor's current text (unsaved changes included); null = the file on disk. */
  text: z.string().max(20_000_000).nullable(),
  theme: ExportTheme.default('classic'),
});

const ClipboardRenderOutput = z.object({
  /** One `<section>` with every style inline (WeChat editor, CMS): sanitized in main. */
  html: z.string(),
  /** The same article as plain text, for text/plain. */
  text: z.string(),
});

/**
 * The dialog's choices as main loaded them. `.byline/export.json` is a file in the workspace, so
 * anyone who sent the folder wrote it: an output folder outside the export root and remote images
 * are held back (not applied) and listed here for the writer to confirm in the dialog.
 */
export const LoadedExportSettings = WorkspaceExportSettings.extend({
  unconfirmed: z
    .object({
      outputDir: z.string().max(4096).optional(),
      allowRemoteImages: z.literal(true).optional(),
    })
    .optional(),
});
export type LoadedExportSettings = z.output<typeof LoadedExportSettings>;

const PrintRenderOutput = z.object({
  /** The article as the export page shows it (header, body, notes; images embedded): sanitized in main. */
  html: z.string(),
  /** The export theme's stylesheet (base + theme), applied to the printed page only. */
  css: z.string(),
  lang: z.string(),
});

export const exportRequests = {
  /** The export dialog's choices for this workspace (`.byline/export.json`, else the settings' defaults). */
  getSettings: { input: z.void(), output: LoadedExportSettings },
  saveSettings: { input: WorkspaceExportSettings, output: WorkspaceExportSettings },
  /** Exports articles one after another; a failed one is reported and the batch goes on. */
  run: { input: ExportRunInput, output: ExportRunOutput },
  /** The open article as rich text + plain text for "Copy for WeChat / CMS". */
  renderForClipboard: { input: ClipboardRenderInput, output: ClipboardRenderOutput },
  /** The open article as the export theme prints it, for File › Print. */
  renderForPrint: { input: ClipboardRenderInput, output: PrintRenderOutput },
  /**
   * Opens the system print dialog for the app window (Electron's webContents.print), which
   * prints only the article (the app's print stylesheet). `handled: false` where main cannot
   * print (browser mode): the page then prints itself with window.print().
   */
  printWindow: { input: z.void(), output: z.object({ handled: z.boolean() }) },
  /**
   * Opens one file an export of this session wrote, with the system's default application
   * (desktop). `opened: false` in browser mode, or for a path no export wrote.
   */
  openOutput: {
    input: z.object({ path: z.string().min(1).max(4096) }),
    output: z.object({ opened: z.boolean() }),
  },
} as const;

export const exportEvents = {
  /** One article of an `export.run` batch finished (ok or failed). */
  progress: ExportProgressEvent,
  /** An article starts one of its formats. */
  step: ExportStepEvent,
} as const;
