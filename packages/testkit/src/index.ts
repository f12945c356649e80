/**
 * `@cancuoc/testkit`: synthetic people, ID numbers, cards, QR images, tokens, a software chip card
 * and simulators of the remote services, so that everything built on cancuoc can be tested without
 * hardware or government access.
 *
 * @packageDocumentation
 */

/** Hostile inputs every parser's tests feed in. */
export { hostileBytes, hostileStrings } from './hostile.js';
/** QR images for tests: rendering, damage (rotation, blur, noise, tilt, backgrounds) and a seeded corpus. */
export {
  type CorpusImage,
  createQrDegradationCorpus,
  type Degradation,
  type GreyImage,
  greyToJpeg,
  greyToPng,
  greyToRgba,
  type QrCorpusOptions,
  type RenderQrOptions,
  renderQrImage,
} from './qr/index.js';
