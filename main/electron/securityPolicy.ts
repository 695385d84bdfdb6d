import type { WebPreferences } from 'electron';

/**
 * The secure defaults of every Byline window, kept as data so a unit test can check them against
 * Electron's security checklist without an Electron binary.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

/** Our own pages are served from this scheme (never file://), so the CSP's 'self' means us. */
export const appScheme = 'byline';
const appOrigin = `${appScheme}://app`;
/** The one page a window may show; every other navigation is refused. */
export const appEntryUrl = `${appOrigin}/index.html`;

const externalProtocols = new Set(['http:', 'https:', 'mailto:']);

/** Links the writer clicks may open in the system browser only when they are web or mail links. */
export function isSafeExternalUrl(candidate: string): boolean {
  try {
    return externalProtocols.has(new URL(candidate).protocol);
  } catch {
    return false;
  }
}

export function isAppUrl(candidate: string): boolean {
  try {
    return new URL(candidate).origin === appOrigin || candidate.startsWith(`${appOrigin}/`);
  } catch {
    return false;
  }
}

/** The entry page itself (a `#fragment` aside): the only navigation target a window accepts. */
export function isEntryUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    // Compared by parts: Node gives a non-special scheme's URL the origin "null".
    return (
      `${url.protocol}//${url.host}${url.pathname}` === appEntryUrl &&
      url.search === '' &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}
