import { pathToFileURL } from 'node:url';
import type { PageSize } from '../../shared/export/exportOptions';

/**
 * Turns an HTML page into PDF bytes with a browser engine. Two implementations:
 * - headless Chromium through playwright-core (browser mode, the CLI): chromiumPdfPrinter.ts;
 * - Electron's `webContents.printToPDF`, provided by main/electron (the only place that may
 *   import electron) and injected through `MainContext.pdfPrinter`; `electronPrintToPdfOptions`
 *   below maps a request to its options.
 *
 * The page must be printed with scripts off and no network, reading no file outside its folder.
 */
export interface PdfPrintRequest {
  /** A complete HTML document; its images are embedded or relative files inside `folder`. */
  html: string;
  /**
   * A temporary folder holding the page's images (the caller's, removed by it): the printer
   * writes the page into it and lets the engine read this folder and nothing else. Images as
   * files rather than data: URIs spare the engine parsing megabytes of base64 inside the page.
   * Null: the page is self-contained.
   */
  folder: string | null;
  pageSize: PageSize;
  /** Same margin on all four sides, millimetres. */
  marginMm: number;
  /** Chromium header/footer templates (classes pageNumber, totalPages, title); null = none. */
  headerTemplate: string | null;
  footerTemplate: string | null;
}

/** The page's own file name inside the request's folder (the images sit in `<name>.assets/`). */
export const printedPageName = 'byline-print-page.html';

/** The file: URL prefix of everything inside a folder (trailing slash: no sibling folder matches). */
export function folderUrlPrefix(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export interface PdfPrinter {
  print(request: PdfPrintRequest): Promise<Uint8Array>;
  /** Frees the engine (closes the browser); the printer may start it again on the next print. */
  close(): Promise<void>;
}

/** The options object for Electron's `webContents.printToPDF` (margins in inches there). */
export function electronPrintToPdfOptions(request: PdfPrintRequest): {
  pageSize: PageSize;
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  margins: { top: number; bottom: number; left: number; right: number };
  preferCSSPageSize: boolean;
  generateDocumentOutline: boolean;
} {
  const inches = request.marginMm / 25.4;
  const withFooter = request.headerTemplate !== null || request.footerTemplate !== null;
  return {
    pageSize: request.pageSize,
    printBackground: true,
    displayHeaderFooter: withFooter,
    headerTemplate: request.headerTemplate ?? '<span></span>',
    footerTemplate: request.footerTemplate ?? '<span></span>',
    margins: { top: inches, bottom: inches, left: inches, right: inches },
    preferCSSPageSize: false,
    generateDocumentOutline: true,
  };
}
