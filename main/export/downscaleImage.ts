import type SharpModule from 'sharp';
import type { LocalImage } from './articleImages';

/**
 * The width the HTML, WeChat and Word exports narrow an image to when it is more than
 * `narrowingThreshold` times wider: twice a page column (for sharp screens and print), while a
 * camera original is 4,000-6,000 pixels wide and several megabytes. Hugo keeps the originals:
 * the site's own image processing is the writer's choice.
 */
export const maxEmbeddedWidth = 1600;

/**
 * Images up to this much wider than `maxWidth` are embedded as they are: narrowing a 1,700-pixel
 * photo to 1,600 saves a tenth of its pixels and costs loading libvips, a decode and a re-encode
 * (seconds for a few photos), while a camera original of 4,000 pixels shrinks several times.
 */
const narrowingThreshold = 1.25;

/** Formats sharp both reads and writes, by our type (BMP it does not read: such images stay). */
const sharpFormat = { png: 'png', jpg: 'jpeg', gif: 'gif', webp: 'webp', avif: 'avif' } as const;

type Sharp = typeof SharpModule;
let loaded: Promise<Sharp> | null = null;

/** sharp is loaded on the first oversized image only, so image-free exports never start libvips. */
function loadSharp(): Promise<Sharp> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    // No operation cache: a batch decodes one image at a time and keeps none of them.
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}

/**
 * The image narrowed to `maxWidth` pixels in its own format (every frame of an animated GIF or
 * WebP), or unchanged when it is at most `narrowingThreshold` times that wide, of a format sharp
 * cannot write, or when the smaller version would not be fewer bytes. Decoded pixels live only
 * inside this call.
 */
export async function downscaleImage(
  image: LocalImage,
  maxWidth = maxEmbeddedWidth,
): Promise<LocalImage> {
  if (image.type === 'bmp' || image.width <= maxWidth * narrowingThreshold) return image;
  const sharp = await loadSharp();
  const animated = image.type === 'gif' || image.type === 'webp';
  const { data, info } = await sharp(image.bytes, { animated, limitInputPixels: 1e8 })
    .rotate() // applies an EXIF orientation before the width is judged
    .resize({ width: maxWidth, withoutEnlargement: true })
    .toFormat(sharpFormat[image.type])
    .toBuffer({ resolveWithObject: true });
  if (data.length >= image.bytes.length) return image;
  return {
    ...image,
    bytes: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    // An animated image's info.height is the height of all frames stacked.
    height: info.pageHeight ?? info.height,
  };
}
