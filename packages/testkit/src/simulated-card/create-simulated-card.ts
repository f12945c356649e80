/**
 * A software CCCD / Căn cước chip: the card side of ICAO 9303-11 (SELECT, GET CHALLENGE, BAC's
 * EXTERNAL AUTHENTICATE, PACE ECDH-GM and ECDH-IM, secure messaging, chip authentication, INTERNAL
 * AUTHENTICATE, READ BINARY with short/extended lengths and the odd INS B1 for offsets past
 * 32 767) over the same building blocks as the
 * reader (`@cancuoc/reader/protocol`), with faults on demand.
 */
import { CancuocError, concatBytes, equalBytes } from '@cancuoc/core';
import {
  CardRemovedError,
  type CommandApdu,
  formatResponseApdu,
  parseCommandApdu,
  type ResponseApdu,
  type Transport,
} from '@cancuoc/reader';
import {
  bacKeySeed,
  bigintToBytes,
  bytesToBigint,
  type CipherSuite,
  caAlgorithm,
  cbcDecrypt,
  cbcEncrypt,
  checkAccess,
  curveByParameterId,
  decodeOid,
  deriveKey,
  type EcPoint,
  EMRTD_AID,
  fieldLength,
  integratedMapping,
  paceAlgorithm,
  pacePassword,
  randomScalar,
  readTlv,
  readTlvs,
  retailMac,
  SecureMessaging,
  supportsIntegratedMapping,
  TDES_SUITE,
  tlv,
  tokenInput,
  tokenMac,
} from '@cancuoc/reader/protocol';
import { ecdsa } from '@noble/curves/abstract/weierstrass.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { signIso9796Sha1 } from '../internal/iso9796.js';
import type { SimulatedCardKeys } from './card-keys.js';

/** Files served by the software card. */
export interface SimulatedCardFiles {
  readonly com: Uint8Array;
  readonly sod: Uint8Array;
  readonly dataGroups: Readonly<Record<number, Uint8Array>>;
  /** EF.CardAccess; without it the card offers BAC only. */
  readonly cardAccess?: Uint8Array;
}

/** Faults the software card can inject. APDU numbers count from 1. */
export interface SimulatedCardFaults {
  /** The card leaves the field after this many APDUs: later transmits reject. */
  readonly dropAfter?: number;
  /** Corrupt the MAC of the response to this APDU. */
  readonly wrongMacAt?: number;
  /** Answer this APDU with this status word in plain and close the session (e.g. 0x6988). */
  readonly statusAt?: { readonly apdu: number; readonly sw: number };
  /** Never answer this APDU (the promise stays pending until the reader gives up). */
  readonly hangAt?: number;
  /** Answer a READ BINARY whose Le passes the maximum with 6Cxx instead of a shorter answer. */
  readonly strictLe?: boolean;
  /** Refuse READ BINARY by short EF identifier (6A86) inside the application: files need a SELECT. */
  readonly noShortFileIds?: boolean;
  /** Answer 6700 to a READ BINARY whose Le runs past the end of the file. */
  readonly wrongLengthPastEnd?: boolean;
  /**
   * Refuse PACE although EF.CardAccess announces it, while BAC keeps working (chips seen in the
   * field): answer `sw` (default 6A80) to MSE:Set AT (`step` 0, the default) or to GENERAL
   * AUTHENTICATE step 1 to 4.
   */
  readonly paceRefused?: { readonly sw?: number; readonly step?: 0 | 1 | 2 | 3 | 4 };
  /** Answer PACE's mapping step (GENERAL AUTHENTICATE 2) with a point that is not on the curve. */
  readonly paceInvalidPoint?: boolean;
  /**
   * Take extended-length APDUs in plain (EF.CardAccess, GET CHALLENGE) but answer 6700, protected,
   * to every extended-length command under secure messaging: chips whose secure-messaging buffer
   * holds short APDUs only.
   */
  readonly extendedLengthRefusedUnderSm?: boolean;
  /**
   * Refuse chip authentication although DG14 announces it: answer `sw` (default 6D00) to MSE:Set AT
   * and MSE:Set KAT. By default the answer is plain and ends the secure-messaging session (as a
   * blank chip holding a copy of a genuine card's files does); `keepSession` answers it protected.
   */
  readonly chipAuthenticationRefused?: RefusedAuthentication;
  /** Refuse INTERNAL AUTHENTICATE although DG15 holds a key, as {@link chipAuthenticationRefused}. */
  readonly activeAuthenticationRefused?: RefusedAuthentication;
  /**
   * A copy of a genuine card's files on a blank chip: it holds neither the chip-authentication nor
   * the active-authentication private key, so it refuses both (6D00, session ended). Shorthand for
   * `chipAuthenticationRefused: {}` and `activeAuthenticationRefused: {}`.
   */
  readonly cloned?: boolean;
  /** Refuse READ BINARY with the odd INS B1 (6D00): a card that cannot serve files over 32 KB. */
  readonly noOddReadBinary?: boolean;
  /**
   * Add this to the length the DO53 of every answer to READ BINARY B1 announces: positive runs
   * past the bytes sent, negative leaves bytes after it (a hostile or broken chip).
   */
  readonly oddReadBinaryLengthLie?: number;
}

