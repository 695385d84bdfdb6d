import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { hasSiteConfig } from '../site/siteConfig';
import { BylineError } from '../../shared/ipc/contract';
import { resolveConfined } from '../workspace/confinement';
import { toWorkspacePath } from '../workspace/resolveInWorkspace';

export interface ImportAssetInput {
  /** Workspace-relative path of the article the image goes into. */
  articlePath: string;
  /** Name the file had on the writer's machine (or "image.png" for a clipboard image). */
  fileName: string;
  dataBase64: string;
}

export interface ImportAssetResult {
  /** Workspace-relative path of the copied file. */
  path: string;
  /** What the Markdown link should say, relative to the article (or site-absolute in a Hugo site). */
  markdownPath: string;
}

export interface ImportAssetOptions {
  /** Workspace folder for images of articles that are not page bundles. Default `images`. */
  imagesFolder?: string;
  /** Largest image accepted, in bytes. Default 25 MB. */
  maxBytes?: number;
}

type ImageType = 'png' | 'jpg' | 'gif' | 'webp' | 'avif';

/** The type the bytes really are; the name's extension is not trusted. SVG is refused (it can carry script). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  const ascii = (from: number, text: string): boolean =>
    [...text].every((c, i) => bytes[from + i] === c.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis'))) return 'avif';
  return null;
}

/**
 * A file name that is safe on every OS and in a Markdown link: no path parts, no control or
 * reserved characters, no spaces or brackets (they break links), no leading dots, at most 80
 * characters. CJK letters are kept. Falls back to "image".
 */
export function safeImageBaseName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/\.[^.]*$/, '');
  const cleaned = base
    .replace(/[\p{Cc}<>:"|?*()[\]{}#%&'`^!$=+;,@~]/gu, '')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  const short = [...cleaned].slice(0, 80).join('');
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
  return short === '' || reserved.test(short) ? 'image' : short;
}

async function exists(target: string): Promise<boolean> {
  try {
    await fs.access(target);
    return true;
  } catch {
    return false;
  }
}

/** Hugo page bundle: the article is index.md/_index.md in its own folder, its images beside it. */
const isPageBundle = (articlePath: string): boolean =>
  /(^|\/)_?index\.(md|markdown)$/i.test(articlePath);

/** Where the image goes and how the article links it. */
async function chooseImageFolder(
  root: string,
  articlePath: string,
  imagesFolder: string,
): Promise<{ folder: string; link: (fileName: string) => string }> {
  const articleDir = path.posix.dirname(articlePath.replace(/\\/g, '/'));
  if (isPageBundle(articlePath)) {
    return { folder: articleDir === '.' ? '' : articleDir, link: (name) => name };
  }
  // A Hugo site serves static/ at the site root: static/images/x.png is /images/x.png.
  const isHugoSite = (await exists(path.join(root, 'static'))) && (await hasSiteConfig(root));
  if (isHugoSite) {
    return {
      folder: path.posix.join('static', imagesFolder),
      link: (name) => `/${path.posix.join(imagesFolder, name)}`,
    };
  }
  return {
    folder: imagesFolder,
    link: (name) =>
      path.posix.relative(
        articleDir === '.' ? '' : articleDir,
        path.posix.join(imagesFolder, name),
      ) || name,
  };
}

/**
 * Copies a pasted or dropped image into the workspace under a safe, unique name (never
 * overwriting: `photo.png`, `photo-2.png`, ...) and returns its Markdown path.
 */
export async function importAsset(
  root: string,
  input: ImportAssetInput,
  options: ImportAssetOptions = {},
): Promise<ImportAssetResult> {
  const maxBytes = options.maxBytes ?? 25 * 1024 * 1024;
  const imagesFolder = options.imagesFolder ?? 'images';
  // The article must be a workspace path (this throws for anything outside).
  await resolveConfined(root, input.articlePath);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new BylineError('empty-image', 'The image is empty.');
  if (bytes.length > maxBytes) {
    throw new BylineError(
      'image-too-large',
      `The image is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    );
  }
  const type = sniffImageType(bytes);
  if (!type)
    throw new BylineError(
      'not-an-image',
      'Only PNG, JPEG, GIF, WebP and AVIF images can be added.',
    );

  const { folder, link } = await chooseImageFolder(root, input.articlePath, imagesFolder);
  const folderAbsolute = folder === '' ? root : await resolveConfined(root, folder);
  await fs.mkdir(folderAbsolute, { recursive: true });
  const base = safeImageBaseName(input.fileName);
  for (let n = 1; n < 10_000; n++) {
    const name = n === 1 ? `${base}.${type}` : `${base}-${n}.${type}`;
    const target = path.join(folderAbsolute, name);
    let handle;
    try {
      // O_EXCL: never overwrite, even if another copy races us.
      handle = await fs.open(
        target,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
        0o644,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await fs.rm(target, { force: true });
      throw error;
    }
    await handle.close();
    return { path: toWorkspacePath(root, target), markdownPath: link(name) };
  }
  throw new BylineError('no-free-name', `Could not find a free file name for ${base}.${type}.`);
}
