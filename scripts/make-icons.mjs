// Generates every app icon from ONE source image.
//
//   node scripts/make-icons.mjs              draw the Byline icon (the drawing below is the source)
//   node scripts/make-icons.mjs --from x.png use a designer's square PNG (≥ 1024 px) instead
//
// Writes (and these outputs are committed):
//   assets/icons/icon.png                  1024×1024 master, the one source of everything below
//   assets/icons/png/<N>x<N>.png           16…1024: Linux icon theme sizes (electron-builder linux.icon)
//   assets/build/icon.png                  1024×1024, electron-builder's default icon
//   assets/build/icon.ico                  Windows: 16, 24, 32, 48, 64, 128 (BMP) and 256 (PNG)
//   assets/build/icon.icns                 macOS: icp4/icp5/icp6, ic07…ic14 (PNG), 16 px to 1024 px
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const master = 1024;
export const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const icoSizes = [16, 24, 32, 48, 64, 128, 256];
/** ICNS chunk type -> pixel size (Apple's iconset names: icp4 16, ic11 16@2x, …, ic10 512@2x). */
export const icnsChunks = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

// ---------------------------------------------------------------------------------------------
// The drawing: a newsprint page with a red headline rule and a byline on an ink-blue tile.
// Shapes are signed-distance functions, so edges are anti-aliased analytically at 1024 px.

function roundedRect(px, py, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - (x1 - x0) / 2 + r;
  const qy = Math.abs(py - cy) - (y1 - y0) / 2 + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

const hex = (value) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16) / 255);
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

/** Layers, bottom to top: [signed distance function, colour function]. */
const tileTop = hex('#2b4c7e');
const tileBottom = hex('#14233d');
const layers = [
  // macOS-style tile: 824 px body inside the 1024 canvas, corner radius ~22.5 %.
  [
    (x, y) => roundedRect(x, y, 100, 100, 924, 924, 185),
    (_x, y) => mix(tileTop, tileBottom, (y - 100) / 824),
  ],
  // Soft shadow of the page (drawn as a slightly larger, translucent dark sheet).
  [(x, y) => roundedRect(x, y, 282, 238, 752, 826, 40) / 10, () => [0, 0, 0, 0.25]],
  // The page.
  [(x, y) => roundedRect(x, y, 272, 218, 742, 806, 30), () => hex('#fbfaf7')],
  // Headline rule (red), byline (ink), then body text lines (grey).
  [(x, y) => roundedRect(x, y, 340, 300, 674, 360, 12), () => hex('#c8372d')],
  [(x, y) => roundedRect(x, y, 340, 400, 540, 430, 10), () => hex('#2b4c7e')],
  ...[480, 540, 600, 660].map((top, i) => [
    (x, y) => roundedRect(x, y, 340, top, i === 3 ? 580 : 674, top + 26, 10),
    () => hex('#9aa3ad'),
  ]),
];

export function drawIcon(size = master) {
  const png = new PNG({ width: size, height: size });
  const scale = master / size;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const x = (px + 0.5) * scale;
      const y = (py + 0.5) * scale;
      let rgb = [0, 0, 0];
      let alpha = 0;
      for (const [distance, colour] of layers) {
        const coverage = Math.min(Math.max(0.5 - distance(x, y) / scale, 0), 1);
        if (coverage === 0) continue;
        const [r, g, b, a = 1] = colour(x, y);
        const layerAlpha = coverage * a;
        // "over" compositing in straight alpha
        const outAlpha = layerAlpha + alpha * (1 - layerAlpha);
        rgb = [r, g, b].map(
          (c, i) => (c * layerAlpha + rgb[i] * alpha * (1 - layerAlpha)) / (outAlpha || 1),
        );
        alpha = outAlpha;
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = Math.round(rgb[0] * 255);
      png.data[offset + 1] = Math.round(rgb[1] * 255);
      png.data[offset + 2] = Math.round(rgb[2] * 255);
      png.data[offset + 3] = Math.round(alpha * 255);
    }
  }
  return png;
}

