/**
 * `@cancuoc/testkit`: synthetic people, ID numbers, cards, QR images, tokens, a software chip card
 * and simulators of the remote services, so that everything built on cancuoc can be tested without
 * hardware or government access.
 *
 * @packageDocumentation
 */

/** Test ICAO PKI (CSCA → DSC) and signed chip images of synthetic Vietnamese cards. */
export {
  CCCD_CARD_ACCESS,
  createTestPki,
  type Dg11Fields,
  type Dg12Fields,
  encodeDg11,
  encodeDg12,
  encodeDg13,
  type IssueTestCardOptions,
  issueTestCard,
  signActiveAuthentication,
  signSod,
  syntheticFaceJpeg,
  type TestCard,
  type TestCardEcKey,
  type TestCardRsaKey,
  type TestCertificate,
  type TestPerson,
  type TestPki,
  type TestPkiAlgorithm,
  type TestPkiOptions,
  testPerson,
  vietnameseTd1,
} from './chip-image/index.js';
/** Hostile inputs every parser's tests feed in. */
export { hostileBytes, hostileStrings } from './hostile.js';
/** A simulator of the BHXH gateway for hospitals' BHYT checks, with a synthetic registry and faults (node:http loaded lazily). */
export {
  type ExpiresStyle,
  type InsuranceGateway,
  type InsuranceGatewayFaults,
  type InsuranceGatewayOptions,
  type InsuranceGatewayStats,
  type InsuranceStaff,
  type InsuredPerson,
  type InsuredStatus,
  type InsuredVisit,
  insuranceGatewayTestAccount,
  insuredTestPeople,
  startInsuranceGateway,
} from './insurance-gateway/index.js';
/** QR images for tests: rendering, damage (rotation, blur, noise, tilt, backgrounds) and a seeded corpus. */
export {
  addNoise,
  blur,
  type CardPhoto,
  type CardPhotoCorpusOptions,
  type CardPhotoDegradation,
  type CardPhotoTruth,
  type CorpusImage,
  cardQrPayload,
  createCardPhoto,
  createCardPhotoCorpus,
  createQrDegradationCorpus,
  createRandom,
  type Degradation,
  embed,
  type GreyImage,
  greyToJpeg,
  greyToPng,
  greyToRgba,
  perspective,
  photoBackground,
  type QrCorpusOptions,
  type RenderQrOptions,
  renderQrImage,
  rotate,
  scale,
  setContrast,
} from './qr/index.js';
/** Synthetic dirty resident lists with the truth kept aside, and their CSV form, for testing data cleaning. */
export {
  defaultResidentDirt,
  type GeneratedResident,
  type GenerateResidentsOptions,
  generateResidents,
  type ResidentDefect,
  type ResidentDirt,
  type ResidentDirtKind,
  type ResidentField,
  type ResidentRecord,
  type ResidentsToCsvOptions,
  type ResidentTruth,
  residentCsvHeaders,
  residentFields,
  residentsToCsv,
} from './residents/index.js';
/** A software CCCD chip (BAC, PACE, secure messaging, CA, AA, faults) and sample files for it. */
export {
  createSampleCardFiles,
  createSimulatedCard,
  type RefusedAuthentication,
  type SampleCardFilesOptions,
  type SimulatedCard,
  type SimulatedCardFaults,
  type SimulatedCardFiles,
  type SimulatedCardKeys,
  type SimulatedCardOptions,
  type SimulatedEcKey,
  type SimulatedRsaKey,
} from './simulated-card/index.js';
/** A simulator of the accommodation API (KBTT) for hotel stay notices, with fault injection (Node-only, loaded lazily). */
export {
  type AcceptedStay,
  defaultStayApiCatalogs,
  STAY_API_MESSAGES,
  type StartStayApiOptions,
  type StayApi,
  type StayApiCatalogEntry,
  type StayApiCatalogs,
  type StayApiFaults,
  type StayApiNationality,
  type StayApiProvince,
  type StayApiStats,
  type StayApiWard,
  startStayApi,
} from './stay-api/index.js';
