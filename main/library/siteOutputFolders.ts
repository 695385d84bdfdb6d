import { statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { readRegularFileSync } from '../files/readTextFile';
import { hugoConfigNames } from '../site/siteConfig';

/** Hugo's configuration files, at the site root or in `config/_default/`. */
const configFiles = hugoConfigNames.flatMap((name) => [
  name,
  path.join('config', '_default', name),
]);

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

function readConfig(file: string): Record<string, unknown> {
  try {
    const text = readRegularFileSync(file).toString('utf8');
    const data: unknown = file.endsWith('.toml')
      ? parseToml(text)
      : file.endsWith('.json')
        ? JSON.parse(text)
        : parseYaml(text, { maxAliasCount: 100 });
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    // A broken configuration still marks a Hugo site: its default folders apply.
    return {};
  }
}

/** A top-level setting, whose keys Hugo reads case-insensitively (`publishDir`, `publishdir`). */
function setting(config: Record<string, unknown>, key: string): string | null {
  const entry = Object.entries(config).find(([name]) => name.toLowerCase() === key.toLowerCase());
  const value = entry?.[1];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The folders a Hugo site generates, as absolute paths: its `publishDir` (default `public`) and
 * `resourceDir` (default `resources`), relative to the site root, the nearest folder at or above
 * `start` with a Hugo configuration. None outside a Hugo site: a folder named `public` or
 * `resources` elsewhere is the writer's own and is indexed and checked like any other.
 */
export function siteOutputFolders(start: string): string[] {
  let dir = path.resolve(start);
  for (;;) {
    const config = configFiles.map((name) => path.join(dir, name)).find(isFile);
    if (config) {
      const data = readConfig(config);
      return [setting(data, 'publishDir') ?? 'public', setting(data, 'resourceDir') ?? 'resources']
        .map((folder) => path.resolve(dir, folder))
        .filter((folder) => folder !== dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return [];
    dir = parent;
  }
}
