import type { RenderProfile, SiteFacts } from '../renderProfile';
import { publishedPath, refAnchor, refCandidates, refUrl } from '../../site/permalinks';

export type RefKind = 'ref' | 'relref';

/** What shortcodes need to know about the site and the page being rendered. */
export interface ShortcodeEnv {
  site: SiteFacts | null;
  /** The page's front matter (`param` looks here first, then in the site's params). */
  pageParams: Readonly<Record<string, unknown>>;
  /** `ref`/`relref` target -> the published URL, or null when the site has no such page. */
  resolveRef: (target: string, kind: RefKind) => string | null;
  /** Filled while rendering: shortcodes an export cannot show as the site publishes them. */
  notes: string[];
  /**
   * The site renders raw HTML (`unsafe`). Without it, the HTML a `{{% %}}` shortcode writes goes
   * through Goldmark as raw HTML and is omitted.
   */
  rawHtml: boolean;
}

export interface ShortcodePage {
  /** The article's path from the site (workspace) root, POSIX. */
  path: string;
  /** Its front matter. */
  params?: Readonly<Record<string, unknown>> | null;
}

/** The article's path inside the content folder ('' prefix removed). */
export function contentPathOf(page: ShortcodePage, site: SiteFacts | null): string {
  const dir = `${(site?.contentDir ?? 'content').replace(/^\/+|\/+$/g, '')}/`;
  return page.path.startsWith(dir) ? page.path.slice(dir.length) : page.path;
}

/**
 * Resolves refs from the path alone (the preview has no other page's front matter): the
 * section's permalink pattern when it needs nothing from the page, else the content path.
 */
export function pathOnlyRefResolver(
  profile: Readonly<RenderProfile>,
  page: ShortcodePage,
): (target: string, kind: RefKind) => string | null {
  const from = contentPathOf(page, profile.site ?? null);
  // Without the other pages' files, guess as Hugo most often finds them: a path with a folder
  // from the content root, a bare name next to the page (next to the bundle, for a bundle).
  const bundle = /(^|\/)_?index\.(md|markdown)$/i.test(from);
  const beside = bundle ? from.replace(/[^/]*\/_?index\.(md|markdown)$/i, 'x.md') : from;
  return (target, kind) => {
    const rooted = target.replace(/#.*$/, '').includes('/');
    const contentPath = refCandidates(
      rooted ? `/${target.replace(/^\/+/, '')}` : target,
      beside,
    )[0];
    if (contentPath === undefined) return null;
    const sitePath = publishedPath({ contentPath, data: null }, profile.site?.permalinks ?? {});
    return refUrl(kind, sitePath, profile.baseURL) + refAnchor(target);
  };
}

export function createShortcodeEnv(
  profile: Readonly<RenderProfile>,
  page: ShortcodePage | undefined,
  resolveRef?: (target: string, kind: RefKind) => string | null,
): ShortcodeEnv {
  const current = page ?? { path: '' };
  return {
    site: profile.site ?? null,
    pageParams: current.params ?? {},
    resolveRef: resolveRef ?? pathOnlyRefResolver(profile, current),
    notes: [],
    rawHtml: profile.unsafe,
  };
}
