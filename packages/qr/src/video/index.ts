/**
 * `@cancuoc/qr/video` (browsers): scan a live camera for the identity QR code of a citizen ID
 * card or BHYT card, with hints for the user. Built on `@cancuoc/qr/image`; configure where its
 * WebAssembly decoder is served from with `configureQrImageDecoder` first.
 *
 * @packageDocumentation
 */

/** The hints the scanner gives. */
export type { QrGuidance, QrGuidanceCode } from '../image/scan-identity-qr-frame.js';
/** Scanning a camera until a valid identity QR is read. */
export {
  type ReadIdentityQrFromVideoOptions,
  readIdentityQrFromVideo,
} from './read-identity-qr-from-video.js';
