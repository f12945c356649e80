import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCancuocError } from '@cancuoc/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, resolveRetry } from '../src/outbox/backoff.js';
import {
  createOutbox,
  type Outbox,
  type OutboxEvents,
  type OutboxOptions,
} from '../src/outbox/create-outbox.js';
import type { OutboxStore } from '../src/outbox/store.js';
import { createSqliteStore, type SqliteStore } from '../src/sqlite/index.js';
import { createFakeStayApi, type FakeStayApi, makeNotice, stayError } from './support/fake-stay-api.js';

let dir: string;
let path: string;
const stores: SqliteStore[] = [];
const outboxes: Outbox[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cancuoc-outbox-'));
  path = join(dir, 'outbox.db');
});
afterEach(async () => {
  for (const outbox of outboxes.splice(0)) await outbox.stop({ abandon: true });
  for (const store of stores.splice(0)) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function openStore(): SqliteStore {
  const store = createSqliteStore({ path });
  stores.push(store);
  return store;
}

function outboxOn(
  api: FakeStayApi,
  store: OutboxStore = openStore(),
  options: Partial<OutboxOptions> = {},
): Outbox {
  const outbox = createOutbox({
    client: api,
    store,
    retry: { initialDelayMs: 2, maxDelayMs: 10 },
    pollIntervalMs: 20,
    ...options,
  });
  outboxes.push(outbox);
  return outbox;
}

function record<E extends keyof OutboxEvents>(outbox: Outbox, event: E): OutboxEvents[E][] {
  const seen: OutboxEvents[E][] = [];
  outbox.on(event, (payload) => seen.push(payload));
  return seen;
}

function nextEvent<E extends keyof OutboxEvents>(outbox: Outbox, event: E): Promise<OutboxEvents[E]> {
  return new Promise((resolve) => {
    const off = outbox.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}

describe('createOutbox: queueing', () => {
  it('stores a notice as queued before enqueue resolves, visible to a second connection', async () => {
    const outbox = outboxOn(createFakeStayApi());
    const { id } = await outbox.enqueue(makeNotice(1));
    const other = createSqliteStore({ path, readonly: true });
    stores.push(other);
    const [entry] = await other.list();
    expect(entry).toMatchObject({ id, state: 'queued', attempts: 0 });
    expect(entry?.notice).toEqual(makeNotice(1));
  });

  it('lists and gets notices on an outbox that was never started', async () => {
    const writer = outboxOn(createFakeStayApi());
    const a = await writer.enqueue(makeNotice(1));
    const b = await writer.enqueue(makeNotice(2));
    const inspector = createOutbox({ client: createFakeStayApi(), store: openStore() });
    const all = await inspector.list();
    expect(all.map((r) => [r.id, r.state])).toEqual([
      [a.id, 'queued'],
      [b.id, 'queued'],
    ]);
    expect(await inspector.list({ state: 'accepted' })).toEqual([]);
    expect(await inspector.get(b.id)).toMatchObject({
      id: b.id,
      state: 'queued',
      label: makeNotice(2).label,
      kind: 'vietnamese',
      deadline: makeNotice(2).deadline,
      attempts: 0,
      possiblyDelivered: false,
    });
    expect(await inspector.get('no-such-id')).toBeUndefined();
  });

  it('refuses a second notice for the same stay with ERR_STAY_ALREADY_QUEUED naming the first', async () => {
    const outbox = outboxOn(createFakeStayApi());
    const { id } = await outbox.enqueue(makeNotice(1));
    const error = await outbox.enqueue(makeNotice(1)).catch((e: unknown) => e);
    expect(isCancuocError(error) && error.code).toBe('ERR_STAY_ALREADY_QUEUED');
    expect(isCancuocError(error) && error.details).toMatchObject({ id, state: 'queued' });
    // The message names the stay by its masked label only.
    expect(String((error as Error).message)).not.toContain('001099000001');
    // A front desk reads the state in Vietnamese.
    expect(isCancuocError(error) && error.messageVi).toContain('trạng thái: đang chờ gửi');
    expect(await outbox.list()).toHaveLength(1);
  });

  it('rejects a malformed notice with a TypeError', async () => {
    const outbox = outboxOn(createFakeStayApi());
    await expect(outbox.enqueue({ ...makeNotice(1), key: '' })).rejects.toThrow(TypeError);
    await expect(outbox.enqueue({ ...makeNotice(1), deadline: 'tonight' })).rejects.toThrow(TypeError);
  });

  it('reads every state back after the store is closed and reopened', async () => {
    const api = createFakeStayApi({ reject: (n) => (n.key === makeNotice(2).key ? rejection : undefined) });
    const outbox = outboxOn(api);
    await outbox.enqueue(makeNotice(1));
    await outbox.enqueue(makeNotice(2));
    await outbox.start();
    await outbox.idle();
    await outbox.stop();
    const before = await outbox.list();
    for (const store of stores.splice(0)) await store.close();
    const reopened = createOutbox({ client: api, store: openStore() });
    expect(await reopened.list()).toEqual(before);
    expect(before.map((r) => r.state)).toEqual(['accepted', 'rejected']);
  });
});

const rejection = {
  status: 'rejected',
  code: '400',
  message: 'Arrival must be today or yesterday',
  messageVi: 'Ngày đến Cslt phải là ngày hiện tại hoặc hôm qua',
} as const;

describe('createOutbox: delivery', () => {
  it('sends queued notices in batches of batchSize and marks them accepted by response', async () => {
    const api = createFakeStayApi();
    const outbox = outboxOn(api, openStore(), { batchSize: 3 });
    for (let i = 0; i < 7; i++) await outbox.enqueue(makeNotice(i));
    const accepted = record(outbox, 'accepted');
    await outbox.start();
    await outbox.idle();
    expect(api.submissions.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(accepted).toHaveLength(7);
    expect(accepted.every((e) => e.confirmedBy === 'response' && e.attempts === 1)).toBe(true);
    const records = await outbox.list();
    expect(records.every((r) => r.state === 'accepted' && r.confirmedBy === 'response' && r.acceptedAt)).toBe(
      true,
    );
  });

  it('sends Vietnamese and foreign notices in separate requests', async () => {
    const api = createFakeStayApi();
    const outbox = outboxOn(api);
    await outbox.enqueue(makeNotice(1));
    await outbox.enqueue(makeNotice(2, { kind: 'foreign' }));
    await outbox.enqueue(makeNotice(3));
    await outbox.start();
    await outbox.idle();
    expect(api.submissions.map((batch) => batch.map((n) => n.kind))).toEqual([
      ['vietnamese', 'vietnamese'],
      ['foreign'],
    ]);
  });

  it('records a business refusal as rejected, final, with the API text, and frees the key', async () => {
    const api = createFakeStayApi({ reject: () => rejection });
    const outbox = outboxOn(api);
    const { id } = await outbox.enqueue(makeNotice(1));
    const rejected = nextEvent(outbox, 'rejected');
    await outbox.start();
    expect(await rejected).toMatchObject({
      id,
      attempts: 1,
      reason: { code: '400', messageVi: rejection.messageVi },
    });
    await outbox.idle();
    expect(api.submissions).toHaveLength(1);
    expect(await outbox.get(id)).toMatchObject({ state: 'rejected', reason: { message: rejection.message } });
    // The corrected notice for the same stay may be queued again.
    api.faults = {};
    const again = await outbox.enqueue(makeNotice(1));
    expect(again.id).not.toBe(id);
    await outbox.idle();
    expect((await outbox.get(again.id))?.state).toBe('accepted');
  });

  it('re-sends after an answer lost on a dropped connection and confirms the acceptance by duplicate', async () => {
    const api = createFakeStayApi({ dropAfterAccept: (n) => n === 1 });
    const outbox = outboxOn(api);
    const { id } = await outbox.enqueue(makeNotice(1));
    const unknown = record(outbox, 'unknown');
    const retries = record(outbox, 'retry');
    const accepted = nextEvent(outbox, 'accepted');
    await outbox.start();
    expect(await accepted).toMatchObject({ id, attempts: 2, confirmedBy: 'duplicate' });
    expect(unknown).toEqual([{ id, label: makeNotice(1).label, attempts: 1, cause: 'send-failed' }]);
    expect(retries[0]).toMatchObject({ id, attempts: 1, error: { code: 'ERR_STAY_NETWORK' } });
    expect(api.accepted).toEqual([makeNotice(1).key]);
    expect(await outbox.get(id)).toMatchObject({
      state: 'accepted',
      confirmedBy: 'duplicate',
      possiblyDelivered: true,
    });
  });

  it('treats a 5xx as possibly delivered', async () => {
    const api = createFakeStayApi({
      failBefore: (n) => (n === 1 ? stayError('ERR_STAY_HTTP', { status: 502 }) : undefined),
    });
    const outbox = outboxOn(api);
    const { id } = await outbox.enqueue(makeNotice(1));
    const unknown = nextEvent(outbox, 'unknown');
    await outbox.start();
    await unknown;
    await outbox.idle();
    expect(await outbox.get(id)).toMatchObject({
      state: 'accepted',
      confirmedBy: 'response',
      possiblyDelivered: true,
    });
  });

  it('puts a batch that certainly did not arrive back in the queue, and retries it', async () => {
    const api = createFakeStayApi({ failBefore: (n) => (n <= 2 ? stayError('ERR_STAY_AUTH') : undefined) });
    const outbox = outboxOn(api);
    const { id } = await outbox.enqueue(makeNotice(1));
    const unknown = record(outbox, 'unknown');
    const retries = record(outbox, 'retry');
    await outbox.start();
    await outbox.idle();
    expect(unknown).toEqual([]);
    expect(retries.map((r) => r.attempts)).toEqual([1, 2]);
    expect(await outbox.get(id)).toMatchObject({
      state: 'accepted',
      attempts: 3,
      possiblyDelivered: false,
      lastError: { code: 'ERR_STAY_AUTH' },
    });
  });

  it("trusts the client's own mayHaveArrived: a 500 that did not arrive leaves the notice certain", async () => {
    const api = createFakeStayApi({
      failBefore: (n) =>
        n === 1
          ? stayError('ERR_STAY_SERVER', { status: 500, mayHaveArrived: false, retryable: true })
          : undefined,
    });
    const outbox = outboxOn(api);
    const { id } = await outbox.enqueue(makeNotice(1));
    const unknown = record(outbox, 'unknown');
    await outbox.start();
    await outbox.idle();
    expect(unknown).toEqual([]);
    expect(await outbox.get(id)).toMatchObject({ state: 'accepted', attempts: 2, possiblyDelivered: false });
  });

  it('re-sends a batch refused without naming a notice one by one, and rejects the one refused alone', async () => {
    const bad = makeNotice(2).key;
    const api = createFakeStayApi();
    const submit = api.submit.bind(api);
    api.submit = async (notices, options) => {
      if (notices.some((n) => n.key === bad)) {
        api.submissions.push([...notices]);
        throw stayError('ERR_STAY_REFUSED', { mayHaveArrived: false, retryable: false });
      }
      return submit(notices, options);
    };
    const outbox = outboxOn(api);
    for (let i = 1; i <= 3; i++) await outbox.enqueue(makeNotice(i));
    await outbox.start();
    await outbox.idle();
    expect(api.submissions.map((b) => b.length)).toEqual([3, 1, 1, 1]);
    const records = await outbox.list();
    expect(records.map((r) => r.state)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(records[1]).toMatchObject({ attempts: 1, reason: { code: 'ERR_STAY_REFUSED' } });
  });

  it('rejects as duplicate-elsewhere a notice the API already held before any send of ours', async () => {
    const api = createFakeStayApi();
    await api.submit([makeNotice(1)]); // sent through the portal by hand
    const outbox = outboxOn(api);
    const { id } = await outbox.enqueue(makeNotice(1));
    const rejected = nextEvent(outbox, 'rejected');
    await outbox.start();
    expect((await rejected).reason.code).toBe('duplicate-elsewhere');
    expect(await outbox.get(id)).toMatchObject({
      state: 'rejected',
      reason: { code: 'duplicate-elsewhere' },
    });
  });

  it('also confirms by duplicate after a failure that did not arrive, if an earlier one may have', async () => {
    const api = createFakeStayApi({
      dropAfterAccept: (n) => n === 1,
      failBefore: (n) => (n === 2 ? stayError('ERR_STAY_AUTH') : undefined),
    });
    const outbox = outboxOn(api);
    const { id } = await outbox.enqueue(makeNotice(1));
    await outbox.start();
    await outbox.idle();
    expect(await outbox.get(id)).toMatchObject({ state: 'accepted', confirmedBy: 'duplicate', attempts: 3 });
  });
});

describe('createOutbox: crashes and stops', () => {
  it('after a crash while sending, re-sends on restart and confirms by duplicate (the API held it)', async () => {
    const api = createFakeStayApi();
    const first = outboxOn(api);
    const { id } = await first.enqueue(makeNotice(1));
    const { id: other } = await first.enqueue(makeNotice(2));
    // The crashed worker: claimed (durably `sending`), the API accepted notice 1, then the process died.
    const store = stores[0]!;
    const claimed = await store.claim({ owner: 'dead-worker', limit: 1, now: Date.now(), leaseMs: 60_000 });
    expect(claimed.map((e) => e.id)).toEqual([id]);
    await api.submit([makeNotice(1)]);
    await store.close();

    const restarted = outboxOn(api);
    const unknown = record(restarted, 'unknown');
    await restarted.start();
    expect(unknown).toEqual([{ id, label: makeNotice(1).label, attempts: 1, cause: 'crash-recovery' }]);
    await restarted.idle();
    expect(await restarted.get(id)).toMatchObject({
      state: 'accepted',
      confirmedBy: 'duplicate',
      attempts: 2,
    });
    expect(await restarted.get(other)).toMatchObject({
      state: 'accepted',
      confirmedBy: 'response',
      attempts: 1,
    });
    expect(api.accepted.sort()).toEqual([makeNotice(1).key, makeNotice(2).key].sort());
  });

  it('after a crash before the send left the process, the re-send is accepted by response', async () => {
    const api = createFakeStayApi();
    const first = outboxOn(api);
    const { id } = await first.enqueue(makeNotice(1));
    await stores[0]!.claim({ owner: 'dead-worker', limit: 5, now: Date.now(), leaseMs: 60_000 });
    await stores[0]!.close();
    const restarted = outboxOn(api);
    await restarted.start();
    await restarted.idle();
    expect(await restarted.get(id)).toMatchObject({
      state: 'accepted',
      confirmedBy: 'response',
      attempts: 2,
    });
  });

  it('stop() lets the send in flight finish and records its outcome', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = createFakeStayApi();
    const submit = api.submit.bind(api);
    api.submit = async (notices, options) => {
      await gate;
      return submit(notices, options);
    };
    const outbox = outboxOn(api);
    const { id } = await outbox.enqueue(makeNotice(1));
    await outbox.start();
    while ((await outbox.get(id))?.state !== 'sending') await new Promise((r) => setImmediate(r));
    const stopped = outbox.stop();
    release();
    await stopped;
    expect((await outbox.get(id))?.state).toBe('accepted');
  });

  it('stop({ abandon: true }) aborts the send in flight and leaves its notices unknown for the next start', async () => {
    const api = createFakeStayApi({ hang: (n) => n === 1 });
    const outbox = outboxOn(api);
    const { id } = await outbox.enqueue(makeNotice(1));
    const unknown = record(outbox, 'unknown');
    await outbox.start();
    while (api.submissions.length === 0) await new Promise((r) => setImmediate(r));
    await outbox.stop({ abandon: true });
    expect(unknown).toEqual([{ id, label: makeNotice(1).label, attempts: 1, cause: 'stopped' }]);
    expect(await outbox.get(id)).toMatchObject({ state: 'unknown', possiblyDelivered: true });
    await outbox.start();
    await outbox.idle();
    expect(await outbox.get(id)).toMatchObject({ state: 'accepted', confirmedBy: 'response', attempts: 2 });
  });

  it('keeps going when the store fails to record an outcome, and reconciles once the lease expires', async () => {
    const api = createFakeStayApi();
    const store = openStore();
    let failSettle = true;
    const flaky: OutboxStore = {
      ...store,
      settle: async (settlements, now) => {
        if (failSettle) {
          failSettle = false;
          throw new Error('disk I/O error');
        }
        return store.settle(settlements, now);
      },
    };
    const outbox = outboxOn(api, flaky, { leaseMs: 30 });
    const { id } = await outbox.enqueue(makeNotice(1));
    const errors = record(outbox, 'error');
    await outbox.start();
    await outbox.idle();
    expect(errors.map((e) => e.during)).toEqual(['settle']);
    expect(await outbox.get(id)).toMatchObject({ state: 'accepted', confirmedBy: 'duplicate', attempts: 2 });
    expect(api.accepted).toEqual([makeNotice(1).key]);
  });

  it('reports a listener that throws as an error event and carries on', async () => {
    const outbox = outboxOn(createFakeStayApi());
    outbox.on('accepted', () => {
      throw new Error('listener bug');
    });
    const errors = record(outbox, 'error');
    const { id } = await outbox.enqueue(makeNotice(1));
    await outbox.start();
    await outbox.idle();
    expect(errors.map((e) => e.during)).toEqual(['listener']);
    expect((await outbox.get(id))?.state).toBe('accepted');
  });
});

describe('createOutbox: deadlines', () => {
  it('raises deadline-approaching within the lead time and deadline-missed after, once each, across restarts', async () => {
    let clock = Date.parse('2026-12-06T21:30:00+07:00');
    const api = createFakeStayApi({ failBefore: () => stayError('ERR_STAY_AUTH') });
    const options = { now: () => clock, deadlineLeadMs: 3_600_000 };
    const outbox = outboxOn(api, openStore(), options);
    const { id: late } = await outbox.enqueue(makeNotice(1, { deadline: '2026-12-06T23:00:00+07:00' }));
    const { id: far } = await outbox.enqueue(makeNotice(2, { deadline: '2026-12-07T23:00:00+07:00' }));
    const { id: missed } = await outbox.enqueue(makeNotice(3, { deadline: '2026-12-06T21:00:00+07:00' }));
    const approaching = record(outbox, 'deadline-approaching');
    const missedEvents = record(outbox, 'deadline-missed');
    clock = Date.parse('2026-12-06T22:05:00+07:00');
    await outbox.start();
    while (approaching.length + missedEvents.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(approaching.map((e) => e.id)).toEqual([late]);
    expect(approaching[0]).toMatchObject({
      deadline: '2026-12-06T23:00:00+07:00',
      label: makeNotice(1).label,
    });
    expect(missedEvents.map((e) => e.id)).toEqual([missed]);
    await outbox.stop();

    // Past 23:00: the first one is missed now; the far one is still far; nothing is raised twice.
    clock = Date.parse('2026-12-06T23:01:00+07:00');
    const again = outboxOn(api, stores[0], options);
    const approaching2 = record(again, 'deadline-approaching');
    const missed2 = record(again, 'deadline-missed');
    await again.start();
    while (missed2.length < 1) await new Promise((r) => setTimeout(r, 5));
    clock += 2_000;
    await new Promise((r) => setTimeout(r, 50));
    expect(missed2.map((e) => e.id)).toEqual([late]);
    expect(approaching2).toEqual([]);
    expect((await again.get(far))?.state).not.toBe('accepted');
  });

  it('raises nothing for notices already accepted', async () => {
    const api = createFakeStayApi();
    const outbox = outboxOn(api);
    const missed = record(outbox, 'deadline-missed');
    await outbox.start();
    await outbox.enqueue(makeNotice(1, { deadline: '2099-01-01T00:00:00+07:00' }));
    await outbox.idle();
    expect(missed).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with equal jitter and stops at the ceiling', () => {
    const retry = resolveRetry({ initialDelayMs: 1_000, maxDelayMs: 60_000, factor: 2 });
    expect(backoffDelay(1, retry, () => 0)).toBe(500);
    expect(backoffDelay(1, retry, () => 0.999999)).toBe(1_000);
    expect(backoffDelay(3, retry, () => 0)).toBe(2_000);
    expect(backoffDelay(3, retry, () => 0.5)).toBe(3_000);
    expect(backoffDelay(40, retry, () => 0.999999)).toBe(60_000);
    expect(backoffDelay(40, retry, () => 0)).toBe(30_000);
  });

  it('rejects nonsense options', () => {
    expect(() => resolveRetry({ factor: 0.5 })).toThrow(RangeError);
    expect(() => resolveRetry({ initialDelayMs: -1 })).toThrow(RangeError);
    expect(() => createOutbox({ client: createFakeStayApi(), store: openStore(), batchSize: 0 })).toThrow(
      RangeError,
    );
  });
});
