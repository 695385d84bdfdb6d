import type { MarkdownIt, Token } from 'markdown-it';
import { parseArticle } from '../../shared/article';
import { createMarkdownRenderer } from '../../shared/markdown/createRenderer';
import { renderArticleHeader } from '../../shared/markdown/articleHeader';
import type { MarkdownRenderEnv } from '../../shared/markdown/renderEnv';
import { createImageResolver, encodeWorkspacePath } from '../../shared/markdown/resolveImage';
import type { WriterStats } from '../../shared/stats/writerStats';
import { computeWriterStats } from '../../shared/stats/writerStats';

/** How workspace paths become URLs, in a form that survives postMessage. */
export interface AssetUrlPattern {
  /** `/asset/` (browser mode) or `byline://app/asset/` (Electron). */
  prefix: string;
  /** `?token=…` in browser mode, '' in Electron. */
  suffix: string;
}

export interface PreviewRequest {
  version: number;
  text: string;
  articlePath: string;
  assets: AssetUrlPattern;
}

/**
 * One top-level block of the rendered body (a paragraph, heading, list, table, the footnotes
 * section). `html` carries `data-line` values RELATIVE to `line`, so a block whose text did not
 * change keeps the same `html` (its key) when lines are inserted above it; the preview adds
 * `line` back when it puts the block into the page.
 */
export interface PreviewBlock {
  line: number;
  html: string;
}

export interface PreviewResult {
  version: number;
  /** Unsanitized header HTML (title, lead, date, featured image, tags); '' when none. */
  header: string;
  blocks: PreviewBlock[];
  stats: WriterStats;
  /** 0-based line where the body starts (after the front matter). */
  bodyStartLine: number;
  /** From the front matter, for the window title and tabs. */
  title: string | null;
}

export const assetUrlFrom =
  (pattern: AssetUrlPattern) =>
  (workspacePath: string): string =>
    `${pattern.prefix}${encodeWorkspacePath(workspacePath)}${pattern.suffix}`;

let md: MarkdownIt | null = null;

const dataLine = /data-line="(\d+)"/g;

/** Shifts every data-line="n" in `html` by `delta`. */
export function shiftDataLines(html: string, delta: number): string {
  if (delta === 0) return html;
  return html.replace(dataLine, (_, n: string) => `data-line="${Number(n) + delta}"`);
}

/** First source line inside tokens[from..to]. */
function firstLine(tokens: Token[], from: number, to: number, offset: number): number | null {
  for (let i = from; i <= to; i++) {
    const map = tokens[i]?.map;
    if (map) return map[0] + offset;
  }
  return null;
}

/**
 * Renders the article through the shared pipeline (shared/markdown: the same markdown-it setup,
 * data-line source map, footnotes with back-links, image resolver) but block by block, so the
 * preview can tell which blocks changed. Pure: runs in the preview worker and in unit tests.
 */
export function renderPreview(request: PreviewRequest): PreviewResult {
  md ??= createMarkdownRenderer();
  const { parts, data } = parseArticle(request.text);
  const lineOffset = parts.bodyStartLine;
  const resolveImage = createImageResolver({
    articlePath: request.articlePath,
    toAssetUrl: assetUrlFrom(request.assets),
  });
  const env: MarkdownRenderEnv = { lineOffset, resolveImage };
  const tokens = md.parse(parts.body, env);

  const blocks: PreviewBlock[] = [];
  let previousLine = lineOffset;
  for (let start = 0; start < tokens.length;) {
    const token = tokens[start];
    if (!token) break;
    let end = start;
    if (token.nesting === 1) {
      // Find the matching close at the same level.
      let depth = 0;
      for (let i = start; i < tokens.length; i++) {
        const t = tokens[i];
        if (!t) break;
        depth += t.nesting;
        if (depth === 0) {
          end = i;
          break;
        }
        end = i;
      }
    }
    const html = md.renderer.render(tokens.slice(start, end + 1), md.options, env);
    const line = firstLine(tokens, start, end, lineOffset) ?? previousLine;
    previousLine = line;
    if (html !== '') blocks.push({ line, html: shiftDataLines(html, -line) });
    start = end + 1;
  }

  const title = data && typeof data['title'] === 'string' ? data['title'] : null;
  return {
    version: request.version,
    header: renderArticleHeader(data, { resolveImage }),
    blocks,
    stats: computeWriterStats(parts.body),
    bodyStartLine: lineOffset,
    title,
  };
}
