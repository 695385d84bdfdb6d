import path from 'node:path';
import type { LocalImage } from '../articleImages';
import { inlinePictureRun } from './drawing';
import type { PartRelationships } from './relationships';

/** Raster formats Word shows. */
export type WordPictureType = 'png' | 'jpg' | 'gif' | 'bmp';

export const isWordPicture = (
  image: LocalImage | null | undefined,
): image is LocalImage & {
  type: WordPictureType;
} =>
  !!image &&
  (image.type === 'png' || image.type === 'jpg' || image.type === 'gif' || image.type === 'bmp');

/**
 * The package's media: each picture stored once, however often and wherever it is shown, and a
 * drawing id for each time it is.
 */
export class PictureStore {
  readonly media: [path: string, bytes: Uint8Array][] = [];
  private readonly targets = new Map<string, string>();
  private drawings = 0;

  constructor(
    /** The widest a picture may be, in pixels: the text column. */
    private readonly maxWidth: number,
  ) {}

  /** The run showing `image` (known by `src`) in the part whose relationships are given. */
  run(
    src: string,
    image: LocalImage & { type: WordPictureType },
    alt: string,
    relationships: PartRelationships,
  ): string {
    let target = this.targets.get(src);
    if (!target) {
      target = `media/image${this.media.length + 1}.${image.type}`;
      this.targets.set(src, target);
      this.media.push([`word/${target}`, image.bytes]);
    }
    return inlinePictureRun({
      relationshipId: relationships.image(target),
      drawingId: ++this.drawings,
      name: path.basename(image.file),
      alt,
      ...this.fit(image),
    });
  }

  private fit(image: LocalImage): { width: number; height: number } {
    const width = image.width > 0 ? image.width : this.maxWidth;
    const height = image.height > 0 ? image.height : Math.round(width * 0.6);
    const scale = Math.min(1, this.maxWidth / width);
    return { width: Math.round(width * scale), height: Math.round(height * scale) };
  }
}
