import { type ReadResult, readBarcodes } from 'zxing-wasm/reader';
import { qrError } from '../errors.js';
import { type FrameObservation, runCascade } from './internal/cascade.js';
import { greyOfImageFile } from './internal/image-pixels.js';
import { ensureZxing } from './internal/load-zxing.js';
import { type Grey, toGrey } from './internal/pixels.js';
import { qrReaderOptions, toDecoded } from './internal/zxing-read.js';

/** Pixels in memory: RGBA (as `ImageData` and canvas give them), RGB or grey, row by row. */
export interface RawImage {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  /** Bytes per pixel: 1 grey, 3 RGB, 4 RGBA. Inferred from the data's length when absent. */
  readonly channels?: 1 | 3 | 4;
}

/**
 * What `decodeQrImage` reads: encoded image bytes (PNG, JPEG, BMP, GIF) as `Uint8Array`,
 * `ArrayBuffer` or `Blob`/`File`; an `ImageData` from a canvas or video frame; or raw pixels.
 */
export type QrImageInput = Uint8Array | ArrayBuffer | Blob | RawImage;

/** A point in image pixels. */
export interface QrPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * How {@link DecodedQr.text} was obtained from the bytes: `eci` (the symbol names its character
 * set in an ECI header, ISO/IEC 18004 §7.4.3), `utf-8` (no ECI and the bytes are valid UTF-8) or
 * `guess` (no ECI, not UTF-8: zxing-cpp's guess among Shift_JIS, ISO-8859-1 and its peers).
 */
export type QrTextEncoding = 'eci' | 'utf-8' | 'guess';

/** One QR code found in an image. */
export interface DecodedQr {
  /**
   * The content as text: in the character set its ECI header names; without one, UTF-8 when the
   * bytes are valid UTF-8, else the decoder's guess (Shift_JIS, ISO-8859-1…). Card QR codes carry
   * UTF-8; `readIdentityQrImage` always reads them as UTF-8.
   */
  readonly text: string;
  /** How `text` was decoded from `bytes`. */
  readonly textEncoding: QrTextEncoding;
  /** The content's raw bytes (ECI headers removed), for payloads that are not text. */
  readonly bytes: Uint8Array;
  /** Corners of the symbol in image pixels, clockwise from the top-left finder pattern. */
  readonly corners: {
    readonly topLeft: QrPoint;
    readonly topRight: QrPoint;
    readonly bottomRight: QrPoint;
    readonly bottomLeft: QrPoint;
  };
  /** Rotation of the symbol in degrees, as the decoder measured it. */
  readonly orientation: number;
  /** QR version 1–40, when known. */
  readonly version?: number;
  /** Error-correction level `L`, `M`, `Q` or `H`, when known. */
  readonly ecLevel?: string;
  readonly isMirrored: boolean;
  readonly isInverted: boolean;
  /**
   * Which pass of the photo cascade read it (`region0:enlarge×3`, `upscale×2`…); absent for the
   * plain whole-image read.
   */
  readonly pass?: string;
}

/** Options of {@link decodeQrImage}. */
export interface DecodeQrImageOptions {
  /** Spend more time on hard images: rotations, inverted codes, downscaling (default true). */
  readonly tryHarder?: boolean;
  /** Stop after this many codes (default 16). */
  readonly maxSymbols?: number;
  /**
   * Turns on the photo cascade with this time budget in milliseconds (100 is a good value for a
   * camera frame): when the plain read finds nothing `accept` takes, the candidate QR regions are
   * cropped, enlarged ×2/×3, contrast-stretched and read with other binarizers, and the whole
   * frame is read enlarged ×2, each pass only while the budget lasts. The budget counts from the
   * call; a pass starts only when its expected cost still fits, estimated from what passes of its
   * kind cost before in this process (so the first frames are planned with defaults). The plain
   * read always runs. 0 or absent: the plain read only.
   */
  readonly timeBudgetMs?: number;
  /** Stops the cascade's further passes (what the plain read found is still returned). */
  readonly signal?: AbortSignal;
  /**
   * With the cascade, which results count as found (default every decoded code): the cascade goes
   * on while nothing is accepted, and returns only accepted codes. `readIdentityQrImage` accepts
   * valid card and BHYT payloads only, so a damaged read never ends the search.
   */
  readonly accept?: (qr: DecodedQr) => boolean;
}

const MAX_SIDE = 16_384;

// File signatures of the formats zxing-wasm's image loader (stb_image) reads: PNG, JPEG, BMP,
// GIF, and binary PGM/PPM. zxing answers "no code" for anything else, which would hide a wrong input.
const SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff],
  [0x42, 0x4d],
  [0x47, 0x49, 0x46, 0x38],
  [0x50, 0x35],
  [0x50, 0x36],
];

