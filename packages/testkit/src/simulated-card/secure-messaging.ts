/**
 * The card side of secure messaging (ICAO 9303-11 §9.8): unwraps each protected command, ends the
 * session on a plain command or a wrong MAC, wraps the answer, and switches to the keys chip
 * authentication agreed once its answer is sent.
 */
import type { CommandApdu, ResponseApdu } from '@cancuoc/reader';
import { deriveKey, SecureMessaging, TDES_SUITE } from '@cancuoc/reader/protocol';
import { type CardState, plain, resetSession } from './card-state.js';
import type { RefusedAuthentication } from './create-simulated-card.js';

function refusedAuthentication(state: CardState, c: CommandApdu): RefusedAuthentication | undefined {
  const { faults } = state;
  // MSE:Set KAT (3DES) or MSE:Set AT for chip authentication (9303-11 §6.2.4), INTERNAL AUTHENTICATE.
  if (c.ins === 0x22 && c.p1 === 0x41 && (c.p2 === 0xa6 || c.p2 === 0xa4))
    return faults.chipAuthenticationRefused ?? (faults.cloned ? {} : undefined);
  if (c.ins === 0x88) return faults.activeAuthenticationRefused ?? (faults.cloned ? {} : undefined);
  return undefined;
}

/**
 * Answers a command received while a session is open: `handle` sees the unwrapped command and
 * answers in plain; the answer goes back protected.
 */
export function processProtected(
  state: CardState,
  sm: SecureMessaging,
  command: CommandApdu & { extended: boolean },
  handle: (c: CommandApdu & { extended?: boolean }) => ResponseApdu,
): ResponseApdu {
  // 9303-11 §9.8.7: a plain command or a wrong MAC ends the session.
  const inner = sm.unprotectCommand(command);
  if (!inner) {
    resetSession(state);
    return plain(0x6988);
  }
  const refusal = refusedAuthentication(state, inner);
  if (refusal && !refusal.keepSession) {
    resetSession(state);
    return plain(refusal.sw ?? 0x6d00);
  }
  const response = refusal ? plain(refusal.sw ?? 0x6d00) : handle({ ...inner, extended: command.extended });
  // Keep the wrapped response inside the APDU size the command allowed.
  const wrapped = sm.protectResponse(response, inner.ins);
  if (state.pendingKeys) {
    const { suite, k } = state.pendingKeys;
    state.pendingKeys = undefined;
    const s = suite.family === '3DES' ? TDES_SUITE : suite;
    state.session = {
      sm: new SecureMessaging({
        suite: s,
        ksEnc: deriveKey(k, 1, s),
        ksMac: deriveKey(k, 2, s),
        ssc: new Uint8Array(s.family === 'AES' ? 16 : 8),
      }),
      auth: state.session.auth,
    };
  }
  return wrapped;
}
