/**
 * Desk flows run in a child process by pcsc-pcscd.test.ts, for what needs a process of its own:
 * pcsc-lite's client reads PCSCLITE_CSOCK_NAME once per process (another daemon), and a frozen
 * event loop can only be caught from outside (a watchdog kills this process).
 *
 * argv: <scenario> <vpcd port>. Prints one JSON line with the outcome.
 */
import { insertVirtualCard } from '@cancuoc/testkit/vpcd';
import { createPcscTransport, listPcscReaders } from '../../src/pcsc/index.js';
import { loadSmartcard } from '../../src/pcsc/smartcard-module.js';
import { readCard } from '../../src/read-card.js';
import { can, card } from './card.js';

const [scenario, portText] = process.argv.slice(2);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
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
} else if (scenario === 'close-while-reader-busy' || scenario === 'close-while-reader-busy-on-loop') {
  // The issue-14 desk flow: wait for the card, read it, close. The card is served by this very
  // process, and close() is called while pcscd's presence poll waits for the card's ATR: a PC/SC
  // call that blocks the event loop can then never return (pcscd waits for this process).
  const onLoop = scenario.endsWith('on-loop');
  let readDone = false;
  let transport: Awaited<ReturnType<typeof createPcscTransport>> | undefined;
  let startClose: ((closing: Promise<void>) => void) | undefined;
  // Settles when close() has returned; close() is started by the card's next presence poll below.
  const closed = new Promise<void>((resolve) => {
    startClose = resolve;
  });
  const pending = createPcscTransport({ waitForCardMs: 30_000, ...(onLoop ? { load: loadSmartcard } : {}) });
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
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