function isKnownImageFormat(bytes: Uint8Array): boolean {
  return bytes.length > 8 && SIGNATURES.some((sig) => sig.every((b, i) => bytes[i] === b));
}

function isRawImage(input: unknown): input is RawImage {
  return (
    typeof input === 'object' && input !== null && 'data' in input && 'width' in input && 'height' in input
  );
}

/**
 * What zxing reads for raw pixels: RGBA as an `ImageData`-like object; grey and RGB wrapped in a
 * binary PGM/PPM header (a few bytes), which zxing's image loader reads without the 4× RGBA
 * expansion and conversion back to grey.
 */
function toZxingInput(
  image: RawImage,
): Uint8Array | { data: Uint8ClampedArray; width: number; height: number } {
  const { data, width, height } = image;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
    throw qrError('ERR_QR_IMAGE_INPUT', { reason: 'data must be a Uint8Array or Uint8ClampedArray' });
  }
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    width > MAX_SIDE ||
    height > MAX_SIDE
  ) {
    throw qrError('ERR_QR_IMAGE_INPUT', {
      reason: `width and height must be whole numbers from 1 to ${MAX_SIDE}`,
    });
  }
  const pixels = width * height;
  const channels = image.channels ?? data.length / pixels;
  if ((channels !== 1 && channels !== 3 && channels !== 4) || data.length !== pixels * channels) {
    throw qrError('ERR_QR_IMAGE_INPUT', {
      reason: `${data.length} bytes do not fit ${width}×${height} pixels of 1, 3 or 4 bytes`,
    });
  }
  if (channels === 4) {
    const rgba =
      data instanceof Uint8ClampedArray
        ? data
        : new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
    return { data: rgba, width, height };
  }
  // Netpbm binary formats: P5 (grey) and P6 (RGB), maximum value 255.
  const header = new TextEncoder().encode(`${channels === 1 ? 'P5' : 'P6'}\n${width} ${height}\n255\n`);
  const file = new Uint8Array(header.length + data.length);
  file.set(header);
  file.set(data, header.length);
  return file;
}

/**
 * Finds and decodes every QR code in an image: a photo of a card, a camera frame, a scan. Uses
 * zxing-cpp compiled to WebAssembly, loaded from the installed package in Node and from the URL
 * given to `configureQrImageDecoder` in browsers (never from a CDN). Returns an empty array when
 * the image holds no readable QR code. Text is decoded as the symbol's ECI header says; without
 * one, as UTF-8 when the bytes are valid UTF-8, else in the character set zxing-cpp guesses
 * (Shift_JIS, ISO-8859-1…). For ID cards use `readIdentityQrImage`, which reads UTF-8 only.
 *
 * @throws CancuocError `ERR_QR_IMAGE_INPUT` (raw pixels whose size does not add up),
 *   `ERR_QR_IMAGE_FORMAT` (bytes that are not a PNG, JPEG, BMP, GIF or PGM/PPM image),
 *   `ERR_QR_WASM_NOT_CONFIGURED` (browser without `configureQrImageDecoder`), `ERR_QR_WASM_LOAD`.
 * @throws TypeError for an input of another type.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * const [qr] = await decodeQrImage(await readFile('card.jpg'));
 * const scan = qr ? readIdentityQr(qr.text) : undefined;
 * ```
 */
