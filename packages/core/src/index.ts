/**
 * `@cancuoc/core`: the error base class and codes, `Result` helpers, bytes, Vietnamese text,
 * partial dates and ID masking shared by every cancuoc package.
 *
 * @packageDocumentation
 */

/** Byte helpers on `Uint8Array`: hex, base64, UTF-8, concatenation, constant-time equality. */
export {
  concatBytes,
  equalBytes,
  fromBase64,
  fromHex,
  isHex,
  toBase64,
  toHex,
  utf8Decode,
  utf8Encode,
} from './bytes.js';
/** ICAO 9303 check digits (7-3-1), for MRZ fields and chip access keys. */
export { icaoCheckDigit } from './check-digit.js';
/** Error codes of `@cancuoc/core` and their messages in English and Vietnamese. */
export { type CoreErrorCode, coreErrorMessages } from './codes.js';
/** The coded, bilingual error base class and the helpers packages build their errors with. */
export {
  CancuocError,
  type CancuocErrorOptions,
  createErrorFactory,
  createIssue,
  type ErrorCatalog,
  type ErrorDetails,
  type ErrorFactory,
  formatMessage,
  type Issue,
  isCancuocError,
  type Lang,
  type MessagePair,
} from './errors.js';
/** One HTTP exchange under a time limit and a size cap, for the SDK's clients of remote services. */
export {
  type FetchTextOptions,
  fetchText,
  HttpExchangeError,
  type HttpExchangeFailure,
  type TextAnswer,
} from './http.js';
/** Masking of ID numbers for logs and screens. */
export { type MaskIdOptions, maskId } from './mask.js';
/** Partial dates with calendar checks. */
export {
  comparePartialDates,
  daysInMonth,
  formatPartialDate,
  isCalendarDate,
  isFullDate,
  type ParsePartialDateOptions,
  type PartialDate,
  type PartialDateFormat,
  parsePartialDate,
  partialDateFromDate,
  safeParsePartialDate,
} from './partial-date.js';
/** zod-style results. */
export { type Failure, fail, ok, type Result, type Success, toSafe } from './result.js';
/** Vietnamese text normalisation, diacritic folding and name comparison. */
export {
  compareNames,
  foldDiacritics,
  hasDiacritics,
  hasReplacementCharacter,
  type NameComparison,
  namesMatch,
  normalizeText,
} from './text.js';
/** Vietnam time (UTC+7 all year) without the host's time zone. */
export {
  checkedVietnamTime,
  fromVietnamTime,
  VIETNAM_UTC_OFFSET_MS,
  type VietnamParts,
  vietnamDay,
  vietnamParts,
} from './vietnam-time.js';
