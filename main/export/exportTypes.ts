import type { ExportFormatName, ExportOptions } from '../../shared/export/exportOptions';
import type { HtmlSanitizer } from '../../shared/markdown/sanitize';
import type { ArticleImages } from './articleImages';
import type { ArticleSource } from './articleSource';
import type { PdfPrinter } from './pdfPrinter';
import type { ThemeStore } from './themes';

/** What one exporter gets: the article, where to write, and the shared machinery. */
export interface ExportContext {
  source: ArticleSource;
  images: ArticleImages;
  /** Absolute folder; exists. */
  outputDir: string;
  /** Output base name, unique within the batch (no extension). */
  name: string;
  /** Reserves a different base name (the Hugo bundle's slug) in the output folder for this batch. */
  claim(name: string): string;
  options: ExportOptions;
  /** The app's strict sanitizer (DOMPurify on jsdom). */
  sanitize: HtmlSanitizer;
  themes: ThemeStore;
  /** Started on first use and kept for the batch. */
  pdfPrinter: () => Promise<PdfPrinter>;
}

export interface ExportOutput {
  /** Absolute paths written; the main output first (for Hugo, the bundle's index.md). */
  files: string[];
  /** Things the writer should know that did not stop the export (a missing image...). */
  warnings: string[];
}

export type Exporter = (context: ExportContext) => Promise<ExportOutput>;
/** Each format's exporter, loaded on demand. */
export type ExporterTable = Readonly<Record<ExportFormatName, () => Promise<Exporter>>>;
