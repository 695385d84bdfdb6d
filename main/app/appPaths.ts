import os from 'node:os';
import path from 'node:path';

/** The same folders Electron's app.getPath would give, for browser mode and the CLI. */
export function defaultDataDir(productName = 'Byline'): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), productName);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', productName);
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), productName);
  }
}

export function defaultDocumentsDir(): string {
  return path.join(os.homedir(), 'Documents');
}

export function systemLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
