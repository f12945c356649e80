/**
 * The card side of secure messaging (ICAO 9303-11 §9.8): unwraps each protected command, ends the
 * session on a plain command or a wrong MAC, wraps the answer, and switches to the keys chip
 * authentication agreed once its answer is sent.
 */
import type { CommandApdu, ResponseApdu } from '@cancuoc/reader';
import { type CipherSuite, deriveKey, SecureMessaging, TDES_SUITE } from '@cancuoc/reader/protocol';
import { activeAuthenticationRefusal } from './active-authentication.js';
import { type CardCommand, type CardState, plain, resetSession } from './card-state.js';
import { chipAuthenticationRefusal } from './chip-authentication.js';

/** Session keys KS_Enc and KS_MAC derived from a shared secret (9303-11 §9.7), and the first SSC. */
export function secureMessagingFromSecret(
  secret: Uint8Array,
  suite: CipherSuite,
  ssc: Uint8Array,
): SecureMessaging {
  return new SecureMessaging({
    suite,
    ksEnc: deriveKey(secret, 1, suite),
    ksMac: deriveKey(secret, 2, suite),
    ssc,
  });
}

/**
 * Answers a command received while a session is open: `handle` sees the unwrapped command and
 * answers in plain; the answer goes back protected.
 */
export function processProtected(
  state: CardState,
  sm: SecureMessaging,
  command: CommandApdu & { readonly extended: boolean },
  handle: (c: CardCommand) => ResponseApdu,
): ResponseApdu {
  // 9303-11 §9.8.7: a plain command or a wrong MAC ends the session.
  const inner = sm.unprotectCommand(command);
  if (!inner) {
    resetSession(state);
    return plain(0x6988);
  }
  const refusal = chipAuthenticationRefusal(state, inner) ?? activeAuthenticationRefusal(state, inner);
  // A chip without the private key (a copy on a blank chip) answers in plain and drops the session.
  if (refusal && !refusal.keepSession) {
    resetSession(state);
    return plain(refusal.sw ?? 0x6d00);
  }
  const response = refusal ? plain(refusal.sw ?? 0x6d00) : handle({ ...inner, extended: command.extended });
  // Keep the wrapped response inside the APDU size the command allowed.
  const wrapped = sm.protectResponse(response, inner.ins);
  if (state.pendingKeys) {
    // 9303-11 §6.2: the answer to the command that agreed the keys goes under the old ones.
    const { suite, k } = state.pendingKeys;
    state.pendingKeys = undefined;
    const s = suite.family === '3DES' ? TDES_SUITE : suite;
    state.session = {
      sm: secureMessagingFromSecret(k, s, new Uint8Array(s.family === 'AES' ? 16 : 8)),
      auth: state.session.auth,
    };
  }
  return wrapped;
}
