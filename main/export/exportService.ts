import { promises as fs } from 'node:fs';
import path from 'node:path';
import { withExportDefaults } from '../../shared/export/exportChoices';
import type {
  ExportFormatName,
  ExportOptionsInput,
  ExportTheme,
} from '../../shared/export/exportOptions';
import { articleShortcodeOptions } from './articleShortcodes';
import type { HtmlSanitizer } from '../../shared/markdown/sanitize';
import { createHtmlText } from '../markdown/htmlText';
import { createNodeSanitizer, createRenderedHtmlSanitizer } from '../markdown/nodeSanitizer';
import { ArticleImages } from './articleImages';
import { DeferredImages } from './deferredImages';
import { createExportSanitizer } from './exportSanitizer';
import { renderArticleHtml } from './renderArticleHtml';
import { readRenderProfile } from '../site/siteConfig';
import { articleFromText, readArticleSource, type ArticleSource } from './articleSource';
import type { ExporterTable } from './exportTypes';
import type { PdfPrinter } from './pdfPrinter';
import { ThemeStore } from './themes';

/**
 * Each format's exporter, loaded when a batch first asks for it: the Word writer, juice (WeChat)
 * and pdf-lib are most of the export code, and a process exporting HTML needs none of them.
 */
export const exporters: ExporterTable = {
  html: async () => (await import('./htmlExporter')).exportHtml,
  pdf: async () => (await import('./pdfExporter')).exportPdf,
  docx: async () => (await import('./docxExporter')).exportDocx,
  hugo: async () => (await import('./hugoExporter')).exportHugo,
  wechat: async () => (await import('./wechatExporter')).exportWechat,
  txt: async () => (await import('./textExporter')).exportText,
};

export interface ExportFileResult {
  /** The article as the caller named it (workspace-relative in the app, as given on the CLI). */
  path: string;
  ok: boolean;
  /** Absolute paths written, main output of each format first. */
  outputs: string[];
  warnings: string[];
  /** Why it failed, in words; null when it worked. */
  error: string | null;
}

export interface ExportProgress {
  /** 0-based index of the article just finished. */
  index: number;
  total: number;
  result: ExportFileResult;
}

export interface ExportRequest {
  /** Absolute article files, each paired with the name reported back; `refused` = fail it with this reason. */
  files: Array<{ file: string; display: string; refused?: string }>;
  formats: readonly ExportFormatName[];
  /** Absolute output folder; created when missing. */
  outputDir: string;
  /** Checked where they came in (the contract, the command line); defaults fill the rest. */
  options?: ExportOptionsInput;
  /** Root image paths resolve in (workspace or site); absolute. */
  root: string;
  onProgress?: (progress: ExportProgress) => void;
  /** Before each format of each article: what the batch is doing now. */
  onStep?: (step: { index: number; total: number; path: string; format: ExportFormatName }) => void;
}

export interface ExportServiceOptions {
  /** assets/ (themes); default: found next to the code. */
  assetsDir?: string;
  /** Electron injects its printToPDF printer; otherwise headless Chromium via playwright-core. */
  pdfPrinter?: PdfPrinter;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Exports articles to files, one at a time: a failed article (unreadable, binary, broken front
 * matter, a missing browser for PDF) is reported and the batch goes on. Shared by the app
 * (`export.*` requests) and the `byline export` command.
 */
export class ExportService {
  private readonly themes: ThemeStore;
  private readonly sanitize: HtmlSanitizer;
  /** For articles whose raw HTML is off: the fast path, DOMPurify where it does not apply. */
  private readonly sanitizeRendered: HtmlSanitizer;
  private readonly injectedPrinter: PdfPrinter | undefined;

  constructor(options: ExportServiceOptions = {}) {
    this.themes = new ThemeStore(options.assetsDir);
    this.sanitize = createNodeSanitizer();
    this.sanitizeRendered = createRenderedHtmlSanitizer();
    this.injectedPrinter = options.pdfPrinter;
  }

