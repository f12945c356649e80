/**
 * Input-size limits of the public parsers and verifiers, so that a server taking uploaded chip
 * files answers an oversized one at once instead of reading it. Defaults sit well above the real
 * maxima of each file and below what would take noticeable time to process.
 */
import { fail } from '../errors.js';

/** Default limits in bytes (characters for LDIF text). */
export const DEFAULT_MAX_BYTES = {
  // Real EF.SODs hold one DSC and are 1-3 KB (countries in the shared vectors: 1.1-2.7 KB).
  sod: 64 * 1024,
  // EF.CardSecurity: SecurityInfos plus the DSC, 2 KB in real documents.
  cardSecurity: 64 * 1024,
  // EF.CardAccess and DG14: a few SecurityInfos, at most a few DH/EC keys (0.3-1.5 KB seen).
  cardAccess: 16 * 1024,
  dg14: 16 * 1024,
  // DG15: one SubjectPublicKeyInfo, 0.2-0.6 KB (RSA-4096 or explicit P-521 parameters).
  dg15: 8 * 1024,
  // One certificate or CRL given to the trust store: CSCA certificates are 1-2 KB.
  certificate: 64 * 1024,
  // ICAO CSCA master lists: DE 2026 is 0.9 MB with 588 certificates.
  masterList: 16 * 1024 * 1024,
  crl: 16 * 1024 * 1024,
  // ICAO PKD LDIF download of master lists and CRLs (tens of MB).
  ldif: 256 * 1024 * 1024,
} as const;

/** Options of the parsers that take one file. */
export interface MaxBytesOptions {
  /** Largest input accepted, in bytes; larger input is refused with `ERR_CHIP_INPUT_SIZE`. */
  readonly maxBytes?: number;
}

/**
 * The limit given as an option, or `fallback`.
 *
 * @throws RangeError when the option is not a positive integer (or `Infinity`).
 */
export function maxBytesOption(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !(value >= 1) ||
    (!Number.isSafeInteger(value) && value !== Number.POSITIVE_INFINITY)
  ) {
    throw new RangeError(`${name} must be a positive integer or Infinity`);
  }
  return value;
}

/** Throws `ERR_CHIP_INPUT_SIZE` when `input` is longer than `max`. */
export function checkSize(input: { readonly length: number }, max: number, what: string): void {
  if (input.length > max) throw fail('ERR_CHIP_INPUT_SIZE', { what, size: input.length, max });
}
