import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BylineError } from '../../shared/ipc/contract';
import { slugify } from '../../shared/text/slug';
import { resolveConfined } from '../workspace/confinement';
import { resolveInWorkspace, toWorkspacePath } from '../workspace/resolveInWorkspace';
import { availablePath } from './availablePath';
import { localDateTime, newArticleText } from './newArticleText';
import type { Trash } from './trash';
import type { WorkspaceSchema } from '../../shared/frontMatterSchema';

export interface ArticleActionsDeps {
  workspaceRoot: () => string;
  trash: Trash;
  now?: () => Date;
  /** The workspace's front-matter schema: a new article starts with its usual fields. */
  schema?: () => Promise<WorkspaceSchema | null>;
  /** An article moved (rename): its history and journal follow it. */
  onMoved?: (from: string, to: string) => Promise<void>;
  /** A new article at `relativePath`: history an earlier article left at that path is not its. */
  onCreated?: (relativePath: string) => Promise<void>;
  /** An article went to the trash (`id` null: the system trash): its history goes with it. */
  onTrashed?: (relativePath: string, id: string | null) => Promise<void>;
  /** A trashed article is back at `relativePath`. */
  onRestored?: (id: string, relativePath: string) => Promise<void>;
  /**
   * Whether two existing paths are one file (same device and inode). Injected so the case-only
   * rename of case-insensitive disks can be tested on a case-sensitive one.
   */
  sameFile?: (a: string, b: string) => Promise<boolean>;
  /** Files changed by Byline itself: the library updates without waiting for the watcher. */
  onChanged?: (absolutePaths: string[]) => void;
}

/** A Hugo leaf bundle's article: `slug/index.md`. Its folder (with images) is the unit to move. */
function isBundleIndex(relativePath: string): boolean {
  return (
    /^index\.(md|markdown)$/i.test(path.posix.basename(relativePath)) &&
    path.posix.dirname(relativePath) !== '.'
  );
}

/** Create, rename, duplicate and trash articles. Never overwrites an existing file or folder. */
export class ArticleActions {
  private readonly now: () => Date;

  constructor(private readonly deps: ArticleActionsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(input: { title: string; folder: string; bundle: boolean }): Promise<string> {
    const root = this.deps.workspaceRoot();
    const folder = input.folder.trim() === '' ? root : await resolveConfined(root, input.folder);
    const now = this.now();
    const title = input.title.trim();
    // Never an empty name: a title of only punctuation or emoji falls back to the date.
    const slug = slugify(title, { fallback: `untitled-${localDateTime(now).slice(0, 10)}` });
    // Without a readable schema the article still gets the basic fields.
    const schema = this.deps.schema ? await this.deps.schema().catch(() => null) : null;
    const text = newArticleText(title, now, schema);
    await fs.mkdir(folder, { recursive: true });
    let file: string;
    if (input.bundle) {
      const bundle = await availablePath(path.join(folder, slug), '', null);
      await fs.mkdir(bundle);
      file = path.join(bundle, 'index.md');
    } else {
      file = await availablePath(path.join(folder, `${slug}.md`), '.md', null);
    }
    await fs.writeFile(file, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST'
        ? new BylineError('exists', 'An article with that name was just created; try again.')
        : error;
    });
    const created = toWorkspacePath(root, file);
    await this.deps.onCreated?.(created);
    this.deps.onChanged?.([file]);
    return created;
  }

  async rename(relativePath: string, requestedName: string): Promise<string> {
    const root = this.deps.workspaceRoot();
    const absolute = await resolveConfined(root, relativePath);
    const name = cleanName(requestedName);
    await assertExists(absolute, relativePath);
    const bundle = isBundleIndex(relativePath);
    const from = bundle ? path.dirname(absolute) : absolute;
    const to = bundle
      ? path.join(path.dirname(from), name.replace(/\.(md|markdown)$/i, ''))
      : path.join(path.dirname(from), /\.(md|markdown)$/i.test(name) ? name : `${name}.md`);
    if (to === from) return relativePath;
    await resolveConfined(root, toWorkspacePath(root, to));
    const sameFile = this.deps.sameFile ?? isSameFile;
    // Names never decide: on a case-insensitive disk `Election.md` may be this very file (a case
    // change), on a case-sensitive one it is another article that must not be replaced.
    const targetExists = await exists(to);
    if (targetExists && !(await sameFile(from, to))) throw nameTaken(to);
    if (targetExists) await fs.rename(from, to);
    else await renameNoReplace(from, to, bundle);
    const newPath = toWorkspacePath(root, bundle ? path.join(to, path.basename(absolute)) : to);
    await this.deps.onMoved?.(relativePath, newPath);
    this.deps.onChanged?.([absolute, resolveInWorkspace(root, newPath)]);
    return newPath;
  }

