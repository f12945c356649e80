/**
 * The code of the child process that owns the `smartcard` binding (see pcsc-host.ts for why).
 *
 * It is a string, run with `node -e`, rather than a file of its own: one source then works
 * unchanged from `src/` (tests), from the ESM and the CJS builds, and inside bundled desk apps,
 * with no second entry point to locate at run time. Keep it plain CommonJS.
 *
 * Messages (IPC, advanced serialization) in: `{ id, op, args }`; out: `{ id, ok, value | message }`,
 * and once at start `{ ready: true, constants }` or `{ ready: false, message }`.
 *
 * Two PC/SC contexts: pcsc-lite's client holds a context's lock for the whole of an
 * SCardGetStatusChange, so waiting for cards on the context that carries the card's transmits
 * would stall every APDU of a watcher until the wait ends. SCardCancel ends a pending wait.
 */
export const PCSC_CHILD_SOURCE = `
'use strict';
// The parent gone (its IPC channel closed) means nobody will release this: leave.
process.on('disconnect', () => process.exit(0));
const post = (message) => process.send(message);
let sc;
let main;
let watch;
const cards = new Map();
let nextHandle = 1;
try {
  sc = require(process.env.CANCUOC_SMARTCARD_PATH);
  main = new sc.Context();
} catch (error) {
  sc = undefined;
  process.send({ ready: false, message: String(error && error.message ? error.message : error) }, () => process.exit(0));
}
if (sc) serve();
function serve() {
const bytes = (b) => (b ? new Uint8Array(b) : null);
const watchContext = () => (watch && watch.isValid ? watch : (watch = new sc.Context()));
const ops = {
  list() {
    return main.listReaders().map((r) => ({ name: r.name, state: r.state, atr: bytes(r.atr) }));
  },
  async wait({ readers, timeoutMs }) {
    const changes = await watchContext().waitForChange(readers, timeoutMs);
    if (changes === null) return null;
    return changes.map((c) => ({ name: c.name, state: c.state, atr: bytes(c.atr) }));
  },
  async settle({ readers, timeoutMs }) {
    // A context of its own: another wait may be pending on the watch context.
    const probe = new sc.Context();
    try { await probe.waitForChange(readers, timeoutMs); } finally { probe.close(); }
    return null;
  },
  cancel() {
    if (watch && watch.isValid) watch.cancel();
    return null;
  },
  async connect({ name, shareMode, protocols }) {
    const reader = main.listReaders().find((r) => r.name === name);
    if (!reader) throw new Error('Unknown reader');
    const card = await reader.connect(shareMode, protocols);
    const handle = nextHandle++;
    cards.set(handle, card);
    return { handle, atr: bytes(card.atr) };
  },
  async transmit({ handle, apdu, maxRecvLength }) {
    const card = cards.get(handle);
    if (!card) throw new Error('Card was removed');
    return bytes(await card.transmit(Buffer.from(apdu), { maxRecvLength }));
  },
  disconnect({ handle, disposition }) {
    const card = cards.get(handle);
    cards.delete(handle);
    if (card) {
      try { card.disconnect(disposition); } catch { /* the card is gone already */ }
    }
    return null;
  },
  close({ disposition }) {
    if (watch && watch.isValid) {
      try { watch.cancel(); } catch { /* nothing pending */ }
    }
    for (const card of cards.values()) {
      try { card.disconnect(disposition); } catch { /* the card is gone already */ }
    }
    cards.clear();
    try { if (watch) watch.close(); } finally { main.close(); }
    return null;
  },
};
process.on('message', async ({ id, op, args }) => {
  try {
    const value = await ops[op](args || {});
    post({ id, ok: true, value });
  } catch (error) {
    post({ id, ok: false, message: String(error && error.message ? error.message : error) });
  }
});
post({
  ready: true,
  constants: {
    SCARD_SHARE_SHARED: sc.SCARD_SHARE_SHARED,
    SCARD_PROTOCOL_T0: sc.SCARD_PROTOCOL_T0,
    SCARD_PROTOCOL_T1: sc.SCARD_PROTOCOL_T1,
    SCARD_LEAVE_CARD: sc.SCARD_LEAVE_CARD,
    SCARD_STATE_PRESENT: sc.SCARD_STATE_PRESENT,
  },
});
}
`;
