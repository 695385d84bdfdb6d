import { escapeHtml } from './escapeHtml';
import { isRemoteImageSource } from './resolveImage';

/**
 * What an image the resolver refused looks like: its alt text and its source as plain text, so
 * nothing is fetched and the writer still sees which image is missing (or remote).
 */
export function imagePlaceholderHtml(alt: string, src: string): string {
  const kind = isRemoteImageSource(src) ? 'image-placeholder-remote' : 'image-placeholder-missing';
  return (
    `<span class="image-placeholder ${kind}" title="${escapeHtml(src)}">` +
    `<span class="image-placeholder-alt">${escapeHtml(alt)}</span> ` +
    `<span class="image-placeholder-src">${escapeHtml(src)}</span></span>`
  );
}
