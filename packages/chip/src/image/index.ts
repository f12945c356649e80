/**
 * `@cancuoc/chip/image`: decoding of DG2 face images that browsers and image libraries often cannot
 * show (JPEG 2000), kept out of the main entry so that the core stays light.
 *
 * @packageDocumentation
 */

/** JPEG 2000 to RGBA with OpenJPEG (WebAssembly). */
export { type DecodedImage, type DecodeJpeg2000Options, decodeJpeg2000 } from './decode-jpeg2000.js';
