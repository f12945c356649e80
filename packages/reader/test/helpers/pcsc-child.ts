/**
 * Desk flows run in a child process by pcsc-pcscd.test.ts, for what needs a process of its own:
 * pcsc-lite's client reads PCSCLITE_CSOCK_NAME once per process (another daemon), and a frozen
 * event loop can only be caught from outside (a watchdog kills this process).
 *
 * argv: <scenario> <vpcd port>. Prints one JSON line with the outcome.
 */
import { insertVirtualCard } from '@cancuoc/testkit/vpcd';
import { createPcscTransport, listPcscReaders } from '../../src/pcsc/index.js';
import type { SmartcardModule } from '../../src/pcsc/smartcard-module.js';
import { readCard } from '../../src/read-card.js';
import { can, card } from './card.js';

const [scenario, portText] = process.argv.slice(2);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

/**
 * The heartbeat the parent's watchdog listens to: a line every 100 ms while the event loop runs.
 * A loop that stops beating is frozen; a slow machine only beats more slowly.
 */
const HEARTBEAT = 'beat';
setInterval(() => process.stdout.write(`${HEARTBEAT}\n`), 100).unref();

/**
 * A `smartcard` module whose one reader holds a card and whose `disconnect` blocks the calling
 * thread for good, as SCardDisconnect did in issue 14 (pcsc-lite's client waiting on pcscd with no
 * time limit): Atomics.wait on a value nobody changes is the same synchronous, endless native wait.
 */
function blockingModule(): SmartcardModule {
  const never = new Int32Array(new SharedArrayBuffer(4));
  const atr = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01);
  const reader = {
    name: 'Blocking reader 00 00',
    state: 0x20,
    atr,
    connect: async () => ({
      atr,
      transmit: async () => Uint8Array.of(0x90, 0x00),
      disconnect: () => {
        Atomics.wait(never, 0, 0);
      },
    }),
  };
  return {
    Context: class {
      listReaders = () => [reader];
      waitForChange = async () => [];
      close = () => undefined;
    },
    SCARD_SHARE_SHARED: 2,
    SCARD_PROTOCOL_T0: 1,
    SCARD_PROTOCOL_T1: 2,
    SCARD_LEAVE_CARD: 0,
    SCARD_STATE_PRESENT: 0x20,
  };
}
const codeOf = (error: unknown) => (error as { code?: string }).code ?? String(error);

if (scenario === 'no-reader') {
  const readers = await listPcscReaders();
  const outcome = await createPcscTransport().then(
    () => 'connected',
    (error) => codeOf(error),
  );
  print({ readers, outcome });
} else if (scenario === 'no-service') {
  print({ outcome: await listPcscReaders().then(() => 'listed', codeOf) });
} else if (scenario === 'close-while-reader-busy') {
  // The issue-14 desk flow: wait for the card, read it, close. The card is served by this very
  // process, and close() is called while pcscd's presence poll waits for the card's ATR: a PC/SC
  // call that blocks the event loop can then never return (pcscd waits for this process).
  let readDone = false;
  let transport: Awaited<ReturnType<typeof createPcscTransport>> | undefined;
  let startClose: ((closing: Promise<void>) => void) | undefined;
  // Settles when close() has returned; close() is started by the card's next presence poll below.
  const closed = new Promise<void>((resolve) => {
    startClose = resolve;
  });
  const pending = createPcscTransport({ waitForCardMs: 120_000 });
  const inserted = await insertVirtualCard(card(), {
    port: Number(portText),
    beforeAnswer: ({ kind }) => {
      if (kind !== 'atr' || !readDone || !transport || !startClose) return;
      const start = startClose;
      startClose = undefined;
      start(transport.close()); // the ATR stays unanswered until close() gives the loop back
      return new Promise<void>((resolve) => setImmediate(resolve));
    },
  });
  transport = await pending;
  const result = await readCard(transport, { access: { can } });
  readDone = true;
  await closed;
  await inserted.remove();
  print({ protocol: result.protocol, apdus: inserted.apdus, closed: true });
} else if (scenario === 'close-blocks-on-loop') {
  // What the watchdog must catch: close() reaching a PC/SC call that blocks the event loop.
  const transport = await createPcscTransport({ load: async () => blockingModule() });
  print({ closing: true });
  await transport.close();
  print({ closed: true });
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
