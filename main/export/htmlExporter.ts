import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildHtmlDocument } from '../../shared/export/exportDocument';
import { DeferredImages } from './deferredImages';
import { downscaleImage } from './downscaleImage';
import { createExportSanitizer } from './exportSanitizer';
import type { ExportContext, ExportOutput } from './exportTypes';
import { renderArticleHtml } from './renderArticleHtml';
import { writeOutput } from './writeOutput';

/** Placeholder URL for a copied image, swapped for its relative path after sanitizing. */
const copiedImageUrl = (index: number): string => `byline-asset:copied/${index}`;

export interface StandaloneHtml {
  html: string;
  warnings: string[];
  /** Copied images (originals, or narrowed when oversized): absolute source -> file name inside the assets folder. */
  copies: Map<string, string>;
  assetsFolder: string;
}

function safeFileName(file: string, taken: Set<string>): string {
  const ext = path.extname(file).toLowerCase();
  const base =
    path
      .basename(file, path.extname(file))
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'image';
  let name = `${base}${ext}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}${ext}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The page shared by the HTML and PDF exports: theme CSS inlined, images embedded (or copied),
 * header from front matter, footnotes with back-links, `lang` from the content, no script.
 */
export async function buildStandaloneHtml(
  context: ExportContext,
  imageMode: 'embed' | 'copy',
): Promise<StandaloneHtml> {
  const { source, images, options } = context;
  const warnings: string[] = [];
  const copies = new Map<string, string>();
  const copyList: string[] = [];
  const taken = new Set<string>();
  const assetsFolder = `${context.name}.assets/`;
  const deferred = new DeferredImages(images);

  const imageUrl = (src: string): string | null => {
    if (imageMode === 'embed') {
      const uri = deferred.placeholder(src);
      if (uri === null) warnings.push(`Image not found or not a supported picture: ${src}`);
      return uri;
    }
    const image = images.load(src);
    if (!image) {
      warnings.push(`Image not found or not a supported picture: ${src}`);
      return null;
    }
    if (!copies.has(image.file)) {
      copies.set(image.file, safeFileName(image.file, taken));
      copyList.push(image.file);
    }
    return copiedImageUrl(copyList.indexOf(image.file));
  };

  const article = renderArticleHtml(source, images, context.sanitize, {
    flavor: 'document',
    imageUrl,
    allowRemoteImages: options.allowRemoteImages,
  });
  warnings.push(...article.notes);
  // Trusted step: our placeholders -> relative paths we chose (escaped, inside the assets folder).
  const withPaths = article.html.replace(/byline-asset:copied\/(\d+)/g, (_, index: string) => {
    const file = copyList[Number(index)];
    return file ? encodeURI(assetsFolder + (copies.get(file) ?? '')) : '';
  });
  // Last pass: the export sanitizer, which knows only these additions.
  const finalHtml = await deferred.fill(
    createExportSanitizer({
      assetsFolder: imageMode === 'copy' ? assetsFolder : undefined,
      allowRemoteImages: options.allowRemoteImages,
    })(withPaths),
  );

  const html = buildHtmlDocument({
    meta: source.meta,
    css: await context.themes.pageCss(options.theme),
    articleHtml: finalHtml,
    theme: options.theme,
    imageSources:
      imageMode === 'embed'
        ? options.allowRemoteImages
          ? 'data-files-and-remote'
          : 'data'
        : options.allowRemoteImages
          ? 'data-files-and-remote'
          : 'data-and-files',
  });
  return { html, warnings: [...new Set(warnings)], copies, assetsFolder };
}

/**
 * Writes a page's copied images into `folder` (its assets folder), one at a time: oversized ones
 * narrowed, the rest copied byte for byte. Returns the files written.
 */
export async function writeImageCopies(
  context: ExportContext,
  copies: ReadonlyMap<string, string>,
  folder: string,
): Promise<string[]> {
  const written: string[] = [];
  if (copies.size === 0) return written;
  await fs.mkdir(folder, { recursive: true });
  for (const [from, name] of copies) {
    const image = context.images.load(from);
    const narrowed = image ? await downscaleImage(image) : null;
    if (narrowed && narrowed !== image) await fs.writeFile(path.join(folder, name), narrowed.bytes);
    else await fs.copyFile(from, path.join(folder, name));
    written.push(path.join(folder, name));
  }
  return written;
}

export async function exportHtml(context: ExportContext): Promise<ExportOutput> {
  const page = await buildStandaloneHtml(context, context.options.html.images);
  const file = path.join(context.outputDir, `${context.name}.html`);
  await writeOutput(file, page.html);
  const folder = path.join(context.outputDir, page.assetsFolder);
  const copied = await writeImageCopies(context, page.copies, folder);
  return { files: [file, ...copied], warnings: page.warnings };
}
