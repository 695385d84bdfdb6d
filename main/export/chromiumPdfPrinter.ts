import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import {
  folderUrlPrefix,
  printedPageName,
  type PdfPrinter,
  type PdfPrintRequest,
} from './pdfPrinter';

export interface ChromiumPrinterOptions {
  /** Default: $BYLINE_CHROMIUM or $CHROME_PATH, else /usr/bin/chromium (or chromium-browser, google-chrome). */
  executablePath?: string;
}

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(explicit?: string): string {
  const wanted = explicit ?? (process.env.BYLINE_CHROMIUM || process.env.CHROME_PATH);
  if (wanted) {
    if (existsSync(wanted)) return wanted;
    throw new Error(`PDF export needs Chromium, but "${wanted}" does not exist.`);
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      'PDF export needs Chromium or Chrome and found neither (looked for /usr/bin/chromium). ' +
        'Install it (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk) or set BYLINE_CHROMIUM (or CHROME_PATH) to its path.',
    );
  }
  return found;
}

/** Flags that keep a headless Chromium from phoning home on a closed network. */
export function chromiumArgs(): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-extensions',
  ];
  // Chromium's sandbox refuses to start as root; only then is it switched off.
  if (!chromiumSandboxed()) args.unshift('--no-sandbox');
  return args;
}

/** False only when running as root, where Chromium's sandbox cannot start (docs/security.md). */
export function chromiumSandboxed(): boolean {
  return !(typeof process.getuid === 'function' && process.getuid() === 0);
}

/**
 * Headless Chromium through playwright-core (browser mode and the CLI). The browser and one page
 * start on the first print and stay up until close(), so a batch pays for one start (a failed
 * print drops the page; the next one opens a fresh one). The page prints with JavaScript
 * disabled and every request refused but data: URIs and files inside the current print's folder.
 */
export function createChromiumPdfPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  let page: Promise<Page> | null = null;
  /** Files the page may read: those under the folder of the print in progress. */
  let allowedPrefix: string | null = null;
  /** Prints one at a time: they share the page and its allowed folder. */
  let queue: Promise<unknown> = Promise.resolve();

  const start = async (): Promise<Browser> => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      executablePath: findChromium(options.executablePath),
      args: chromiumArgs(),
      // Playwright passes --no-sandbox unless told otherwise: keep the sandbox wherever it can run.
      chromiumSandbox: chromiumSandboxed(),
      headless: true,
    });
  };

  const openPage = async (): Promise<Page> => {
    browser ??= start().catch((error: unknown) => {
      browser = null;
      throw error;
    });
    const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const opened = await context.newPage();
      await opened.route('**/*', (route) => {
        const url = route.request().url();
        const allowed =
          url.startsWith('data:') || (allowedPrefix !== null && url.startsWith(allowedPrefix));
        return allowed ? route.continue() : route.abort();
      });
      await opened.emulateMedia({ media: 'print' });
      return opened;
    } catch (error) {
      await context.close();
      throw error;
    }
  };

  const printOnce = async (request: PdfPrintRequest): Promise<Uint8Array> => {
    page ??= openPage().catch((error: unknown) => {
      page = null;
      throw error;
    });
    const current = await page;
    try {
      if (request.folder === null) {
        allowedPrefix = null;
        // Off the last print's file: a self-contained page gets no file: origin to resolve in.
        if (current.url() !== 'about:blank') await current.goto('about:blank');
        await current.setContent(request.html, { waitUntil: 'load' });
      } else {
        const file = path.join(request.folder, printedPageName);
        await fs.writeFile(file, request.html, 'utf8');
        allowedPrefix = folderUrlPrefix(request.folder);
        await current.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      }
      const margin = `${request.marginMm}mm`;
      const withHeaderFooter = request.headerTemplate !== null || request.footerTemplate !== null;
      const pdf = await current.pdf({
        format: request.pageSize,
        printBackground: true,
        margin: { top: margin, bottom: margin, left: margin, right: margin },
        displayHeaderFooter: withHeaderFooter,
        headerTemplate: request.headerTemplate ?? '<span></span>',
        footerTemplate: request.footerTemplate ?? '<span></span>',
        outline: true,
        tagged: true,
      });
      // The page stays on the printed file until the next print replaces it: a navigation to
      // about:blank after every print cost a page load, and the folder's removal does not
      // disturb a loaded page (every request outside a print is refused anyway).
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.length);
    } catch (error) {
      page = null;
      await current.context().close();
      throw error;
    } finally {
      allowedPrefix = null;
    }
  };

  return {
    print(request: PdfPrintRequest): Promise<Uint8Array> {
      const printed = queue.then(() => printOnce(request));
      queue = printed.catch(() => undefined);
      return printed;
    },
    async close(): Promise<void> {
      await queue;
      const running = browser;
      browser = null;
      page = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
