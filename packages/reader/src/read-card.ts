import { isCancuocError } from '@cancuoc/core';
import {
  type AccessKey,
  type CheckedAccess,
  checkAccess,
  pacePassword,
  passwordReference,
} from './access-key.js';
import { fail } from './errors.js';
import { performActiveAuthentication } from './internal/active-auth.js';
import { performBac } from './internal/bac.js';
import { Channel } from './internal/channel.js';
import { performChipAuthentication } from './internal/chip-auth.js';
import {
  dataGroupFile,
  dataGroupOfTag,
  EF_CARD_ACCESS,
  EF_COM,
  EF_SOD,
  EMRTD_AID,
  type LdsFile,
} from './internal/files.js';
import { isSupportedPace, performPace } from './internal/pace.js';
import { type PaceFallback, paceFallbackOf } from './internal/pace-fallback.js';
import { type RandomSource, secureRandom } from './internal/random.js';
import { type ReadState, readFile } from './internal/read-file.js';
import { SecureMessaging } from './internal/secure-messaging.js';
import { cardAccessPaceInfos, type PaceInfo, readDg14, readDg15 } from './internal/security-infos.js';
import { statusError } from './internal/status.js';
import { readTlv, readTlvs } from './internal/tlv.js';
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
  /** Try extended-length READ BINARY (default true; falls back to short lengths when refused). */
  readonly extendedLength?: boolean;
  /** Largest number of file bytes asked per extended READ BINARY (default 65280). */
  readonly maxReadLength?: number;
  /** Largest file accepted, in bytes (default 32768, the reach of READ BINARY offsets). */
  readonly maxFileLength?: number;
  /** Send the domain parameter ID in PACE's MSE:Set AT (default true; some chips need it). */
  readonly paceParameterId?: boolean;
  /** Random source for nonces and ephemeral keys; only tests replaying transcripts set this. */
  readonly random?: RandomSource;
}

/** Result of one authentication step: run and passed, absent on the card, or turned off. */
export type AuthenticationStatus = 'passed' | 'not-supported' | 'skipped';

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
 * Reads EF.CardAccess (MF, short EF identifier 1C, 9303-10 §3.11.3). Its first READ BINARY asks an
 * extended Le, which tells whether the card takes extended lengths: learnt here in plain because a
 * refused extended APDU under secure messaging can leave the two send sequence counters apart.
 */
async function readCardAccess(channel: Channel, state: ReadState): Promise<Uint8Array | undefined> {
  try {
    return (await readFile(channel, EF_CARD_ACCESS, state, 4096, () => {})).bytes;
  } catch (error) {
    if (isCancuocError(error) && ABSENT.has(error.code)) return undefined;
    throw error;
  }
}

const ABSENT = new Set([
  'ERR_READER_FILE_NOT_FOUND',
  'ERR_READER_ACCESS_DENIED',
  'ERR_READER_WRONG_PARAMETERS',
  'ERR_READER_NOT_SUPPORTED',
  'ERR_READER_CONDITIONS_NOT_SATISFIED',
  'ERR_READER_FILE_MALFORMED',
  'ERR_READER_STATUS',
]);

/** Probes extended length in plain with GET CHALLENGE before BAC (see {@link readCardAccess}). */
async function probeExtended(channel: Channel): Promise<boolean> {
  try {
    const r = await channel.send({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 }, { extended: true });
    return r.sw === 0x9000 && r.data.length === 8;
  } catch (error) {
    // Readers without extended-length support may fail the transmit itself.
    if (isCancuocError(error) && error.code === 'ERR_READER_TRANSPORT') return false;
    throw error;
  }
}

async function selectApplication(channel: Channel): Promise<void> {
  const r = await channel.send({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID });
  if (r.sw !== 0x9000) throw statusError(r.sw, 'the eMRTD application');
}

function listedDataGroups(com: Uint8Array): number[] {
  const outer = readTlv(com);
  if (outer?.tag !== 0x60) throw fail('ERR_READER_FILE_MALFORMED', { file: 'EF.COM' });
  const list = readTlvs(outer.value)?.find((t) => t.tag === 0x5c);
  if (!list) throw fail('ERR_READER_FILE_MALFORMED', { file: 'EF.COM' });
  const out: number[] = [];
  for (const tag of list.value) {
    const dg = dataGroupOfTag(tag);
    if (dg !== undefined && !out.includes(dg)) out.push(dg);
  }
  return out;
}

