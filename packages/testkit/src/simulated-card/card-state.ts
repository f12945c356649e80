/**
 * The software card's state: its files and keys, the options it was made with, the current
 * secure-messaging session, the protocol in progress, counters and the faults to inject. Every
 * protocol module reads and changes this one object, so that a command's effect on the card is
 * visible in one place.
 */
import type { CommandApdu, ResponseApdu } from '@cancuoc/reader';
import { type CipherSuite, checkAccess, type SecureMessaging } from '@cancuoc/reader/protocol';
import type { SimulatedCardKeys } from './card-keys.js';
import type { SimulatedCardFaults, SimulatedCardOptions } from './create-simulated-card.js';
import type { PaceState } from './pace.js';

/** A command as the card sees it: unwrapped from secure messaging, with whether it came in extended length. */
export type CardCommand = CommandApdu & { readonly extended?: boolean };

/** The card side of a secure-messaging session and the access control that opened it. */
export type Session = { sm: SecureMessaging | undefined; auth: 'none' | 'bac' | 'pace' };

/** Everything the software card knows and remembers between APDUs. */
export interface CardState {
  readonly random: (n: number) => Uint8Array;
  readonly extendedLength: boolean;
  readonly maxResponse: number;
  readonly faults: SimulatedCardFaults;
  readonly keys: SimulatedCardKeys | undefined;
  /** Files inside the eMRTD application by file identifier (EF.COM 011E, EF.SOD 011D, DGn 01nn). */
  readonly files: Map<number, Uint8Array>;
  /** EF.CardAccess (011C), outside the application and readable without access control. */
  readonly cardAccess: Uint8Array | undefined;
  readonly allowPace: boolean;
  readonly allowBac: boolean;
  readonly mrzInfo: ReturnType<typeof checkAccess>;
  readonly canInfo: ReturnType<typeof checkAccess>;
  readonly attempts: { pace: number; bac: number };
  count: number;
  removed: boolean;
  session: Session;
  /** A session opened by BAC or PACE, which takes effect after the answer that opened it. */
  pendingSession: Session | undefined;
  selected: number | undefined;
  appSelected: boolean;
  challenge: Uint8Array | undefined;
  pace: PaceState | undefined;
  /**
   * After a failed PACE the card takes no BAC command until the application is selected again
   * (the terminal resets the card state, 9303-11 §4.2 and §4.4).
   */
  paceFailed: boolean;
  /** Cipher suite chosen by MSE:Set AT for chip authentication, until GENERAL AUTHENTICATE. */
  caSuite: CipherSuite | undefined;
  /** Chip-authentication keys, which replace the session after the answer that agreed them. */
  pendingKeys: { suite: CipherSuite; k: Uint8Array } | undefined;
}

/** Builds the state of a card fresh in the field. */
export function createCardState(options: SimulatedCardOptions): CardState {
  const extendedLength = options.extendedLength ?? true;
  const files = new Map<number, Uint8Array>();
  files.set(0x011e, options.files.com);
  files.set(0x011d, options.files.sod);
  for (const [n, bytes] of Object.entries(options.files.dataGroups)) files.set(0x0100 + Number(n), bytes);
  const cardAccess = options.files.cardAccess;
  return {
    random: options.random ?? ((n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n))),
    extendedLength,
    maxResponse: options.maxResponseLength ?? (extendedLength ? 65536 : 256),
    faults: options.faults ?? {},
    keys: options.keys,
    files,
    cardAccess,
    allowPace: (options.protocols?.pace ?? true) && cardAccess !== undefined,
    allowBac: options.protocols?.bac ?? true,
    mrzInfo: checkAccess(options.mrz),
    canInfo: checkAccess({ can: options.can }),
    attempts: { pace: 0, bac: 0 },
    count: 0,
    removed: false,
    session: { sm: undefined, auth: 'none' },
    pendingSession: undefined,
    selected: undefined,
    appSelected: false,
    challenge: undefined,
    pace: undefined,
    paceFailed: false,
    caSuite: undefined,
    pendingKeys: undefined,
  };
}

/** Ends the secure-messaging session and any access control in progress. */
export function resetSession(state: CardState): void {
  state.session = { sm: undefined, auth: 'none' };
  state.pace = undefined;
  state.challenge = undefined;
}

/** A response APDU in plain (the secure-messaging layer wraps it when a session is open). */
export const plain = (sw: number, data: Uint8Array = new Uint8Array(0)): ResponseApdu => ({ data, sw });
