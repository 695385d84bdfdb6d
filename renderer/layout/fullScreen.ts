import type { BylineApi } from '../../shared/ipc/contract';

/**
 * Full screen for the whole window. Electron denies the page's Fullscreen API (every permission
 * request is refused), so there main toggles the window; in browser mode the page asks Chromium.
 */
export async function toggleFullScreen(
  api: BylineApi,
  transport: 'electron' | 'web',
): Promise<void> {
  if (transport === 'electron') {
    await api['window.toggleFullScreen']();
    return;
  }
  if (document.fullscreenElement) await document.exitFullscreen();
  else await document.documentElement.requestFullscreen();
}
