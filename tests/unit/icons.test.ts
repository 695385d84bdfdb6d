import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The app icons are generated from one source by scripts/make-icons.mjs and committed; this checks
// every size each platform needs exists with the right dimensions, reading the file headers.
const root = path.resolve(import.meta.dirname, '../..');
const read = (relative: string): Buffer => readFileSync(path.join(root, relative));

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
function pngHeader(data: Buffer): {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
} {
  expect(data.subarray(0, 8).equals(pngSignature)).toBe(true);
  expect(data.toString('latin1', 12, 16)).toBe('IHDR');
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    bitDepth: data.readUInt8(24),
    colorType: data.readUInt8(25),
  };
}

interface IcoEntry {
  width: number;
  height: number;
  bitCount: number;
  format: 'png' | 'bmp';
}

function icoEntries(data: Buffer): IcoEntry[] {
  expect(data.readUInt16LE(0)).toBe(0);
  expect(data.readUInt16LE(2)).toBe(1);
  const count = data.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const at = 6 + index * 16;
    const size = data.readUInt32LE(at + 8);
    const offset = data.readUInt32LE(at + 12);
    expect(offset + size).toBeLessThanOrEqual(data.length);
    const image = data.subarray(offset, offset + size);
    const entry: IcoEntry = {
      width: data.readUInt8(at) || 256,
      height: data.readUInt8(at + 1) || 256,
      bitCount: data.readUInt16LE(at + 6),
      format: image.subarray(0, 8).equals(pngSignature) ? 'png' : 'bmp',
    };
    // The image inside must agree with the directory.
    if (entry.format === 'png') {
      expect(pngHeader(image)).toMatchObject({ width: entry.width, height: entry.height });
    } else {
      expect(image.readUInt32LE(0)).toBe(40);
      expect(image.readInt32LE(4)).toBe(entry.width);
      expect(image.readInt32LE(8)).toBe(entry.height * 2);
      expect(image.readUInt16LE(14)).toBe(32);
    }
    return entry;
  });
}

function icnsChunks(data: Buffer): { type: string; width: number; height: number }[] {
  expect(data.toString('latin1', 0, 4)).toBe('icns');
  expect(data.readUInt32BE(4)).toBe(data.length);
  const chunks: { type: string; width: number; height: number }[] = [];
  for (let at = 8; at < data.length;) {
    const type = data.toString('latin1', at, at + 4);
    const length = data.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    const { width, height } = pngHeader(data.subarray(at + 8, at + length));
    chunks.push({ type, width, height });
    at += length;
  }
  return chunks;
}

describe('app icons', () => {
  it('Linux: a PNG for every icon-theme size from 16 to 1024, RGBA', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngHeader(read(`assets/icons/png/${size}x${size}.png`)), `${size}`).toEqual({
        width: size,
        height: size,
        bitDepth: 8,
        colorType: 6,
      });
    }
    expect(pngHeader(read('assets/icons/icon.png'))).toMatchObject({ width: 1024, height: 1024 });
    expect(pngHeader(read('assets/build/icon.png'))).toMatchObject({ width: 1024, height: 1024 });
  });

  it('Windows: icon.ico holds 16, 24, 32, 48, 64, 128 (32-bit BMP) and 256 (PNG)', () => {
    const entries = icoEntries(read('assets/build/icon.ico'));
    expect(entries.map((e) => [e.width, e.height, e.format])).toEqual([
      [16, 16, 'bmp'],
      [24, 24, 'bmp'],
      [32, 32, 'bmp'],
      [48, 48, 'bmp'],
      [64, 64, 'bmp'],
      [128, 128, 'bmp'],
      [256, 256, 'png'],
    ]);
    expect(entries.every((e) => e.bitCount === 32)).toBe(true);
  });

  it('macOS: icon.icns has every iconset size from 16 to 512@2x', () => {
    const chunks = icnsChunks(read('assets/build/icon.icns'));
    expect(Object.fromEntries(chunks.map((c) => [c.type, c.width]))).toEqual({
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    });
    expect(chunks.every((c) => c.width === c.height)).toBe(true);
  });

  it('all come from one source: the 16 px icon is the 1024 px master scaled down', async () => {
    const { PNG } = await import('pngjs');
    const master = PNG.sync.read(read('assets/icons/icon.png'));
    const small = PNG.sync.read(read('assets/icons/png/16x16.png'));
    // Average the 64×64 block of the master under each 16 px pixel and compare (premultiplied).
    let worst = 0;
    for (let y = 0; y < 16; y += 1) {
      for (let x = 0; x < 16; x += 1) {
        let alpha = 0;
        for (let sy = y * 64; sy < y * 64 + 64; sy += 1)
          for (let sx = x * 64; sx < x * 64 + 64; sx += 1)
            alpha += master.data[(sy * 1024 + sx) * 4 + 3]!;
        worst = Math.max(worst, Math.abs(alpha / 4096 - small.data[(y * 16 + x) * 4 + 3]!));
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
  });
});
