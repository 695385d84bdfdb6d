import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import {
  applyChanges,
  parseArticle,
  planSetField,
  type EditPlan,
  type FieldValue,
} from '../../shared/article';
import {
  figuresInCode,
  findLinkDestinations,
  formatDestination,
  shortcodeValue,
} from '../../shared/export/markdownLinks';
import { quotedAttribute } from '../../shared/markdown/rawHtmlImages';
import { slugify } from '../../shared/text/slug';
import { imageExtensions, isCopyableAttachment } from './attachmentTypes';
import type { ExportContext, ExportOutput } from './exportTypes';
import { writeOutput } from './writeOutput';

const anyScheme = /^[a-z][a-z0-9+.-]*:/i;
/** Front matter fields that name the lead image, as Hugo themes spell them. */
const imageFields = ['featured_image', 'image', 'thumbnail'];

function safeName(file: string): string {
  const ext = path.extname(file).toLowerCase();
  const base =
    path
      .basename(file, path.extname(file))
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '') || 'file';
  return `${base}${ext}`;
}

function applyPlan(text: string, plan: EditPlan, field: string): string {
  if ('error' in plan)
    throw new Error(`Could not set "${field}" in the front matter: ${plan.error.message}`);
  return applyChanges(text, plan.changes);
}

/**
 * A Hugo page bundle: `<slug>/index.md` with every local image (and attachment) the article
 * refers to copied into the bundle and its links rewritten to the copies. The front matter is
 * normalised with single-field edits (planSetField), so everything else keeps its bytes:
 * comments, quoting, key order, dates as written.
 */
export async function exportHugo(context: ExportContext): Promise<ExportOutput> {
  const { source, images } = context;
  const existingSlug = typeof source.data['slug'] === 'string' ? source.data['slug'].trim() : '';
  const slug =
    existingSlug !== ''
      ? slugify(existingSlug)
      : slugify(source.meta.title, { fallback: source.stem, maxLength: 60 });
  // The article's own outputs are files (`<name>.html`…) and the bundle a folder: the same name
  // does not collide, so a slug equal to the file name stays as it is.
  const folder = slug.toLowerCase() === context.name.toLowerCase() ? slug : context.claim(slug);
  const bundle = path.join(context.outputDir, folder);
  const warnings: string[] = [];
  const copies = new Map<string, string>(); // absolute source -> bundle-relative POSIX path
  const taken = new Set<string>();

  const copyTarget = (src: string): string | null => {
    const trimmed = src.trim();
    if (
      trimmed === '' ||
      trimmed.startsWith('#') ||
      trimmed.startsWith('//') ||
      anyScheme.test(trimmed)
    )
      return null;
    const file = images.locate(trimmed);
    if (file === null) {
      // Out of the site by text or through a symlink: never copied, and the writer is told.
      warnings.push(`Not copied (outside the site): ${src}`);
      return null;
    }
    let isFile: boolean;
    try {
      isFile = statSync(file).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) {
      warnings.push(`Not found, left as written: ${src}`);
      return null;
    }
    if (/\.(md|markdown)$/i.test(file)) return null; // links to other articles stay as written
    if (!isCopyableAttachment(path.relative(images.base, file))) {
      warnings.push(`Not copied (not an attachment type Byline publishes): ${src}`);
      return null;
    }
    const known = copies.get(file);
    if (known) return known;
    const folder = imageExtensions.has(path.extname(file).toLowerCase()) ? 'images' : 'files';
    let name = safeName(file);
    const ext = path.extname(name);
    for (let n = 2; taken.has(`${folder}/${name}`.toLowerCase()); n++)
      name = `${path.basename(safeName(file), ext)}-${n}${ext}`;
    const target = `${folder}/${name}`;
    taken.add(target.toLowerCase());
    copies.set(file, target);
    return target;
  };

  // 1. Body: rewrite link and image destinations (also a figure shortcode's src, link and
  // attrlink), back to front so offsets stay valid.
  const parts = parseArticle(source.text).parts;
  let body = parts.body;
  const destinations = findLinkDestinations(body).sort((a, b) => b.from - a.from);
  for (const destination of destinations) {
    const target = copyTarget(destination.url);
    if (target === null) continue;
    const written =
      destination.kind === 'html-image'
        ? quotedAttribute(target)
        : destination.kind === 'shortcode'
          ? shortcodeValue(target, destination.quote ?? '"')
          : formatDestination(target);
    body = body.slice(0, destination.from) + written + body.slice(destination.to);
  }
  let text = source.text.slice(0, parts.bodyOffset) + body;
  for (const figure of figuresInCode(parts.body)) {
    const src = figure.named['src'] ?? '';
    if (src !== '' && !anyScheme.test(src) && !src.startsWith('//'))
      warnings.push(
        `Left as written, in code: ${figure.source} (Hugo runs shortcodes inside code too; ` +
          `{{</* figure */>}} shows one as text).`,
      );
  }

  // 2. Front matter: one minimal edit per field.
  const set = (field: string, value: FieldValue): void => {
    text = applyPlan(text, planSetField(text, field, value), field);
  };
  for (const field of imageFields) {
    const value = source.data[field];
    if (typeof value !== 'string') continue;
    const target = copyTarget(value);
    if (target !== null) set(field, target);
  }
  if (typeof source.data['title'] !== 'string' || source.data['title'].trim() === '')
    set('title', source.meta.title);
  if (context.options.hugo.addSlug && existingSlug === '') set('slug', slug);
  const tags = source.data['tags'];
  if (typeof tags === 'string' && tags.trim() !== '')
    set(
      'tags',
      tags
        .split(/[,，、]/)
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    );

  const index = path.join(bundle, 'index.md');
  await writeOutput(index, text);
  const written = [index];
  for (const [from, target] of copies) {
    const destination = path.join(bundle, ...target.split('/'));
    await fs.mkdir(path.dirname(destination), { recursive: true });
    await fs.copyFile(from, destination);
    written.push(destination);
  }
  return { files: written, warnings };
}
