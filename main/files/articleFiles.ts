import { promises as fs } from 'node:fs';
import path from 'node:path';
import type {
  OpenWarning,
  EncodingCandidate,
  FileStamp,
  OpenedArticle,
  SaveResult,
  TextEncodingName as TextEncoding,
  TextFormat,
} from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { resolveInWorkspace, toWorkspacePath } from '../workspace/resolveInWorkspace';
import type { FileWriter } from './atomicWrite';
import { writeFileAtomic } from './atomicWrite';
import { availablePath } from './availablePath';
import type { StatIdentity } from './fileStamp';
import { hashBytes, identityOf, sameContent, sameIdentity, stampOf } from './fileStamp';
import { runExclusivelyOnFile } from './pathQueue';
import type { EncodingHints } from './detectEncoding';
import {
  decodeAs,
  decodeForEditing,
  decodeText,
  encodeText,
  encodingCandidates,
} from './textCodec';
import { describeFsError, describeReadError } from './describeFsError';

export interface ArticleFilesOptions {
  /** Files larger than this open read-only: CodeMirror copes, but autosave and preview would not. */
  maxEditableBytes: number;
  /** Files larger than this are not opened at all. */
  maxOpenBytes: number;
  /** Injected so tests can make the disk fail (ENOSPC, EIO) or slow, without a real one. */
  writeFile: FileWriter;
  /**
   * Before Byline replaces bytes it did not write itself (the version a save replaces, or a
   * version on disk it cannot decode): keep them (local history). A failure is logged and
   * reported by the callee; the save goes on, because the writer's text matters more.
   */
  preserve?: (relativePath: string, bytes: Uint8Array) => Promise<void>;
  /** Before a save creates a new file (no base version): history left at this path is not its. */
  beforeCreate?: (relativePath: string) => Promise<void>;
  /** After each write: the bytes now on disk and the ones they replaced (null for a new file). */
  onSaved?: (relativePath: string, bytes: Uint8Array, previous: Uint8Array | null) => Promise<void>;
  /**
   * Where Byline renamed an article a moment ago. A save of a version read at the old path that
   * finds no file there was sent before its window heard of the rename: it goes to the new path.
   */
  movedTo?: (relativePath: string) => string | null;
  /** What main knows of an article's encoding (see detectEncoding.ts), for a version changed on disk. */
  encodingHints?: (relativePath: string) => Promise<EncodingHints>;
}

export interface SaveInput {
  path: string;
  text: string;
  format: TextFormat;
  baseStamp: FileStamp | null;
  overwrite: boolean;
  /** Write a file read before and gone since (the writer's choice); see `SaveRequest`. */
  recreate?: boolean;
}

interface DiskFile {
  bytes: Uint8Array;
  stamp: FileStamp;
  mode: number;
  identity: StatIdentity;
}

const defaultArticleFilesOptions: ArticleFilesOptions = {
  maxEditableBytes: 8 * 1024 * 1024,
  maxOpenBytes: 64 * 1024 * 1024,
  writeFile: writeFileAtomic,
};

/** Thrown from the writer's last check: the file changed while the temp file was written. */
class ChangedDuringSave extends Error {
  constructor(readonly disk: DiskFile | null) {
    super('The file changed on disk during the save.');
  }
}

/**
 * Reads and writes articles inside the current workspace. Never overwrites a file that changed
 * since the writer's buffer was read from it (checked again right before the rename, and in one
 * queue per real path so two saves of one file never interleave), never writes a character the
 * encoding cannot hold, and never rewrites bytes when the text did not change.
 */
export class ArticleFiles {
  private readonly options: ArticleFilesOptions;

  constructor(
    private readonly workspaceRoot: () => string,
    options: Partial<ArticleFilesOptions> = {},
  ) {
    this.options = { ...defaultArticleFilesOptions, ...options };
  }

  /** `how`: the writer's explicit encoding, or what main knows to decide it (see detectEncoding.ts). */
  async open(
    relativePath: string,
    how: { encoding?: TextEncoding | undefined; hints?: EncodingHints } = {},
  ): Promise<OpenedArticle> {
    const absolute = resolveInWorkspace(this.workspaceRoot(), relativePath);
    const disk = await readDiskFile(absolute, this.options.maxOpenBytes).catch((error: unknown) => {
      throw asReadError(error, relativePath);
    });
    const decoded = how.encoding
      ? decodeAs(disk.bytes, how.encoding)
      : decodeForEditing(disk.bytes, how.hints ?? {});
    const warnings: OpenWarning[] = [];
    let readOnly = false;
    if (disk.bytes.length > this.options.maxEditableBytes) {
      readOnly = true;
      const megabytes = Math.round((disk.bytes.length / 1024 / 1024) * 10) / 10;
      warnings.push({ code: 'large-file', megabytes });
    }
    if (isReadOnlyMode(disk.mode) || !(await isWritable(absolute))) {
      readOnly = true;
      warnings.push({ code: 'read-only-file' });
    }
    return {
      path: relativePath,
      text: decoded.text,
      stamp: disk.stamp,
      format: decoded.format,
      readOnly,
      warnings,
    };
  }

