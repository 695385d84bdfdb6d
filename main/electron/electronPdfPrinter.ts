import { BrowserWindow, session } from 'electron';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PdfPrinter, PdfPrintRequest } from '../export/pdfPrinter';
import { electronPrintToPdfOptions } from '../export/pdfPrinter';

const partition = 'byline-pdf';

/**
 * PDF export in the desktop app: Electron's own `webContents.printToPDF` in a hidden window with
 * scripts off, no preload, and a private session that refuses every request but the page's own
 * file (the page is self-contained: images are embedded). No headless browser is needed.
 */
export function createElectronPdfPrinter(): PdfPrinter {
  let configured = false;
  const printSession = (): Electron.Session => {
    const ses = session.fromPartition(partition, { cache: false });
    if (!configured) {
      configured = true;
      ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      ses.webRequest.onBeforeRequest((details, callback) => {
        const allowed = details.url.startsWith('file:') || details.url.startsWith('data:');
        callback({ cancel: !allowed });
      });
    }
    return ses;
  };

  return {
    async print(request: PdfPrintRequest): Promise<Uint8Array> {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'byline-pdf-'));
      const file = path.join(dir, 'article.html');
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          session: printSession(),
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      });
      try {
        await fs.writeFile(file, request.html, 'utf8');
        window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        await window.loadFile(file);
        const pdf = await window.webContents.printToPDF(electronPrintToPdfOptions(request));
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        window.destroy();
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    async close(): Promise<void> {},
  };
}
