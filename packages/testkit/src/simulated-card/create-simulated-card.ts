/**
 * A software CCCD / Căn cước chip: the card side of ICAO 9303-11 (SELECT, GET CHALLENGE, BAC's
 * EXTERNAL AUTHENTICATE, PACE ECDH-GM and ECDH-IM, secure messaging, chip authentication, INTERNAL
 * AUTHENTICATE, READ BINARY with short/extended lengths and the odd INS B1 for offsets past
 * 32 767) over the same building blocks as the
 * reader (`@cancuoc/reader/protocol`), with faults on demand.
 *
 * This file holds the options and the dispatcher; each protocol lives in its own module around
 * the shared {@link CardState}.
 */
import { CancuocError } from '@cancuoc/core';
import {
  CardRemovedError,
  type CommandApdu,
  formatResponseApdu,
  parseCommandApdu,
  type ResponseApdu,
  type Transport,
} from '@cancuoc/reader';
import { internalAuthenticate } from './active-authentication.js';
import { externalAuthenticate, getChallenge } from './bac.js';
import type { SimulatedCardKeys } from './card-keys.js';
import { type CardCommand, type CardState, createCardState, plain, resetSession } from './card-state.js';
import { chipAuthenticationGa, mseChipAuthentication } from './chip-authentication.js';
import { mseSetAtPace, paceStep } from './pace.js';
import { processProtected } from './secure-messaging.js';
import { readBinaryEven, readBinaryOdd, readCardAccess, select } from './select-and-read.js';

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
  const state = createCardState(options);
  const { faults } = state;
  const card: SimulatedCard = {
    get apdus() {
      return state.count;
    },
    get removed() {
      return state.removed;
    },
    get accessAttempts() {
      return { ...state.attempts };
    },
    async transmit(apdu: Uint8Array): Promise<Uint8Array> {
      if (state.removed) throw new CardRemovedError();
      state.count++;
      if (faults.dropAfter !== undefined && state.count > faults.dropAfter) {
        state.removed = true;
        resetSession(state);
        throw new CardRemovedError();
      }
      if (faults.hangAt === state.count) return new Promise<Uint8Array>(() => {});
      if (faults.statusAt && faults.statusAt.apdu === state.count) {
        resetSession(state);
        return formatResponseApdu(plain(faults.statusAt.sw));
      }
      let response: ResponseApdu;
      try {
        response = process(state, apdu);
      } catch (error) {
        if (error instanceof CancuocError) return formatResponseApdu(plain(0x6f00));
        throw error;
      }
      const bytes = formatResponseApdu(response);
      if (faults.wrongMacAt === state.count && bytes.length > 4) {
        bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0x01;
      }
      return bytes;
    },
  };
  return card;
}

function process(state: CardState, apdu: Uint8Array): ResponseApdu {
  let command: CommandApdu & { extended: boolean };
  try {
    command = parseCommandApdu(apdu);
  } catch {
    return plain(0x6700);
  }
  if (command.extended && !state.extendedLength) return plain(0x6700);
  const { sm } = state.session;
  if (!sm) {
    const response = handleUnauthenticated(state, command);
    if (state.pendingSession) {
      state.session = state.pendingSession;
      state.pendingSession = undefined;
    }
    return response;
  }
  return processProtected(state, sm, command, (inner) => handleAuthenticated(state, inner));
}

function handleUnauthenticated(state: CardState, c: CardCommand): ResponseApdu {
  switch (c.ins) {
    case 0xa4: // SELECT
      return select(state, c);
    case 0x84: // GET CHALLENGE
      return getChallenge(state);
    case 0x82: // EXTERNAL AUTHENTICATE (BAC)
      return externalAuthenticate(state, c);
    case 0x22: // MSE:Set AT (PACE)
      return mseSetAtPace(state, c);
    case 0x86: // GENERAL AUTHENTICATE (PACE)
      return paceStep(state, c);
    case 0xb0: // READ BINARY
      return readCardAccess(state, c);
    default:
      return plain(0x6982);
  }
}

function handleAuthenticated(state: CardState, c: CardCommand): ResponseApdu {
  if (c.extended && state.faults.extendedLengthRefusedUnderSm) return plain(0x6700);
  switch (c.ins) {
    case 0xa4: // SELECT
      return select(state, c);
    case 0xb0: // READ BINARY
      return readBinaryEven(state, c);
    case 0xb1: // READ BINARY, odd INS
      return readBinaryOdd(state, c);
    case 0x84: // GET CHALLENGE
      return plain(0x9000, state.random(8));
    case 0x88: // INTERNAL AUTHENTICATE
      return internalAuthenticate(state, c);
    case 0x22: // MSE:Set KAT or Set AT (chip authentication)
      return mseChipAuthentication(state, c);
    case 0x86: // GENERAL AUTHENTICATE (chip authentication)
      return chipAuthenticationGa(state, c);
    default:
      return plain(0x6d00);
  }
}
