/**
 * The cost of running PC/SC in a child process (the issue-14 fix) against the binding on the event
 * loop would be the baseline; through a real pcscd and vsmartcard's
 * virtual reader holding the software card. No peer library: the binding itself is the baseline.
 * Needs what packages/reader/test/pcsc-pcscd.test.ts needs; prints why and exits when absent.
 */
import { insertVirtualCard, pcscdSkipReason, startPcscd } from '@cancuoc/testkit/vpcd';
import { createPcscTransport } from '../src/pcsc/index.js';
import { resolveSmartcard } from '../src/pcsc/pcsc-host.js';
import { loadSmartcard } from '../src/pcsc/smartcard-module.js';
import { readCard } from '../src/read-card.js';
import { can, card } from '../test/helpers/card.js';

const skip = pcscdSkipReason() ?? (resolveSmartcard() ? undefined : 'smartcard is not installed');
if (skip) {
  console.log(`skipped: ${skip}`);
  process.exit(0);
}
const pcscd = await startPcscd();
// Before the binding is loaded: pcsc-lite's client reads it once.
process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
if (!(await loadSmartcard())) {
  console.log('skipped: the smartcard binding is not built');
  await pcscd.stop();
  process.exit(0);
}
const slot = pcscd.slots[0] as { port: number; readerName: string };
const inserted = await insertVirtualCard(card(), { port: slot.port });
const select = Uint8Array.from([0x00, 0xa4, 0x04, 0x0c, 0x07, 0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]);

async function time(label: string, n: number, run: () => Promise<void>) {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(n / 2)] as number;
  const p95 = times[Math.floor(n * 0.95)] as number;
  console.log(
    `${label.padEnd(58)} p50 ${p50.toFixed(2).padStart(8)} ms   p95 ${p95.toFixed(2).padStart(8)} ms   (n=${n})`,
  );
}

// The binding on the event loop (`load: loadSmartcard`) is not measured here: in this process it
// can hit the issue-14 freeze, since the card is served by this same event loop.
for (const [name, extra] of [['child process (default)', {}]] as const) {
  await time(`open + close, ${name}`, 20, async () => {
    const t = await createPcscTransport({ reader: slot.readerName, waitForCardMs: 10_000, ...extra });
    await t.close();
  });
  const t = await createPcscTransport({ reader: slot.readerName, waitForCardMs: 10_000, ...extra });
  await time(`one APDU (SELECT), ${name}`, 200, async () => {
    await t.transmit(select);
  });
  await t.close();
  await time(`readCard (PACE, all files, CA, AA), ${name}`, 10, async () => {
    const tr = await createPcscTransport({ reader: slot.readerName, waitForCardMs: 10_000, ...extra });
    try {
      await readCard(tr, { access: { can } });
    } finally {
      await tr.close();
    }
  });
}
await inserted.remove();
await pcscd.stop();
