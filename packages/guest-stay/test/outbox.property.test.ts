/**
 * The outbox against a model, under random crashes and random API behaviour: whatever the order
 * of failures, once a worker runs to the end every queued notice is final, the API holds each
 * stay at most once, and the outbox says `accepted` for exactly the stays the API holds.
 *
 * A crash is modelled in-process: after a random number of store or API operations the current
 * "process" dies — every later operation of that incarnation fails and never reaches the store or
 * the API — and a new outbox starts on the same SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCancuocError } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOutbox } from '../src/outbox/create-outbox.js';
import type { OutboxStore } from '../src/outbox/store.js';
import { createSqliteStore } from '../src/sqlite/index.js';
import type { StaySubmitter } from '../src/types.js';
import { createFakeStayApi, makeNotice, stayError } from './support/fake-stay-api.js';

type Fault = 'ok' | 'drop-after-accept' | 'lost-before' | 'auth' | 'server-500' | 'gateway-504';

const scenario = fc.record({
  notices: fc.integer({ min: 1, max: 12 }),
  batchSize: fc.integer({ min: 1, max: 5 }),
  /** What the API does on submissions 1, 2, … (then it behaves). */
  faults: fc.array(
    fc.constantFrom<Fault>('ok', 'drop-after-accept', 'lost-before', 'auth', 'server-500', 'gateway-504'),
    { maxLength: 12 },
  ),
  /** Notices the API refuses for a business reason. */
  refused: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 3 }),
  /** Each incarnation dies after this many operations. */
  crashes: fc.array(fc.integer({ min: 0, max: 25 }), { maxLength: 4 }),
});

const CRASH = 'simulated crash';

/** One process's view of the store and the API, dead after `crashAfter` operations. */
function incarnation(store: OutboxStore, api: StaySubmitter, crashAfter: number | undefined) {
  let ops = 0;
  let dead = false;
  let onDeath: () => void = () => {};
  const died = new Promise<void>((resolve) => {
    onDeath = resolve;
  });
  const step = (): void => {
    if (dead) throw new Error(CRASH);
    ops++;
    if (crashAfter !== undefined && ops > crashAfter) {
      dead = true;
      onDeath();
      throw new Error(CRASH);
    }
  };
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      step();
      return fn(...args);
    };
  const wrappedStore: OutboxStore = {
    insert: guarded(store.insert),
    get: guarded(store.get),
    list: guarded(store.list),
    claim: guarded(store.claim),
    settle: guarded(store.settle),
    recover: guarded(store.recover),
    nextDueAt: guarded(store.nextDueAt),
    deadlines: guarded(store.deadlines),
    markAlert: guarded(store.markAlert),
    close: async () => {},
  };
  const client: StaySubmitter = {
    submit: async (notices, options) => {
      step();
      const result = await api.submit(notices, options);
      step(); // dying here: the API stored the batch, the process never saw the answer
      return result;
    },
  };
  return { store: wrappedStore, client, died, isDead: () => dead };
}

describe('createOutbox (property)', () => {
  it('ends with every notice final, none accepted twice, and the outbox agreeing with the API', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const dir = mkdtempSync(join(tmpdir(), 'cancuoc-prop-'));
        const store = createSqliteStore({ path: join(dir, 'outbox.db') });
        try {
          const notices = Array.from({ length: s.notices }, (_, i) => makeNotice(i));
          const refusedKeys = new Set(s.refused.filter((i) => i < s.notices).map((i) => notices[i]!.key));
          const fault = (n: number): Fault => s.faults[n - 1] ?? 'ok';
          const api = createFakeStayApi({
            failBefore: (n) => {
              const f = fault(n);
              if (f === 'lost-before') return stayError('ERR_STAY_NETWORK', { mayHaveArrived: true });
              if (f === 'auth') return stayError('ERR_STAY_AUTH', { mayHaveArrived: false });
              if (f === 'server-500')
                return stayError('ERR_STAY_SERVER', { status: 500, mayHaveArrived: false });
              if (f === 'gateway-504')
                return stayError('ERR_STAY_SERVER', { status: 504, mayHaveArrived: true });
              return undefined;
            },
            dropAfterAccept: (n) => fault(n) === 'drop-after-accept',
            reject: (notice) =>
              refusedKeys.has(notice.key)
                ? { status: 'rejected', code: '400', message: 'refused', messageVi: 'từ chối' }
                : undefined,
          });

          for (const crashAfter of [...s.crashes, undefined]) {
            const life = incarnation(store, api, crashAfter);
            const outbox = createOutbox({
              client: life.client,
              store: life.store,
              batchSize: s.batchSize,
              pollIntervalMs: 5,
              leaseMs: 60_000,
              retry: { initialDelayMs: 1, maxDelayMs: 2 },
            });
            // Like a front desk after a restart: queue what is not in the outbox yet (a rejected
            // notice frees its key, but re-queueing it unchanged is not what a desk does).
            const present = await outbox.list().then(
              (records) => new Set(records.map((r) => r.notice.key)),
              () => undefined,
            );
            for (const notice of present === undefined ? [] : notices) {
              if (present?.has(notice.key)) continue;
              try {
                await outbox.enqueue(notice);
              } catch (error) {
                if (isCancuocError(error) && error.code === 'ERR_STAY_ALREADY_QUEUED') continue;
                if (life.isDead()) break;
                throw error;
              }
            }
            if (!life.isDead()) {
              await outbox.start();
              await Promise.race([outbox.idle(), life.died]);
            }
            await outbox.stop();
          }

          const entries = await store.list();
          // Every notice queued once, and final.
          expect(entries.map((e) => e.notice.key).sort()).toEqual(notices.map((n) => n.key).sort());
          for (const e of entries) expect(['accepted', 'rejected']).toContain(e.state);
          // The API holds each stay at most once.
          expect(new Set(api.accepted).size).toBe(api.accepted.length);
          // The outbox's accepted ones are exactly the API's; refused ones are rejected.
          const accepted = entries.filter((e) => e.state === 'accepted').map((e) => e.notice.key);
          expect(accepted.sort()).toEqual([...api.accepted].sort());
          for (const e of entries) {
            expect(e.state).toBe(refusedKeys.has(e.notice.key) ? 'rejected' : 'accepted');
            if (e.confirmedBy === 'duplicate') expect(e.attempts).toBeGreaterThanOrEqual(2);
          }
        } finally {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
