import path from 'node:path';
import { parseArticle } from '../../shared/article';
import {
  articleFileStem,
  articleMetadata,
  type ArticleMetadata,
} from '../../shared/export/articleMetadata';
import { hugoDefaultProfile, type RenderProfile } from '../../shared/markdown/renderProfile';
import { decodeTextLazily, readRegularFile } from '../files/readTextFile';
import { leavesRoot } from '../workspace/resolveInWorkspace';

/** One article, read and parsed once, shared by every format exported from it. */
export interface ArticleSource {
  /** Absolute path of the article file. */
  file: string;
  /** Root that image paths resolve in (workspace or Hugo site); absolute. */
  root: string;
  /** The article's path inside `root`, POSIX ('' when it lies outside). */
  rootPath: string;
  /** Whole file text, BOM removed, line endings as in the file. */
  text: string;
  data: Record<string, unknown>;
  body: string;
  meta: ArticleMetadata;
  /** Base name for outputs: the file stem, or the folder's name for a bundle's `index.md`. */
  stem: string;
  /** How the site renders Markdown (main/site/siteConfig.ts); every format renders with it. */
  profile: Readonly<RenderProfile>;
}

export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Builds the source from text already in hand (an unsaved editor buffer, the clipboard path). */
export function articleFromText(
  file: string,
  root: string,
  text: string,
  profile: Readonly<RenderProfile> = hugoDefaultProfile,
): ArticleSource {
  const parsed = parseArticle(text);
  if (parsed.error || parsed.data === null) {
    const where = parsed.error?.line ? ` (line ${parsed.error.line})` : '';
    throw new ExportError(
      'front-matter',
      `The front matter could not be read${where}: ${parsed.error?.message ?? 'unknown error'}`,
    );
  }
  const stem = articleFileStem(file);
  const relative = path.relative(root, file);
  const inside = relative !== '' && !leavesRoot(relative);
  return {
    file,
    root,
    rootPath: inside ? relative.split(path.sep).join('/') : '',
    text,
    data: parsed.data,
    body: parsed.parts.body,
    meta: articleMetadata(parsed.data, parsed.parts.body, stem, profile),
    stem,
    profile,
  };
}

/** Reads an article with the editor's encoding rules; unreadable and binary files throw readable errors. */
export async function readArticleSource(
  file: string,
  root: string,
  profile: Readonly<RenderProfile> = hugoDefaultProfile,
): Promise<ArticleSource> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readRegularFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const reason =
      code === 'ENOENT'
        ? 'it no longer exists'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Byline has no permission to read it'
          : code === 'not-a-file'
            ? 'it is not a regular file'
            : `the file system reported ${code}`;
    throw new ExportError(code, `Could not read "${path.basename(file)}": ${reason}.`);
  }
  let text: string;
  try {
    text = (await decodeTextLazily(bytes)).text;
  } catch (error) {
    throw new ExportError(
      (error as { code?: string }).code ?? 'unreadable',
      (error as Error).message,
    );
  }
  return articleFromText(file, root, text, profile);
}
