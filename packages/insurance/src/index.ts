/**
 * `@cancuoc/insurance`: check a patient's health insurance (bảo hiểm y tế, BHYT) at hospital
 * reception through Vietnam Social Security's (BHXH) gateway, from the chip ID card, its QR, the
 * BHYT card QR or a VNeID login: session handling, the card check with the whole result-code table
 * mapped to a decision, typed card fields and the visit history.
 *
 * @packageDocumentation
 */

/** The card check's input and per-call options. */
export type { InsuranceCallOptions, InsuranceQuery } from './check-card.js';
/** The gateway client. */
export {
  createInsuranceClient,
  type InsuranceClient,
  type InsuranceClientOptions,
} from './create-insurance-client.js';
/** Error codes of this package and their messages in English and Vietnamese. */
export { type InsuranceErrorCode, insuranceErrorMessages } from './errors.js';
/** Building a card check from a card read, a QR scan, an e-ID login or typed fields. */
export {
  type InsuranceQueryFields,
  type InsuranceQuerySource,
  insuranceQueryFrom,
  type SourceDate,
} from './insurance-query-from.js';
/** Reading the card check's answer into a decision and typed card fields. */
export {
  type CardCheckResult,
  type InsuranceCard,
  type InsuranceCheckLogEntry,
  type InsuranceFacility,
  type NewInsuranceCard,
  parseCardCheckResponse,
} from './parse-card-check-response.js';
/** Reading the visit history (`Lskcb2025`). */
export {
  type InsuranceVisit,
  parseVisitHistoryResponse,
  type VisitCode,
  type VisitHistory,
} from './parse-visit-history-response.js';
/** The gateway's result codes (`maKetQua`) with their meaning, decision and advice. */
export {
  type InsuranceFailureCode,
  type InsuranceOutcome,
  type InsuranceResultCode,
  type InsuranceResultCodeInfo,
  type InsuranceVerdictCode,
  insuranceResultCodes,
  isInsuranceResultCode,
} from './result-codes.js';
