/**
 * Passive authentication (ICAO 9303-11 §5.1, 9303-12): data-group hashes against EF.SOD, the SOD's
 * CMS signature with the algorithm named in SignerInfo, and the Document Signer certificate's chain
 * to a trusted CSCA, its validity and revocation. Fails closed: anything unknown or unreadable makes
 * `verified` false, with a reason.
 */
import { equalBytes, isCancuocError } from '@cancuoc/core';
import type { TrustStore } from './create-trust-store.js';
import { checkAtOption, checkSignedObject } from './internal/check-signed-object.js';
import { digest, digestNow } from './internal/digest.js';
import { DEFAULT_MAX_BYTES, maxBytesOption } from './internal/limits.js';
import { OID } from './internal/oids.js';
import { parseSod, type Sod } from './parse-sod.js';

/** Status of one data group. */
export type DataGroupStatus = 'match' | 'mismatch' | 'missing' | 'not-covered';

/** The verdict of {@link verifyPassive}. */
export interface PassiveAuthenticationReport {
  /** True only if every given data group matches, the signature is valid and the chain is trusted. */
  readonly verified: boolean;
  /**
   * Per data group: `match`, `mismatch` (tampered), `missing` (hashed in the SOD but not given),
   * `not-covered` (given but not in the SOD: its content is unauthenticated, so `verified` is false).
   */
  readonly dataGroups: Record<number, DataGroupStatus>;
  /** The SOD's CMS signature with the algorithm from SignerInfo. */
  readonly signature: 'valid' | 'invalid' | 'unsupported';
  /** The Document Signer certificate against the trust store, at `at`. */
  readonly chain: 'trusted' | 'untrusted' | 'expired' | 'revoked';
  /** Why the verdict is what it is, in English, one line per finding (no personal data). */
  readonly reasons: string[];
}

/** Input of {@link verifyPassive}. */
export interface VerifyPassiveInput {
  /** EF.SOD bytes (or an already parsed SOD). */
  readonly sod: Uint8Array | Sod;
  /** Data groups read from the chip, by number. */
  readonly dataGroups: Readonly<Record<number, Uint8Array>>;
  /** Trusted CSCA certificates. */
  readonly trust: TrustStore;
  /**
   * Date at which certificates must be valid: default now; `'signing-time'` uses the SOD's signing
   * time attribute (for archived reads and expired sample documents; falls back to now if absent).
   */
  readonly at?: Date | 'signing-time';
  /**
   * Data groups that must be given and match (e.g. `[1, 13]` before using the holder's data);
   * any other status makes `verified` false.
   */
  readonly requiredDataGroups?: readonly number[];
  /**
   * Largest EF.SOD accepted, in bytes; default 65536 (real SODs are 1-3 KB). A larger one is not
   * read: `verified` is false with an `ERR_CHIP_INPUT_SIZE` reason.
   */
  readonly maxSodBytes?: number;
}

function message(e: unknown): string {
  return isCancuocError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : 'unknown error';
}

/**
 * Verifies a card's data passively. Bad data never throws: it makes `verified` false with a reason.
 *
 * @throws TypeError / RangeError on misuse: no trust store, a data group number outside 1-16, an
 *   invalid `at` Date, a `maxSodBytes` that is not a positive integer.
 * @example
 * ```ts
 * const trust = await createTrustStore({ certificates: [vietnamCscaPem] });
 * const report = await verifyPassive({ sod, dataGroups: { 1: dg1, 2: dg2, 13: dg13 }, trust });
 * if (!report.verified) console.warn(report.reasons);
 * ```
 */
export async function verifyPassive(input: VerifyPassiveInput): Promise<PassiveAuthenticationReport> {
  if (typeof input !== 'object' || input === null) throw new TypeError('verifyPassive expects an object');
  const { trust } = input;
  if (!trust || typeof trust.issuersOf !== 'function')
    throw new TypeError('verifyPassive needs a trust store');
  checkAtOption(input.at, 'at');
  const maxSodBytes = maxBytesOption(input.maxSodBytes, DEFAULT_MAX_BYTES.sod, 'maxSodBytes');
  const given = input.dataGroups ?? {};
  for (const [key, value] of Object.entries(given)) {
    const n = Number(key);
    if (!Number.isInteger(n) || n < 1 || n > 16) throw new RangeError(`data group number ${key} is not 1-16`);
    if (!(value instanceof Uint8Array)) throw new TypeError(`data group ${key} must be a Uint8Array`);
  }
  const reasons: string[] = [];
  const dataGroups: Record<number, DataGroupStatus> = {};

  let sod: Sod;
  try {
    sod = input.sod instanceof Uint8Array ? parseSod(input.sod, { maxBytes: maxSodBytes }) : input.sod;
  } catch (e) {
    for (const key of Object.keys(given)) dataGroups[Number(key)] = 'not-covered';
    return {
      verified: false,
      dataGroups,
      signature: 'invalid',
      chain: 'untrusted',
      reasons: [`EF.SOD cannot be read: ${message(e)}`],
    };
  }

  // 1. Data-group hashes (9303-11 §5.1 step 3).
  const hashes = sod.ldsSecurityObject.dataGroupHashes;
  const hash = sod.ldsSecurityObject.hashAlgorithm;
  let groupsOk = true;
  for (const [key, bytes] of Object.entries(given)) {
    const n = Number(key);
    const expected = hashes[n];
    if (!expected) {
      dataGroups[n] = 'not-covered';
      groupsOk = false;
      reasons.push(`DG${n} is not covered by EF.SOD, so its content is not authenticated`);
      continue;
    }
    const actual = digestNow(hash, bytes) ?? (await digest(hash, bytes));
    dataGroups[n] = equalBytes(actual, expected) ? 'match' : 'mismatch';
    if (dataGroups[n] === 'mismatch') {
      groupsOk = false;
      reasons.push(`DG${n} does not match its hash in EF.SOD (the data was altered)`);
    }
  }
  for (const key of Object.keys(hashes)) {
    const n = Number(key);
    if (dataGroups[n] === undefined) dataGroups[n] = 'missing';
  }
  for (const n of input.requiredDataGroups ?? []) {
    if (dataGroups[n] !== 'match') {
      groupsOk = false;
      reasons.push(
        `DG${n} is required but ${dataGroups[n] === 'mismatch' ? 'does not match' : 'was not verified'}`,
      );
    }
  }
  if (Object.keys(given).length === 0) {
    groupsOk = false;
    reasons.push('no data group was given');
  }

  // 2. CMS signature with the algorithm from SignerInfo; 3. chain DSC → CSCA, validity, CRLs.
  const { signature, chain } = await checkSignedObject(sod, 'EF.SOD', trust, input.at, reasons);
  if (sod.eContentType !== OID.ldsSecurityObject)
    reasons.push(`legacy eContentType ${sod.eContentType} accepted`);

  return {
    verified: groupsOk && signature === 'valid' && chain === 'trusted',
    dataGroups,
    signature,
    chain,
    reasons,
  };
}
