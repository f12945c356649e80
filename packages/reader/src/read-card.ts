import type { ActiveAuthenticationProof, AuthenticationStatus } from '@cancuoc/chip/lite';
import type { AccessKey } from './access-key.js';
import type { ReaderErrorCode } from './errors.js';
import type { PaceFallback } from './internal/pace-fallback.js';
import type { RandomSource } from './internal/random.js';
import type { Transport } from './transport.js';

/** Progress of one file, for a progress bar: `bytesRead` of `totalBytes` of `file` (`DG2` …). */
export interface ReadCardProgress {
  /** `EF.COM`, `DG1`, `DG2`, … `EF.SOD`. */
  readonly file: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

/** Options of {@link readCard}. */
export interface ReadCardOptions {
  /** MRZ values or the CAN (see `accessFromPersonalId`). */
  readonly access: AccessKey;
  /**
   * Data groups to read. Default: every data group EF.COM lists except DG3 and DG4 (fingerprints
   * and iris need Extended Access Control, which inspection systems outside the state do not have).
   * DG14 and DG15 are read and returned whenever chip or active authentication uses them, so that
   * `verifyCard` can check the keys against EF.SOD.
   */
  readonly files?: readonly number[];
  /** Called after every READ BINARY answer. */
  readonly onProgress?: (progress: ReadCardProgress) => void;
  /** Cancels the read; the pending APDU is abandoned and `ERR_READER_ABORTED` is thrown. */
  readonly signal?: AbortSignal;
  /** Time allowed per APDU round trip in milliseconds (default 5000). */
  readonly timeoutMs?: number;
  /**
   * `auto` (default): PACE when EF.CardAccess announces it, BAC otherwise, and BAC after a PACE
   * the card refuses (MRZ access only; see {@link CardReadResult.paceFallback}). `PACE` or `BAC`:
   * that protocol only, no fallback.
   */
  readonly protocol?: 'auto' | 'PACE' | 'BAC';
  /** Run chip authentication when DG14 has a key (default true). */
  readonly chipAuthentication?: boolean;
  /** Run active authentication when DG15 is present (default true). */
  readonly activeAuthentication?: boolean;
  /**
   * What to do when the chip fails chip or active authentication (a copy of a genuine card's files
   * on a blank chip refuses both): `report` (default) reads the card to the end, establishing
   * access again when the card ended the session, and reports `'failed'` with the reason in
   * {@link CardReadResult.authenticationFailures}; `throw` stops with the error (`ERR_READER_CA_FAILED`,
   * `ERR_READER_AA_FAILED`, or the status the card refused with).
   */
  readonly onAuthenticationFailure?: 'report' | 'throw';
  /**
   * Remote verification (eKYC): an 8-byte challenge issued by the server, sent in INTERNAL
   * AUTHENTICATE instead of a random one. The chip's signature comes back in
   * {@link CardReadResult.activeAuthenticationProof} for the server to check with `verifyCard`.
   */
  readonly activeAuthenticationChallenge?: Uint8Array;
  /** Try extended-length READ BINARY (default true; falls back to short lengths when refused). */
  readonly extendedLength?: boolean;
  /** Largest number of file bytes asked per extended READ BINARY (default 65280). */
  readonly maxReadLength?: number;
  /**
   * Largest file accepted, in bytes (default 1 MiB). Files past offset 32 767 are read with READ
   * BINARY B1 (foreign passports with large faces); a card announcing more is refused early.
   */
  readonly maxFileLength?: number;
  /** Send the domain parameter ID in PACE's MSE:Set AT (default true; some chips need it). */
  readonly paceParameterId?: boolean;
  /** Random source for nonces and ephemeral keys; only tests replaying transcripts set this. */
  readonly random?: RandomSource;
}

/**
 * Result of one authentication step: run and passed, run and failed (the chip may be a copy),
 * absent on the card, or turned off. The type of `@cancuoc/chip`, which `verifyCard` takes.
 */
/** A chip's signature over a verifier's challenge (`@cancuoc/chip`'s type). */
export type { ActiveAuthenticationProof, AuthenticationStatus };

/** Why chip or active authentication failed, when {@link readCard} reported it instead of throwing. */
export interface AuthenticationFailure {
  /** The error code the step failed with (`ERR_READER_NOT_SUPPORTED` for a 6D00 refusal …). */
  readonly code: ReaderErrorCode;
  /** The error message, in English. */
  readonly reason: string;
  /** The status word the card refused with, when it refused (`'6D00'`). */
  readonly statusWord?: string;
  /** Whether the card had ended the session and access (PACE or BAC) was established again. */
  readonly accessReestablished: boolean;
}

/** Bytes and APDUs spent on one file. */
export interface FileStatistics {
  readonly file: string;
  readonly bytes: number;
  readonly apdus: number;
}

/** What {@link readCard} returns: the raw files, ready for `@cancuoc/chip`, and how they were read. */
export interface CardReadResult {
  /** EF.COM. */
  readonly com: Uint8Array;
  /** EF.SOD (document security object, for passive authentication). */
  readonly sod: Uint8Array;
  /** Data groups by number (1 = MRZ, 2 = face, 13 = Vietnamese personal data, 14, 15 …). */
  readonly dataGroups: Record<number, Uint8Array>;
  /** EF.CardAccess when the card has one. */
  readonly cardAccess?: Uint8Array;
  /** Access protocol that opened the chip. */
  readonly protocol: 'PACE' | 'BAC';
  /** OID of the PACE variant used, when PACE ran. */
  readonly paceProtocol?: string;
  /**
   * Set when EF.CardAccess announced PACE but the chip was opened with BAC: the error code of the
   * PACE attempt and the status word the card refused it with (`{ code:
   * 'ERR_READER_WRONG_PARAMETERS', statusWord: '6A80' }`), or `ERR_READER_PROTOCOL_UNSUPPORTED`
   * when the card offers only PACE variants this reader does not run. Only with `protocol: 'auto'`
   * and MRZ access; never after a wrong password (`ERR_READER_ACCESS_KEY_WRONG`), a removed card,
   * a timeout or a cancel. The APDUs of the failed attempt count in `apdus`.
   */
  readonly paceFallback?: PaceFallback;
  readonly chipAuthentication: AuthenticationStatus;
  readonly activeAuthentication: AuthenticationStatus;
  /** Why an authentication step reported `'failed'` (only with `onAuthenticationFailure: 'report'`). */
  readonly authenticationFailures?: {
    readonly chipAuthentication?: AuthenticationFailure;
    readonly activeAuthentication?: AuthenticationFailure;
  };
  /**
   * With the option `activeAuthenticationChallenge`: the challenge and the chip's signature over
   * it, for a server to check against DG15 (`verifyCard` of `@cancuoc/chip`).
   */
  readonly activeAuthenticationProof?: ActiveAuthenticationProof;
  /** Total number of APDUs exchanged. */
  readonly apdus: number;
  /** Whether extended-length READ BINARY was used. */
  readonly extendedLength: boolean;
  /** Per-file statistics in reading order. */
  readonly files: readonly FileStatistics[];
  /** Milliseconds: whole read, time waiting on the transport, and the rest (protocol CPU time). */
  readonly timings: { readonly totalMs: number; readonly transportMs: number; readonly cpuMs: number };
}

/**
 * Reads a CCCD / Căn cước chip (or any ICAO 9303 eMRTD) end to end over a {@link Transport}:
 * PACE when the card announces it (BAC otherwise, or when the card refuses PACE and the access is
 * the MRZ: see `paceFallback`), secure messaging, chip authentication (DG14),
 * active authentication (DG15), then EF.COM, the data groups and EF.SOD with the largest reads
 * the card accepts. Parse and verify the returned files with `@cancuoc/chip`.
 *
 * A chip that fails chip or active authentication (a copy of a genuine card's files on a blank
 * chip) is read to the end and reported `'failed'` (see `onAuthenticationFailure`): pass the
 * result to `verifyCard` of `@cancuoc/chip` for one verdict before using any of its data.
 *
 * @throws CancuocError `ERR_READER_ACCESS_KEY_WRONG` (wrong CAN/MRZ), `ERR_READER_CARD_REMOVED`,
 *   `ERR_READER_TIMEOUT`, `ERR_READER_ABORTED`, `ERR_READER_SM_MAC`, `ERR_READER_ACCESS_DENIED`
 *   (e.g. DG3 without EAC) and the other `ERR_READER_*` codes (`ERR_READER_CA_FAILED` and
 *   `ERR_READER_AA_FAILED` with `onAuthenticationFailure: 'throw'`); never a raw transport error.
 *   TypeError for an `activeAuthenticationChallenge` that is not 8 bytes.
 * @example
 * ```ts
 * const card = await readCard(transport, { access: { can: '123456' }, onProgress: (p) => bar.update(p) });
 * const report = await verifyCard({ ...card, trust }); // @cancuoc/chip
 * if (report.genuine) parseDg13(card.dataGroups[13]); // the Vietnamese personal data
 * ```
 */
export async function readCard(transport: Transport, options: ReadCardOptions): Promise<CardReadResult> {
  // Loaded on first use: importing the package stays cheap (issue 12's 40 ms cold-import budget),
  // the protocol code and its cipher tables are evaluated when a card is first read.
  const { readCardSession } = await import('./internal/read-card-session.js');
  return readCardSession(transport, options);
}
