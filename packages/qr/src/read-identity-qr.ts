import { toSafe } from '@cancuoc/core';
import { detectQrKind } from './detect-qr-kind.js';
import { qrError } from './errors.js';
import { type CardQr, parseCardQr } from './parse-card-qr.js';
import { type InsuranceQr, parseInsuranceQr } from './parse-insurance-qr.js';

/** A parsed identity QR code, tagged with its kind. */
export type IdentityQr =
  | { readonly kind: 'card'; readonly card: CardQr }
  | { readonly kind: 'insurance'; readonly insurance: InsuranceQr };

/**
 * Parses any identity QR code a front desk scans: a citizen ID card QR (`parseCardQr`) or a
 * BHYT card QR (`parseInsuranceQr`), chosen by `detectQrKind`.
 *
 * @throws CancuocError `ERR_QR_UNKNOWN_KIND` when the text is neither, or the parser's own codes.
 * @example
 * ```ts
 * const r = readIdentityQr(scannedText);
 * const id = r.kind === 'card' ? maskId(r.card.personalId) : r.insurance.cardCode;
 * ```
 */
export function readIdentityQr(text: string): IdentityQr {
  const kind = detectQrKind(text);
  if (kind === 'card') return { kind, card: parseCardQr(text) };
  if (kind === 'insurance') return { kind, insurance: parseInsuranceQr(text) };
  throw qrError('ERR_QR_UNKNOWN_KIND');
}

/**
 * {@link readIdentityQr} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeReadIdentityQr('hello');
 * if (!r.success) console.error(r.error.messageVi);
 * ```
 */
export const safeReadIdentityQr = toSafe(readIdentityQr);
