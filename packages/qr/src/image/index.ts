/**
 * `@cancuoc/qr/image`: find and decode QR codes in photos and camera frames with zxing-cpp
 * (WebAssembly, loaded locally, never from a CDN). Kept apart from `@cancuoc/qr` so that
 * payload parsing stays light.
 *
 * @packageDocumentation
 */

/** Where the WebAssembly decoder is loaded from (browsers). */
export { configureQrImageDecoder, type QrImageDecoderConfig } from './configure-qr-image-decoder.js';
/** Decoding QR codes from images. */
export {
  type DecodedQr,
  type DecodeQrImageOptions,
  decodeQrImage,
  type QrImageInput,
  type QrPoint,
  type QrTextEncoding,
  type RawImage,
} from './decode-qr-image.js';
/** What the photo cascade saw of a frame's likely QR region (for guidance). */
export type { FrameObservation as QrFrameObservation } from './internal/cascade.js';
/** A rectangle of the frame in pixels (the `region` of a {@link QrFrameObservation}). */
export type { Box as QrBox } from './internal/pixels.js';
/** Decoding and parsing the identity QR code of a photo in one call. */
export {
  type IdentityQrImage,
  type ReadIdentityQrImageOptions,
  readIdentityQrImage,
} from './read-identity-qr-image.js';
/** The decoder's `.wasm` for a Node server to serve to its pages. */
export { readQrDecoderWasm } from './read-qr-decoder-wasm.js';
/** One camera frame for a live scanner: the identity QR, or a hint for the user. */
export {
  type IdentityQrFrameScan,
  type QrGuidance,
  type QrGuidanceCode,
  qrGuidance,
  type ScanIdentityQrFrameOptions,
  scanIdentityQrFrame,
} from './scan-identity-qr-frame.js';
