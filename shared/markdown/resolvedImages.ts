import type { MarkdownIt } from 'markdown-it';
import { imagePlaceholderHtml } from './imagePlaceholder';
import { isRenderEnv } from './renderEnv';
import { keepLocalImageSources } from './resolveImage';

/**
 * Routes every image `src` through the render env's resolver; in the preview an image it refuses
 * becomes a placeholder instead of a request, in exports it keeps its `<img>` as written.
 */
export function resolvedImages(md: MarkdownIt): void {
  const renderImage = md.renderer.rules.image;

  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!token || !renderImage) return '';
    const src = String(token.attrGet('src') ?? '');
    const resolve = isRenderEnv(env) ? env.resolveImage : keepLocalImageSources;
    const url = resolve(src);
    if (url !== null) {
      token.attrSet('src', url);
      return renderImage(tokens, idx, options, env, self);
    }
    if (isRenderEnv(env) && env.keepUnresolvedImages === true)
      return renderImage(tokens, idx, options, env, self);
    // markdown-it percent-encoded the source; show the writer what they typed.
    return imagePlaceholderHtml(
      self.renderInlineAsText(token.children ?? [], options, env),
      md.normalizeLinkText(src),
    );
  };
}
