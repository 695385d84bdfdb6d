import { promises as fs } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { OpenedArticle, SaveResult, TextFormat, FileStamp } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { resolveInWorkspace } from '../workspace/resolveInWorkspace';
import { hashBytes, sameContent, stampOf } from './fileStamp';
import { decodeText, encodeText } from './textCodec';
import { describeFsError } from './describeFsError';

export interface ArticleFilesOptions {
  /** Files larger than this open read-only: CodeMirror copes, but autosave and preview would not. */
  maxEditableBytes: number;
}

export interface SaveInput {
  path: string;
  text: string;
  format: TextFormat;
  baseStamp: FileStamp | null;
  overwrite: boolean;
}

/** Reads and writes articles inside the current workspace. Never overwrites a file it has not seen. */
export class ArticleFiles {
  constructor(
    private readonly workspaceRoot: () => string,
    private readonly options: ArticleFilesOptions = { maxEditableBytes: 8 * 1024 * 1024 },
  ) {}

  async open(relativePath: string): Promise<OpenedArticle> {
    const absolute = resolveInWorkspace(this.workspaceRoot(), relativePath);
    const { bytes, stamp } = await readWithStamp(absolute);
    const decoded = decodeText(bytes);
    const warnings: string[] = [];
    let readOnly = false;
    if (bytes.length > this.options.maxEditableBytes) {
      readOnly = true;
      warnings.push(
        `This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; it opened read-only to keep Byline responsive.`,
      );
    }
    if (!(await isWritable(absolute))) {
      readOnly = true;
      warnings.push('You do not have permission to change this file; it opened read-only.');
    }
    return { path: relativePath, text: decoded.text, stamp, format: decoded.format, readOnly, warnings };
  }

  async save(input: SaveInput): Promise<SaveResult> {
    const absolute = resolveInWorkspace(this.workspaceRoot(), input.path);
    let bytes: Uint8Array;
    try {
      bytes = encodeText(input.text, input.format);
    } catch (error) {
      if (error instanceof BylineError) return { status: 'error', code: error.code, message: error.message };
      throw error;
    }
    const disk = await readWithStamp(absolute).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (disk && !input.overwrite && (input.baseStamp === null || !sameContent(disk.stamp, input.baseStamp))) {
      if (hashBytes(bytes) === disk.stamp.hash) return { status: 'saved', stamp: disk.stamp };
      let diskText: string;
      try {
        diskText = decodeText(disk.bytes).text;
      } catch {
        diskText = '';
      }
      return { status: 'conflict', diskText, diskStamp: disk.stamp };
    }
    try {
      // write-file-atomic: temp file in the same folder, fsync, rename; follows symlinks, keeps mode.
      await writeFileAtomic(absolute, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (error) {
      const { code, message } = describeFsError(error as NodeJS.ErrnoException, input.path);
      return { status: 'error', code, message };
    }
    const stats = await fs.stat(absolute);
    return { status: 'saved', stamp: stampOf(stats, bytes) };
  }
}

async function readWithStamp(absolute: string): Promise<{ bytes: Uint8Array; stamp: FileStamp }> {
  const handle = await fs.open(absolute, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new BylineError('not-a-file', 'This is a folder, not an article.');
    const bytes = new Uint8Array(await handle.readFile());
    return { bytes, stamp: stampOf(stats, bytes) };
  } finally {
    await handle.close();
  }
}

async function isWritable(absolute: string): Promise<boolean> {
  try {
    await fs.access(absolute, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
