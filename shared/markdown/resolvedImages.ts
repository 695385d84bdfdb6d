import type { MarkdownIt } from 'markdown-it';
import { imagePlaceholderHtml } from './imagePlaceholder';
import { replaceRawHtmlImages, withImageSource } from './rawHtmlImages';
import { isRenderEnv } from './renderEnv';
import { keepLocalImageSources } from './resolveImage';

const resolverOf = (env: unknown): ((src: string) => string | null) =>
  isRenderEnv(env) ? env.resolveImage : keepLocalImageSources;

const keepsUnresolved = (env: unknown): boolean =>
  isRenderEnv(env) && env.keepUnresolvedImages === true;

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
    const url = resolverOf(env)(src);
    if (url !== null) {
      token.attrSet('src', url);
      return renderImage(tokens, idx, options, env, self);
    }
    if (keepsUnresolved(env)) return renderImage(tokens, idx, options, env, self);
    // markdown-it percent-encoded the source; show the writer what they typed.
    return imagePlaceholderHtml(
      self.renderInlineAsText(token.children ?? [], options, env),
      md.normalizeLinkText(src),
    );
  };
}

/**
 * The `<img>` tags of raw HTML the site publishes, through the same resolver as Markdown images:
 * the preview loads a local one from the workspace and shows a placeholder for one it refuses,
 * exports embed or copy it as they do a Markdown image.
 */
export function resolveRawHtmlImages(html: string, env: unknown): string {
  const resolve = resolverOf(env);
  return replaceRawHtmlImages(html, (image) => {
    if (image.source === null) return null;
    const url = resolve(image.source.url);
    if (url !== null) return withImageSource(html, image, url);
    return keepsUnresolved(env) ? null : imagePlaceholderHtml(image.alt, image.source.url);
  });
}
