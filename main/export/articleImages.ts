import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { classifyImageSource } from '../../shared/markdown/resolveImage';
import { readRegularFileSync } from '../files/readTextFile';
import { isConfinedSync } from '../workspace/confinement';
import type { ArticleSource } from './articleSource';
import { downscaleImage } from './downscaleImage';

export type RasterType = 'png' | 'jpg' | 'gif' | 'webp' | 'avif' | 'bmp';

export interface LocalImage {
  /** Absolute path on disk. */
  file: string;
  type: RasterType;
  mime: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

const mimeOf: Record<RasterType, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

/** Largest image embedded or copied; beyond it the image becomes a placeholder. */
const maxImageBytes = 25 * 1024 * 1024;

/** The type from the file's first bytes, never from its name: a renamed SVG stays out. */
function sniffRaster(
  bytes: Uint8Array,
): { type: RasterType; width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number): number => bytes[i] ?? -1;
  if (bytes.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 10 && at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) {
    return { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (bytes.length >= 4 && at(0) === 0xff && at(1) === 0xd8) {
    // Walk JPEG segments to the first start-of-frame marker.
    let i = 2;
    while (i + 9 < bytes.length) {
      if (at(i) !== 0xff) {
        i++;
        continue;
      }
      const marker = at(i + 1);
      const length = view.getUint16(i + 2);
      if (
        marker >= 0xc0 &&
        marker <= 0xcf &&
        marker !== 0xc4 &&
        marker !== 0xc8 &&
        marker !== 0xcc
      ) {
        return { type: 'jpg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + length;
    }
    return { type: 'jpg', width: 0, height: 0 };
  }
  if (
    bytes.length >= 30 &&
    String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP'
  ) {
    const chunk = String.fromCharCode(...bytes.subarray(12, 16));
    if (chunk === 'VP8X')
      return {
        type: 'webp',
        width: 1 + (at(24) | (at(25) << 8) | (at(26) << 16)),
        height: 1 + (at(27) | (at(28) << 8) | (at(29) << 16)),
      };
    if (chunk === 'VP8 ')
      return {
        type: 'webp',
        width: view.getUint16(26, true) & 0x3fff,
        height: view.getUint16(28, true) & 0x3fff,
      };
    if (chunk === 'VP8L') {
      const b = view.getUint32(21, true);
      return { type: 'webp', width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1 };
    }
    return { type: 'webp', width: 0, height: 0 };
  }
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(4, 12)) === 'ftypavif')
    return { type: 'avif', width: 0, height: 0 };
  if (bytes.length >= 26 && at(0) === 0x42 && at(1) === 0x4d) {
    return {
      type: 'bmp',
      width: view.getInt32(18, true),
      height: Math.abs(view.getInt32(22, true)),
    };
  }
  return null;
}

/** The types the sanitizers let through as data: images. */
const dataUriTypes = new Set<RasterType>(['png', 'jpg', 'gif', 'webp', 'avif']);

/**
 * The local images of one article: resolved with the preview's rules (relative to the article,
 * site-absolute into `static/`, nothing outside the root), typed by content. Nothing is kept:
 * each call reads the file, so an export holds only the image it is working on.
 */
export class ArticleImages {
  constructor(private readonly source: ArticleSource) {}

  /** The folder local paths resolve in and may not leave: the root, or the article's folder outside it. */
  get base(): string {
    return this.source.rootPath !== '' ? this.source.root : path.dirname(this.source.file);
  }

  /**
   * Absolute path a source refers to, if it stays inside the root (whether or not it exists),
   * by text and by real path: a link through a symlinked folder that leads out is no image.
   */
  locate(src: string): string | null {
    const { rootPath } = this.source;
    // An article outside the root still resolves relative paths next to itself.
    const articlePath = rootPath !== '' ? rootPath : path.basename(this.source.file);
    const base = this.base;
    const source = classifyImageSource(src, {
      articlePath,
      toAssetUrl: (p) => p,
      fileExists: (p) => existsSync(path.join(base, ...p.split('/'))),
    });
    if (source.kind !== 'workspace') return null;
    const file = path.join(base, ...source.path.split('/'));
    return isConfinedSync(base, file) ? file : null;
  }

  /** The original image behind a source, or null (missing, outside, not a raster image, too large). */
  load(src: string): LocalImage | null {
    const file = this.locate(src);
    return file === null ? null : readImage(file);
  }

  /** The absolute file of an image a page may embed as a data: URI, or null (from its first bytes). */
  embeddable(src: string): string | null {
    const file = this.locate(src);
    const type = file === null ? null : readImageType(file);
    return type !== null && dataUriTypes.has(type) ? file : null;
  }

  /** The image as the HTML, WeChat and Word exports embed it: narrowed when oversized. */
  async embedded(src: string): Promise<LocalImage | null> {
    const image = this.load(src);
    return image ? downscaleImage(image) : null;
  }

  /** A data: URI of the embedded version of an image file `embeddable` returned. */
  async dataUriOf(file: string): Promise<string | null> {
    const original = readImage(file);
    if (!original || !dataUriTypes.has(original.type)) return null;
    const image = await downscaleImage(original);
    const { buffer, byteOffset, length } = image.bytes;
    return `data:${image.mime};base64,${Buffer.from(buffer, byteOffset, length).toString('base64')}`;
  }
}

/**
 * A regular file small enough to read, by its name: a pipe under an image's name is never even
 * opened. The read checks the file it opened again, in case one was swapped in since.
 */
function isReadableImageFile(file: string): boolean {
  const stats = statSync(file);
  return stats.isFile() && stats.size <= maxImageBytes;
}

/** Enough of a file's start for sniffRaster to tell every type (not every size). */
const typeBytes = 32;

/** An image file's type from its first bytes, as readImage would find it; null like readImage. */
function readImageType(file: string): RasterType | null {
  try {
    if (!isReadableImageFile(file)) return null;
    const head = readRegularFileSync(file, { head: typeBytes, maxSize: maxImageBytes });
    return sniffRaster(new Uint8Array(head))?.type ?? null;
  } catch {
    return null;
  }
}

function readImage(file: string): LocalImage | null {
  try {
    if (!isReadableImageFile(file)) return null;
    const read = readRegularFileSync(file, { maxSize: maxImageBytes });
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.length);
    const sniffed = sniffRaster(bytes);
    return sniffed ? { file, bytes, mime: mimeOf[sniffed.type], ...sniffed } : null;
  } catch {
    return null;
  }
}
