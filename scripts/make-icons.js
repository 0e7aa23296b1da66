#!/usr/bin/env node
/**
 * Draws the add-in icon (a Fluent-blue coin with three rising white bars and a gold growth arrow)
 * and writes it as PNG files assets/icon-<size>.png for the sizes the manifest and the store need.
 * Pure Node (zlib only) so the icons can be regenerated anywhere: `node scripts/make-icons.js`.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const ICON_SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLES = 4; // 4×4 samples per pixel give smooth edges even at 16 px

const FLUENT_BLUE = [15, 108, 189]; // #0F6CBD, Fluent's brand blue
const RIM_BLUE = [17, 94, 163]; // #115EA3, the coin's rim
const WHITE = [255, 255, 255];
const GOLD = [255, 185, 0]; // #FFB900

// ---- shapes in unit coordinates (0..1, y down) --------------------------------------------

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** A stroke of width w along a segment, with round ends. */
function segment(ax, ay, bx, by, w) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py <= (w / 2) ** 2;
  };
}

function triangle(ax, ay, bx, by, cx, cy) {
  const side = (px, py, qx, qy, x, y) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const s1 = side(ax, ay, bx, by, x, y);
    const s2 = side(bx, by, cx, cy, x, y);
    const s3 = side(cx, cy, ax, ay, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

const union = (...shapes) => (x, y) => shapes.some((inside) => inside(x, y));

/** Layers painted bottom to top. */
const LAYERS = [
  { colour: RIM_BLUE, shape: circle(0.5, 0.5, 0.47) },
  { colour: FLUENT_BLUE, shape: circle(0.5, 0.5, 0.41) },
  {
    colour: WHITE,
    shape: union(rect(0.27, 0.58, 0.37, 0.74), rect(0.45, 0.48, 0.55, 0.74), rect(0.63, 0.38, 0.73, 0.74)),
  },
  {
    colour: GOLD,
    shape: union(segment(0.24, 0.5, 0.44, 0.36, 0.07), segment(0.44, 0.36, 0.6, 0.3, 0.07), triangle(0.56, 0.2, 0.77, 0.24, 0.63, 0.39)),
  },
];

/** RGBA pixels, row-major, straight (non-premultiplied) alpha. */
function renderIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLES * SUPERSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average premultiplied colour over the subsamples, then un-premultiply once.
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPERSAMPLES; sy++) {
        for (let sx = 0; sx < SUPERSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLES) / size;
          let top = null;
          for (const layer of LAYERS) if (layer.shape(x, y)) top = layer.colour;
          if (top) {
            r += top[0];
            g += top[1];
            b += top[2];
            a += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
      }
      pixels[offset + 3] = Math.round((255 * a) / samples);
    }
  }
  return pixels;
}

// ---- PNG encoding ---------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha PNG (filter type 0 on every row). */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function writeIcons(directory = path.join(__dirname, "..", "assets")) {
  fs.mkdirSync(directory, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(directory, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, renderIcon(size)));
    return file;
  });
}

module.exports = { ICON_SIZES, renderIcon, encodePng, crc32, writeIcons };

if (require.main === module) {
  for (const file of writeIcons()) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
