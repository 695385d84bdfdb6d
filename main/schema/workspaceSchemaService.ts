import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../shared/article';
// The schema's own modules rather than its index, which also carries the new-article defaults and
// their pinyin slugs (a large dictionary `byline check` never needs).
import { inferSchema } from '../../shared/frontMatterSchema/inferSchema';
import { IMAGE_EXTENSIONS } from '../../shared/frontMatterSchema/knownFields';
import { resolveSchema } from '../../shared/frontMatterSchema/resolveSchema';
import { parseSchemaFile, SCHEMA_FILE_PATH } from '../../shared/frontMatterSchema/schemaFile';
import type { WorkspaceImage, WorkspaceSchema } from '../../shared/frontMatterSchema/schemaTypes';
import { cutAtLineBreak, decodeTextLazily, readRegularFile } from '../files/readTextFile';
import { isArticleFile, isSkippedFolder } from '../library/scanWorkspace';
import { siteOutputFolders } from '../library/siteOutputFolders';
import { isConfinedSync, workspaceDataFile } from '../workspace/confinement';

/** More than any newsroom folder holds; keeps a mis-chosen workspace (a home folder) bounded. */
const MAX_FILES = 20_000;
const IMAGE_FILE = new RegExp(`\\.(?:${IMAGE_EXTENSIONS.join('|')})$`, 'i');

interface WalkResult {
  articles: string[];
  images: string[];
}

/** Articles and images below root, with the library's skip rules (no dot folders, no site output). */
async function walkWorkspace(
  root: string,
  want: { articles: boolean; images: boolean },
): Promise<WalkResult> {
  const result: WalkResult = { articles: [], images: [] };
  const siteOutputs = new Set(siteOutputFolders(root));
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const below: Promise<void>[] = [];
    for (const entry of entries) {
      if (result.articles.length + result.images.length >= MAX_FILES) break;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name) && !siteOutputs.has(full)) below.push(walk(full));
      } else if (entry.isFile() || (entry.isSymbolicLink() && isConfinedSync(root, full))) {
        if (want.articles && isArticleFile(entry.name)) result.articles.push(full);
        else if (want.images && IMAGE_FILE.test(entry.name) && !entry.name.startsWith('.'))
          result.images.push(full);
      }
    }
    await Promise.all(below);
  };
  await walk(root);
  result.articles.sort();
  result.images.sort();
  return result;
}

/**
 * Front matter sits at the top: no more than this is read for it. The schema reloads after every
 * save, and a whole read of a huge article held main for seconds each time.
 */
const maxFrontMatterBytes = 256 * 1024;

async function readFrontMatter(file: string): Promise<Record<string, unknown> | null> {
  try {
    const head = new Uint8Array(await readRegularFile(file, maxFrontMatterBytes));
    const { text } = await decodeTextLazily(
      head.length === maxFrontMatterBytes ? cutAtLineBreak(head) : head,
    );
    const { data, error, parts } = parseArticle(text);
    // An article without front matter says nothing about the fields (and would skew "most articles have it").
    return error || !parts.frontMatter ? null : data;
  } catch {
    return null;
  }
}

/**
 * A schema names a newsroom's fields and their vocabularies: a few kilobytes. A planted file of
 * megabytes held main for seconds at every read (three per article opened).
 */
const maxSchemaFileBytes = 512 * 1024;

/** Reads `<root>/.byline/schema.yml`; null when there is none. Problems in it are reported, not thrown. */
async function loadSchemaFile(
  root: string,
): Promise<{ path: string; parsed: ReturnType<typeof parseSchemaFile> } | null> {
  let text: string;
  try {
    const bytes = await readRegularFile(
      workspaceDataFile(root, SCHEMA_FILE_PATH),
      maxSchemaFileBytes + 1,
    );
    if (bytes.length > maxSchemaFileBytes)
      throw new Error(
        `${SCHEMA_FILE_PATH} is larger than ${maxSchemaFileBytes / 1024} KB; Byline did not read it.`,
      );
    text = (await decodeTextLazily(new Uint8Array(bytes))).text;
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
    )
      return null;
    return {
      path: SCHEMA_FILE_PATH,
      parsed: {
        fields: [],
        checklist: {},
        problems: [{ message: (error as Error).message, line: 0 }],
      },
    };
  }
  return { path: SCHEMA_FILE_PATH, parsed: parseSchemaFile(text) };
}

/**
 * The folder holding `.byline/schema.yml` for `start` (a file or folder): start itself or its
 * nearest ancestor that has one. Null when none has.
 */
export async function findSchemaRoot(start: string): Promise<string | null> {
  let dir = path.resolve(start);
  const stats = await fs.stat(dir).catch(() => null);
  if (stats && !stats.isDirectory()) dir = path.dirname(dir);
  for (;;) {
    const candidate = await fs.stat(path.join(dir, SCHEMA_FILE_PATH)).catch(() => null);
    if (candidate?.isFile()) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The workspace schema: inferred from every article's front matter, overridden by the schema file. */
export async function loadWorkspaceSchema(root: string): Promise<WorkspaceSchema> {
  const { articles } = await walkWorkspace(root, { articles: true, images: false });
  const data: Record<string, unknown>[] = [];
  // A few files at a time: enough to keep the disk busy without exhausting file handles.
  for (let i = 0; i < articles.length; i += 16) {
    const batch = await Promise.all(articles.slice(i, i + 16).map(readFrontMatter));
    for (const item of batch) if (item) data.push(item);
  }
  return resolveSchema({
    inferred: inferSchema(data),
    articleCount: data.length,
    file: await loadSchemaFile(root),
  });
}

/** Image files of the workspace (for the featured-image picker), workspace-relative POSIX paths. */
export async function listWorkspaceImages(root: string): Promise<WorkspaceImage[]> {
  const { images } = await walkWorkspace(root, { articles: false, images: true });
  const listed = await Promise.all(
    images.map(async (absolute) => {
      const stats = await fs.stat(absolute).catch(() => null);
      if (!stats?.isFile()) return null;
      return { path: path.relative(root, absolute).split(path.sep).join('/'), size: stats.size };
    }),
  );
  return listed.filter((image): image is WorkspaceImage => image !== null);
}
