import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkspaceExportSettings } from '../../shared/export/exportOptions';
import type { EventSink, RequestHandlers, Settings } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { resolveConfined } from '../workspace/confinement';
import { ExportService } from './exportService';
import { holdBackUnconfirmed } from './exportSettingsTrust';
import {
  loadWorkspaceExportSettings,
  saveWorkspaceExportSettings,
} from './workspaceExportSettings';
import type { PdfPrinter } from './pdfPrinter';

export interface ExportHandlerDeps {
  workspaceRoot: () => string;
  context: {
    assetsDir: string;
    /** The user's documents folder: default exports go there, never into the workspace. */
    documentsDir: string;
    emit: EventSink;
    /** Electron's printToPDF (main/electron); absent: headless Chromium. */
    pdfPrinter?: PdfPrinter | undefined;
    /** Electron's shell.openPath; absent in browser mode (the dialog shows the path instead). */
    openPath?: ((absolute: string) => Promise<void>) | undefined;
    /** Electron's webContents.print on the app window; absent in browser mode. */
    printWindow?: (() => Promise<void>) | undefined;
  };
  settings: () => Settings;
}

type ExportHandlers = Pick<
  RequestHandlers,
  | 'export.getSettings'
  | 'export.saveSettings'
  | 'export.run'
  | 'export.renderForClipboard'
  | 'export.renderForPrint'
  | 'export.printWindow'
  | 'export.openOutput'
>;

/**
 * Default output folder when the writer chose none: `<Documents>/Byline Exports/<workspace>`.
 * Not inside the workspace, where exported Markdown (Hugo bundles) would show up as articles.
 */
export const defaultExportFolder = (documentsDir: string, workspaceRoot: string): string =>
  path.join(exportsRoot(documentsDir), path.basename(workspaceRoot));

/** `<Documents>/Byline Exports`: with the workspace, where exports may go without the writer picking a folder. */
const exportsRoot = (documentsDir: string): string => path.join(documentsDir, 'Byline Exports');

/** The `export.*` requests: per-workspace options, batch export with progress events, clipboard HTML. */
export function createExportHandlers(
  deps: ExportHandlerDeps,
): ExportHandlers & { dispose(): Promise<void> } {
  const service = new ExportService({
    assetsDir: path.join(deps.context.assetsDir),
    pdfPrinter: deps.context.pdfPrinter,
  });
  // Only files an export of this session wrote may be opened from the dialog's result list.
  const written = new Set<string>();
  const fallback = (): Partial<WorkspaceExportSettings> => {
    const defaults = deps.settings().defaultExport;
    return {
      formats: [defaults.format],
      outputDir: defaults.outputDir,
      openWhenDone: defaults.openWhenDone,
    };
  };

  return {
    'export.getSettings': async () => {
      const root = deps.workspaceRoot();
      return holdBackUnconfirmed(
        await loadWorkspaceExportSettings(root, fallback()),
        WorkspaceExportSettings.parse(fallback()),
        { workspaceRoot: root, exportsRoot: exportsRoot(deps.context.documentsDir) },
      );
    },
    'export.saveSettings': (settings) =>
      saveWorkspaceExportSettings(deps.workspaceRoot(), settings),
    'export.run': async (input) => {
      const root = deps.workspaceRoot();
      const outputDir =
        input.outputDir === null
          ? defaultExportFolder(deps.context.documentsDir, root)
          : path.isAbsolute(input.outputDir)
            ? path.resolve(input.outputDir)
            : await resolveConfined(root, input.outputDir);
      try {
        await fs.mkdir(outputDir, { recursive: true });
      } catch (error) {
        throw new BylineError(
          'output-folder',
          `Byline cannot create or write the folder "${outputDir}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        );
      }
      const files = await Promise.all(
        input.paths.map(async (relative) => {
          try {
            return { file: await resolveConfined(root, relative), display: relative };
          } catch (error) {
            // Reported per file like any other failure, so the batch still runs.
            return { file: '', display: relative, refused: (error as Error).message };
          }
        }),
      );
      const results = await service.run({
        files,
        formats: input.formats,
        outputDir,
        root,
        options: input.options,
        onStep: ({ index, total, path: article, format }) =>
          deps.context.emit('export.step', {
            jobId: input.jobId,
            index,
            total,
            path: article,
            format,
          }),
        onProgress: ({ index, total, result }) =>
          deps.context.emit('export.progress', {
            jobId: input.jobId,
            done: index + 1,
            total,
            result,
          }),
      });
      for (const result of results) for (const file of result.outputs) written.add(file);
      let opened = false;
      if (input.openWhenDone && deps.context.openPath) {
        const succeeded = results.filter((r) => r.ok);
        const single =
          succeeded.length === 1 && succeeded[0]?.outputs.length === 1
            ? succeeded[0].outputs[0]
            : undefined;
        try {
          await deps.context.openPath(single ?? outputDir);
          opened = true;
        } catch {
          opened = false;
        }
      }
      return { jobId: input.jobId, outputDir, results, opened };
    },
    'export.renderForClipboard': async ({ path: relative, text, theme }) => {
      const root = deps.workspaceRoot();
      return service.renderForClipboard(await resolveConfined(root, relative), root, text, theme);
    },
    'export.renderForPrint': async ({ path: relative, text, theme }) => {
      const root = deps.workspaceRoot();
      return service.renderForPrint(await resolveConfined(root, relative), root, text, theme);
    },
    'export.printWindow': async () => {
      if (!deps.context.printWindow) return { handled: false };
      await deps.context.printWindow();
      return { handled: true };
    },
    'export.openOutput': async ({ path: file }) => {
      const open = deps.context.openPath;
      if (!open || !written.has(file)) return { opened: false };
      try {
        await open(file);
        return { opened: true };
      } catch {
        return { opened: false };
      }
    },
    dispose: async () => {},
  };
}
