import type { BylineApi } from '../../shared/ipc/contract';
import { createHttpApi } from './httpTransport';

export interface Connection {
  api: BylineApi;
  /** Workspace-relative path -> URL the preview may load (custom protocol or loopback route). */
  assetUrl: (workspacePath: string) => string;
}

declare global {
  interface Window {
    byline?: BylineApi;
  }
}

/** Decided once at start-up: the Electron preload's object if present, else browser mode. */
export function connect(): Connection {
  const encodePath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
  if (window.byline) {
    // Relative to byline://app, served by main/electron/appProtocol.ts.
    return { api: window.byline, assetUrl: (p) => `/asset/${encodePath(p)}` };
  }
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? sessionStorage.getItem('byline.token');
  if (!token) throw new Error('missing-token');
  sessionStorage.setItem('byline.token', token);
  return {
    api: createHttpApi(token),
    assetUrl: (p) => `/asset/${encodePath(p)}?token=${encodeURIComponent(token)}`,
  };
}
