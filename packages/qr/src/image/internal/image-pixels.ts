import type { Grey } from './pixels.js';
import { toGrey } from './pixels.js';

// A 16 384 × 16 384 frame is the largest decodeQrImage takes; photos are far smaller. jpeg-js
// refuses anything over this many megapixels before allocating (a hostile header can claim
// 65 535 × 65 535).
const MAX_MEGAPIXELS = 64;

/**
 * Grey pixels of a PNG or JPEG file, for the cascade's crops and enlargements; `undefined` for
 * other formats (BMP, GIF, PGM) and for files the pure-JavaScript decoders cannot read, which then
 * get zxing's single read. jpeg-js and fast-png are loaded only when a photo needs the cascade.
 */
export async function greyOfImageFile(bytes: Uint8Array): Promise<Grey | undefined> {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const { decode } = await import('jpeg-js');
      const img = decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_MEGAPIXELS,
        maxMemoryUsageInMB: 512,
      });
      return toGrey(img.data, img.width, img.height, 4);
    }
    if (bytes[0] === 0x89 && bytes[1] === 0x50) {
      const { decode } = await import('fast-png');
      const png = decode(bytes);
      if (png.width * png.height > MAX_MEGAPIXELS * 1e6) return undefined;
      if (png.depth !== 8 || png.palette !== undefined) return undefined;
      const data = png.data as Uint8Array;
      if (png.channels === 2) {
        // Grey + alpha: keep the grey.
        const out = new Uint8Array(png.width * png.height);
        for (let i = 0; i < out.length; i++) out[i] = data[2 * i]!;
        return { data: out, width: png.width, height: png.height };
      }
      return toGrey(data, png.width, png.height, png.channels);
    }
  } catch {
    return undefined;
  }
  return undefined;
}
