export { type Dg11Fields, type Dg12Fields, encodeDg11, encodeDg12 } from './encode-dg11-dg12.js';
export { syntheticFaceJpeg } from './face.js';
export {
  CCCD_CARD_ACCESS,
  encodeDg13,
  type IssueTestCardOptions,
  issueTestCard,
  signSod,
  type TestCard,
  type TestCardEcKey,
  type TestCardRsaKey,
  type TestPerson,
  testPerson,
  vietnameseTd1,
} from './issue-test-card.js';
export { signActiveAuthentication } from './sign-active-authentication.js';
export {
  createTestPki,
  type TestCertificate,
  type TestPki,
  type TestPkiAlgorithm,
  type TestPkiOptions,
} from './test-pki.js';
