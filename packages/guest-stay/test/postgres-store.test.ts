import { isCancuocError } from '@cancuoc/core';
import { type PostgresServer, postgresSkipReason, startPostgres } from '@cancuoc/testkit/servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../src/outbox/create-outbox.js';
import type { OutboxStore } from '../src/outbox/store.js';
import { createPostgresStore, type PostgresStore } from '../src/postgres/index.js';
import { createFakeStayApi, makeNotice } from './support/fake-stay-api.js';
import { storeContract } from './support/store-contract.js';

// A real PostgreSQL server (Debian's `postgresql`, started by the testkit as the `postgres` user);
// skipped with a message only where the binaries are absent. CI installs them.
const skip = postgresSkipReason();
if (skip) console.warn(skip);

describe.skipIf(skip !== undefined)('createPostgresStore', () => {
  let server: PostgresServer;
  const stores: PostgresStore[] = [];
  let tables = 0;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    for (const store of stores.splice(0)) await store.close();
    await server?.stop();
  });
  function open(table = `outbox_${++tables}`): PostgresStore {
    const store = createPostgresStore({ connectionString: server.connectionString, table });
    stores.push(store);
    return store;
  }

  storeContract(async () => open());

  it('creates its table once when several workers start together', async () => {
    const table = `outbox_race_${++tables}`;
    const racers = Array.from({ length: 4 }, () => open(table));
    await Promise.all(racers.map((store, i) => store.insert(entry(i))));
    expect(await racers[0]!.list()).toHaveLength(4);
  });

  it('hands each entry to exactly one of several workers claiming at the same time', async () => {
    const table = `outbox_claims_${++tables}`;
    const workers = Array.from({ length: 4 }, () => open(table));
    for (let i = 0; i < 200; i++) await workers[0]!.insert(entry(i));
    const taken = new Map<string, string>();
    await Promise.all(
      workers.map(async (store, w) => {
        for (;;) {
          const batch = await store.claim({ owner: `w${w}`, limit: 7, now: 10_000, leaseMs: 60_000 });
          if (batch.length === 0) return;
          for (const e of batch) {
            expect(taken.has(e.id), e.id).toBe(false);
            taken.set(e.id, `w${w}`);
          }
        }
      }),
    );
    expect(taken.size).toBe(200);
    // Every worker got a share: SKIP LOCKED passed over rows, it did not serialise the workers.
    expect(new Set(taken.values()).size).toBeGreaterThan(1);
  });

  it('takes back on restart only what this worker name had leased', async () => {
    const store = open();
    for (let i = 0; i < 4; i++) await store.insert(entry(i));
    await store.claim({ owner: 'desk-1', limit: 2, now: 100, leaseMs: 60_000 });
    await store.claim({ owner: 'desk-2', limit: 2, now: 100, leaseMs: 60_000 });
    const recovered = await store.recover(200, 'desk-1');
    expect(recovered.map((e) => [e.id, e.state, e.uncertain])).toEqual([
      ['id-0', 'unknown', true],
      ['id-1', 'unknown', true],
    ]);
    expect((await store.list({ states: ['sending'] })).map((e) => e.leaseOwner)).toEqual([
      'desk-2',
      'desk-2',
    ]);
    expect(await store.recover(200)).toEqual([]);
  });

  it('delivers every notice once with two outboxes sharing the table and a lossy API', async () => {
    const table = `outbox_shared_${++tables}`;
    const api = createFakeStayApi({ dropAfterAccept: (n) => n % 3 === 0 });
    const outboxes = [open(table), open(table)].map((store: OutboxStore) =>
      createOutbox({
        client: api,
        store,
        batchSize: 4,
        pollIntervalMs: 10,
        retry: { initialDelayMs: 1, maxDelayMs: 5 },
      }),
    );
    for (let i = 0; i < 60; i++) await outboxes[i % 2]!.enqueue(makeNotice(i));
    await Promise.all(outboxes.map((o) => o.start()));
    await Promise.all(outboxes.map((o) => o.idle()));
    await Promise.all(outboxes.map((o) => o.stop()));
    const records = await outboxes[0]!.list();
    expect(records.map((r) => r.state)).toEqual(Array(60).fill('accepted'));
    expect(api.accepted).toHaveLength(60);
    expect(new Set(api.accepted).size).toBe(60);
    expect(records.some((r) => r.confirmedBy === 'duplicate')).toBe(true);
  });

  it('reports an unreachable server as ERR_STAY_STORE_OPEN from enqueue', async () => {
    const store = createPostgresStore({ connectionString: 'postgresql://postgres@127.0.0.1:1/postgres' });
    const outbox = createOutbox({ client: createFakeStayApi(), store });
    const error = await outbox.enqueue(makeNotice(1)).catch((e: unknown) => e);
    expect(isCancuocError(error) && error.code).toBe('ERR_STAY_STORE_OPEN');
    expect(isCancuocError(error) && error.details.reason).toBe('ECONNREFUSED');
    await store.close();
  });

  it('reports a read-only database as ERR_STAY_STORE_WRITE, and keeps what was queued', async () => {
    const table = `outbox_ro_${++tables}`;
    const store = open(table);
    const outbox = createOutbox({ client: createFakeStayApi(), store });
    const { id } = await outbox.enqueue(makeNotice(1));
    // A hot standby or a database switched to read-only refuses writes with SQLSTATE 25006.
    await store.pool.query('ALTER DATABASE postgres SET default_transaction_read_only = on');
    const readonly = open(table);
    try {
      const error = await createOutbox({ client: createFakeStayApi(), store: readonly })
        .enqueue(makeNotice(2))
        .catch((e: unknown) => e);
      expect(isCancuocError(error) && error.code).toBe('ERR_STAY_STORE_WRITE');
      expect(isCancuocError(error) && error.details.reason).toBe('25006');
    } finally {
      await store.pool.query('ALTER DATABASE postgres SET default_transaction_read_only = off');
    }
    expect((await outbox.list()).map((r) => r.id)).toEqual([id]);
  });
});

function entry(i: number) {
  const notice = makeNotice(i);
  return { id: `id-${i}`, notice, deadlineAt: Date.parse(notice.deadline), now: i };
}