export async function decodeQrImage(
  input: QrImageInput,
  options: DecodeQrImageOptions = {},
): Promise<DecodedQr[]> {
  return (await decodeQrImageDetailed(input, options)).found;
}

/** What the photo cascade saw, besides what it accepted. */
export interface DetailedDecode {
  /** What `decodeQrImage` returns: the accepted codes. */
  readonly found: DecodedQr[];
  /** Every code the plain whole-image read decoded, accepted or not. */
  readonly plain: DecodedQr[];
  /** The cascade's view of the likely QR region (absent without the cascade). */
  readonly observation?: FrameObservation;
  /** The grey frame the cascade worked on. */
  readonly frame?: Grey;
}

/** `decodeQrImage` with the cascade's observation, for the identity and video readers. */
export async function decodeQrImageDetailed(
  input: QrImageInput,
  options: DecodeQrImageOptions & { readonly observe?: boolean } = {},
): Promise<DetailedDecode> {
  const startedAt = typeof performance !== 'undefined' ? performance.now() : Date.now();
  let source: Uint8Array | { data: Uint8ClampedArray; width: number; height: number };
  let raw = false;
  if (input instanceof Uint8Array) source = input;
  else if (input instanceof ArrayBuffer) source = new Uint8Array(input);
  else if (typeof Blob !== 'undefined' && input instanceof Blob)
    source = new Uint8Array(await input.arrayBuffer());
  else if (isRawImage(input)) {
    source = toZxingInput(input);
    raw = true;
  } else
    throw new TypeError('decodeQrImage expects image bytes, a Blob, ImageData or { data, width, height }');
  if (!raw && source instanceof Uint8Array && !isKnownImageFormat(source))
    throw qrError('ERR_QR_IMAGE_FORMAT');
  const budget = options.timeBudgetMs;
  if (budget !== undefined && (typeof budget !== 'number' || Number.isNaN(budget) || budget < 0)) {
    throw new RangeError('timeBudgetMs must be a number of milliseconds, 0 or more');
  }
  if (options.accept !== undefined && typeof options.accept !== 'function') {
    throw new TypeError('accept must be a function');
  }

  await ensureZxing();
  const tryHarder = options.tryHarder ?? true;
  const maxSymbols = options.maxSymbols ?? 16;
  const accept = options.accept ?? (() => true);
  if ((budget !== undefined && budget > 0) || options.observe) {
    const frame = raw ? greyOfRaw(input as RawImage) : await greyOfImageFile(source as Uint8Array);
    if (frame) {
      try {
        const result = await runCascade(frame, {
          timeBudgetMs: budget ?? 0,
          signal: options.signal,
          accept,
          maxSymbols,
          observe: options.observe ?? false,
          startedAt,
        });
        return { ...result, frame };
      } catch (cause) {
        throw qrError('ERR_QR_IMAGE_FORMAT', {}, { cause });
      }
    }
  }
  let results: ReadResult[];
  try {
    // zxing reads `{ data, width, height }` duck-typed (it never touches ImageData.colorSpace).
    results = await readBarcodes(source as Uint8Array | ImageData, qrReaderOptions(tryHarder, maxSymbols));
  } catch (cause) {
    throw qrError('ERR_QR_IMAGE_FORMAT', {}, { cause });
  }
  const plain = results.filter((r) => r.isValid).map((r) => toDecoded(r));
  return { found: options.accept ? plain.filter(accept) : plain, plain };
}

/** Grey pixels of a raw image already checked by `toZxingInput`. */
function greyOfRaw(image: RawImage): Grey {
  const channels = image.channels ?? image.data.length / (image.width * image.height);
  return toGrey(image.data, image.width, image.height, channels);
}
