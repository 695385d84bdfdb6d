import type { ArticleImages } from './articleImages';

const placeholderPrefix = 'byline-asset:embed/';
/** Only where the pipeline wrote a placeholder: an image's src attribute, whole. */
const placeholderInSrc = /(?<=\bsrc=")byline-asset:embed\/(\d+)(?=")/;

/**
 * Images embedded as data: URIs after the page is sanitized rather than before: the sanitizers
 * (DOMPurify on jsdom, juice for WeChat) then never parse megabytes of base64, and the images are
 * read, narrowed and encoded one at a time. Rendering writes a placeholder URL per image; `fill`
 * swaps each for its data: URI. Our own step after the last sanitizer, like the copied-image
 * paths: the URI is built from bytes typed by content, with a raster MIME type.
 */
export class DeferredImages {
  private readonly files: string[] = [];

  constructor(private readonly images: ArticleImages) {}

  /** During rendering: a placeholder for the image, or null (missing, not embeddable). */
  placeholder(src: string): string | null {
    const file = this.images.embeddable(src);
    if (file === null) return null;
    let index = this.files.indexOf(file);
    if (index === -1) index = this.files.push(file) - 1;
    return `${placeholderPrefix}${index}`;
  }

  /** After the last sanitizer: every placeholder -> its data: URI (an unreadable image -> ''). */
  async fill(html: string): Promise<string> {
    if (this.files.length === 0) return html;
    const parts = html.split(new RegExp(placeholderInSrc.source, 'g'));
    const uris = new Map<number, string>();
    for (let i = 1; i < parts.length; i += 2) {
      const index = Number(parts[i]);
      let uri = uris.get(index);
      if (uri === undefined) {
        const file = this.files[index];
        uri = (file === undefined ? null : await this.images.dataUriOf(file)) ?? '';
        uris.set(index, uri);
      }
      parts[i] = uri;
    }
    return parts.join('');
  }
}