// ---------------------------------------------------------------------------------------------
// Resampling: area average in premultiplied alpha (no dark fringes on transparent edges).

export function resize(source, size) {
  if (source.width === size && source.height === size) return source;
  const out = new PNG({ width: size, height: size });
  const ratio = source.width / size;
  for (let oy = 0; oy < size; oy += 1) {
    for (let ox = 0; ox < size; ox += 1) {
      const x0 = ox * ratio;
      const y0 = oy * ratio;
      const x1 = x0 + ratio;
      const y1 = y0 + ratio;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let weight = 0;
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy += 1) {
        const wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx += 1) {
          const w = wy * (Math.min(x1, sx + 1) - Math.max(x0, sx));
          const i = (sy * source.width + sx) * 4;
          const alpha = source.data[i + 3] / 255;
          r += source.data[i] * alpha * w;
          g += source.data[i + 1] * alpha * w;
          b += source.data[i + 2] * alpha * w;
          a += alpha * w;
          weight += w;
        }
      }
      const o = (oy * size + ox) * 4;
      out.data[o] = a ? Math.round(r / a) : 0;
      out.data[o + 1] = a ? Math.round(g / a) : 0;
      out.data[o + 2] = a ? Math.round(b / a) : 0;
      out.data[o + 3] = Math.round((a / weight) * 255);
    }
  }
  return out;
}

const encode = (png) => PNG.sync.write(png, { colorType: 6, inputHasAlpha: true });

// ---------------------------------------------------------------------------------------------
// Containers.

/** 32-bit BMP (DIB) entry for an .ico: bottom-up BGRA rows plus an all-zero AND mask. */
function icoBitmap(png) {
  const size = png.width;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR + AND masks
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = png.data[from + 2];
      pixels[to + 1] = png.data[from + 1];
      pixels[to + 2] = png.data[from];
      pixels[to + 3] = png.data[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

export function writeIco(images) {
  const entries = images.map((png) => ({
    size: png.width,
    data: png.width >= 256 ? encode(png) : icoBitmap(png),
  }));
  const directory = Buffer.alloc(6 + 16 * entries.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // 1 = icon
  directory.writeUInt16LE(entries.length, 4);
  let offset = directory.length;
  entries.forEach((entry, index) => {
    const at = 6 + index * 16;
    directory.writeUInt8(entry.size >= 256 ? 0 : entry.size, at); // 0 means 256
    directory.writeUInt8(entry.size >= 256 ? 0 : entry.size, at + 1);
    directory.writeUInt8(0, at + 2);
    directory.writeUInt8(0, at + 3);
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(entry.data.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += entry.data.length;
  });
  return Buffer.concat([directory, ...entries.map((entry) => entry.data)]);
}

export function writeIcns(chunks) {
  const parts = chunks.map(([type, data]) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([header, data]);
  });
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}

// ---------------------------------------------------------------------------------------------

function main() {
  const fromIndex = process.argv.indexOf('--from');
  let source;
  if (fromIndex > 0) {
    source = PNG.sync.read(readFileSync(process.argv[fromIndex + 1]));
    if (source.width !== source.height || source.width < master)
      throw new Error(`The source must be square and at least ${master} px.`);
    source = resize(source, master);
  } else {
    source = drawIcon(master);
  }
  const out = (relative, data) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
    console.log(`wrote ${relative} (${data.length} bytes)`);
  };
  const bySize = new Map(pngSizes.map((size) => [size, resize(source, size)]));
  const sized = (size) => bySize.get(size) ?? resize(source, size);
  out('assets/icons/icon.png', encode(source));
  for (const size of pngSizes) out(`assets/icons/png/${size}x${size}.png`, encode(sized(size)));
  out('assets/build/icon.png', encode(source));
  out('assets/build/icon.ico', writeIco(icoSizes.map(sized)));
  out(
    'assets/build/icon.icns',
    writeIcns(icnsChunks.map(([type, size]) => [type, encode(sized(size))])),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
