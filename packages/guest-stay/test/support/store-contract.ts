/**
 * The behaviour every OutboxStore must have, run against SQLite and PostgreSQL alike: queueing
 * order, one live notice per key, claims that never hand one entry to two workers, fenced
 * settlements, lease take-over marking the entry uncertain, alert bits set once.
 */
import { isCancuocError } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import type { OutboxStore } from '../../src/outbox/store.js';
import { makeNotice } from './fake-stay-api.js';

const T0 = Date.parse('2026-12-06T15:00:00+07:00');

export function storeContract(open: () => Promise<OutboxStore>): void {
  async function withEntries(n: number): Promise<{ store: OutboxStore; ids: string[] }> {
    const store = await open();
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = `id-${i}`;
      const notice = makeNotice(i);
      await store.insert({ id, notice, deadlineAt: Date.parse(notice.deadline), now: T0 + i });
      ids.push(id);
    }
    return { store, ids };
  }

  describe('store contract', () => {
    it('gives back exactly what was inserted, in queueing order', async () => {
      const { store, ids } = await withEntries(3);
      const entries = await store.list();
      expect(entries.map((e) => e.id)).toEqual(ids);
      expect(entries[1]).toMatchObject({
        notice: makeNotice(1),
        state: 'queued',
        attempts: 0,
        uncertain: false,
        createdAt: T0 + 1,
        nextAttemptAt: T0 + 1,
        leaseOwner: null,
        confirmedBy: null,
        reason: null,
        lastError: null,
        alerts: 0,
      });
      expect(await store.get('id-2')).toEqual(entries[2]);
      expect(await store.list({ states: ['accepted'] })).toEqual([]);
    });

    it('refuses a second live entry for one key, and accepts it once the first is rejected', async () => {
      const { store } = await withEntries(1);
      const again = { id: 'id-x', notice: makeNotice(0), deadlineAt: 0, now: T0 };
      const error = await store.insert(again).catch((e: unknown) => e);
      expect(isCancuocError(error) && error.code).toBe('ERR_STAY_ALREADY_QUEUED');
      expect(isCancuocError(error) && error.details).toMatchObject({ id: 'id-0', state: 'queued' });
      const [claimed] = await store.claim({ owner: 'w', limit: 1, now: T0 + 10, leaseMs: 1000 });
      const reason = { code: '400', message: 'm', messageVi: 'v' };
      await store.settle(
        [{ id: 'id-0', owner: 'w', attempt: claimed!.attempts, state: 'rejected', reason }],
        T0 + 20,
      );
      await store.insert(again);
      expect((await store.list()).map((e) => [e.id, e.state])).toEqual([
        ['id-0', 'rejected'],
        ['id-x', 'queued'],
      ]);
    });

    it('claims due entries once, under a lease, and never the same entry twice', async () => {
      const { store, ids } = await withEntries(5);
      const a = await store.claim({ owner: 'a', limit: 3, now: T0 + 100, leaseMs: 1000 });
      const b = await store.claim({ owner: 'b', limit: 3, now: T0 + 100, leaseMs: 1000 });
      expect(a.map((e) => e.id)).toEqual(ids.slice(0, 3));
      expect(b.map((e) => e.id)).toEqual(ids.slice(3));
      expect(a[0]).toMatchObject({ state: 'sending', attempts: 1, leaseOwner: 'a', leaseUntil: T0 + 1100 });
      expect(await store.claim({ owner: 'c', limit: 3, now: T0 + 200, leaseMs: 1000 })).toEqual([]);
      expect(await store.nextDueAt()).toBe(T0 + 1100);
    });

    it('does not claim an entry before its next attempt time', async () => {
      const { store } = await withEntries(1);
      const [entry] = await store.claim({ owner: 'a', limit: 1, now: T0, leaseMs: 1000 });
      const error = { code: 'ERR_STAY_AUTH', message: 'no' };
      const applied = await store.settle(
        [{ id: entry!.id, owner: 'a', attempt: 1, state: 'queued', nextAttemptAt: T0 + 500, error }],
        T0 + 1,
      );
      expect(applied).toEqual([entry!.id]);
      expect(await store.claim({ owner: 'a', limit: 1, now: T0 + 499, leaseMs: 1000 })).toEqual([]);
      expect(await store.nextDueAt()).toBe(T0 + 500);
      const [again] = await store.claim({ owner: 'a', limit: 1, now: T0 + 500, leaseMs: 1000 });
      expect(again).toMatchObject({ attempts: 2, uncertain: false, lastError: error });
    });

    it('takes over an expired lease as uncertain, and ignores the late answer of the first owner', async () => {
      const { store } = await withEntries(1);
      await store.claim({ owner: 'a', limit: 1, now: T0, leaseMs: 1000 });
      expect(await store.claim({ owner: 'b', limit: 1, now: T0 + 999, leaseMs: 1000 })).toEqual([]);
      const [taken] = await store.claim({ owner: 'b', limit: 1, now: T0 + 1000, leaseMs: 1000 });
      expect(taken).toMatchObject({ attempts: 2, uncertain: true, leaseOwner: 'b' });
      const late = await store.settle(
        [{ id: 'id-0', owner: 'a', attempt: 1, state: 'accepted', confirmedBy: 'response' }],
        T0 + 1001,
      );
      expect(late).toEqual([]);
      const current = await store.settle(
        [{ id: 'id-0', owner: 'b', attempt: 2, state: 'accepted', confirmedBy: 'duplicate' }],
        T0 + 1002,
      );
      expect(current).toEqual(['id-0']);
      expect(await store.get('id-0')).toMatchObject({
        state: 'accepted',
        confirmedBy: 'duplicate',
        acceptedAt: T0 + 1002,
        leaseOwner: null,
      });
      expect(await store.nextDueAt()).toBeUndefined();
    });

    it('keeps the uncertain mark once a send may have arrived', async () => {
      const { store } = await withEntries(1);
      await store.claim({ owner: 'a', limit: 1, now: T0, leaseMs: 1000 });
      const error = { code: 'ERR_STAY_NETWORK', message: 'reset' };
      await store.settle(
        [{ id: 'id-0', owner: 'a', attempt: 1, state: 'unknown', nextAttemptAt: T0, error }],
        T0,
      );
      await store.claim({ owner: 'a', limit: 1, now: T0, leaseMs: 1000 });
      const auth = { code: 'ERR_STAY_AUTH', message: 'no' };
      await store.settle(
        [{ id: 'id-0', owner: 'a', attempt: 2, state: 'queued', nextAttemptAt: T0, error: auth }],
        T0,
      );
      expect(await store.get('id-0')).toMatchObject({ state: 'queued', uncertain: true, lastError: auth });
    });

    it('lists pending entries near their deadline and sets each alert bit once', async () => {
      const { store } = await withEntries(2);
      const deadline = Date.parse(makeNotice(0).deadline);
      expect(await store.deadlines(deadline - 1, 3)).toEqual([]);
      expect((await store.deadlines(deadline, 3)).map((e) => e.id)).toEqual(['id-0', 'id-1']);
      expect(await store.markAlert('id-0', 1)).toBe(true);
      expect(await store.markAlert('id-0', 1)).toBe(false);
      expect((await store.get('id-0'))?.alerts).toBe(1);
      expect((await store.deadlines(deadline, 1)).map((e) => e.id)).toEqual(['id-1']);
      expect((await store.deadlines(deadline, 3)).map((e) => e.id)).toEqual(['id-0', 'id-1']);
      expect(await store.markAlert('id-0', 3)).toBe(true);
      expect(await store.deadlines(deadline, 3)).toHaveLength(1);
    });
  });
}
