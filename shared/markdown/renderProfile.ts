/**
 * How Markdown becomes HTML for one workspace: Goldmark's settings as a Hugo site configures
 * them (read by main/site/siteConfig.ts), or the workspace setting outside a Hugo site. The
 * preview and every export render with the same profile, so the writer sees what the site
 * publishes.
 */
export interface RenderProfile {
  /** Where the settings came from, shown in the preview header. */
  origin: 'hugo-site' | 'workspace';
  /** markup.goldmark.renderer.unsafe: raw HTML rendered (sanitized) rather than omitted. */
  unsafe: boolean;
  /** markup.goldmark.renderer.hardWraps: a line break in a paragraph is a `<br>`. */
  hardWraps: boolean;
  /** markup.goldmark.extensions.typographer: curly quotes, dashes, ellipsis. */
  typographer: boolean;
  /** markup.goldmark.extensions.linkify: bare URLs and www. become links. */
  linkify: boolean;
  /** markup.goldmark.extensions.strikethrough: `~~x~~`. */
  strikethrough: boolean;
  /** markup.goldmark.extensions.table: GFM tables. */
  table: boolean;
  /** markup.goldmark.extensions.footnote: `[^1]` citations and definitions. */
  footnote: boolean;
  /** markup.goldmark.extensions.definitionList: `Term` then `: definition` is a `<dl>`. */
  definitionList: boolean;
  /** markup.goldmark.extensions.cjk.enable: emphasis next to CJK punctuation works. */
  cjk: boolean;
  /** markup.goldmark.parser.attribute.title: `# Title {#id .class}`. */
  headingAttributes: boolean;
  /** baseURL, with a trailing slash, or '' when unknown. */
  baseURL: string;
  /** What the site adds beyond Goldmark (shortcodes, params, permalinks); absent outside a site. */
  site?: SiteFacts;
}

/** The parts of a Hugo site that shortcodes and links depend on. */
export interface SiteFacts {
  /** The site's own shortcodes (`layouts/shortcodes/*.html`, also its theme's), by name. */
  shortcodes: string[];
  /** `[params]`, keys lower-cased. */
  params: Record<string, unknown>;
  /** `[permalinks]`: section -> pattern (`/:year/:month/:slug/`). */
  permalinks: Record<string, string>;
  /** The content folder, relative to the site root (`content`). */
  contentDir: string;
  /** The site's image render hook writes a `<figcaption>` (from the title or alt text). */
  imageCaptions: boolean;
}

/** Hugo's own defaults (hugo config --format toml, 0.111.3): what a site without settings gets. */
export const hugoDefaultProfile: Readonly<RenderProfile> = Object.freeze({
  origin: 'workspace',
  unsafe: false,
  hardWraps: false,
  typographer: true,
  linkify: true,
  strikethrough: true,
  table: true,
  footnote: true,
  definitionList: true,
  cjk: false,
  headingAttributes: true,
  baseURL: '',
});

/** A stable key for caching one markdown-it instance per profile. */
export const profileKey = (profile: Readonly<RenderProfile>): string =>
  [
    profile.unsafe,
    profile.typographer,
    profile.linkify,
    profile.strikethrough,
    profile.table,
    profile.footnote,
    profile.cjk,
    profile.headingAttributes,
    profile.hardWraps,
    profile.definitionList,
  ]
    .map((on) => (on ? 1 : 0))
    .join('');
