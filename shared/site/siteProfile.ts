import { hugoDefaultProfile, type RenderProfile, type SiteFacts } from '../markdown/renderProfile';

/** A parsed Hugo configuration (all files merged), keys lower-cased as Hugo treats them. */
export type SiteConfig = Record<string, unknown>;

const isTable = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Hugo's configuration keys are case-insensitive: `baseURL`, `baseurl` and `BaseURL` are one. */
export function lowerCaseKeys(value: unknown, depth = 0): unknown {
  if (depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => lowerCaseKeys(item, depth + 1));
  if (!isTable(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[key.toLowerCase()] = lowerCaseKeys(item, depth + 1);
  return out;
}

/** Deep merge, `over` winning: how Hugo layers config/_default/*.toml over the root file. */
export function mergeConfig(base: SiteConfig, over: SiteConfig): SiteConfig {
  const out: SiteConfig = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isTable(current) && isTable(value) ? mergeConfig(current, value) : value;
  }
  return out;
}

function at(config: SiteConfig, path: string): unknown {
  let node: unknown = config;
  for (const key of path.split('.')) {
    if (!isTable(node)) return undefined;
    node = node[key];
  }
  return node;
}

const flag = (config: SiteConfig, path: string, fallback: boolean): boolean => {
  const value = at(config, path);
  return typeof value === 'boolean' ? value : fallback;
};

/**
 * The rendering profile a Hugo configuration asks for: Goldmark's renderer, parser and extension
 * switches under `markup.goldmark`, and `baseURL`. Anything not set keeps Hugo's default.
 * `config` must already have lower-cased keys (lowerCaseKeys).
 */
export function profileFromSiteConfig(
  config: SiteConfig,
  origin: RenderProfile['origin'] = 'hugo-site',
): RenderProfile {
  const goldmark = 'markup.goldmark';
  const extensions = `${goldmark}.extensions`;
  const cjk = at(config, `${extensions}.cjk`);
  const baseURL = at(config, 'baseurl');
  const base = typeof baseURL === 'string' ? baseURL.trim() : '';
  const d = hugoDefaultProfile;
  return {
    origin,
    unsafe: flag(config, `${goldmark}.renderer.unsafe`, d.unsafe),
    hardWraps: flag(config, `${goldmark}.renderer.hardwraps`, d.hardWraps),
    typographer: isTable(at(config, `${extensions}.typographer`))
      ? !(at(config, `${extensions}.typographer.disable`) === true)
      : flag(config, `${extensions}.typographer`, d.typographer),
    linkify: flag(config, `${extensions}.linkify`, d.linkify),
    strikethrough: flag(config, `${extensions}.strikethrough`, d.strikethrough),
    table: flag(config, `${extensions}.table`, d.table),
    footnote: flag(config, `${extensions}.footnote`, d.footnote),
    definitionList: flag(config, `${extensions}.definitionlist`, d.definitionList),
    cjk: isTable(cjk) ? cjk['enable'] === true : cjk === true,
    headingAttributes: flag(config, `${goldmark}.parser.attribute.title`, d.headingAttributes),
    baseURL: base === '' || base.endsWith('/') ? base : `${base}/`,
  };
}

/** What the configuration says about shortcodes' and links' context: params, permalinks, content folder. */
export function siteFactsFromConfig(
  config: SiteConfig,
  found: { shortcodes: string[]; imageCaptions: boolean },
): SiteFacts {
  const params = at(config, 'params');
  const permalinks = at(config, 'permalinks');
  const contentDir = at(config, 'contentdir');
  const patterns: Record<string, string> = {};
  if (isTable(permalinks)) {
    // Newer Hugo nests patterns by kind (`[permalinks.page]`); the page patterns are the ones refs use.
    const page = isTable(permalinks['page']) ? permalinks['page'] : permalinks;
    for (const [section, pattern] of Object.entries(page))
      if (typeof pattern === 'string') patterns[section] = pattern;
  }
  return {
    shortcodes: [...new Set(found.shortcodes)].sort(),
    params: isTable(params) ? params : {},
    permalinks: patterns,
    contentDir:
      typeof contentDir === 'string' && contentDir.trim() !== '' ? contentDir.trim() : 'content',
    imageCaptions: found.imageCaptions,
  };
}
