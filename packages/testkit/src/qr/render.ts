import { encode as encodePng } from 'fast-png';
import { encode as encodeJpeg } from 'jpeg-js';
import { create } from 'qrcode';
import { type GreyImage, greyToRgba } from './image.js';

/** Options of {@link renderQrImage}. */
export interface RenderQrOptions {
  /** Pixels per module (default 4). */
  readonly moduleSize?: number;
  /** Quiet zone in modules (default 4, as ISO/IEC 18004 requires). */
  readonly margin?: number;
  /** Error-correction level (default `M`). */
  readonly errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
}

/**
 * Renders text as a black-on-white QR code (byte mode, UTF-8, as the ID cards carry it), using
 * the `qrcode` encoder.
 *
 * @example
 * ```ts
 * const image = renderQrImage('001098012345||NGUYỄN VĂN A|15081998|Nam|Hà Nội|25052021');
 * ```
 */
export function renderQrImage(text: string, options: RenderQrOptions = {}): GreyImage {
  const moduleSize = options.moduleSize ?? 4;
  const margin = options.margin ?? 4;
  const qr = create(text, { errorCorrectionLevel: options.errorCorrectionLevel ?? 'M' });
  const n = qr.modules.size;
  const side = (n + 2 * margin) * moduleSize;
  const data = new Uint8Array(side * side).fill(255);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let y = 0; y < moduleSize; y++) {
        const row = ((r + margin) * moduleSize + y) * side + (c + margin) * moduleSize;
        data.fill(0, row, row + moduleSize);
      }
    }
  }
  return { data, width: side, height: side };
}

/** PNG bytes of a grey image. */
export function greyToPng(img: GreyImage): Uint8Array {
  return encodePng({ width: img.width, height: img.height, data: img.data, channels: 1, depth: 8 });
}

/** JPEG bytes of a grey image at `quality` (1–100, default 85), as a phone camera saves it. */
export function greyToJpeg(img: GreyImage, quality = 85): Uint8Array {
  const encoded = encodeJpeg({ width: img.width, height: img.height, data: greyToRgba(img) }, quality);
  return new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength);
}