/** How the software card refuses an authentication step (see {@link SimulatedCardFaults}). */
export interface RefusedAuthentication {
  /** Status word of the refusal (default 0x6D00, instruction not supported). */
  readonly sw?: number;
  /** Answer under secure messaging and keep the session (default: plain, session ended). */
  readonly keepSession?: boolean;
}

/** Options of {@link createSimulatedCard}. */
export interface SimulatedCardOptions {
  readonly files: SimulatedCardFiles;
  /** MRZ values printed on the card (BAC and PACE-MRZ). */
  readonly mrz: {
    readonly documentNumber: string;
    readonly dateOfBirth: string;
    readonly dateOfExpiry: string;
  };
  /** Card access number (PACE-CAN). */
  readonly can: string;
  /** Protocols the card accepts (default: BAC and PACE when EF.CardAccess is given). */
  readonly protocols?: { readonly bac?: boolean; readonly pace?: boolean };
  /** Largest number of file bytes returned per READ BINARY (default 65536 with extended length, else 256). */
  readonly maxResponseLength?: number;
  /** Whether the card accepts extended-length APDUs (default true). */
  readonly extendedLength?: boolean;
  readonly faults?: SimulatedCardFaults;
  readonly keys?: SimulatedCardKeys;
  /** Random source of the card (default WebCrypto). */
  readonly random?: (n: number) => Uint8Array;
}

/** The software card: a {@link Transport} plus counters for tests. */
export interface SimulatedCard extends Transport {
  /** APDUs received so far. */
  readonly apdus: number;
  /** Whether the card has left the field (after `faults.dropAfter`). */
  readonly removed: boolean;
  /**
   * Access-control attempts the card has seen: PACE runs started (MSE:Set AT for PACE) and BAC
   * EXTERNAL AUTHENTICATE commands, to prove that a reader does not burn the card's retries.
   */
  readonly accessAttempts: { readonly pace: number; readonly bac: number };
}

type Session = { sm: SecureMessaging | undefined; auth: 'none' | 'bac' | 'pace' };

const DENIED = new Set([3, 4]); // DG3 and DG4 need EAC (9303-11 §7), which the card does not run

/**
 * Creates a software CCCD chip that speaks BAC, PACE (ECDH-GM), secure messaging, chip and
 * active authentication, and serves the given files.
 *
 * @example
 * ```ts
 * const card = createSimulatedCard({ files, mrz, can: '123456' });
 * const result = await readCard(card, { access: { can: '123456' } });
 * ```
 */
