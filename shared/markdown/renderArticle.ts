import { renderArticleHeader } from './articleHeader';
import { renderMarkdown, type RenderMarkdownOptions } from './createRenderer';

export interface RenderedArticle {
  headerHtml: string;
  bodyHtml: string;
}

/**
 * Header from the parsed front matter plus the body, both unsanitized: the caller sanitizes the
 * final HTML last (`sanitize(headerHtml + bodyHtml)`).
 */
export function renderArticle(
  frontMatterData: Readonly<Record<string, unknown>> | null,
  body: string,
  options: RenderMarkdownOptions,
): RenderedArticle {
  const headerOptions = {
    ...(options.resolveImage ? { resolveImage: options.resolveImage } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  };
  return {
    headerHtml: renderArticleHeader(frontMatterData, headerOptions),
    bodyHtml: renderMarkdown(body, options),
  };
}
