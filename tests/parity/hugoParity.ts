import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { parseArticle } from '../../shared/article';
import { renderMarkdown } from '../../shared/markdown/createRenderer';
import type { RenderProfile } from '../../shared/markdown/renderProfile';
import { createRefResolver } from '../../main/site/refResolver';
import { readRenderProfile } from '../../main/site/siteConfig';

/** Debian's `hugo` is on this machine (`.ci/run` installs it): the parity tests run against it. */
export const hugoAvailable = (() => {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Publishes a Hugo site with the real `hugo` and renders the same articles with Byline's export
 * pipeline, then compares them body to body: the visible text, and the element structure of
 * headings, lists, tables, code, images, links and footnotes.
 *
 * Hugo runs on a copy in a temporary folder, offline, with a layout that prints only the
 * article's content (tagged with its source path), so no theme or template is involved.
 */
export interface ArticleParity {
  /** Path under content/. */
  file: string;
  textMatches: boolean;
  structureMatches: boolean;
  /** First difference, for the report. */
  difference: string | null;
}

export interface SiteParity {
  profile: RenderProfile;
  articles: ArticleParity[];
  matched: number;
}

const contentLayout = '<article data-byline-source="{{ .File.Path }}">{{ .Content }}</article>\n';

function files(dir: string, test: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full, test));
    else if (test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * Runs hugo on a copy of the site; returns what `singleLayout` prints inside the article element
 * (by default the content HTML) by content path.
 */
export function publishWithHugo(
  siteDir: string,
  singleLayout = contentLayout,
): Map<string, string> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'byline-parity-'));
  try {
    const site = path.join(work, 'site');
    cpSync(siteDir, site, {
      recursive: true,
      filter: (src) => !/[\\/](?:public|resources|\.git|node_modules)$/.test(src),
    });
    const layouts = path.join(site, 'layouts', '_default');
    mkdirSync(layouts, { recursive: true });
    writeFileSync(path.join(layouts, 'single.html'), singleLayout);
    for (const name of ['list.html', 'baseof.html'])
      writeFileSync(
        path.join(layouts, name),
        name === 'list.html' ? '' : '{{ block "main" . }}{{ end }}',
      );
    writeFileSync(path.join(site, 'layouts', 'index.html'), '');
    const out = path.join(work, 'public');
    execFileSync(
      'hugo',
      [
        '--quiet',
        '--source',
        site,
        '--destination',
        out,
        '--buildDrafts',
        '--buildFuture',
        '--buildExpired',
        '--theme',
        '',
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, HUGO_CACHEDIR: path.join(work, 'cache') },
      },
    );
    const pages = new Map<string, string>();
    for (const page of files(out, (name) => name.endsWith('.html'))) {
      const html = readFileSync(page, 'utf8');
      const match = /<article data-byline-source="([^"]*)">([\s\S]*)<\/article>/.exec(html);
      if (match?.[1] !== undefined)
        pages.set(match[1].replace(/\\/g, '/').replace(/&#43;/g, '+'), match[2] ?? '');
    }
    return pages;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const structural =
  'h1,h2,h3,h4,h5,h6,ul,ol,li,dl,dt,dd,table,thead,tbody,tr,th,td,pre,code,img,a,sup,blockquote,hr,br,input';

interface BodyShape {
  text: string;
  structure: string[];
}

const decodedUrl = (url: string): string => {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
};

/** Visible text (whitespace collapsed) and a description of the structural elements. */
export function bodyShape(html: string): BodyShape {
  const document = new JSDOM(`<body>${html}</body>`).window.document;
  // Goldmark separates the footnotes with <hr> inside its container, markdown-it before it.
  for (const sep of document.querySelectorAll('hr.footnotes-sep')) sep.remove();
  const footnotes = document.querySelector('.footnotes');
  if (footnotes && !footnotes.querySelector('hr')) footnotes.prepend(document.createElement('hr'));
  const text = (document.body.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
  const structure = [...document.body.querySelectorAll(structural)].map((el) => {
    const tag = el.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) return `${tag}#${el.getAttribute('id') ?? ''}`;
    if (tag === 'img')
      return `img[${el.getAttribute('src') ?? ''}|${el.getAttribute('alt') ?? ''}]`;
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      // Goldmark writes `#第二节` as typed, markdown-it percent-encodes it: the same address.
      return `a[${href.startsWith('#') ? '#' : decodedUrl(href)}]`;
    }
    if (tag === 'input') return `input[${el.hasAttribute('checked') ? 'x' : ' '}]`;
    return tag;
  });
  return { text, structure };
}

function firstDifference(a: string[] | string, b: string[] | string): string {
  const left = typeof a === 'string' ? [...a] : a;
  const right = typeof b === 'string' ? [...b] : b;
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  const around = (list: string[]): string =>
    list.slice(Math.max(0, i - 12), i + 24).join(typeof a === 'string' ? '' : ' ');
  return `hugo: …${around(left)}…\nbyline: …${around(right)}…`;
}

/**
 * Byline's body for one article, as every export renders it (no preview-only notes); with the
 * site's folder and the article's file, shortcodes see the page and refs resolve on the site.
 */
export function renderWithByline(
  text: string,
  profile: RenderProfile,
  article?: { siteDir: string; file: string },
): string {
  const { parts, data } = parseArticle(text);
  const shortcodes = article
    ? {
        page: {
          path: path.relative(article.siteDir, article.file).split(path.sep).join('/'),
          params: data,
        },
        resolveRef: createRefResolver(article.siteDir, profile, article.file),
      }
    : {};
  return renderMarkdown(parts.body, {
    lineOffset: 0,
    profile,
    resolveImage: (src) => src,
    ...shortcodes,
  });
}

export async function compareSite(siteDir: string): Promise<SiteParity> {
  const profile = await readRenderProfile(siteDir);
  const published = publishWithHugo(siteDir);
  const content = path.join(siteDir, 'content');
  const articles: ArticleParity[] = [];
  for (const file of files(
    content,
    (name) => /\.(md|markdown)$/i.test(name) && !/^_index\./.test(name),
  ).sort()) {
    const relative = path.relative(content, file).split(path.sep).join('/');
    const hugoHtml = published.get(relative);
    if (hugoHtml === undefined) continue; // not published (headless, or no page)
    const hugo = bodyShape(hugoHtml);
    const byline = bodyShape(
      renderWithByline(readFileSync(file, 'utf8'), profile, { siteDir, file }),
    );
    const textMatches = hugo.text === byline.text;
    const structureMatches = hugo.structure.join(' ') === byline.structure.join(' ');
    articles.push({
      file: relative,
      textMatches,
      structureMatches,
      difference: !textMatches
        ? firstDifference(hugo.text, byline.text)
        : !structureMatches
          ? firstDifference(hugo.structure, byline.structure)
          : null,
    });
  }
  return {
    profile,
    articles,
    matched: articles.filter((a) => a.textMatches && a.structureMatches).length,
  };
}