  async duplicate(relativePath: string): Promise<string> {
    const root = this.deps.workspaceRoot();
    const absolute = await resolveConfined(root, relativePath);
    await assertExists(absolute, relativePath);
    let copy: string;
    if (isBundleIndex(relativePath)) {
      const folder = await availablePath(`${path.dirname(absolute)}`, '', 'copy');
      await fs.cp(path.dirname(absolute), folder, {
        recursive: true,
        errorOnExist: true,
        force: false,
      });
      copy = path.join(folder, path.basename(absolute));
    } else {
      const extension = path.extname(absolute);
      copy = await availablePath(absolute, extension, 'copy');
      // Byte-for-byte: the copy keeps the original's encoding, BOM and line endings.
      await fs.copyFile(absolute, copy, fs.constants.COPYFILE_EXCL);
    }
    this.deps.onChanged?.([copy]);
    return toWorkspacePath(root, copy);
  }

  async trash(relativePath: string): Promise<{ restorable: boolean; id: string | null }> {
    const root = this.deps.workspaceRoot();
    const absolute = await resolveConfined(root, relativePath);
    await assertExists(absolute, relativePath);
    const bundle = isBundleIndex(relativePath);
    const id = await this.deps.trash.trash(
      bundle ? path.dirname(absolute) : absolute,
      relativePath,
      bundle,
    );
    await this.deps.onTrashed?.(relativePath, id);
    this.deps.onChanged?.([absolute]);
    return { restorable: this.deps.trash.restorable, id };
  }

  async restore(id: string): Promise<string> {
    const restored = await this.deps.trash.restore(id);
    await this.deps.onRestored?.(id, restored);
    this.deps.onChanged?.([resolveInWorkspace(this.deps.workspaceRoot(), restored)]);
    return restored;
  }
}

/** A file name the writer typed: no folders, no control characters, not empty, not a dot name. */
function cleanName(requested: string): string {
  // eslint-disable-next-line no-control-regex
  const name = requested.trim().replace(/[\u0000-\u001f<>:"|?*]/g, '');
  if (name === '' || name === '.' || name === '..' || /[\\/]/.test(name) || name.startsWith('.')) {
    throw new BylineError('bad-name', `"${requested}" cannot be used as a file name.`);
  }
  return name;
}

function nameTaken(to: string): BylineError {
  return new BylineError(
    'exists',
    `"${path.basename(to)}" already exists in that folder. Choose another name.`,
  );
}

async function isSameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([fs.lstat(a), fs.lstat(b)]);
  return x.dev === y.dev && x.ino === y.ino;
}

/**
 * Rename without ever replacing what appears at `to` meanwhile: a file is linked to its new name
 * (link fails if the name is taken) and then unlinked from the old; a folder is renamed over an
 * empty folder claimed first with mkdir. File systems without hard links fall back to rename.
 */
async function renameNoReplace(from: string, to: string, folder: boolean): Promise<void> {
  const isTaken = (error: unknown): boolean =>
    ['EEXIST', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '');
  if (folder) {
    await fs.mkdir(to).catch((error: unknown) => {
      throw isTaken(error) ? nameTaken(to) : error;
    });
    try {
      await fs.rename(from, to);
    } catch (error) {
      await fs.rmdir(to).catch(() => {});
      if (isTaken(error)) throw nameTaken(to);
      // Windows does not rename over a folder, even an empty one: the name was free a moment ago.
      await fs.rename(from, to);
    }
    return;
  }
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw nameTaken(to);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK')
      throw error;
    await fs.rename(from, to);
    return;
  }
  await fs.unlink(from);
}

async function exists(candidate: string): Promise<boolean> {
  try {
    await fs.lstat(candidate);
    return true;
  } catch {
    return false;
  }
}

async function assertExists(absolute: string, relativePath: string): Promise<void> {
  if (!(await exists(absolute)))
    throw new BylineError('ENOENT', `"${relativePath}" no longer exists.`);
}
