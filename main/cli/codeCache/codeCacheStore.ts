import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * V8 code caches of the command line tool's modules, kept between runs in a per-user folder, as
 * Node 22's compile cache does for ES modules (Node 20 has nothing for them).
 *
 * An entry is named after its module and the crc32 and length of the module's source, so a
 * changed module never meets the code of another source. Its header repeats them and adds the
 * length and crc32 of V8's data: V8 itself checks only its version, flags and the source length,
 * and a damaged entry must be refused here, never handed to V8. Entries are written to a
 * temporary file and renamed into place, so concurrent runs never see half an entry.
 */

const MAGIC = 0x424c4343; // "BLCC"
const FORMAT = 1;
const HEADER_BYTES = 24;
/** Entries untouched this long are removed when new ones are written (after an upgrade). */
export const CODE_CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface CodeCacheEntry {
  readonly file: string;
  readonly sourceCrc: number;
  readonly sourceLength: number;
}

export class CodeCacheStore {
  constructor(readonly dir: string) {}

  entryFor(moduleName: string, source: Uint8Array): CodeCacheEntry {
    const sourceCrc = zlib.crc32(source);
    const name = `${moduleName}-${source.length.toString(36)}-${sourceCrc.toString(16)}.v8cache`;
    return { file: path.join(this.dir, name), sourceCrc, sourceLength: source.length };
  }

  /** V8's data for the entry's source, or undefined when it is absent, unreadable or damaged. */
  read(entry: CodeCacheEntry): Buffer | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(entry.file);
    } catch {
      return undefined;
    }
    if (bytes.length < HEADER_BYTES) return undefined;
    const payload = bytes.subarray(HEADER_BYTES);
    const intact =
      bytes.readUInt32LE(0) === MAGIC &&
      bytes.readUInt32LE(4) === FORMAT &&
      bytes.readUInt32LE(8) === entry.sourceLength &&
      bytes.readUInt32LE(12) === entry.sourceCrc &&
      bytes.readUInt32LE(16) === payload.length &&
      bytes.readUInt32LE(20) === zlib.crc32(payload);
    return intact ? payload : undefined;
  }

  /** Writes the entry atomically; false when the folder cannot be written (the run goes on). */
  write(entry: CodeCacheEntry, data: Buffer): boolean {
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(FORMAT, 4);
    header.writeUInt32LE(entry.sourceLength, 8);
    header.writeUInt32LE(entry.sourceCrc, 12);
    header.writeUInt32LE(data.length, 16);
    header.writeUInt32LE(zlib.crc32(data), 20);
    const temporary = `${entry.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileSync(temporary, Buffer.concat([header, data]), { mode: 0o600 });
      renameSync(temporary, entry.file);
      return true;
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The folder itself is unusable (not a folder, no permission): nothing was written.
      }
      return false;
    }
  }

  /** Removes entries (and stray temporary files) not written for `maxAgeMs`. */
  prune(now: number = Date.now(), maxAgeMs: number = CODE_CACHE_MAX_AGE_MS): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(this.dir, name);
      try {
        if (now - statSync(file).mtimeMs > maxAgeMs) rmSync(file, { force: true });
      } catch {
        // Another run removed or replaced it meanwhile.
      }
    }
  }
}

export interface CodeCacheEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** The user's home folder, '' when unknown. */
  home: string;
  nodeVersion: string;
  arch: string;
  /** Node and V8 options of this process (execArgv and NODE_OPTIONS): V8 refuses code compiled under other flags. */
  options: string;
}

const OFF = new Set(['0', 'off', 'false', 'no']);

/**
 * The folder for this Node version, architecture and set of options, or null when there is to
 * be no cache. `BYLINE_CODE_CACHE` names another base folder, or turns the cache off ("off").
 * Otherwise the user's own cache folder; never a shared one such as /tmp, where another user
 * could plant code, and never the project's folder.
 */
export function codeCacheDir(runtime: CodeCacheEnvironment): string | null {
  const chosen = runtime.env.BYLINE_CODE_CACHE?.trim();
  let base: string;
  if (chosen) {
    if (OFF.has(chosen.toLowerCase())) return null;
    base = path.resolve(chosen);
  } else {
    const userCache = userCacheDir(runtime);
    if (!userCache) return null;
    base = path.join(userCache, 'byline', 'code-cache');
  }
  const options = runtime.options ? `-${zlib.crc32(runtime.options).toString(16)}` : '';
  return path.join(base, `node-${runtime.nodeVersion}-${runtime.arch}${options}`);
}

function userCacheDir({ env, platform, home }: CodeCacheEnvironment): string | null {
  const absolute = (dir: string | undefined): string | null =>
    dir && path.isAbsolute(dir) ? dir : null;
  if (platform === 'win32')
    return absolute(env.LOCALAPPDATA) ?? (home ? path.join(home, 'AppData', 'Local') : null);
  if (platform === 'darwin') return home ? path.join(home, 'Library', 'Caches') : null;
  return absolute(env.XDG_CACHE_HOME) ?? (home ? path.join(home, '.cache') : null);
}

/** The store for this process, or null when the cache is off or no folder can be named. */
export function openCodeCache(): CodeCacheStore | null {
  const dir = codeCacheDir({
    env: process.env,
    platform: process.platform,
    home: process.env.HOME ?? process.env.USERPROFILE ?? '',
    nodeVersion: process.versions.node,
    arch: process.arch,
    options: [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim(),
  });
  return dir ? new CodeCacheStore(dir) : null;
}
