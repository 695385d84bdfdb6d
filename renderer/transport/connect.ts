import type { BylineApi } from '../../shared/ipc/contract';
import { createHttpApi } from './httpTransport';

export interface Connection {
  api: BylineApi;
  /** Workspace-relative path -> URL the preview may load (custom protocol or loopback route). */
  assetUrl: (workspacePath: string) => string;
  /**
   * Where a dropped file is on disk, granted by main for opening (Electron's preload); null for a
   * file with no path, and always in a page, where files have none.
   */
  droppedFilePath: (file: File) => Promise<string | null>;
}

declare global {
  interface Window {
    byline?: BylineApi;
    bylineFiles?: { grantDropped(file: File): Promise<string> };
  }
}

/** Decided once at start-up: the Electron preload's object if present, else browser mode. */
export function connect(): Connection {
  const encodePath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
  if (window.byline) {
    // Relative to byline://app, served by main/electron/appProtocol.ts.
    const files = window.bylineFiles;
    return {
      api: window.byline,
      assetUrl: (p) => `/asset/${encodePath(p)}`,
      droppedFilePath: async (file) => (await files?.grantDropped(file)) || null,
    };
  }
  // The server turned the printed token into an HttpOnly cookie while serving this page; the
  // address bar (and history) need not keep it. Script never sees the token.
  const url = new URL(window.location.href);
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url);
  }
  return {
    api: createHttpApi(),
    assetUrl: (p) => `/asset/${encodePath(p)}`,
    droppedFilePath: async () => null,
  };
}
