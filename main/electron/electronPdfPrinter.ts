import { BrowserWindow, session } from 'electron';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PdfPrinter, PdfPrintRequest } from '../export/pdfPrinter';
import { electronPrintToPdfOptions, folderUrlPrefix, printedPageName } from '../export/pdfPrinter';

const partition = 'byline-pdf';

/**
 * PDF export in the desktop app: Electron's own `webContents.printToPDF` in a hidden window with
 * scripts off, no preload, and a private session that refuses every request but data: URIs and
 * the files inside the folder of a print in progress (the page and its images). No headless
 * browser is needed.
 */
export function createElectronPdfPrinter(): PdfPrinter {
  let configured = false;
  /** file: URL prefixes of the folders of the prints in progress. */
  const allowedPrefixes = new Set<string>();
  const printSession = (): Electron.Session => {
    const ses = session.fromPartition(partition, { cache: false });
    if (!configured) {
      configured = true;
      ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      ses.webRequest.onBeforeRequest((details, callback) => {
        const allowed =
          details.url.startsWith('data:') ||
          [...allowedPrefixes].some((prefix) => details.url.startsWith(prefix));
        callback({ cancel: !allowed });
      });
    }
    return ses;
  };

  return {
    async print(request: PdfPrintRequest): Promise<Uint8Array> {
      // A self-contained page still needs a file to load: a folder of its own, removed after.
      const ownFolder =
        request.folder === null ? await fs.mkdtemp(path.join(os.tmpdir(), 'byline-pdf-')) : null;
      const dir = request.folder ?? (ownFolder as string);
      const file = path.join(dir, printedPageName);
      const prefix = folderUrlPrefix(dir);
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
        allowedPrefixes.add(prefix);
        window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        await window.loadFile(file);
        const pdf = await window.webContents.printToPDF(electronPrintToPdfOptions(request));
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        allowedPrefixes.delete(prefix);
        window.destroy();
        if (ownFolder !== null) await fs.rm(ownFolder, { recursive: true, force: true });
      }
    },
    async close(): Promise<void> {},
  };
}
