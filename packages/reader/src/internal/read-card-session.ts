/**
 * The body of `readCard`, loaded on the first read (see read-card.ts): the secure-messaging, PACE,
 * BAC and chip/active-authentication machinery, with the AES and DES tables they build, is not
 * evaluated when `@cancuoc/reader` is only imported.
 */
import {
  type ActiveAuthenticationProof,
  type AuthenticationStatus,
  type PaceInfo,
  parseCom,
} from '@cancuoc/chip/lite';
import { type CancuocError, isCancuocError } from '@cancuoc/core';
import { type CheckedAccess, checkAccess, passwordReference } from '../access-key.js';
import { fail, type ReaderErrorCode } from '../errors.js';
import type { AuthenticationFailure, CardReadResult, FileStatistics, ReadCardOptions } from '../read-card.js';
import type { Transport } from '../transport.js';
import { activeAuthenticationUnsupported, performActiveAuthentication } from './active-auth.js';
import { performBac } from './bac.js';
import { Channel } from './channel.js';
import { chipAuthenticationUnsupported, performChipAuthentication } from './chip-auth.js';
import { dataGroupFile, EF_CARD_ACCESS, EF_COM, EF_SOD, EMRTD_AID, type LdsFile } from './files.js';
import { isSupportedPace, performPace } from './pace.js';
import { type PaceFallback, paceFallbackOf } from './pace-fallback.js';
import { pacePassword } from './pace-password.js';
import { secureRandom } from './random.js';
import { type ReadState, readFile } from './read-file.js';
import { SecureMessaging } from './secure-messaging.js';
import { cardAccessPaceInfos, readDg14, readDg15 } from './security-infos.js';
import { statusError } from './status.js';

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

/**
 * Errors that end a read whatever `onAuthenticationFailure` says: the card or the reader is gone,
 * or the card says our secure-messaging MAC was wrong (an integrity fault of the link, not a chip
 * refusing to authenticate).
 */
const FATAL = new Set([
  'ERR_READER_CARD_REMOVED',
  'ERR_READER_TIMEOUT',
  'ERR_READER_ABORTED',
  'ERR_READER_TRANSPORT',
  'ERR_READER_SM_MAC',
]);

function isFatal(error: unknown): boolean {
  return !isCancuocError(error) || FATAL.has(error.code);
}

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

/** The data groups EF.COM lists, each once, read with `@cancuoc/chip`'s `parseCom`. */
function listedDataGroups(com: Uint8Array): number[] {
  let listed: readonly number[];
  try {
    listed = parseCom(com).dataGroups;
  } catch {
    throw fail('ERR_READER_FILE_MALFORMED', { file: 'EF.COM' });
  }
  return [...new Set(listed)];
}

