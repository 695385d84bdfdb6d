import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LaunchArgsOptions {
  /** Packaged: argv is [exe, ...paths]. From source: [electron, appPath, ...paths]. */
  isPackaged: boolean;
  /** Folder the command ran in (the second instance's working directory for `second-instance`). */
  cwd: string;
  platform?: string;
}

/**
 * The files and folders a command line asks Byline to open, as absolute paths in order.
 * Chromium/Electron switches (`--foo`, `--foo=bar`, `-x`), macOS's `-psn_…` and the app path of an
 * unpackaged run are skipped; `file://` URLs become paths; everything after `--` is a path.
 */
export function parseLaunchArgs(argv: readonly string[], options: LaunchArgsOptions): string[] {
  const positional: string[] = [];
  let onlyPaths = false;
  for (const arg of argv.slice(1)) {
    if (!onlyPaths && arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (!onlyPaths && (arg.startsWith('-') || arg === '')) continue;
    positional.push(arg);
  }
  if (!options.isPackaged) positional.shift();
  const pathApi = options.platform === 'win32' ? path.win32 : path;
  return positional.map((arg) => {
    if (/^file:\/\//i.test(arg)) {
      try {
        return fileURLToPath(arg, { windows: options.platform === 'win32' });
      } catch {
        return pathApi.resolve(options.cwd, arg);
      }
    }
    return pathApi.resolve(options.cwd, arg);
  });
}
