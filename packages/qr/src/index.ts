/**
 * `@cancuoc/qr`: the QR codes of Vietnam's citizen ID card (CCCD 2021, Căn cước 2024) and of the
 * BHYT health-insurance card, from scanner text to typed, validated records. Runtime-neutral and
 * light: image decoding lives in the `@cancuoc/qr/image` subpath.
 *
 * @packageDocumentation
 */

/** Conversion to the `@cancuoc/schemas` card data. */
export { cardQrToCardData } from './card-qr-to-card-data.js';
/** Kind detection of a scanned identity QR code. */
export { detectQrKind, type QrKind } from './detect-qr-kind.js';
/** Error codes of `@cancuoc/qr` and their messages in English and Vietnamese. */
export { type QrErrorCode, qrErrorMessages } from './errors.js';
/** Writing a card QR payload. */
export { type CardQrInput, formatCardQr } from './format-card-qr.js';
/** Writing a BHYT card QR payload. */
export { formatInsuranceQr, type InsuranceQrInput } from './format-insurance-qr.js';
/** Parsing the card QR code (CCCD / Căn cước). */
export { CARD_QR_FIELD_COUNT, type CardQr, parseCardQr, type Sex, safeParseCardQr } from './parse-card-qr.js';
/** Parsing the BHYT card QR code. */
export {
  type InsuranceQr,
  parseInsuranceQr,
  safeParseInsuranceQr,
} from './parse-insurance-qr.js';
/** Parsing any identity QR code by its kind. */
export { type IdentityQr, readIdentityQr, safeReadIdentityQr } from './read-identity-qr.js';
