/** Verification of EF.CardSecurity: signature and Document Signer chain, as for EF.SOD. */
import { isCancuocError } from '@cancuoc/core';
import type { TrustStore } from './create-trust-store.js';
import { checkAtOption, checkSignedObject } from './internal/check-signed-object.js';
import { DEFAULT_MAX_BYTES, maxBytesOption } from './internal/limits.js';
import { type CardSecurity, parseCardSecurity } from './parse-card-security.js';

/** Result of {@link verifyCardSecurity}. */
export interface CardSecurityReport {
  readonly verified: boolean;
  readonly signature: 'valid' | 'invalid' | 'unsupported';
  readonly chain: 'trusted' | 'untrusted' | 'expired' | 'revoked';
  readonly reasons: string[];
  /** The parsed file when it could be read. */
  readonly cardSecurity?: CardSecurity;
}

/**
 * Verifies EF.CardSecurity against the trust store (fails closed). A file larger than `maxBytes`
 * (default 65536) is not read: `verified` is false with an `ERR_CHIP_INPUT_SIZE` reason.
 *
 * @example
 * ```ts
 * const { verified, cardSecurity } = await verifyCardSecurity({ cardSecurity: bytes, trust });
 * ```
 */
export async function verifyCardSecurity(input: {
  readonly cardSecurity: Uint8Array;
  readonly trust: TrustStore;
  readonly at?: Date | 'signing-time';
  readonly maxBytes?: number;
}): Promise<CardSecurityReport> {
  checkAtOption(input.at, 'at');
  const maxBytes = maxBytesOption(input.maxBytes, DEFAULT_MAX_BYTES.cardSecurity, 'maxBytes');
  let parsed: CardSecurity;
  try {
    parsed = parseCardSecurity(input.cardSecurity, { maxBytes });
  } catch (e) {
    const why = isCancuocError(e) ? `${e.code}: ${e.message}` : 'unreadable';
    return {
      verified: false,
      signature: 'invalid',
      chain: 'untrusted',
      reasons: [`EF.CardSecurity cannot be read: ${why}`],
    };
  }
  const reasons: string[] = [];
  const { signature, chain } = await checkSignedObject(
    parsed,
    'EF.CardSecurity',
    input.trust,
    input.at,
    reasons,
  );
  return {
    verified: signature === 'valid' && chain === 'trusted',
    signature,
    chain,
    reasons,
    cardSecurity: parsed,
  };
}
