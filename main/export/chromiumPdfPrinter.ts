import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { PdfPrinter, PdfPrintRequest } from './pdfPrinter';

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
 * Headless Chromium through playwright-core (browser mode and the CLI). The browser starts on
 * the first print and stays up until close(), so a batch pays for one start. Pages print with
 * JavaScript disabled and every network request refused.
 */
export function createChromiumPdfPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter {
  let browser: Promise<Browser> | null = null;

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

  return {
    async print(request: PdfPrintRequest): Promise<Uint8Array> {
      browser ??= start().catch((error: unknown) => {
        browser = null;
        throw error;
      });
      const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort(),
        );
        await page.setContent(request.html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        const margin = `${request.marginMm}mm`;
        const withHeaderFooter = request.headerTemplate !== null || request.footerTemplate !== null;
        const pdf = await page.pdf({
          format: request.pageSize,
          printBackground: true,
          margin: { top: margin, bottom: margin, left: margin, right: margin },
          displayHeaderFooter: withHeaderFooter,
          headerTemplate: request.headerTemplate ?? '<span></span>',
          footerTemplate: request.footerTemplate ?? '<span></span>',
          outline: true,
          tagged: true,
        });
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    },
    async close(): Promise<void> {
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
