import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportTheme } from '../../shared/export/exportOptions';

/**
 * assets/ of the app: two levels up from this module in the sources (main/export/) and in the
 * bundles (dist/main/), three from the CLI's chunks (dist/main/cli-chunks/). Electron passes its
 * packaged resources folder instead.
 */
export function defaultAssetsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    path.resolve(here, '../../assets'),
    path.resolve(here, '../../../assets'),
    path.resolve(here, '../assets'),
    path.resolve('assets'),
  ]) {
    if (existsSync(path.join(candidate, 'themes', 'base.css'))) return candidate;
  }
  return path.resolve(here, '../../assets');
}

/** Theme stylesheets, read once per service. */
export class ThemeStore {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly assetsDir: string = defaultAssetsDir()) {}

  private read(name: string): Promise<string> {
    let css = this.cache.get(name);
    if (!css) {
      const file = path.join(this.assetsDir, 'themes', `${name}.css`);
      css = fs.readFile(file, 'utf8').catch(() => {
        throw new Error(`The export stylesheet ${name}.css is missing from ${path.dirname(file)}.`);
      });
      this.cache.set(name, css);
    }
    return css;
  }

  /** base.css + the theme: the page stylesheet of HTML and PDF exports. */
  async pageCss(theme: ExportTheme): Promise<string> {
    return `${await this.read('base')}\n${await this.read(theme)}`;
  }

  /** The page stylesheet plus the WeChat adjustments, for inlining. */
  async wechatCss(theme: ExportTheme): Promise<string> {
    return `${await this.pageCss(theme)}\n${await this.read('wechat')}`;
  }
}
