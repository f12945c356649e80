/**
 * One verdict for "is this card genuine": passive authentication (9303-11 §5.1: the data is what
 * the issuer signed) together with the chip's proof that it is not a copy (chip authentication,
 * §6.2, or active authentication, §6.1), whenever EF.SOD covers the data group holding the key.
 * Passive authentication alone cannot tell an original chip from a copy of its files onto a blank
 * chip: the copy carries the same valid signature.
 */
import { equalBytes, isCancuocError } from '@cancuoc/core';
import type { TrustStore } from './create-trust-store.js';
import { parseDg14 } from './parse-dg14.js';
import type { Sod } from './parse-sod.js';
import { verifyActiveAuthentication } from './verify-active-authentication.js';
import { type PassiveAuthenticationReport, verifyPassive } from './verify-passive.js';

/**
 * Outcome of one authentication step as a reader reports it (`readCard` of `@cancuoc/reader`):
 * `passed`, `failed` (run and refused or wrong: the chip may be a copy), `not-supported` (the card
 * has no key for it) or `skipped` (turned off).
 */
export type AuthenticationStatus = 'passed' | 'failed' | 'not-supported' | 'skipped';

/**
 * What {@link verifyCard} concluded about one authentication step: `passed`, `failed`,
 * `not-supported` (EF.SOD covers no key for it), or `not-checked` (a key is covered but the step
 * was not run, or ran with a data group that is not the one EF.SOD covers).
 */
export type AuthenticationVerdict = 'passed' | 'failed' | 'not-supported' | 'not-checked';

/** A chip's signature over a verifier's challenge (INTERNAL AUTHENTICATE, 9303-11 §6.1). */
export interface ActiveAuthenticationProof {
  /** The 8-byte challenge the chip signed. */
  readonly challenge: Uint8Array;
  /** The chip's answer. */
  readonly signature: Uint8Array;
}

/** Input of {@link verifyCard}; a `readCard` result spreads straight into it. */
export interface VerifyCardInput {
  /** EF.SOD bytes (or an already parsed SOD). */
  readonly sod: Uint8Array | Sod;
  /** Data groups read from the chip, by number (DG14 and DG15 included when the card has them). */
  readonly dataGroups: Readonly<Record<number, Uint8Array>>;
  /** Trusted CSCA certificates. */
  readonly trust: TrustStore;
  /**
   * Chip authentication as the reader in this process ran it. Ignored when `challenge` is given:
   * a remote verifier cannot trust a status the client reports, only a proof it can check.
   */
  readonly chipAuthentication?: AuthenticationStatus;
  /** Active authentication as the reader in this process ran it (ignored when `challenge` is given). */
  readonly activeAuthentication?: AuthenticationStatus;
  /** The chip's signature over `challenge` (readCard's option `activeAuthenticationChallenge`). */
  readonly activeAuthenticationProof?: ActiveAuthenticationProof;
  /**
   * The 8-byte challenge this verifier issued for this read (remote verification, eKYC): the proof
   * must be a signature over exactly it with the DG15 key, so a replayed read is not genuine. Issue
   * a fresh random challenge per read and use it once.
   */
  readonly challenge?: Uint8Array;
  /** Date at which certificates must be valid (see `verifyPassive`); default now. */
  readonly at?: Date | 'signing-time';
  /** Data groups that must be given and match EF.SOD (see `verifyPassive`). */
  readonly requiredDataGroups?: readonly number[];
}

/** The verdict of {@link verifyCard}. */
export interface CardVerificationReport {
  /**
   * True only when passive authentication holds and, where EF.SOD covers DG14 or DG15, chip or
   * active authentication passed with the covered key and neither failed.
   */
  readonly genuine: boolean;
  /** The passive authentication report. */
  readonly passive: PassiveAuthenticationReport;
  readonly chipAuthentication: AuthenticationVerdict;
  readonly activeAuthentication: AuthenticationVerdict;
  /** Why the verdict is what it is, in English, one line per finding (no personal data). */
  readonly reasons: string[];
}

const STATUSES = new Set(['passed', 'failed', 'not-supported', 'skipped']);

function covered(passive: PassiveAuthenticationReport, n: number): boolean {
  const s = passive.dataGroups[n];
  return s === 'match' || s === 'mismatch' || s === 'missing';
}

/** The AA signature algorithm named by DG14's ActiveAuthenticationInfo, when DG14 is readable. */
function aaAlgorithm(dg14: Uint8Array | undefined): string | undefined {
  if (!dg14) return undefined;
  try {
    return parseDg14(dg14).activeAuthentication[0]?.signatureAlgorithm;
  } catch {
    return undefined;
  }
}

