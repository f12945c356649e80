import { type ReaderOptions, type ReadResult, readBarcodes } from 'zxing-wasm/reader';
import type { DecodedQr, QrTextEncoding } from '../decode-qr-image.js';
import type { Grey } from './pixels.js';

/** zxing-wasm's binarizers (zxing-cpp `Binarizer`). */
export type QrBinarizer = 'LocalAverage' | 'GlobalHistogram' | 'FixedThreshold';

/** The reader options every pass starts from: QR only, bytes kept, text decided by `textOf`. */
export function qrReaderOptions(
  tryHarder: boolean,
  maxSymbols: number,
  extra: Partial<ReaderOptions> = {},
): ReaderOptions {
  return {
    formats: ['QRCode'],
    tryHarder,
    tryRotate: tryHarder,
    tryInvert: tryHarder,
    tryDownscale: tryHarder,
    maxNumberOfSymbols: maxSymbols,
    textMode: 'Plain',
    // Let zxing guess for bytes without an ECI; textOf() prefers strict UTF-8 over that guess.
    characterSet: 'Unknown',
    returnErrors: false,
    ...extra,
  };
}

/** Grey pixels as a binary PGM (P5) file, which zxing's loader reads without an RGBA copy. */
export function greyToPgm(img: Grey): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const file = new Uint8Array(header.length + img.data.length);
  file.set(header);
  file.set(img.data, header.length);
  return file;
}

/** Reads grey pixels with zxing. */
export function readGrey(img: Grey, options: ReaderOptions): Promise<ReadResult[]> {
  return readBarcodes(greyToPgm(img), options);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The symbol's text. zxing-cpp honours ECI segments and Kanji-mode segments itself; only byte
 * segments without an ECI leave the character set open (ISO/IEC 18004:2015 §7.4.5 says ISO-8859-1,
 * practice says UTF-8 or Shift_JIS), and there valid UTF-8 wins over the guess: a UTF-8 text that
 * also happens to be valid Shift_JIS (Vietnamese names often are) must not turn into kanji.
 */
export function textOf(r: ReadResult): { text: string; textEncoding: QrTextEncoding } {
  if (r.hasECI) return { text: r.text, textEncoding: 'eci' };
  try {
    return { text: strictUtf8.decode(r.bytes), textEncoding: 'utf-8' };
  } catch {
    return { text: r.text, textEncoding: 'guess' };
  }
}

/**
 * The public form of a zxing result. `map` takes the result's points back to the frame's
 * coordinates when the pass read a crop or an enlargement; `pass` names that pass.
 */
export function toDecoded(
  r: ReadResult,
  map: (p: { x: number; y: number }) => { x: number; y: number } = (p) => p,
  pass?: string,
): DecodedQr {
  const topLeft = map(r.position.topLeft);
  const topRight = map(r.position.topRight);
  const bottomRight = map(r.position.bottomRight);
  const bottomLeft = map(r.position.bottomLeft);
  const version = Number.parseInt(r.version, 10);
  return {
    ...textOf(r),
    bytes: r.bytes,
    corners: {
      topLeft: { x: topLeft.x, y: topLeft.y },
      topRight: { x: topRight.x, y: topRight.y },
      bottomRight: { x: bottomRight.x, y: bottomRight.y },
      bottomLeft: { x: bottomLeft.x, y: bottomLeft.y },
    },
    orientation: r.orientation,
    ...(Number.isFinite(version) ? { version } : {}),
    ...(r.ecLevel ? { ecLevel: r.ecLevel } : {}),
    isMirrored: r.isMirrored,
    isInverted: r.isInverted,
    ...(pass !== undefined ? { pass } : {}),
  };
}
