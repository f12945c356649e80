/**
 * `@cancuoc/reader/pcsc` against a real pcscd (pcsc-lite) with vsmartcard's virtual reader: the
 * software card of `@cancuoc/testkit` sits in a vpcd slot, and every call goes through the real
 * `smartcard` binding, the real daemon and its driver. No physical reader is involved.
 *
 * Needs Debian's pcscd, libpcsclite-dev and vsmartcard-vpcd, a built `smartcard`, and root (the
 * private pcscd runs in its own mount namespace); skips with the reason otherwise.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  insertVirtualCard,
  type PcscdServer,
  pcscdSkipReason,
  startPcscd,
  type VirtualCard,
} from '@cancuoc/testkit/vpcd';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPcscTransport, listPcscReaders, watchPcscCards } from '../src/pcsc/index.js';
import { createProcessHost, resolveSmartcard } from '../src/pcsc/pcsc-host.js';
import { loadSmartcard } from '../src/pcsc/smartcard-module.js';
import { readCard } from '../src/read-card.js';
import { can, card } from './helpers/card.js';

const here = dirname(fileURLToPath(import.meta.url));

async function bindingSkipReason(): Promise<string | undefined> {
  if (!resolveSmartcard()) return 'pcscd test skipped: the smartcard package is not installed';
  if (!(await loadSmartcard())) {
    return 'pcscd test skipped: the smartcard binding is not built (apt-get install libpcsclite-dev, then pnpm install)';
  }
  return undefined;
}

const skip = pcscdSkipReason() ?? (await bindingSkipReason());
if (skip) console.warn(skip);

/**
 * How long a child's event loop may go without a heartbeat (helpers/pcsc-child.ts beats every
 * 100 ms) before it counts as frozen. A loaded machine delays beats by a few seconds at most; a
 * PC/SC call blocking the loop stops them for good.
 */
const STALL_MS = 20_000;
/** How long a child may take to start beating (tsx compiling the sources on a loaded machine). */
const STARTUP_MS = 120_000;

/**
 * Runs a scenario of helpers/pcsc-child.ts in a child process. The watchdog kills a child whose
 * event loop stops beating, so a regression fails the test instead of freezing the runner, while
 * a child that is only slow (machine under load) keeps running.
 */
function runChild(
  scenario: string,
  env: Record<string, string>,
  port = 0,
): Promise<{ frozen: boolean; started: boolean; output: unknown; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@cancuoc/source',
        join(here, 'helpers/pcsc-child.ts'),
        scenario,
        String(port),
      ],
      { cwd: join(here, '..'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let started = false;
    let frozen = false;
    let watchdog: NodeJS.Timeout;
    const arm = (ms: number, onFire: () => void) => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        onFire();
        child.kill('SIGKILL');
      }, ms);
    };
    arm(STARTUP_MS, () => undefined);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      started = true;
      arm(STALL_MS, () => {
        frozen = true;
      });
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.once('exit', () => {
      clearTimeout(watchdog);
      const lines = stdout.split('\n').filter((l) => l.trim() !== '' && l !== 'beat');
      const line = lines.pop() ?? '';
      let output: unknown;
      try {
        output = JSON.parse(line);
      } catch {
        output = line;
      }
      resolve({ frozen, started, output, stderr: stderr.slice(-2000) });
    });
  });
}

