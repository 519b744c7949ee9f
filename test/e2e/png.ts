// Just enough PNG decoding (8-bit RGB/RGBA, non-interlaced, as Chromium writes them) to count the pixels a
// screenshot drew, with node's zlib and no extra package.

import { inflateSync } from "node:zlib";

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  pixels: Uint8Array;
}

export function decodePng(buffer: Buffer): Image {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error("png: not a PNG file");
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("ascii", offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      colorType = data[9]!;
      if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || data[12] !== 0) {
        throw new Error(`png: unsupported format (bit depth ${bitDepth}, colour type ${colorType})`);
      }
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const current = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? current[x - channels]! : 0;
      const b = previous[x]!;
      const c = x >= channels ? previous[x - channels]! : 0;
      let value = line[x]!;
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      current[x] = value & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = current[x * channels]!;
      out[o + 1] = current[x * channels + 1]!;
      out[o + 2] = current[x * channels + 2]!;
      out[o + 3] = channels === 4 ? current[x * channels + 3]! : 255;
    }
    previous = current;
  }
  return { width, height, pixels: out };
}

/** Pixels that differ from the background by more than `tolerance` on some channel. */
export function countNonBackground(image: Image, background: [number, number, number], tolerance = 24): number {
  let n = 0;
  const p = image.pixels;
  for (let i = 0; i < p.length; i += 4) {
    if (
      Math.abs(p[i]! - background[0]) > tolerance ||
      Math.abs(p[i + 1]! - background[1]) > tolerance ||
      Math.abs(p[i + 2]! - background[2]) > tolerance
    )
      n++;
  }
  return n;
}

/** Saturated pixels: WebGL nodes and edges are coloured, labels (grey/black text) are not. */
export function countColoured(image: Image, minChroma = 60): number {
  let n = 0;
  const p = image.pixels;
  for (let i = 0; i < p.length; i += 4) {
    const max = Math.max(p[i]!, p[i + 1]!, p[i + 2]!);
    const min = Math.min(p[i]!, p[i + 1]!, p[i + 2]!);
    if (max - min >= minChroma) n++;
  }
  return n;
}