export function createSimulatedCard(options: SimulatedCardOptions): SimulatedCard {
  const random = options.random ?? ((n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)));
  const extendedLength = options.extendedLength ?? true;
  const maxResponse = options.maxResponseLength ?? (extendedLength ? 65536 : 256);
  const faults = options.faults ?? {};
  const files = new Map<number, Uint8Array>();
  files.set(0x011e, options.files.com);
  files.set(0x011d, options.files.sod);
  for (const [n, bytes] of Object.entries(options.files.dataGroups)) files.set(0x0100 + Number(n), bytes);
  const cardAccess = options.files.cardAccess;
  const allowPace = (options.protocols?.pace ?? true) && cardAccess !== undefined;
  const allowBac = options.protocols?.bac ?? true;
  const mrzInfo = checkAccess(options.mrz);
  const canInfo = checkAccess({ can: options.can });

  let count = 0;
  let removed = false;
  let session: Session = { sm: undefined, auth: 'none' };
  let selected: number | undefined;
  let appSelected = false;
  let challenge: Uint8Array | undefined;
  let pace: PaceState | undefined;
  let pendingKeys: { suite: CipherSuite; k: Uint8Array } | undefined;
  const attempts = { pace: 0, bac: 0 };
  // After a failed PACE the card takes no BAC command until the application is selected again
  // (the terminal resets the card state, 9303-11 §4.2 and §4.4).
  let paceFailed = false;

  const plain = (sw: number, data: Uint8Array = new Uint8Array(0)): ResponseApdu => ({ data, sw });

  const reset = () => {
    session = { sm: undefined, auth: 'none' };
    pace = undefined;
    challenge = undefined;
  };

  function handleUnauthenticated(c: CommandApdu): ResponseApdu {
    switch (c.ins) {
      case 0xa4:
        return doSelect(c);
      case 0x84: // GET CHALLENGE
        if (!allowBac) return plain(0x6d00);
        if (paceFailed) return plain(0x6985);
        challenge = random(8);
        return plain(0x9000, challenge);
      case 0x82:
        return doBac(c);
      case 0x22:
        return doMseSetAtPace(c);
      case 0x86:
        return doPaceStep(c);
      case 0xb0:
        // EF.CardAccess is readable without access control, by SFI or once it is the current EF.
        if ((c.p1 & 0x80) !== 0 && (c.p1 & 0x1f) === 0x1c && cardAccess) {
          selected = 0x011c;
          return readBinary(cardAccess, c.p2, c);
        }
        if ((c.p1 & 0x80) === 0 && selected === 0x011c && cardAccess) {
          return readBinary(cardAccess, (c.p1 << 8) | c.p2, c);
        }
        return plain(0x6982);
      default:
        return plain(0x6982);
    }
  }

  function doSelect(c: CommandApdu): ResponseApdu {
    const data = c.data ?? new Uint8Array(0);
    if (c.p1 === 0x04) {
      if (!equalBytes(data, EMRTD_AID)) return plain(0x6a82);
      appSelected = true;
      selected = undefined;
      if (!session.sm) {
        pace = undefined;
        paceFailed = false;
      }
      return plain(0x9000);
    }
    if (c.p1 === 0x00 && (data.length === 0 || (data[0] === 0x3f && data[1] === 0x00))) {
      appSelected = false;
      selected = undefined;
      return plain(0x9000);
    }
    if (c.p1 === 0x02 && data.length === 2) {
      const fid = ((data[0] as number) << 8) | (data[1] as number);
      if (fid === 0x011c && cardAccess) {
        selected = fid;
        return plain(0x9000);
      }
      if (!appSelected || !files.has(fid)) return plain(0x6a82);
      selected = fid;
      return plain(0x9000);
    }
    return plain(0x6a86);
  }

  function doBac(c: CommandApdu): ResponseApdu {
    if (allowBac) attempts.bac++;
    if (!allowBac || paceFailed || !challenge || !c.data || c.data.length !== 40) return plain(0x6985);
    const seed = bacKeySeed((mrzInfo as { mrzInformation: string }).mrzInformation);
    const kEnc = deriveKey(seed, 1, TDES_SUITE);
    const kMac = deriveKey(seed, 2, TDES_SUITE);
    const eIfd = c.data.subarray(0, 32);
    if (!equalBytes(retailMac(kMac, eIfd), c.data.subarray(32))) return plain(0x6300);
    const s = cbcDecrypt(TDES_SUITE, kEnc, eIfd);
    if (!equalBytes(s.subarray(8, 16), challenge)) return plain(0x6300);
    const rndIfd = s.subarray(0, 8);
    const kIfd = s.subarray(16, 32);
    const kIc = random(16);
    const eIc = cbcEncrypt(TDES_SUITE, kEnc, concatBytes(challenge, rndIfd, kIc));
    const seedS = kIc.map((b, i) => b ^ (kIfd[i] as number));
    const rndIc = challenge;
    challenge = undefined;
    const response = plain(0x9000, concatBytes(eIc, retailMac(kMac, eIc)));
    pendingSession = {
      sm: new SecureMessaging({
        suite: TDES_SUITE,
        ksEnc: deriveKey(seedS, 1, TDES_SUITE),
        ksMac: deriveKey(seedS, 2, TDES_SUITE),
        ssc: concatBytes(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)),
      }),
      auth: 'bac',
    };
    return response;
  }

  let pendingSession: Session | undefined;

  interface PaceState {
    oid: string;
    suite: CipherSuite;
    curve: EcPoint;
    password: Uint8Array;
    step: number;
    integrated: boolean;
    s?: bigint;
    nonce?: Uint8Array;
    skMap?: bigint;
    generator?: InstanceType<EcPoint>;
    sk?: bigint;
    pkIc?: Uint8Array;
    pkIfd?: Uint8Array;
    ksEnc?: Uint8Array;
    ksMac?: Uint8Array;
  }

  function refusePace(sw: number): ResponseApdu {
    pace = undefined;
    paceFailed = true;
    return plain(sw);
  }

  function doMseSetAtPace(c: CommandApdu): ResponseApdu {
    if (c.p1 === 0xc1 && c.p2 === 0xa4) attempts.pace++;
    if (c.p1 !== 0xc1 || c.p2 !== 0xa4 || !allowPace || !c.data) return refusePace(0x6a86);
    if (faults.paceRefused && (faults.paceRefused.step ?? 0) === 0)
      return refusePace(faults.paceRefused.sw ?? 0x6a80);
    const items = readTlvs(c.data);
    const oidBytes = items?.find((t) => t.tag === 0x80)?.value;
    const ref = items?.find((t) => t.tag === 0x83)?.value[0];
    const oid = oidBytes ? decodeOid(oidBytes) : undefined;
    const algorithm = oid ? paceAlgorithm(oid) : undefined;
    if (!oid || !algorithm || algorithm.agreement !== 'ECDH' || algorithm.mapping === 'CAM')
      return refusePace(0x6a80);
    const param = items?.find((t) => t.tag === 0x84)?.value[0] ?? cardAccessParameter(cardAccess);
    const curve = param === undefined ? undefined : curveByParameterId(param);
    if (!curve || (ref !== 1 && ref !== 2)) return refusePace(0x6a80);
    if (algorithm.mapping === 'IM' && !supportsIntegratedMapping(algorithm.suite, curve))
      return refusePace(0x6a80);
    pace = {
      integrated: algorithm.mapping === 'IM',
      oid,
      suite: algorithm.suite,
      curve,
      password: pacePassword(ref === 1 ? mrzInfo : canInfo),
      step: 1,
    };
    return plain(0x9000);
  }

  function doPaceStep(c: CommandApdu): ResponseApdu {
    if (!pace || c.ins !== 0x86) return refusePace(0x6985);
    const outer = c.data ? readTlv(c.data) : undefined;
    if (outer?.tag !== 0x7c) return refusePace(0x6a80);
    const inner = outer.value.length ? readTlv(outer.value) : undefined;
    const p = pace;
    const last = (c.cla & 0x10) === 0;
    if (faults.paceRefused?.step === p.step) return refusePace(faults.paceRefused.sw ?? 0x6a80);
    try {
      if (p.step === 1 && !last) {
        const nonceLength = p.suite.family === 'AES' ? 16 : 8;
        const s = random(nonceLength);
        p.s = bytesToBigint(s);
        p.nonce = s;
        const z = cbcEncrypt(p.suite, deriveKey(p.password, 3, p.suite), s);
        p.step = 2;
        return plain(0x9000, tlv(0x7c, tlv(0x80, z)));
      }
      if (p.step === 2 && !last && inner?.tag === 0x81 && p.integrated) {
        // Integrated mapping (9303-11 §4.4.3.3.2): the terminal's nonce t, no chip mapping data.
        p.generator = integratedMapping(p.curve, p.nonce as Uint8Array, inner.value);
        p.step = 3;
        return plain(0x9000, tlv(0x7c));
      }
      if (p.step === 2 && !last && inner?.tag === 0x81) {
        const pkMapIfd = p.curve.fromBytes(inner.value);
        p.skMap = randomScalar(p.curve, random);
        const pkMapIc = p.curve.BASE.multiply(p.skMap).toBytes(false);
        const h = pkMapIfd.multiply(p.skMap);
        p.generator = p.curve.BASE.multiply((p.s as bigint) % p.curve.Fn.ORDER).add(h);
        p.step = 3;
        if (faults.paceInvalidPoint) pkMapIc[pkMapIc.length - 1] = (pkMapIc.at(-1) as number) ^ 0x01;
        return plain(0x9000, tlv(0x7c, tlv(0x82, pkMapIc)));
      }
      if (p.step === 3 && !last && inner?.tag === 0x83) {
        const pkIfd = p.curve.fromBytes(inner.value);
        p.sk = randomScalar(p.curve, random);
        p.pkIc = (p.generator as InstanceType<EcPoint>).multiply(p.sk).toBytes(false);
        p.pkIfd = pkIfd.toBytes(false);
        const k = bigintToBytes(pkIfd.multiply(p.sk).toAffine().x, fieldLength(p.curve));
        p.ksEnc = deriveKey(k, 1, p.suite);
        p.ksMac = deriveKey(k, 2, p.suite);
        p.step = 4;
        return plain(0x9000, tlv(0x7c, tlv(0x84, p.pkIc)));
      }
      if (p.step === 4 && last && inner?.tag === 0x85) {
        const expected = tokenMac(p.suite, p.ksMac as Uint8Array, tokenInput(p.oid, p.pkIc as Uint8Array));
        pace = undefined;
        if (!equalBytes(expected, inner.value)) return refusePace(0x6300);
        const tIc = tokenMac(p.suite, p.ksMac as Uint8Array, tokenInput(p.oid, p.pkIfd as Uint8Array));
        pendingSession = {
          sm: new SecureMessaging({
            suite: p.suite,
            ksEnc: p.ksEnc as Uint8Array,
            ksMac: p.ksMac as Uint8Array,
            ssc: new Uint8Array(p.suite.family === 'AES' ? 16 : 8),
          }),
          auth: 'pace',
        };
        return plain(0x9000, tlv(0x7c, tlv(0x86, tIc)));
      }
    } catch {
      return refusePace(0x6a80);
    }
    return refusePace(0x6985);
  }

  function readBinary(
    file: Uint8Array,
    offset: number,
    c: CommandApdu & { extended?: boolean },
  ): ResponseApdu {
    if (offset > file.length) return plain(0x6b00);
    const le = c.le ?? 256;
    const cap = Math.min(maxResponse, c.extended || le > 256 ? 65536 : 256);
    if (le > cap && faults.strictLe) return plain(0x6c00 | (cap & 0xff));
    if (faults.wrongLengthPastEnd && offset + le > file.length) return plain(0x6700);
    const n = Math.min(le, cap, file.length - offset);
    const data = file.slice(offset, offset + n);
    return plain(n < le && offset + n >= file.length ? 0x6282 : 0x9000, data);
  }

  /**
   * READ BINARY B1 (ISO/IEC 7816-4 §11.2.3): P1-P2 0000 = the current EF, 001F-masked = a short
   * EF identifier, else a file identifier; the offset in DO54; the bytes answered in a DO53 that
   * fits Le with its tag and length.
   */
  function readBinaryOdd(c: CommandApdu & { extended?: boolean }): ResponseApdu {
    if (faults.noOddReadBinary) return plain(0x6d00);
    const p1p2 = (c.p1 << 8) | c.p2;
    let fid = selected;
    if (p1p2 !== 0) {
      fid = c.p1 === 0 && (c.p2 & 0xe0) === 0 && (c.p2 & 0x1f) !== 0x1f ? 0x0100 + c.p2 : p1p2;
      if (!files.has(fid)) return plain(0x6a82);
      selected = fid;
    }
    if (fid === undefined) return plain(0x6986);
    if (DENIED.has(fid - 0x0100)) return plain(0x6982);
    const file = files.get(fid);
    if (!file) return plain(0x6a82);
    const items = c.data ? readTlvs(c.data) : undefined;
    const offsetDo = items?.length === 1 && items[0]?.tag === 0x54 ? items[0].value : undefined;
    if (!offsetDo || offsetDo.length === 0 || offsetDo.length > 3) return plain(0x6a80);
    const offset = offsetDo.reduce((v, b) => v * 256 + b, 0);
    if (offset >= file.length) return plain(0x6b00);
    const le = c.le ?? 256;
    const cap = Math.min(maxResponse, c.extended || le > 256 ? 65536 : 256, le);
    let n = Math.min(file.length - offset, cap - 2);
    if (n > 0x7f) n = Math.min(n, cap - 3);
    if (n > 0xff) n = Math.min(n, cap - 4);
    if (n <= 0) return plain(0x6700);
    const body = file.subarray(offset, offset + n);
    const lie = faults.oddReadBinaryLengthLie;
    if (lie === undefined) return plain(0x9000, tlv(0x53, body));
    // A DO53 announcing another length than it holds: same bytes, rewritten length field.
    const announced = Math.max(0, n + lie);
    const header = tlv(0x53, new Uint8Array(announced));
    return plain(0x9000, concatBytes(header.subarray(0, header.length - announced), body));
  }

  function handleAuthenticated(c: CommandApdu & { extended?: boolean }): ResponseApdu {
    if (c.extended && faults.extendedLengthRefusedUnderSm) return plain(0x6700);
    switch (c.ins) {
      case 0xa4:
        return doSelect(c);
      case 0xb0: {
        let fid = selected;
        let offset = (c.p1 << 8) | c.p2;
        if ((c.p1 & 0x80) !== 0) {
          if (faults.noShortFileIds) return plain(0x6a86);
          const sfi = c.p1 & 0x1f;
          fid = sfi === 0x1c ? 0x011c : 0x0100 + sfi;
          offset = c.p2;
          if (fid !== 0x011c && !files.has(fid)) return plain(0x6a82);
          selected = fid;
        }
        if (fid === undefined) return plain(0x6986);
        if (fid === 0x011c && cardAccess) return readBinary(cardAccess, offset, c);
        if (DENIED.has(fid - 0x0100)) return plain(0x6982);
        const file = files.get(fid);
        if (!file) return plain(0x6a82);
        return readBinary(file, offset, c);
      }
      case 0xb1:
        return readBinaryOdd(c);
      case 0x84:
        return plain(0x9000, random(8));
      case 0x88:
        return doInternalAuthenticate(c);
      case 0x22:
        return doMseChipAuthentication(c);
      case 0x86:
        return doChipAuthenticationGa(c);
      default:
        return plain(0x6d00);
    }
  }

  function caPrivate(): { curve: EcPoint; sk: bigint } | undefined {
    const key = options.keys?.chipAuthentication;
    const curve = key ? curveByParameterId(key.parameterId ?? 13) : undefined;
    return key && curve ? { curve, sk: bytesToBigint(key.privateKey) } : undefined;
  }

  let caSuite: CipherSuite | undefined;

  function agree(pk: Uint8Array, suite: CipherSuite): ResponseApdu {
    const key = caPrivate();
    if (!key) return plain(0x6a88);
    try {
      const point = key.curve.fromBytes(pk);
      const k = bigintToBytes(point.multiply(key.sk).toAffine().x, fieldLength(key.curve));
      pendingKeys = { suite, k };
      return plain(0x9000);
    } catch {
      return plain(0x6a80);
    }
  }

  function doMseChipAuthentication(c: CommandApdu): ResponseApdu {
    const items = c.data ? readTlvs(c.data) : undefined;
    if (!items) return plain(0x6a80);
    if (c.p1 === 0x41 && c.p2 === 0xa6) {
      const pk = items.find((t) => t.tag === 0x91)?.value;
      return pk ? agree(pk, TDES_SUITE) : plain(0x6a80);
    }
    if (c.p1 === 0x41 && c.p2 === 0xa4) {
      const oidBytes = items.find((t) => t.tag === 0x80)?.value;
      const oid = oidBytes ? decodeOid(oidBytes) : undefined;
      const algorithm = oid ? caAlgorithm(oid) : undefined;
      if (!algorithm || !caPrivate()) return plain(0x6a80);
      caSuite = algorithm.suite;
      return plain(0x9000);
    }
    return plain(0x6a86);
  }

  function doChipAuthenticationGa(c: CommandApdu): ResponseApdu {
    const outer = c.data ? readTlv(c.data) : undefined;
    const inner = outer?.tag === 0x7c ? readTlv(outer.value) : undefined;
    if (!caSuite || inner?.tag !== 0x80) return plain(0x6985);
    const r = agree(inner.value, caSuite);
    caSuite = undefined;
    return r.sw === 0x9000 ? plain(0x9000, tlv(0x7c)) : r;
  }

  function doInternalAuthenticate(c: CommandApdu): ResponseApdu {
    const key = options.keys?.activeAuthentication;
    if (!key || !c.data || c.data.length !== 8) return plain(key ? 0x6700 : 0x6d00);
    if (key.kind === 'ec') {
      const curve = curveByParameterId(key.parameterId ?? 13);
      if (!curve) return plain(0x6f00);
      const signer = ecdsa(curve, sha256);
      return plain(
        0x9000,
        signer.sign(c.data, key.privateKey, { prehash: true, lowS: false, format: 'compact' }),
      );
    }
    return plain(0x9000, signIso9796Sha1(key, c.data, random));
  }

  function refusedAuthentication(c: CommandApdu): RefusedAuthentication | undefined {
    // MSE:Set KAT (3DES) or MSE:Set AT for chip authentication (9303-11 §6.2.4), INTERNAL AUTHENTICATE.
    if (c.ins === 0x22 && c.p1 === 0x41 && (c.p2 === 0xa6 || c.p2 === 0xa4))
      return faults.chipAuthenticationRefused ?? (faults.cloned ? {} : undefined);
    if (c.ins === 0x88) return faults.activeAuthenticationRefused ?? (faults.cloned ? {} : undefined);
    return undefined;
  }

  function process(apdu: Uint8Array): ResponseApdu {
    let command: CommandApdu & { extended: boolean };
    try {
      command = parseCommandApdu(apdu);
    } catch {
      return plain(0x6700);
    }
    if (command.extended && !extendedLength) return plain(0x6700);
    if (!session.sm) {
      const response = handleUnauthenticated(command);
      if (pendingSession) {
        session = pendingSession;
        pendingSession = undefined;
      }
      return response;
    }
    // 9303-11 §9.8.7: a plain command or a wrong MAC ends the session.
    const sm = session.sm;
    const inner = sm.unprotectCommand(command);
    if (!inner) {
      reset();
      return plain(0x6988);
    }
    const refusal = refusedAuthentication(inner);
    if (refusal && !refusal.keepSession) {
      reset();
      return plain(refusal.sw ?? 0x6d00);
    }
    const response = refusal
      ? plain(refusal.sw ?? 0x6d00)
      : handleAuthenticated({ ...inner, extended: command.extended });
    // Keep the wrapped response inside the APDU size the command allowed.
    const wrapped = sm.protectResponse(response, inner.ins);
    if (pendingKeys) {
      const { suite, k } = pendingKeys;
      pendingKeys = undefined;
      const s = suite.family === '3DES' ? TDES_SUITE : suite;
      session = {
        sm: new SecureMessaging({
          suite: s,
          ksEnc: deriveKey(k, 1, s),
          ksMac: deriveKey(k, 2, s),
          ssc: new Uint8Array(s.family === 'AES' ? 16 : 8),
        }),
        auth: session.auth,
      };
    }
    return wrapped;
  }

  const card: SimulatedCard = {
    get apdus() {
      return count;
    },
    get removed() {
      return removed;
    },
    get accessAttempts() {
      return { ...attempts };
    },
    async transmit(apdu: Uint8Array): Promise<Uint8Array> {
      if (removed) throw new CardRemovedError();
      count++;
      if (faults.dropAfter !== undefined && count > faults.dropAfter) {
        removed = true;
        reset();
        throw new CardRemovedError();
      }
      if (faults.hangAt === count) return new Promise<Uint8Array>(() => {});
      if (faults.statusAt && faults.statusAt.apdu === count) {
        reset();
        return formatResponseApdu(plain(faults.statusAt.sw));
      }
      let response: ResponseApdu;
      try {
        response = process(apdu);
      } catch (error) {
        if (error instanceof CancuocError) return formatResponseApdu(plain(0x6f00));
        throw error;
      }
      const bytes = formatResponseApdu(response);
      if (faults.wrongMacAt === count && bytes.length > 4) {
        bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0x01;
      }
      return bytes;
    },
  };
  return card;
}

function cardAccessParameter(cardAccess: Uint8Array | undefined): number | undefined {
  if (!cardAccess) return undefined;
  const set = readTlv(cardAccess);
  for (const item of (set && readTlvs(set.value)) ?? []) {
    const parts = readTlvs(item.value);
    const param = parts?.[2];
    if (param?.tag === 0x02 && param.value.length === 1) return param.value[0];
  }
  return undefined;
}