async function checkProof(
  input: VerifyCardInput,
  passive: PassiveAuthenticationReport,
  reasons: string[],
): Promise<AuthenticationVerdict> {
  const proof = input.activeAuthenticationProof;
  const challenge = input.challenge;
  if (!covered(passive, 15)) {
    if (!proof) return 'not-supported';
    reasons.push('an active-authentication proof was given but EF.SOD covers no DG15 key');
    return 'failed';
  }
  if (passive.dataGroups[15] !== 'match') {
    reasons.push('active authentication cannot be checked: DG15 was not verified against EF.SOD');
    return proof ? 'failed' : 'not-checked';
  }
  if (!proof) {
    reasons.push('no active-authentication proof for the challenge was given');
    return 'failed';
  }
  if (!challenge) {
    reasons.push("the proof's freshness cannot be checked: the verifier's challenge was not given");
    return 'failed';
  }
  if (!equalBytes(proof.challenge, challenge)) {
    reasons.push('the proof answers another challenge (a replayed read)');
    return 'failed';
  }
  try {
    const report = await verifyActiveAuthentication({
      publicKey: input.dataGroups[15] as Uint8Array,
      challenge,
      signature: proof.signature,
      ...optional('signatureAlgorithm', aaAlgorithm(input.dataGroups[14])),
    });
    if (report.valid) return 'passed';
    reasons.push(`the active-authentication signature does not verify (${report.reason ?? 'invalid'})`);
  } catch (e) {
    reasons.push(
      `the active-authentication proof cannot be checked (${isCancuocError(e) ? e.code : 'error'})`,
    );
  }
  return 'failed';
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A status reported by the reader in this process, tied to the data group EF.SOD covers. */
function reported(
  status: AuthenticationStatus | undefined,
  name: string,
  dg: number,
  passive: PassiveAuthenticationReport,
  reasons: string[],
): AuthenticationVerdict {
  if (status === 'failed') {
    reasons.push(`${name} failed: the chip may be a copy of a genuine card's files`);
    return 'failed';
  }
  if (!covered(passive, dg)) return 'not-supported';
  if (status === 'passed') {
    if (passive.dataGroups[dg] === 'match') return 'passed';
    reasons.push(`${name} ran with a DG${dg} that was not verified against EF.SOD`);
    return 'not-checked';
  }
  return 'not-checked';
}

/**
 * Verifies a card read in one call: passive authentication of the data groups against EF.SOD and
 * the trust store, and the chip's proof that it is the original chip. With `challenge` (remote
 * verification: the server issued it, the client passed it to `readCard` as
 * `activeAuthenticationChallenge` and sent back the result), active authentication rests on the
 * proof alone and the statuses the client reports are ignored.
 *
 * @throws TypeError / RangeError for a missing trust store, a malformed status or a challenge that
 *   is not 8 bytes; bad card data never throws, it makes `genuine` false with a reason.
 * @example
 * ```ts
 * const card = await readCard(transport, { access: { can } });
 * const report = await verifyCard({ ...card, trust });
 * if (!report.genuine) console.warn(report.reasons);
 * else parseDg13(card.dataGroups[13]);
 * ```
 */
export async function verifyCard(input: VerifyCardInput): Promise<CardVerificationReport> {
  if (typeof input !== 'object' || input === null) throw new TypeError('verifyCard expects an object');
  for (const key of ['chipAuthentication', 'activeAuthentication'] as const) {
    const v = input[key];
    if (v !== undefined && !STATUSES.has(v)) throw new TypeError(`${key} must be one of ${[...STATUSES]}`);
  }
  const { challenge, activeAuthenticationProof: proof } = input;
  if (challenge !== undefined && (!(challenge instanceof Uint8Array) || challenge.length !== 8))
    throw new RangeError('challenge must be 8 bytes (ICAO 9303-11 §6.1)');
  if (
    proof !== undefined &&
    (typeof proof !== 'object' ||
      proof === null ||
      !(proof.challenge instanceof Uint8Array) ||
      !(proof.signature instanceof Uint8Array))
  )
    throw new TypeError('activeAuthenticationProof must hold challenge and signature Uint8Arrays');

  const passive = await verifyPassive({
    sod: input.sod,
    dataGroups: input.dataGroups,
    trust: input.trust,
    ...optional('at', input.at),
    ...optional('requiredDataGroups', input.requiredDataGroups),
  });
  const reasons = [...passive.reasons];
  if (!passive.verified) reasons.push('passive authentication failed');

  const remote = challenge !== undefined;
  let chipAuthentication: AuthenticationVerdict;
  if (remote) {
    // Chip authentication only protects the session it opened: nothing of it reaches a server.
    chipAuthentication = covered(passive, 14) ? 'not-checked' : 'not-supported';
  } else {
    chipAuthentication = reported(input.chipAuthentication, 'chip authentication', 14, passive, reasons);
  }
  const activeAuthentication =
    remote || proof
      ? await checkProof(input, passive, reasons)
      : reported(input.activeAuthentication, 'active authentication', 15, passive, reasons);

  const needsProof = covered(passive, 14) || covered(passive, 15);
  const anyPassed = chipAuthentication === 'passed' || activeAuthentication === 'passed';
  const anyFailed = chipAuthentication === 'failed' || activeAuthentication === 'failed';
  if (needsProof && !anyPassed && !anyFailed)
    reasons.push('the chip did not prove it is the original: neither chip nor active authentication passed');
  return {
    genuine: passive.verified && !anyFailed && (!needsProof || anyPassed),
    passive,
    chipAuthentication,
    activeAuthentication,
    reasons,
  };
}
