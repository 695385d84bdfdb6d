import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import type { FileStamp } from '../../shared/ipc/contract';

/**
 * Size + mtime + content hash. mtime alone misses same-second writes on coarse file systems
 * (Zettlr #6354); the hash decides when size and mtime are ambiguous.
 */
export function stampOf(stats: Pick<Stats, 'size' | 'mtimeMs'>, bytes: Uint8Array): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, hash: hashBytes(bytes) };
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function sameContent(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.hash === b.hash;
}

/** What stat says about one version of a file; equal identities mean nobody wrote in between. */
export interface StatIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export function identityOf(stats: Pick<Stats, keyof StatIdentity>): StatIdentity {
  return {
    dev: stats.dev,
    ino: stats.ino,
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    ctimeMs: stats.ctimeMs,
  };
}

export function sameIdentity(a: StatIdentity, b: StatIdentity): boolean {
  return (
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  );
}
