import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCancuocError } from '@cancuoc/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../src/outbox/create-outbox.js';
import { createSqliteStore, type SqliteStore } from '../src/sqlite/index.js';
import { createFakeStayApi, makeNotice } from './support/fake-stay-api.js';
import { storeContract } from './support/store-contract.js';

let dir: string;
const stores: SqliteStore[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cancuoc-sqlite-'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  rmSync(dir, { recursive: true, force: true });
});
function open(path = join(dir, 'outbox.db'), readonly = false): SqliteStore {
  const store = createSqliteStore({ path, readonly });
  stores.push(store);
  return store;
}

describe('createSqliteStore', () => {
  storeContract(async () => open(join(dir, `${Math.random().toString(36).slice(2)}.db`)));

  it('opens the file in WAL mode with synchronous=FULL', () => {
    const store = open();
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL: every commit is synced before it returns.
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
    // Checkpoints are the worker's job, not a cost an enqueue pays.
    expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });

  it('reports a file it cannot open as ERR_STAY_STORE_OPEN', () => {
    const error = (() => {
      try {
        return createSqliteStore({ path: join(dir, 'no', 'such', 'dir', 'x.db') });
      } catch (e) {
        return e;
      }
    })();
    expect(isCancuocError(error) && error.code).toBe('ERR_STAY_STORE_OPEN');
  });

  it('recovers what a crash left sending as unknown and uncertain, on start only', async () => {
    const store = open();
    for (let i = 0; i < 3; i++) {
      await store.insert({ id: `id-${i}`, notice: makeNotice(i), deadlineAt: 0, now: 1 });
    }
    await store.claim({ owner: 'dead', limit: 2, now: 10, leaseMs: 60_000 });
    const recovered = await store.recover(20);
    expect(recovered.map((e) => [e.id, e.state, e.uncertain, e.nextAttemptAt])).toEqual([
      ['id-0', 'unknown', true, 20],
      ['id-1', 'unknown', true, 20],
    ]);
    expect((await store.get('id-2'))?.state).toBe('queued');
  });
});

// A disk that cannot take the write must surface as a typed error from enqueue, and what was
// queued before must survive. Three ways in, from the cheapest to the most real:
describe('createSqliteStore: a disk that refuses writes', () => {
  async function queueSome(store: SqliteStore, n: number) {
    const outbox = createOutbox({ client: createFakeStayApi(), store });
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await outbox.enqueue(makeNotice(i))).id);
    return { outbox, ids };
  }

  it('full disk: SQLITE_FULL from PRAGMA max_page_count becomes ERR_STAY_STORE_WRITE, nothing lost', async () => {
    // max_page_count caps the file at its current size: the next page SQLite needs fails with
    // SQLITE_FULL, the same result code (and the same rollback path) as ENOSPC from the OS.
    const path = join(dir, 'full.db');
    const store = open(path);
    const { outbox, ids } = await queueSome(store, 5);
    const pages = store.database.pragma('page_count', { simple: true }) as number;
    store.database.pragma(`max_page_count = ${pages}`);
    let error: unknown;
    let i = 5;
    for (; i < 500 && error === undefined; i++) {
      await outbox.enqueue(makeNotice(i)).catch((e: unknown) => {
        error = e;
      });
    }
    expect(isCancuocError(error) && error.code).toBe('ERR_STAY_STORE_WRITE');
    expect(isCancuocError(error) && error.details.reason).toBe('SQLITE_FULL');
    expect(isCancuocError(error) && error.messageVi).toContain('vẫn được giữ nguyên');
    const failedKey = makeNotice(i - 1).key;
    await store.close();
    const reopened = open(path);
    const entries = await reopened.list();
    expect(entries.slice(0, 5).map((e) => e.id)).toEqual(ids);
    expect(entries.some((e) => e.notice.key === failedKey)).toBe(false);
    expect(entries.every((e) => e.state === 'queued')).toBe(true);
    // Space back: the refused notice can be queued now.
    await createOutbox({ client: createFakeStayApi(), store: reopened }).enqueue(makeNotice(i - 1));
  });

  it('read-only file: a store opened readonly lists the queue but enqueue fails with ERR_STAY_STORE_WRITE', async () => {
    const path = join(dir, 'ro.db');
    const { ids } = await queueSome(open(path), 3);
    const readonly = open(path, true);
    const outbox = createOutbox({ client: createFakeStayApi(), store: readonly });
    expect((await outbox.list()).map((r) => r.id)).toEqual(ids);
    const error = await outbox.enqueue(makeNotice(9)).catch((e: unknown) => e);
    expect(isCancuocError(error) && error.code).toBe('ERR_STAY_STORE_WRITE');
    expect(isCancuocError(error) && error.details.reason).toBe('SQLITE_READONLY');
    expect((await outbox.list()).map((r) => r.id)).toEqual(ids);
  });

  it('read-only connection while running: query_only makes the live store refuse, then recover', async () => {
    // PRAGMA query_only turns the worker's own connection read-only (SQLITE_READONLY), as a
    // file system remounted read-only under a running process does.
    const path = join(dir, 'query-only.db');
    const store = open(path);
    const { outbox, ids } = await queueSome(store, 2);
    store.database.pragma('query_only = 1');
    const error = await outbox.enqueue(makeNotice(7)).catch((e: unknown) => e);
    expect(isCancuocError(error) && error.code).toBe('ERR_STAY_STORE_WRITE');
    store.database.pragma('query_only = 0');
    expect((await outbox.list()).map((r) => r.id)).toEqual(ids);
    await outbox.enqueue(makeNotice(7));
    expect(await outbox.list()).toHaveLength(3);
  });

  // The real thing where the machine allows it (root with mount rights, as on CI): a 256 KiB tmpfs
  // fills up and the kernel answers ENOSPC.
  const mountable = (() => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
    const probe = mkdtempSync(join(tmpdir(), 'cancuoc-probe-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', probe], { stdio: 'pipe' });
      execFileSync('umount', [probe], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  })();
  it.skipIf(!mountable)(
    'full disk: a 256 KiB tmpfs that runs out of space (skipped without root and mount)',
    async () => {
      const mnt = join(dir, 'tiny');
      mkdirSync(mnt);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt], { stdio: 'pipe' });
      try {
        const path = join(mnt, 'outbox.db');
        const store = open(path);
        const outbox = createOutbox({ client: createFakeStayApi(), store });
        const queued: string[] = [];
        let error: unknown;
        for (let i = 0; i < 2_000 && error === undefined; i++) {
          await outbox.enqueue(makeNotice(i)).then(
            ({ id }) => queued.push(id),
            (e: unknown) => {
              error = e;
            },
          );
        }
        expect(isCancuocError(error) && error.code).toBe('ERR_STAY_STORE_WRITE');
        expect(isCancuocError(error) && error.details.reason).toBe('SQLITE_FULL');
        expect(queued.length).toBeGreaterThan(0);
        await store.close();
        const reopened = open(path);
        expect((await reopened.list()).map((e) => e.id)).toEqual(queued);
        await reopened.close();
      } finally {
        for (const store of stores.splice(0)) await store.close();
        execFileSync('umount', [mnt], { stdio: 'pipe' });
      }
    },
  );
});