  /** The readings of a file that `open` refused to guess, each with a preview. */
  async encodingCandidates(
    relativePath: string,
    hints: EncodingHints,
  ): Promise<EncodingCandidate[]> {
    const absolute = resolveInWorkspace(this.workspaceRoot(), relativePath);
    const disk = await readDiskFile(absolute, this.options.maxOpenBytes).catch((error: unknown) => {
      throw asReadError(error, relativePath);
    });
    return encodingCandidates(disk.bytes, hints);
  }

  async save(input: SaveInput): Promise<SaveResult> {
    const absolute = resolveInWorkspace(this.workspaceRoot(), input.path);
    const outcome = await runExclusivelyOnFile(
      absolute,
      async () =>
        (await this.renamedAway(absolute, input)) ?? this.compareAndWrite(absolute, input),
    );
    if (typeof outcome !== 'string') return outcome;
    // Compared against the version at the new path like any save, in that path's own queue.
    const movedAbsolute = resolveInWorkspace(this.workspaceRoot(), outcome);
    return runExclusivelyOnFile(movedAbsolute, () =>
      this.compareAndWrite(movedAbsolute, { ...input, path: outcome }),
    );
  }

  /**
   * The new path of an article Byline renamed a moment ago, for a save of a version read at its
   * old path that finds no file there; null for any other save.
   */
  private async renamedAway(absolute: string, input: SaveInput): Promise<string | null> {
    if (input.baseStamp === null) return null;
    const movedTo = this.options.movedTo?.(input.path) ?? null;
    if (movedTo === null) return null;
    try {
      await fs.lstat(absolute);
      return null;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? movedTo : null;
    }
  }

