import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { hugoDefaultProfile, type RenderProfile } from '../../shared/markdown/renderProfile';
import {
  lowerCaseKeys,
  mergeConfig,
  profileFromSiteConfig,
  siteFactsFromConfig,
  type SiteConfig,
} from '../../shared/site/siteProfile';
import { readRegularFile } from '../files/readTextFile';
import { isConfinedSync } from '../workspace/confinement';

/**
 * The one place that knows what a Hugo site's configuration is: `hugo.toml|yaml|yml|json`
 * (Hugo 0.110+) or the older `config.*` at the site root, and `config/_default/` beside it.
 * Everything else (opening a file in its site, exports, image import, the rendering profile)
 * asks here.
 */
export const hugoConfigNames = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
] as const;

const configDir = path.join('config', '_default');
/** Outside a Hugo site, the workspace's own Goldmark settings, with Hugo's key names. */
const workspaceRenderingNames = [
  path.join('.byline', 'rendering.toml'),
  path.join('.byline', 'rendering.yaml'),
  path.join('.byline', 'rendering.json'),
];

async function isFile(candidate: string): Promise<boolean> {
  return (await fs.stat(candidate).catch(() => null))?.isFile() ?? false;
}

async function isDirectory(candidate: string): Promise<boolean> {
  return (await fs.stat(candidate).catch(() => null))?.isDirectory() ?? false;
}

/** The root configuration file Hugo would read in `dir` (hugo.* before config.*), or null. */
async function rootConfigFile(dir: string): Promise<string | null> {
  for (const name of hugoConfigNames) {
    const candidate = path.join(dir, name);
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

/** Does `dir` hold a Hugo configuration (a root file or config/_default/)? */
export async function hasSiteConfig(dir: string): Promise<boolean> {
  return (await rootConfigFile(dir)) !== null || (await isDirectory(path.join(dir, configDir)));
}

function parseConfigText(file: string, text: string): SiteConfig {
  const ext = path.extname(file).toLowerCase();
  const value: unknown =
    ext === '.toml'
      ? parseToml(text)
      : ext === '.json'
        ? JSON.parse(text)
        : parseYaml(text, { maxAliasCount: 100 });
  const lowered = lowerCaseKeys(value);
  return typeof lowered === 'object' && lowered !== null && !Array.isArray(lowered)
    ? (lowered as SiteConfig)
    : {};
}

export interface SiteConfigResult {
  config: SiteConfig;
  /** Files read, in the order they were merged. */
  files: string[];
  /** Files that could not be parsed (they are skipped, as a broken file should not stop writing). */
  errors: { file: string; message: string }[];
}

/**
 * Reads and merges a site's configuration: the root file, then each file of config/_default/
 * (`hugo.toml`/`config.toml` there are root-level; any other `name.toml` is the `name` section).
 * Null when `dir` has no configuration.
 */
export async function readSiteConfig(dir: string): Promise<SiteConfigResult | null> {
  const root = await rootConfigFile(dir);
  const sectionDir = path.join(dir, configDir);
  const sections = (await isDirectory(sectionDir))
    ? (await fs.readdir(sectionDir)).filter((name) => /\.(toml|ya?ml|json)$/i.test(name)).sort()
    : [];
  if (root === null && sections.length === 0) return null;
  const result: SiteConfigResult = { config: {}, files: [], errors: [] };
  const merge = async (file: string, section: string | null): Promise<void> => {
    // A symlink out of the site would make any file elsewhere (credentials) the site's params.
    if (!isConfinedSync(dir, file)) {
      result.errors.push({ file, message: 'Leads outside the site through a symbolic link.' });
      return;
    }
    try {
      const parsed = parseConfigText(file, (await readRegularFile(file)).toString('utf8'));
      result.config = mergeConfig(result.config, section === null ? parsed : { [section]: parsed });
      result.files.push(file);
    } catch (error) {
      result.errors.push({ file, message: (error as Error).message });
    }
  };
  if (root !== null) await merge(root, null);
  for (const name of sections) {
    const stem = path.basename(name, path.extname(name)).toLowerCase();
    await merge(path.join(sectionDir, name), stem === 'hugo' || stem === 'config' ? null : stem);
  }
  return result;
}

/**
 * The rendering profile of a workspace: its Hugo configuration's Goldmark settings, or outside a
 * Hugo site `.byline/rendering.toml|yaml|json` (same keys as Hugo's), or Hugo's defaults.
 */
export async function readRenderProfile(dir: string): Promise<RenderProfile> {
  const site = await readSiteConfig(dir);
  if (site)
    return {
      ...profileFromSiteConfig(site.config, 'hugo-site'),
      site: siteFactsFromConfig(site.config, await findSiteTemplates(dir, site.config)),
    };
  for (const name of workspaceRenderingNames) {
    const file = path.join(dir, name);
    if (!(await isFile(file)) || !isConfinedSync(dir, file)) continue;
    try {
      return profileFromSiteConfig(
        parseConfigText(file, (await readRegularFile(file)).toString('utf8')),
        'workspace',
      );
    } catch {
      break;
    }
  }
  return { ...hugoDefaultProfile };
}

/** The layout folders Hugo reads, the site's before its theme's. */
function layoutFolders(dir: string, config: SiteConfig): string[] {
  const theme = config['theme'];
  const themes = (Array.isArray(theme) ? theme : [theme]).filter(
    (name): name is string => typeof name === 'string' && /^[^/\\]+$/.test(name),
  );
  return [
    path.join(dir, 'layouts'),
    ...themes.map((name) => path.join(dir, 'themes', name, 'layouts')),
  ];
}

/**
 * The site's own shortcodes (`layouts/shortcodes/*.html`, its theme's too) by name, and whether
 * its image render hook writes a `<figcaption>`.
 */
export async function findSiteTemplates(
  dir: string,
  config: SiteConfig,
): Promise<{ shortcodes: string[]; imageCaptions: boolean }> {
  const shortcodes: string[] = [];
  let imageCaptions: boolean | null = null;
  for (const layouts of layoutFolders(dir, config)) {
    const names = await fs.readdir(path.join(layouts, 'shortcodes')).catch(() => [] as string[]);
    for (const name of names) {
      const match = /^([^.]+)(?:\.[\w-]+)*\.html$/.exec(name);
      if (match?.[1]) shortcodes.push(match[1]);
    }
    if (imageCaptions !== null) continue;
    const hook = path.join(layouts, '_default', '_markup', 'render-image.html');
    const text = await readRegularFile(hook).then(String, () => null);
    if (text !== null) imageCaptions = /<figcaption\b/i.test(text);
  }
  return { shortcodes, imageCaptions: imageCaptions ?? false };
}
