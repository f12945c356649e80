/**
 * Nothing lost, nothing accepted twice, through SIGKILL: real worker processes run the outbox
 * against the accommodation-API simulator (in this process, over HTTP on loopback) with
 * "accept, then drop the connection" and HTTP 500 faults, and are killed at seeded random points
 * (while queueing, while sending, between a send and its record) and restarted until the queue is
 * empty. Then the simulator must hold every queued notice exactly once.
 *
 * Replay a failing run with OUTBOX_CRASH_SEED=<seed printed in the test name>.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StayApi, startStayApi } from '@cancuoc/testkit';
import { type PostgresServer, postgresSkipReason, startPostgres } from '@cancuoc/testkit/servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxStore } from '../src/outbox/store.js';
import { createPostgresStore } from '../src/postgres/index.js';
import { createSqliteStore } from '../src/sqlite/index.js';
import type { StayNotice } from '../src/types.js';
import { compareAccepted, killPoints, Progress, seededRandom, supervise } from './support/crash-harness.js';
import { foreignNotice, vietnameseNotice } from './support/notices.js';

const SEED = Number(process.env.OUTBOX_CRASH_SEED ?? 20261206);
const NOTICES = 1_000;
const FAULTS = { dropAfterAcceptEvery: 7, serverErrorEvery: 5 } as const;
const CREDENTIALS = {
  username: 'cslt-crash',
  password: 'crash-pw',
  clientId: 'API_CSLT',
  clientSecret: 'crash-secret',
} as const;

/** 1,000 notices, one in ten for a foreign guest (the other endpoint), arriving an hour ago. */
function makeNotices(): StayNotice[] {
  const arrival = Date.now() - 3_600_000;
  return Array.from({ length: NOTICES }, (_, i) =>
    i % 10 === 9 ? foreignNotice(i + 1, arrival) : vietnameseNotice(i + 1, arrival, String(100 + (i % 300))),
  );
}

let dir: string;
let api: StayApi;
let noticesFile: string;
let notices: StayNotice[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cancuoc-crash-'));
  notices = makeNotices();
  noticesFile = join(dir, 'notices.json');
  writeFileSync(noticesFile, JSON.stringify(notices));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function summary(store: OutboxStore) {
  const entries = await store.list();
  const states = new Map<string, number>();
  for (const e of entries) states.set(e.state, (states.get(e.state) ?? 0) + 1);
  return {
    entries: entries.length,
    states: Object.fromEntries(states),
    confirmedByDuplicate: entries.filter((e) => e.confirmedBy === 'duplicate').length,
  };
}

describe('outbox through SIGKILL', () => {
  it(`SQLite: 1,000 notices, one worker killed 12 times, every notice accepted exactly once (seed ${SEED})`, async () => {
    api = await startStayApi({ ...CREDENTIALS, faults: FAULTS });
    const path = join(dir, 'outbox.db');
    const random = seededRandom(SEED);
    try {
      const report = await supervise({
        env: { OUTBOX_STORE: `sqlite:${path}`, OUTBOX_API_URL: api.url, OUTBOX_NOTICES: noticesFile },
        random,
        // About 2 000 progress lines in all (1 000 queued, 1 000 accepted).
        killAt: killPoints(random, 12, 20, 1_950),
        progress: new Progress(),
      });
      const { missing, doubled, unexpected } = compareAccepted(notices, api.accepted);
      const store = createSqliteStore({ path });
      const stored = await summary(store);
      await store.close();
      console.info(
        'SQLite crash run',
        JSON.stringify({ seed: SEED, ...report, api: api.stats, stored }, null, 1),
      );
      expect(report.kills).toBe(12);
      expect(missing).toEqual([]);
      expect(doubled).toEqual([]);
      expect(unexpected).toEqual([]);
      expect(api.accepted).toHaveLength(NOTICES);
      expect(stored).toMatchObject({ entries: NOTICES, states: { accepted: NOTICES } });
      // The faults really fired: answers were lost and the re-sends were confirmed by duplicate.
      expect(api.stats.droppedAfterAccept).toBeGreaterThan(0);
      expect(api.stats.serverErrors).toBeGreaterThan(0);
      expect(stored.confirmedByDuplicate).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  }, 300_000);

  const skip = postgresSkipReason();
  if (skip) console.warn(skip);
  describe.skipIf(skip !== undefined)('PostgreSQL', () => {
    let server: PostgresServer;
    beforeAll(async () => {
      server = await startPostgres();
    });
    afterAll(async () => {
      await server?.stop();
    });

    it(`two workers sharing one table, each killed 6 times: none lost, none accepted twice (seed ${SEED})`, async () => {
      // 20 ms per answer: two workers share the work, and one must not finish it all while the
      // other is being killed and restarted.
      api = await startStayApi({ ...CREDENTIALS, faults: { ...FAULTS, latencyMs: 20 } });
      const table = 'crash_outbox';
      try {
        const progress = new Progress();
        const reports = await Promise.all(
          [1, 2].map((slot) => {
            const random = seededRandom(SEED * 31 + slot);
            return supervise({
              progress,
              // About 2 000 progress lines between the two workers.
              killAt: killPoints(random, 6, 20, 1_900),
              env: {
                OUTBOX_STORE: `postgres:${server.connectionString}#${table}`,
                OUTBOX_API_URL: api.url,
                OUTBOX_NOTICES: noticesFile,
              },
              random,
              // Half the starts reuse the desk's name (it takes back its own leases at once), the
              // others come up under a new name (its old leases expire and either worker takes them).
              perStart: () => (random() < 0.5 ? { OUTBOX_WORKER_ID: `desk-${slot}` } : {}),
            });
          }),
        );
        const { missing, doubled, unexpected } = compareAccepted(notices, api.accepted);
        const store = createPostgresStore({ connectionString: server.connectionString, table });
        const stored = await summary(store);
        await store.close();
        console.info(
          'PostgreSQL crash run',
          JSON.stringify({ seed: SEED, reports, api: api.stats, stored }, null, 1),
        );
        expect(reports.map((r) => r.kills)).toEqual([6, 6]);
        expect(missing).toEqual([]);
        expect(doubled).toEqual([]);
        expect(unexpected).toEqual([]);
        expect(api.accepted).toHaveLength(NOTICES);
        expect(stored).toMatchObject({ entries: NOTICES, states: { accepted: NOTICES } });
        expect(api.stats.droppedAfterAccept).toBeGreaterThan(0);
        expect(stored.confirmedByDuplicate).toBeGreaterThan(0);
      } finally {
        await api.close();
      }
    }, 300_000);
  });
});