  /** Save `bytes` next to `relativePath` under a new name (`<name>-mine.md`); never replaces a file. */
  async saveCopy(relativePath: string, text: string, format: TextFormat): Promise<string> {
    const root = this.workspaceRoot();
    const absolute = resolveInWorkspace(root, relativePath);
    const bytes = encodeText(text, format, null);
    const extension = path.extname(absolute);
    for (;;) {
      const copy = await availablePath(absolute, extension, 'mine');
      try {
        await fs.writeFile(copy, bytes, { flag: 'wx' });
        return toWorkspacePath(root, copy);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }

  private async compareAndWrite(absolute: string, input: SaveInput): Promise<SaveResult> {
    let disk: DiskFile | null;
    try {
      disk = await readDiskFileOrNull(absolute);
    } catch (error) {
      const { code, message } = asReadError(error, input.path);
      return { status: 'error', code, message };
    }
    let bytes: Uint8Array;
    try {
      // The bytes on disk give unchanged lines and characters their exact bytes back.
      bytes = encodeText(input.text, input.format, disk?.bytes ?? null);
    } catch (error) {
      if (error instanceof BylineError)
        return { status: 'error', code: error.code, message: error.message };
      throw error;
    }
    if (disk) {
      const changedSinceRead =
        input.baseStamp === null || !sameContent(disk.stamp, input.baseStamp);
      if (changedSinceRead && !input.overwrite) {
        if (hashBytes(bytes) === disk.stamp.hash) return { status: 'saved', stamp: disk.stamp };
        return this.conflict(input.path, disk, input.format.encoding);
      }
      if (isReadOnlyMode(disk.mode)) {
        return {
          status: 'error',
          ...describeFsError({ code: 'EACCES' } as NodeJS.ErrnoException, input.path),
        };
      }
      // Unchanged text keeps its exact bytes, even where decode + encode would not reproduce them.
      if (hashBytes(bytes) === disk.stamp.hash || sameText(disk.bytes, input))
        return { status: 'saved', stamp: disk.stamp };
      await this.options.preserve?.(input.path, disk.bytes);
    } else if (input.baseStamp === null) {
      await this.options.beforeCreate?.(input.path);
    } else if (!input.recreate && !input.overwrite) {
      return missingOnDisk(input.path, 'Nothing was written');
    }
    try {
      await this.options.writeFile(absolute, bytes, {
        beforeCommit: () => assertUnchanged(absolute, disk),
      });
    } catch (error) {
      if (error instanceof ChangedDuringSave) {
        if (error.disk) return this.conflict(input.path, error.disk, input.format.encoding);
        return missingOnDisk(input.path, 'It was moved or deleted while Byline was saving it');
      }
      const { code, message } = describeFsError(error as NodeJS.ErrnoException, input.path);
      return { status: 'error', code, message };
    }
    const stamp = stampOf(await fs.stat(absolute), bytes);
    if (this.options.onSaved) {
      // History and journal are conveniences; their failure must not turn a good save into an error.
      await this.options.onSaved(input.path, bytes, disk?.bytes ?? null).catch((error: unknown) => {
        console.error('[byline] after-save bookkeeping failed', error);
      });
    }
    return { status: 'saved', stamp };
  }

  /**
   * The disk version differs from the buffer's base: read in the file's own encoding first, so a
   * short file is not re-guessed, then as opening would read it. Bytes that read cleanly in several
   * encodings are never decided here, and bytes Byline cannot decode are never shown as (empty)
   * text: each gets its own answer, the undecodable ones a copy in history to be read as bytes.
   */
  private async conflict(
    relativePath: string,
    disk: DiskFile,
    encoding: TextEncoding,
  ): Promise<SaveResult> {
    try {
      const decoded = decodeAs(disk.bytes, encoding);
      return conflictWith(decoded.text, decoded.format, disk.stamp);
    } catch {
      // Not in the file's encoding any more (a colleague converted it): read it as it now is.
    }
    const hints = (await this.options.encodingHints?.(relativePath)) ?? {};
    try {
      const decoded = decodeForEditing(disk.bytes, hints);
      return conflictWith(decoded.text, decoded.format, disk.stamp);
    } catch (error) {
      if (error instanceof BylineError && error.code === 'choose-encoding')
        return { status: 'conflict-choose-encoding', diskStamp: disk.stamp };
      await this.options.preserve?.(relativePath, disk.bytes);
      return {
        status: 'conflict-unreadable',
        code: 'unreadable-on-disk',
        message: `"${relativePath}" was changed on disk in an encoding Byline cannot read. Byline did not overwrite it; that version is kept in History. Save your text as a copy, or overwrite the file on purpose.`,
        diskStamp: disk.stamp,
      };
    }
  }
}

function conflictWith(diskText: string, diskFormat: TextFormat, diskStamp: FileStamp): SaveResult {
  return { status: 'conflict', diskText, diskStamp, diskFormat };
}

/** The file a save was based on is gone: the writer decides whether to save it again. */
function missingOnDisk(relativePath: string, what: string): SaveResult {
  return {
    status: 'error',
    code: 'missing-on-disk',
    message: `"${relativePath}" is no longer on disk. ${what}; your text is still here.`,
  };
}

/**
 * The writer's last check before its rename: the file is still the version this save compared
 * against (or still absent). Same inode, size, mtime and ctime means untouched; anything else is
 * settled by the content hash, so a `touch` alone is not a conflict.
 */
async function assertUnchanged(absolute: string, before: DiskFile | null): Promise<void> {
  const stats = await fs.stat(absolute).catch(() => null);
  if (before === null) {
    if (stats !== null) throw new ChangedDuringSave(await readDiskFileOrNull(absolute));
    return;
  }
  if (stats === null) throw new ChangedDuringSave(null);
  if (sameIdentity(identityOf(stats), before.identity)) return;
  const now = await readDiskFileOrNull(absolute);
  if (now === null || !sameContent(now.stamp, before.stamp)) throw new ChangedDuringSave(now);
}

async function readDiskFileOrNull(absolute: string): Promise<DiskFile | null> {
  try {
    return await readDiskFile(absolute, Number.POSITIVE_INFINITY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readDiskFile(absolute: string, maxBytes: number): Promise<DiskFile> {
  // Non-blocking: a pipe under an article's name would otherwise wait for a writer before the check.
  const handle = await fs.open(absolute, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new BylineError('not-a-file', 'This is a folder, not an article.');
    if (stats.size > maxBytes) {
      throw new BylineError(
        'too-large',
        `This file is ${(stats.size / 1024 / 1024).toFixed(0)} MB, too large to open in Byline.`,
      );
    }
    const bytes = new Uint8Array(await handle.readFile());
    return { bytes, stamp: stampOf(stats, bytes), mode: stats.mode, identity: identityOf(stats) };
  } finally {
    await handle.close();
  }
}

function asReadError(error: unknown, displayPath: string): BylineError {
  if (error instanceof BylineError) return error;
  const { code, message } = describeReadError(error as NodeJS.ErrnoException, displayPath);
  return new BylineError(code, message);
}

function sameText(diskBytes: Uint8Array, input: SaveInput): boolean {
  try {
    const disk = decodeText(diskBytes);
    const sameFormat =
      disk.format.encoding === input.format.encoding &&
      disk.format.bom === input.format.bom &&
      disk.format.eol === input.format.eol;
    return sameFormat && disk.text.replace(/\r\n/g, '\n') === input.text.replace(/\r\n/g, '\n');
  } catch {
    return false;
  }
}

/** No write permission bits at all: the writer (or a tool) marked the file read-only. Root included. */
function isReadOnlyMode(mode: number): boolean {
  return (mode & 0o222) === 0;
}

async function isWritable(absolute: string): Promise<boolean> {
  try {
    await fs.access(absolute, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