/** `readCard` itself (see its TSDoc in read-card.ts). */
export async function readCardSession(
  transport: Transport,
  options: ReadCardOptions,
): Promise<CardReadResult> {
  if (typeof transport?.transmit !== 'function')
    throw new TypeError('transport must have a transmit function');
  const started = performance.now();
  const access: CheckedAccess = checkAccess(options.access);
  const random = options.random ?? secureRandom;
  const channel = new Channel(transport, { signal: options.signal, timeoutMs: options.timeoutMs });
  const mode = options.protocol ?? 'auto';
  const onFailure = options.onAuthenticationFailure ?? 'report';
  if (onFailure !== 'report' && onFailure !== 'throw')
    throw new TypeError("onAuthenticationFailure must be 'report' or 'throw'");
  const aaChallenge = options.activeAuthenticationChallenge;
  if (aaChallenge !== undefined && (!(aaChallenge instanceof Uint8Array) || aaChallenge.length !== 8))
    throw new TypeError('activeAuthenticationChallenge must be 8 bytes (ICAO 9303-11 §6.1)');
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
    paceProtocol = pace.protocol;
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
  const maxFileLength = options.maxFileLength ?? 0x100000;
  const stats: FileStatistics[] = [];
  const readOnce = async (file: LdsFile): Promise<Uint8Array> => {
    const result = await readFile(channel, file, state, maxFileLength, (p) => options.onProgress?.(p));
    stats.push({ file: file.name, bytes: result.bytes.length, apdus: result.apdus });
    return result.bytes;
  };

  // A chip that fails chip or active authentication may have ended secure messaging (a plain
  // status answer, 9303-11 §9.8.7) or hold other keys than the reader derived: open the session
  // again with the same protocol and access key, as JMRTD and NFCPassportReader do.
  const reestablish = async (): Promise<void> => {
    channel.sm = undefined;
    channel.caPending = false;
    // A plain SELECT ends what is left of a session: a card still holding one refuses the first.
    for (let i = 0; i < 2; i++) {
      const r = await channel.send({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID });
      if (r.sw === 0x9000) break;
    }
    if (protocol === 'PACE' && pace) {
      const keys = await performPace(channel, pace, pacePassword(access), passwordReference(access), {
        random,
        sendParameterId: options.paceParameterId ?? true,
      });
      channel.sm = new SecureMessaging(keys);
      await selectApplication(channel);
    } else if (access.kind === 'mrz') {
      channel.sm = new SecureMessaging(await performBac(channel, access.mrzInformation, random));
    }
  };
  const failures: {
    chipAuthentication?: AuthenticationFailure;
    activeAuthentication?: AuthenticationFailure;
  } = {};
  /** Records a failed step; re-establishes access when the card ended the session. */
  const recordFailure = async (
    step: 'chipAuthentication' | 'activeAuthentication',
    error: CancuocError<ReaderErrorCode>,
    sessionLost: boolean,
  ): Promise<void> => {
    if (sessionLost) await reestablish();
    const sw = error.details?.sw;
    failures[step] = {
      code: error.code,
      reason: error.message,
      ...(typeof sw === 'string' ? { statusWord: sw } : {}),
      accessReestablished: sessionLost,
    };
  };
  const lostSession = (error: CancuocError): boolean =>
    !channel.lastProtected || error.code === 'ERR_READER_SM_MAC' || error.code === 'ERR_READER_SM_MISSING';

  let chipAuthentication: AuthenticationStatus =
    options.chipAuthentication === false ? 'skipped' : 'not-supported';
  /** Reads a file; the first answer after chip authentication proves the chip holds the DG14 key. */
  const read = async (file: LdsFile): Promise<Uint8Array> => {
    try {
      return await readOnce(file);
    } catch (error) {
      if (
        onFailure === 'throw' ||
        chipAuthentication !== 'passed' ||
        !isCancuocError(error) ||
        error.code !== 'ERR_READER_CA_FAILED'
      )
        throw error;
      chipAuthentication = 'failed';
      await recordFailure('chipAuthentication', error as CancuocError<ReaderErrorCode>, true);
      return readOnce(file);
    }
  };

  const com = await read(EF_COM);
  const listed = listedDataGroups(com);
  const wanted = (options.files ?? listed.filter((n) => n !== 3 && n !== 4)).filter(
    (n, i, all) => Number.isInteger(n) && n >= 1 && n <= 16 && all.indexOf(n) === i,
  );
  const dataGroups: Record<number, Uint8Array> = {};

  let aaAlgorithm: string | undefined;
  // DG14 is also needed by active authentication with an EC key (its ActiveAuthenticationInfo
  // names the hash), so it is read whenever AA will run, even with chip authentication off.
  const aaWillRun = options.activeAuthentication !== false && listed.includes(15);
  if (listed.includes(14) && (wanted.includes(14) || options.chipAuthentication !== false || aaWillRun)) {
    const dg14 = await read(dataGroupFile(14));
    // Returned whenever read: verifyCard checks the keys (and DG14's AA hash) against EF.SOD.
    dataGroups[14] = dg14;
    let dg14Info: ReturnType<typeof readDg14> | undefined;
    try {
      dg14Info = readDg14(dg14);
    } catch (error) {
      if (onFailure === 'throw' || isFatal(error) || options.chipAuthentication === false) throw error;
      chipAuthentication = 'failed';
      await recordFailure('chipAuthentication', error as CancuocError<ReaderErrorCode>, false);
    }
    aaAlgorithm = dg14Info?.activeAuthenticationAlgorithm;
    const key = dg14Info?.keys[0];
    if (key && options.chipAuthentication !== false) {
      try {
        const unsupported = chipAuthenticationUnsupported(key);
        if (unsupported) throw fail('ERR_READER_CA_FAILED', { reason: unsupported });
        const keys = await performChipAuthentication(channel, key, random);
        channel.sm = new SecureMessaging(keys);
        channel.caPending = true;
        chipAuthentication = 'passed';
      } catch (error) {
        if (onFailure === 'throw' || isFatal(error)) throw error;
        chipAuthentication = 'failed';
        const e = error as CancuocError<ReaderErrorCode>;
        // Refused before any APDU (unsupported protocol): the session is untouched.
        const sent = !(e.code === 'ERR_READER_CA_FAILED' && chipAuthenticationUnsupported(key));
        await recordFailure('chipAuthentication', e, sent && lostSession(e));
      }
    }
  }

  let activeAuthentication: AuthenticationStatus =
    options.activeAuthentication === false ? 'skipped' : 'not-supported';
  let activeAuthenticationProof: ActiveAuthenticationProof | undefined;
  if (listed.includes(15) && (wanted.includes(15) || options.activeAuthentication !== false)) {
    const dg15 = await read(dataGroupFile(15));
    // Returned whenever read: verifyCard checks the key active authentication used against EF.SOD.
    dataGroups[15] = dg15;
    if (options.activeAuthentication !== false) {
      let sent = false;
      try {
        const key = readDg15(dg15);
        if (activeAuthenticationUnsupported(key, aaAlgorithm) === undefined) sent = true;
        const challenge = aaChallenge ?? random(8);
        const { proof, failure } = await performActiveAuthentication(
          channel,
          key,
          aaAlgorithm,
          challenge,
          state.extended !== 'no',
        );
        if (aaChallenge) activeAuthenticationProof = proof;
        if (failure) throw failure;
        activeAuthentication = 'passed';
      } catch (error) {
        if (onFailure === 'throw' || isFatal(error)) throw error;
        activeAuthentication = 'failed';
        const e = error as CancuocError<ReaderErrorCode>;
        // A signature that does not verify came in a protected answer: the session holds.
        const refused = e.details?.sw !== undefined;
        await recordFailure('activeAuthentication', e, sent && refused && lostSession(e));
      }
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
    ...(failures.chipAuthentication || failures.activeAuthentication
      ? { authenticationFailures: failures }
      : {}),
    ...(activeAuthenticationProof ? { activeAuthenticationProof } : {}),
    apdus: channel.apdus,
    extendedLength: state.extended === 'yes',
    files: stats,
    timings: { totalMs, transportMs: channel.transportMs, cpuMs: Math.max(0, totalMs - channel.transportMs) },
  };
}