/** Resolves with the next value pushed, in order. */
function queue<T>() {
  const items: T[] = [];
  const waiters: ((item: T) => void)[] = [];
  return {
    push(item: T) {
      const waiter = waiters.shift();
      if (waiter) waiter(item);
      else items.push(item);
    },
    next(): Promise<T> {
      const item = items.shift();
      if (item !== undefined) return Promise.resolve(item);
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

// Every step waits on pcscd's status changes, never on a clock; the bound of each test is generous
// because a loaded machine (two test files on two cores) makes tsx, PACE and pcscd's polls slow.
describe.skipIf(skip !== undefined)(
  '@cancuoc/reader/pcsc through a real pcscd and vpcd',
  { timeout: 300_000 },
  () => {
    let pcscd: PcscdServer;
    let slot0: { port: number; readerName: string };
    let slot1: { port: number; readerName: string };
    /** Cards and transports of the running test, taken off and closed after it, even when it failed. */
    const cards: VirtualCard[] = [];
    const closers: (() => Promise<void>)[] = [];
    const insert = async (...args: Parameters<typeof insertVirtualCard>) => {
      const inserted = await insertVirtualCard(...args);
      cards.push(inserted);
      return inserted;
    };
    const open = async (...args: Parameters<typeof createPcscTransport>) => {
      const transport = await createPcscTransport(...args);
      closers.push(() => transport.close());
      return transport;
    };

    /**
     * Resolves once pcscd reports both slots empty. It sees a card leave only at its next presence
     * poll, later still on a loaded machine; waiting on its status changes (not on a clock) keeps a
     * card of one step from showing up in the next.
     */
    async function slotsEmpty(): Promise<void> {
      const host = await createProcessHost();
      try {
        const present = host.constants.SCARD_STATE_PRESENT;
        // Generous: a poll every 400 ms, each wait below up to 2 s; the hook's own timeout bounds it too.
        for (let attempt = 0; attempt < 60; attempt++) {
          const readers = await host.list();
          if (readers.every((r) => (r.state & present) === 0)) return;
          await host.wait(
            readers.map((r) => ({ name: r.name, state: r.state })),
            2000,
          );
        }
        throw new Error('pcscd still reports a card in a vpcd slot after 60 status changes or waits');
      } finally {
        await host.close();
      }
    }

    afterEach(async () => {
      await Promise.all(closers.splice(0).map((close) => close()));
      await Promise.all(cards.splice(0).map((c) => c.remove()));
      await slotsEmpty();
    }, 180_000);

    beforeAll(async () => {
      pcscd = await startPcscd();
      // pcsc-lite's client reads this once, at the first PC/SC call of the process.
      process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
      [slot0, slot1] = pcscd.slots as [typeof slot0, typeof slot1];
    });
    afterAll(async () => {
      await pcscd?.stop();
    });

    it('lists both vpcd slots, empty', async () => {
      expect(await listPcscReaders()).toEqual([
        { name: slot0.readerName, cardPresent: false },
        { name: slot1.readerName, cardPresent: false },
      ]);
    });

    it('reads a card already on the reader, then closes', async () => {
      const inserted = await insert(card(), { port: slot0.port });
      try {
        const transport = await open({ reader: slot0.readerName, waitForCardMs: 120_000 });
        expect(transport.readerName).toBe(slot0.readerName);
        expect(transport.atr).toEqual(Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01));
        const result = await readCard(transport, { access: { can } });
        expect(result.protocol).toBe('PACE');
        expect(result.chipAuthentication).toBe('passed');
        expect(inserted.apdus).toBeGreaterThanOrEqual(15);
        await transport.close();
        await transport.close();
        await expect(transport.transmit(Uint8Array.of(0, 0xa4, 0, 0))).rejects.toMatchObject({
          code: 'ERR_READER_CARD_REMOVED',
        });
      } finally {
        await inserted.remove();
      }
    });

    it('reads cards placed while it waits, one after another, closing each time', async () => {
      for (let i = 0; i < 3; i++) {
        const pending = createPcscTransport({ reader: slot0.readerName, waitForCardMs: 120_000 });
        // Handled at once: a failure while the card is being placed must fail this test, not surface
        // as an unhandled rejection.
        pending.then(
          (transport) => closers.push(() => transport.close()),
          () => undefined,
        );
        // The slot is empty when the wait starts: the card comes after.
        expect((await listPcscReaders()).find((r) => r.name === slot0.readerName)?.cardPresent).toBe(false);
        const inserted = await insert(card(), { port: slot0.port });
        const transport = await pending;
        const result = await readCard(transport, { access: { can } });
        expect(result.protocol).toBe('PACE');
        await transport.close();
        await inserted.remove();
        await slotsEmpty();
      }
    });

    it('never freezes the event loop when close() meets a busy reader (issue 14), in a child process', async () => {
      const run = await runChild('close-while-reader-busy', pcscd.env, slot0.port);
      expect(run.started, run.stderr).toBe(true);
      expect(run.frozen, run.stderr).toBe(false);
      expect(run.output, run.stderr).toEqual({ protocol: 'PACE', apdus: expect.any(Number), closed: true });
    });

    it('the watchdog catches a close() that blocks the event loop (a binding on the loop whose disconnect never returns)', async () => {
      // Proves the check above can fail: the same watchdog, a child whose close() blocks its thread
      // the way SCardDisconnect did before the fix (deterministically, not by racing pcscd's poll).
      const run = await runChild('close-blocks-on-loop', {});
      expect(run.started, run.stderr).toBe(true);
      expect(run.frozen).toBe(true);
      expect(run.output).toEqual({ closing: true });
    });

    it('reports ERR_READER_CARD_REMOVED when the card leaves in the middle of a read, and closes', async () => {
      const inserted = await insert(card({ faults: { dropAfter: 9 } }), { port: slot0.port });
      const transport = await open({ reader: slot0.readerName, waitForCardMs: 120_000 });
      await expect(readCard(transport, { access: { can } })).rejects.toMatchObject({
        code: 'ERR_READER_CARD_REMOVED',
      });
      expect(inserted.removed).toBe(true);
      await transport.close();
      await inserted.remove();
    });

    it('chooses the reader a pattern names when two readers hold cards', async () => {
      const first = await insert(card(), { port: slot0.port });
      const second = await insert(card(), { port: slot1.port });
      try {
        const transport = await open({ reader: / 00 01$/, waitForCardMs: 120_000 });
        expect(transport.readerName).toBe(slot1.readerName);
        expect((await readCard(transport, { access: { can } })).protocol).toBe('PACE');
        await transport.close();
        expect(second.apdus).toBeGreaterThan(0);
        expect(first.apdus).toBe(0);
        await expect(createPcscTransport({ reader: 'Omnikey' })).rejects.toMatchObject({
          code: 'ERR_READER_PCSC_NO_READER',
        });
      } finally {
        await first.remove();
        await second.remove();
      }
    });

    it('reports ERR_READER_PCSC_NO_READER when the slot stays empty past waitForCardMs', async () => {
      await expect(
        createPcscTransport({ reader: slot1.readerName, waitForCardMs: 300 }),
      ).rejects.toMatchObject({
        code: 'ERR_READER_PCSC_NO_READER',
      });
    });

    it('watches several cards placed and removed one after another, reading each', async () => {
      const events = queue<string>();
      const reads = queue<string>();
      const watch = await watchPcscCards({
        reader: slot0.readerName,
        onInserted: ({ reader, transport }) => {
          events.push(`in:${reader}`);
          readCard(transport, { access: { can } }).then(
            (r) => reads.push(r.protocol),
            (e: { code?: string }) => reads.push(e.code ?? 'error'),
          );
        },
        onRemoved: ({ reader }) => events.push(`out:${reader}`),
        onError: (e) => events.push(`error:${e.message}`),
      });
      closers.push(() => watch.stop());
      try {
        for (let i = 0; i < 3; i++) {
          const inserted = await insert(card(), { port: slot0.port });
          expect(await events.next()).toBe(`in:${slot0.readerName}`);
          expect(await reads.next()).toBe('PACE');
          await inserted.remove();
          expect(await events.next()).toBe(`out:${slot0.readerName}`);
        }
      } finally {
        await watch.stop();
        await watch.stop();
      }
    });

    it('reports a card already on the reader when the watch starts, and a removal mid-read', async () => {
      const inserted = await insert(card({ faults: { dropAfter: 6 } }), { port: slot1.port });
      const events = queue<string>();
      const watch = await watchPcscCards({
        reader: slot1.readerName,
        onInserted: ({ transport }) => {
          events.push('in');
          readCard(transport, { access: { can } }).catch((e: { code?: string }) =>
            events.push(e.code ?? 'error'),
          );
        },
        onRemoved: () => events.push('out'),
      });
      closers.push(() => watch.stop());
      try {
        expect(await events.next()).toBe('in');
        const next = [await events.next(), await events.next()].sort();
        expect(next).toEqual(['ERR_READER_CARD_REMOVED', 'out']);
      } finally {
        await watch.stop();
        await inserted.remove();
      }
    });

    it('reports no reader at all with a typed error (a daemon without readers, in a child process)', async () => {
      const empty = await startPcscd({ vpcd: false });
      try {
        const run = await runChild('no-reader', empty.env);
        expect(run.output, run.stderr).toEqual({ readers: [], outcome: 'ERR_READER_PCSC_NO_READER' });
      } finally {
        await empty.stop();
      }
    });

    it('reports ERR_READER_PCSC_UNAVAILABLE when no pcscd runs (in a child process)', async () => {
      const run = await runChild('no-service', { PCSCLITE_CSOCK_NAME: join(here, 'no-such-pcscd.comm') });
      expect(run.output, run.stderr).toEqual({ outcome: 'ERR_READER_PCSC_UNAVAILABLE' });
    });
  },
);
