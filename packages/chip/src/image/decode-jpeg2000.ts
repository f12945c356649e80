/**
 * JPEG 2000 portrait decoding (DG2 of many passports and ID cards carries JP2 files or raw
 * codestreams, ISO/IEC 15444-1) to 8-bit RGBA pixels, with OpenJPEG compiled to WebAssembly
 * (@cornerstonejs/codec-openjpeg, an optional peer dependency loaded on first use). It lives in
 * the `@cancuoc/chip/image` subpath so that the core stays light.
 */
import { fail } from '../errors.js';

/** Decoded pixels. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  /** Components in the file (1 grey, 3 RGB, 4 RGBA) and their bit depth. */
  readonly componentCount: number;
  readonly bitsPerSample: number;
  /** width × height × 4 bytes, RGBA, 8 bits per channel. */
  readonly rgba: Uint8Array;
}

/** Options of {@link decodeJpeg2000}. */
export interface DecodeJpeg2000Options {
  /** Where the `.wasm` file is served from (browsers); Node finds it beside the package. */
  readonly locateFile?: (path: string, prefix: string) => string;
}

type Factory = typeof import('@cornerstonejs/codec-openjpeg/decodewasmjs').default;
let modulePromise: ReturnType<Factory> | undefined;

async function loadModule(options: DecodeJpeg2000Options): ReturnType<Factory> {
  if (!modulePromise) {
    modulePromise = (async () => {
      let factory: Factory;
      try {
        factory = (await import('@cornerstonejs/codec-openjpeg/decodewasmjs')).default;
      } catch (e) {
        modulePromise = undefined;
        throw fail(
          'ERR_DG2_IMAGE',
          { reason: 'install @cornerstonejs/codec-openjpeg to decode JPEG 2000' },
          { cause: e },
        );
      }
      // The codec's progress messages are dropped: the SDK never writes to the console.
      const quiet = () => {};
      return factory({
        print: quiet,
        printErr: quiet,
        ...(options.locateFile ? { locateFile: options.locateFile } : {}),
      });
    })();
  }
  return modulePromise;
}

const JP2 = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];

/**
 * Decodes a JPEG 2000 image (JP2 file or raw codestream) to RGBA.
 *
 * @throws CancuocError `ERR_DG2_IMAGE` when the bytes are not JPEG 2000, the codec is missing, or decoding fails.
 * @example
 * ```ts
 * import { decodeJpeg2000 } from '@cancuoc/chip/image';
 * const face = parseDg2(dg2).faces[0];
 * if (face.mimeType === 'image/jp2') {
 *   const { width, height, rgba } = await decodeJpeg2000(face.image);
 * }
 * ```
 */
export async function decodeJpeg2000(
  image: Uint8Array,
  options: DecodeJpeg2000Options = {},
): Promise<DecodedImage> {
  if (!(image instanceof Uint8Array)) throw new TypeError('decodeJpeg2000 expects a Uint8Array');
  const isJp2 = image.length >= 12 && JP2.every((b, i) => image[i] === b);
  const isJ2k =
    image.length >= 4 && image[0] === 0xff && image[1] === 0x4f && image[2] === 0xff && image[3] === 0x51;
  if (!isJp2 && !isJ2k) throw fail('ERR_DG2_IMAGE', { reason: 'not a JPEG 2000 image' });
  const m = await loadModule(options);
  const decoder = new m.J2KDecoder();
  try {
    decoder.getEncodedBuffer(image.length).set(image);
    let info: ReturnType<typeof decoder.getFrameInfo>;
    let decoded: Uint8Array;
    try {
      decoder.decode();
      info = decoder.getFrameInfo();
      decoded = decoder.getDecodedBuffer();
    } catch (e) {
      throw fail('ERR_DG2_IMAGE', { reason: 'JPEG 2000 decoding failed' }, { cause: e });
    }
    const { width, height, componentCount: c, bitsPerSample: bits } = info;
    const bytesPerSample = bits > 8 ? 2 : 1;
    if (width <= 0 || height <= 0 || c < 1 || c > 4 || decoded.length < width * height * c * bytesPerSample) {
      throw fail('ERR_DG2_IMAGE', { reason: 'unexpected decoder output' });
    }
    const rgba = new Uint8Array(width * height * 4);
    const view = new DataView(decoded.buffer, decoded.byteOffset, decoded.byteLength);
    const shift = Math.max(0, bits - 8);
    const sample = (i: number) => (bytesPerSample === 2 ? view.getUint16(i * 2, true) >> shift : decoded[i]!);
    for (let p = 0; p < width * height; p++) {
      const base = p * c;
      const r = sample(base);
      const g = c >= 3 ? sample(base + 1) : r;
      const b = c >= 3 ? sample(base + 2) : r;
      rgba[p * 4] = r;
      rgba[p * 4 + 1] = g;
      rgba[p * 4 + 2] = b;
      rgba[p * 4 + 3] = c === 4 ? sample(base + 3) : c === 2 ? sample(base + 1) : 255;
    }
    return { width, height, componentCount: c, bitsPerSample: bits, rgba };
  } finally {
    decoder.delete?.();
  }
}
