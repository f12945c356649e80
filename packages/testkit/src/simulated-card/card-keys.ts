/** Keys the software card holds for chip authentication (DG14) and active authentication (DG15). */

/** An EC private key on a PACE standardized curve (parameter ID 13 = brainpoolP256r1). */
export interface SimulatedEcKey {
  readonly kind: 'ec';
  /** PACE standardized domain parameter ID of the curve (9303-11 §9.5.1); default 13. */
  readonly parameterId?: number;
  /** The private scalar, big-endian. */
  readonly privateKey: Uint8Array;
}

/** An RSA private key for active authentication (ISO/IEC 9796-2 scheme 1 with SHA-1). */
export interface SimulatedRsaKey {
  readonly kind: 'rsa';
  readonly modulus: bigint;
  readonly privateExponent: bigint;
}

/** Private keys of the software card. */
export interface SimulatedCardKeys {
  /** Chip authentication key whose public half is in DG14. */
  readonly chipAuthentication?: SimulatedEcKey;
  /** Active authentication key whose public half is in DG15. */
  readonly activeAuthentication?: SimulatedEcKey | SimulatedRsaKey;
}
