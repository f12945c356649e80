/** QR images for tests: rendering, image operations and the degradation corpus. */
export {
  type CardPhoto,
  type CardPhotoCorpusOptions,
  type CardPhotoDegradation,
  type CardPhotoTruth,
  cardQrPayload,
  createCardPhoto,
  createCardPhotoCorpus,
} from './card-photo.js';
export {
  type CorpusImage,
  createQrDegradationCorpus,
  type Degradation,
  type QrCorpusOptions,
} from './corpus.js';
export {
  addNoise,
  blur,
  createRandom,
  embed,
  type GreyImage,
  greyToRgba,
  type Homography,
  homographyFromPoints,
  perspective,
  photoBackground,
  rotate,
  scale,
  setContrast,
  warp,
} from './image.js';
export { greyToJpeg, greyToPng, type RenderQrOptions, renderQrImage } from './render.js';