/**
 * Reads a CCCD / Căn cước chip (or any ICAO 9303 eMRTD) end to end over a {@link Transport}:
 * PACE when the card announces it (BAC otherwise, or when the card refuses PACE and the access is
 * the MRZ: see `paceFallback`), secure messaging, chip authentication (DG14),
 * active authentication (DG15), then EF.COM, the data groups and EF.SOD with the largest reads
 * the card accepts. Parse and verify the returned files with `@cancuoc/chip`.
 *
 * @throws CancuocError `ERR_READER_ACCESS_KEY_WRONG` (wrong CAN/MRZ), `ERR_READER_CARD_REMOVED`,
 *   `ERR_READER_TIMEOUT`, `ERR_READER_ABORTED`, `ERR_READER_SM_MAC`, `ERR_READER_AA_FAILED`,
 *   `ERR_READER_CA_FAILED`, `ERR_READER_ACCESS_DENIED` (e.g. DG3 without EAC) and the other
 *   `ERR_READER_*` codes; never a raw transport error.
 * @example
 * ```ts
 * const card = await readCard(transport, { access: { can: '123456' }, onProgress: (p) => bar.update(p) });
 * card.dataGroups[13]; // DG13, the Vietnamese personal data
 * ```
 */
export async function readCard(transport: Transport, options: ReadCardOptions): Promise<CardReadResult> {
  if (typeof transport?.transmit !== 'function')
    throw new TypeError('transport must have a transmit function');
  const started = performance.now();
  const access: CheckedAccess = checkAccess(options.access);
  const random = options.random ?? secureRandom;
  const channel = new Channel(transport, { signal: options.signal, timeoutMs: options.timeoutMs });
  const mode = options.protocol ?? 'auto';
  channel.checkAborted();

  let cardAccess: Uint8Array | undefined;
  let pace: PaceInfo | undefined;
  let extended: boolean | undefined = options.extendedLength === false ? false : undefined;
  if (mode !== 'BAC') {
    const plainState: ReadState = {
      extended: extended === false ? 'no' : 'probe',
      extendedLe: 0xff00,
      shortLe: 256,
      sfi: true,
    };
    cardAccess = await readCardAccess(channel, plainState);
    if (plainState.extended !== 'probe') extended ??= plainState.extended === 'yes';
    const infos = cardAccess ? cardAccessPaceInfos(cardAccess) : [];
    pace = infos.find(isSupportedPace);
    if (!pace && (mode === 'PACE' || access.kind === 'can')) {
      throw fail('ERR_READER_PROTOCOL_UNSUPPORTED', {
        reason: infos.length
          ? 'the card offers only PACE variants this reader does not support'
          : 'the card does not offer PACE',
      });
    }
  }

  let protocol: 'PACE' | 'BAC';
  let paceProtocol: string | undefined;
  let paceFallback: PaceFallback | undefined;
  if (!pace && cardAccess && access.kind === 'mrz' && cardAccessPaceInfos(cardAccess).length) {
    paceFallback = { code: 'ERR_READER_PROTOCOL_UNSUPPORTED' };
  }
  let paceKeys: Awaited<ReturnType<typeof performPace>> | undefined;
  if (pace) {
    try {
      paceKeys = await performPace(channel, pace, pacePassword(access), passwordReference(access), {
        random,
        sendParameterId: options.paceParameterId ?? true,
      });
    } catch (error) {
      // 9303-11 §4.2: BAC when the chip refuses PACE, with the MRZ only (there is no BAC with the CAN).
      paceFallback = mode === 'auto' && access.kind === 'mrz' ? paceFallbackOf(error) : undefined;
      if (!paceFallback) throw error;
    }
  }
  if (pace && paceKeys) {
    channel.sm = new SecureMessaging(paceKeys);
    protocol = 'PACE';
    paceProtocol = pace.oid;
    await selectApplication(channel);
  } else {
    // After a failed PACE this SELECT also resets the card's access-control state before BAC.
    if (access.kind !== 'mrz') throw fail('ERR_READER_PROTOCOL_UNSUPPORTED', { reason: 'BAC needs the MRZ' });
    await selectApplication(channel);
    extended ??= await probeExtended(channel);
    channel.sm = new SecureMessaging(await performBac(channel, access.mrzInformation, random));
    protocol = 'BAC';
  }

  const smLimit = channel.sm.suite.family === 'AES' ? 223 : 231;
  const state: ReadState = {
    extended: extended === undefined ? 'probe' : extended ? 'yes' : 'no',
    extendedLe: Math.max(smLimit, Math.min(options.maxReadLength ?? 0xff00, 0xff00)),
    shortLe: smLimit,
    sfi: true,
  };
  const maxFileLength = options.maxFileLength ?? 0x8000;
  const stats: FileStatistics[] = [];
  const read = async (file: LdsFile): Promise<Uint8Array> => {
    const result = await readFile(channel, file, state, maxFileLength, (p) => options.onProgress?.(p));
    stats.push({ file: file.name, bytes: result.bytes.length, apdus: result.apdus });
    return result.bytes;
  };

  const com = await read(EF_COM);
  const listed = listedDataGroups(com);
  const wanted = (options.files ?? listed.filter((n) => n !== 3 && n !== 4)).filter(
    (n, i, all) => Number.isInteger(n) && n >= 1 && n <= 16 && all.indexOf(n) === i,
  );
  const dataGroups: Record<number, Uint8Array> = {};

  let chipAuthentication: AuthenticationStatus =
    options.chipAuthentication === false ? 'skipped' : 'not-supported';
  let aaAlgorithm: string | undefined;
  // DG14 is also needed by active authentication with an EC key (its ActiveAuthenticationInfo
  // names the hash), so it is read whenever AA will run, even with chip authentication off.
  const aaWillRun = options.activeAuthentication !== false && listed.includes(15);
  if (listed.includes(14) && (wanted.includes(14) || options.chipAuthentication !== false || aaWillRun)) {
    const dg14 = await read(dataGroupFile(14));
    if (wanted.includes(14)) dataGroups[14] = dg14;
    const dg14Info = readDg14(dg14);
    aaAlgorithm = dg14Info.activeAuthenticationAlgorithm;
    const key = dg14Info.keys[0];
    if (key && options.chipAuthentication !== false) {
      channel.sm = new SecureMessaging(await performChipAuthentication(channel, key, random));
      channel.caPending = true;
      chipAuthentication = 'passed';
    }
  }

  let activeAuthentication: AuthenticationStatus =
    options.activeAuthentication === false ? 'skipped' : 'not-supported';
  if (listed.includes(15) && (wanted.includes(15) || options.activeAuthentication !== false)) {
    const dg15 = await read(dataGroupFile(15));
    if (wanted.includes(15)) dataGroups[15] = dg15;
    if (options.activeAuthentication !== false) {
      const key = readDg15(dg15);
      await performActiveAuthentication(channel, key, aaAlgorithm, random, state.extended !== 'no');
      activeAuthentication = 'passed';
    }
  }

  for (const n of wanted) {
    if (dataGroups[n]) continue;
    dataGroups[n] = await read(dataGroupFile(n));
  }
  const sod = await read(EF_SOD);
  if (chipAuthentication === 'passed' && channel.caPending) {
    throw fail('ERR_READER_CA_FAILED', { reason: 'no answer was checked with the new keys' });
  }
  const totalMs = performance.now() - started;
  return {
    com,
    sod,
    dataGroups,
    ...(cardAccess ? { cardAccess } : {}),
    protocol,
    ...(paceProtocol ? { paceProtocol } : {}),
    ...(paceFallback ? { paceFallback } : {}),
    chipAuthentication,
    activeAuthentication,
    apdus: channel.apdus,
    extendedLength: state.extended === 'yes',
    files: stats,
    timings: { totalMs, transportMs: channel.transportMs, cpuMs: Math.max(0, totalMs - channel.transportMs) },
  };
}