  async run(request: ExportRequest): Promise<ExportFileResult[]> {
    const options = withExportDefaults(request.options);
    await fs.mkdir(request.outputDir, { recursive: true });
    const usedNames = new Set<string>();
    const claim = (wanted: string): string => {
      let name = wanted;
      for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${wanted}-${n}`;
      usedNames.add(name.toLowerCase());
      return name;
    };
    let printer: PdfPrinter | null = null;
    // Loaded with the first PDF, as the exporters are: other formats never need it.
    const pdfPrinter = async (): Promise<PdfPrinter> => {
      if (!printer) {
        const { createChromiumPdfPrinter } = await import('./chromiumPdfPrinter');
        printer ??= this.injectedPrinter ?? createChromiumPdfPrinter();
      }
      return printer;
    };
    const results: ExportFileResult[] = [];
    const profile = await readRenderProfile(request.root);
    try {
      for (const [index, { file, display, refused }] of request.files.entries()) {
        const result: ExportFileResult = {
          path: display,
          ok: true,
          outputs: [],
          warnings: [],
          error: null,
        };
        try {
          if (refused !== undefined) throw new Error(refused);
          const source = await readArticleSource(file, request.root, profile);
          const images = new ArticleImages(source);
          const name = claim(source.stem);
          for (const format of request.formats) {
            request.onStep?.({ index, total: request.files.length, path: display, format });
            try {
              const exporter = await exporters[format]();
              const output = await exporter({
                source,
                images,
                outputDir: request.outputDir,
                name,
                claim,
                options,
                sanitize: this.sanitizerFor(source),
                themes: this.themes,
                pdfPrinter,
              });
              result.outputs.push(...output.files);
              result.warnings.push(...output.warnings);
            } catch (error) {
              result.ok = false;
              result.error = [result.error, `${format.toUpperCase()}: ${describe(error)}`]
                .filter(Boolean)
                .join('; ');
            }
          }
        } catch (error) {
          result.ok = false;
          result.error = describe(error);
        }
        result.warnings = [...new Set(result.warnings)];
        results.push(result);
        request.onProgress?.({ index, total: request.files.length, result });
      }
    } finally {
      // Only the printer we started: an injected one (Electron's) belongs to its owner.
      if (printer && printer !== this.injectedPrinter) await (printer as PdfPrinter).close();
    }
    return results;
  }

  /**
   * Raw HTML off: the token stream holds no markup of the writer's, so attributes and URLs are
   * all there is to check. Raw HTML on: DOMPurify on jsdom for the whole page (docs/performance.md
   * has the measurement behind that choice).
   */
  private sanitizerFor(source: ArticleSource): HtmlSanitizer {
    return source.profile.unsafe ? this.sanitize : this.sanitizeRendered;
  }

  /**
   * The open article (its unsaved text when given) as rich text for the clipboard: `html` is the
   * WeChat/CMS fragment with inline styles, `text` the plain-text rendering.
   */
  async renderForClipboard(
    file: string,
    root: string,
    text: string | null,
    theme: ExportTheme,
  ): Promise<{ html: string; text: string }> {
    const profile = await readRenderProfile(root);
    const source: ArticleSource =
      text === null
        ? await readArticleSource(file, root, profile)
        : articleFromText(file, root, text, profile);
    const { renderRichTextFragment } = await import('./wechatExporter');
    const { renderPlainText } = await import('../../shared/export/plainText');
    const fragment = await renderRichTextFragment(
      source,
      new ArticleImages(source),
      this.sanitizerFor(source),
      this.themes,
      theme,
    );
    return {
      html: fragment.html,
      text: renderPlainText(source.meta, source.body, {
        profile: source.profile,
        shortcodes: articleShortcodeOptions(source),
        rawHtmlText: createHtmlText(this.sanitizerFor(source)),
      }),
    };
  }

  /**
   * The open article as the PDF export prints it, for File › Print: header, body and notes with
   * images embedded, through the strict and the export sanitizer, plus the theme's stylesheet.
   */
  async renderForPrint(
    file: string,
    root: string,
    text: string | null,
    theme: ExportTheme,
  ): Promise<{ html: string; css: string; lang: string }> {
    const source: ArticleSource =
      text === null ? await readArticleSource(file, root) : articleFromText(file, root, text);
    const images = new ArticleImages(source);
    const deferred = new DeferredImages(images);
    const article = renderArticleHtml(source, images, this.sanitizerFor(source), {
      flavor: 'document',
      imageUrl: (src) => deferred.placeholder(src),
      allowRemoteImages: false,
    });
    const html = await deferred.fill(
      createExportSanitizer({ allowRemoteImages: false })(article.html),
    );
    return { html, css: await this.themes.pageCss(theme), lang: source.meta.lang };
  }
}
