import { crc32, deflateRawSync, type ZlibOptions } from 'node:zlib';

/** A file of a package: XML text (written as UTF-8) or bytes. */
export type PackageFileData = string | ArrayBufferView | ArrayBuffer;

/** Bytes read through views rather than `instanceof`: a Buffer may come from another realm. */
const bytesOf = (content: PackageFileData): Uint8Array =>
  typeof content === 'string'
    ? Buffer.from(content, 'utf8')
    : ArrayBuffer.isView(content)
      ? new Uint8Array(content.buffer, content.byteOffset, content.byteLength)
      : new Uint8Array(content);

const localHeaderSize = 30;
const centralHeaderSize = 46;
const endRecordSize = 22;
/** 1980-01-01 00:00, the earliest DOS date: the same package gives the same bytes on every run. */
const dosTime = 0;
const dosDate = (1 << 5) | 1;
/** ZIP 2.0 (stored and DEFLATE entries), what Word and LibreOffice write and expect to read. */
const zipVersion = 20;
const storeMethod = 0;
const deflateMethod = 8;
const maxZip32 = 0xffffffff;

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  method: number;
  data: Uint8Array;
  offset: number;
}

export interface ZipOptions {
  /** zlib's DEFLATE level, 1 (fastest) to 9 (smallest). */
  level?: number;
  /** Files kept as they are: compressed formats (PNG, JPEG) that DEFLATE only spends time on. */
  store?: (path: string) => boolean;
}

/**
 * Zips the files of an OOXML package in the order given, DEFLATE-compressed by Node's own zlib
 * (native code: several times faster than a JavaScript deflate in a process that runs it once)
 * unless `store` keeps them as they are. Plain ZIP 2.0 with no extra fields, as Word writes: a
 * package larger than 4 GB is refused.
 */
export function zipPackage(
  files: Iterable<readonly [string, PackageFileData]>,
  { level = 6, store = () => false }: ZipOptions = {},
): Buffer {
  const entries: Entry[] = [];
  let offset = 0;
  for (const [path, content] of files) {
    const raw = bytesOf(content);
    const name = Buffer.from(path, 'utf8');
    const method = store(path) ? storeMethod : deflateMethod;
    const data =
      method === storeMethod ? raw : deflateRawSync(raw, deflateOptions(raw.length, level));
    entries.push({ name, crc: crc32(raw), size: raw.length, method, data, offset });
    offset += localHeaderSize + name.length + data.length;
    if (raw.length > maxZip32 || offset > maxZip32)
      throw new Error(`The package is too large for a ZIP file without ZIP64: ${path}`);
  }
  const centralSize = entries.reduce((sum, e) => sum + centralHeaderSize + e.name.length, 0);
  const out = Buffer.alloc(offset + centralSize + endRecordSize);
  let at = 0;
  for (const entry of entries) {
    at = writeHeader(out, at, entry, false);
    out.set(entry.data, at);
    at += entry.data.length;
  }
  const centralOffset = at;
  for (const entry of entries) at = writeHeader(out, at, entry, true);
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(0, at + 4); // this disk
  out.writeUInt16LE(0, at + 6); // disk holding the central directory
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(centralSize, at + 12);
  out.writeUInt32LE(centralOffset, at + 16);
  out.writeUInt16LE(0, at + 20); // comment length
  return out;
}

/**
 * The smallest DEFLATE window that holds the whole file (9 to 15 bits), and a hash table to
 * match: a package's many small parts compress as well, without zlib setting up 256 KB of state
 * for each (that set-up, not the compressing, was most of the time).
 */
function deflateOptions(size: number, level: number): ZlibOptions {
  let windowBits = 9;
  while (windowBits < 15 && 1 << windowBits < size) windowBits++;
  return { level, windowBits, memLevel: Math.min(8, windowBits - 7) };
}

/** A local file header, or with `central` the file's central directory record; returns where it ends. */
function writeHeader(out: Buffer, start: number, entry: Entry, central: boolean): number {
  const utf8Name = entry.name.some((byte) => byte > 0x7f);
  let at = start;
  out.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, at);
  at += 4;
  if (central) {
    out.writeUInt16LE(zipVersion, at); // made by: MS-DOS, ZIP 2.0
    at += 2;
  }
  out.writeUInt16LE(zipVersion, at);
  out.writeUInt16LE(utf8Name ? 0x0800 : 0, at + 2); // bit 11: the name is UTF-8
  out.writeUInt16LE(entry.method, at + 4);
  out.writeUInt16LE(dosTime, at + 6);
  out.writeUInt16LE(dosDate, at + 8);
  out.writeUInt32LE(entry.crc, at + 10);
  out.writeUInt32LE(entry.data.length, at + 14);
  out.writeUInt32LE(entry.size, at + 18);
  out.writeUInt16LE(entry.name.length, at + 22);
  out.writeUInt16LE(0, at + 24); // extra field length
  at += 26;
  if (central) {
    out.writeUInt16LE(0, at); // comment length
    out.writeUInt16LE(0, at + 2); // disk number
    out.writeUInt16LE(0, at + 4); // internal attributes
    out.writeUInt32LE(0, at + 6); // external attributes
    out.writeUInt32LE(entry.offset, at + 10);
    at += 14;
  }
  return at + entry.name.copy(out, at);
}
