import { type CancuocError, isCancuocError } from '@cancuoc/core';
import { type StartStayApiOptions, type StayApi, startStayApi } from '@cancuoc/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createStayClient, type StayClientOptions } from '../src/create-stay-client.js';
import { foreignNotice, vietnameseNotice } from './support/notices.js';

const CREDENTIALS = {
  username: 'cslt-test-1',
  password: 'Pw@secret-123',
  clientId: 'API_CSLT',
  clientSecret: 'client-secret-xyz',
} as const;

let api: StayApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(options: Partial<StartStayApiOptions> = {}): Promise<StayApi> {
  api = await startStayApi({ ...CREDENTIALS, ...options });
  return api;
}

function client(server: StayApi, options: Partial<StayClientOptions> = {}) {
  return createStayClient({ baseUrl: server.url, ...CREDENTIALS, ...options });
}

async function failure(promise: Promise<unknown>): Promise<CancuocError> {
  try {
    await promise;
  } catch (error) {
    if (isCancuocError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const DAY = 86_400_000;

describe('createStayClient against the simulator', () => {
  it('sends Vietnamese and foreign guests to their endpoints and answers one verdict per notice, in order', async () => {
    const server = await start();
    const c = client(server);
    const notices = [
      vietnameseNotice(1),
      foreignNotice(1),
      vietnameseNotice(2),
      foreignNotice(2, Date.now(), 'RUS'),
    ];
    const { verdicts } = await c.submit(notices);
    expect(verdicts).toEqual(notices.map(() => ({ status: 'accepted' })));
    expect(server.accepted.map((a) => a.kind).sort()).toEqual([
      'foreign',
      'foreign',
      'vietnamese',
      'vietnamese',
    ]);
    expect(server.stats.submissions).toBe(2);
    expect(server.stats.tokensIssued).toBe(1);
  });

  it('answers a re-sent stay as a duplicate, as the real API does, and the simulator holds it once', async () => {
    const server = await start();
    const c = client(server);
    const notices = [vietnameseNotice(3), foreignNotice(3)];
    await c.submit(notices);
    const { verdicts } = await c.submit(notices);
    expect(verdicts[0]).toEqual({
      status: 'duplicate',
      message: 'Đã tồn tại khai báo trùng thời gian tại CSLT',
    });
    expect(verdicts[1]).toEqual({
      status: 'duplicate',
      message: 'Số hộ chiếu đang tạm trú tại CSLT và chưa checkout',
    });
    expect(server.accepted).toHaveLength(2);
  });

  it('maps a business error to the notice it names and still delivers the others of the batch', async () => {
    const server = await start();
    const c = client(server);
    const late = vietnameseNotice(5, Date.now() - 3 * DAY);
    const notices = [vietnameseNotice(4), late, vietnameseNotice(6)];
    const { verdicts } = await c.submit(notices);
    expect(verdicts[0]).toEqual({ status: 'accepted' });
    expect(verdicts[2]).toEqual({ status: 'accepted' });
    expect(verdicts[1]).toMatchObject({
      status: 'rejected',
      code: 'ERR_STAY_ARRIVAL_NOT_RECENT',
      messageVi: 'Ngày đến Cslt phải là ngày hiện tại hoặc hôm qua',
    });
    expect(server.accepted.map((a) => a.payload.soGiayTo)).toEqual([
      notices[0]!.payload.soGiayTo,
      notices[2]!.payload.soGiayTo,
    ]);
  });

  it('reads business errors sent with HTTP 200 the same way', async () => {
    const server = await start({ faults: { businessErrorsWithHttp200: true } });
    const c = client(server);
    const { verdicts } = await c.submit([vietnameseNotice(7, Date.now() - 5 * DAY), vietnameseNotice(8)]);
    expect(verdicts.map((v) => v.status)).toEqual(['rejected', 'accepted']);
  });

  it('reports a duplicate even when the re-sent notice is also too late now', async () => {
    let now = Date.now();
    const server = await start({ now: () => now });
    const c = client(server);
    const notice = vietnameseNotice(9, now);
    await c.submit([notice]);
    now += 2 * DAY;
    const { verdicts } = await c.submit([notice]);
    expect(verdicts[0]?.status).toBe('duplicate');
  });

  it('never puts two notices of one document in one request', async () => {
    const server = await start();
    const c = client(server);
    const first = vietnameseNotice(10, Date.now() - DAY);
    const again = { ...vietnameseNotice(10), key: 'other' };
    const { verdicts } = await c.submit([first, again]);
    expect(verdicts[0]).toEqual({ status: 'accepted' });
    // The second overlaps the first stay: the API calls that a duplicate.
    expect(verdicts[1]?.status).toBe('duplicate');
    expect(server.stats.submissions).toBe(2);
  });

  it('rejects with ERR_STAY_NETWORK when the connection drops after the API stored the batch; a re-send confirms it', async () => {
    const server = await start({ faults: { dropAfterAcceptEvery: 1 } });
    const c = client(server);
    const notice = vietnameseNotice(11);
    const error = await failure(c.submit([notice]));
    expect(error.code).toBe('ERR_STAY_NETWORK');
    expect(error.details).toMatchObject({ mayHaveArrived: true, retryable: true });
    expect(server.accepted).toHaveLength(1);
    server.setFaults({});
    expect((await c.submit([notice])).verdicts[0]?.status).toBe('duplicate');
    expect(server.accepted).toHaveLength(1);
  });

  it('rejects with ERR_STAY_NETWORK when the connection drops before anything was stored', async () => {
    const server = await start({ faults: { dropBeforeAcceptEvery: 1 } });
    const error = await failure(client(server).submit([vietnameseNotice(12)]));
    expect(error.code).toBe('ERR_STAY_NETWORK');
    expect(server.accepted).toHaveLength(0);
  });

  it('rejects with a retryable ERR_STAY_SERVER on HTTP 500, nothing stored', async () => {
    const server = await start({ faults: { serverErrorEvery: 2 } });
    const c = client(server);
    await c.submit([vietnameseNotice(13)]);
    const error = await failure(c.submit([vietnameseNotice(14)]));
    expect(error.code).toBe('ERR_STAY_SERVER');
    expect(error.details).toMatchObject({ status: 500, retryable: true, mayHaveArrived: false });
    expect(server.accepted).toHaveLength(1);
  });

  it('rejects with ERR_STAY_TIMEOUT when the API answers too late', async () => {
    const server = await start({ faults: { latencyMs: 400 } });
    const error = await failure(client(server, { timeoutMs: 50 }).submit([vietnameseNotice(15)]));
    expect(error.code).toBe('ERR_STAY_TIMEOUT');
    expect(error.details).toMatchObject({ mayHaveArrived: true, timeoutMs: 50 });
  });

  it('maps an injected business error to the first notice and delivers the rest', async () => {
    const server = await start({ faults: { businessErrorEvery: 2, businessErrorsWithHttp200: true } });
    const c = client(server);
    await c.submit([vietnameseNotice(16)]);
    const { verdicts } = await c.submit([vietnameseNotice(17), vietnameseNotice(18)]);
    expect(verdicts[0]).toMatchObject({ status: 'rejected', code: 'ERR_STAY_PERMIT_EXPIRED' });
    expect(verdicts[1]).toEqual({ status: 'accepted' });
    expect(server.stats).toMatchObject({ submissions: 3, injectedBusinessErrors: 1, accepted: 2 });
  });

  it('cancels with ERR_STAY_ABORTED, may have arrived, when the signal aborts a request under way', async () => {
    const server = await start({ faults: { latencyMs: 2000 } });
    const c = client(server);
    await c.catalogs.reasons();
    const controller = new AbortController();
    const pending = failure(c.submit([vietnameseNotice(19)], { signal: controller.signal }));
    while (server.stats.submissions === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await pending;
    expect(error.code).toBe('ERR_STAY_ABORTED');
    expect(error.details.mayHaveArrived).toBe(true);
  });

  it('says a timeout of the token endpoint did not send any notice', async () => {
    const server = await start();
    const slowToken: typeof fetch = async (input, init) => {
      if (String(input).includes('/oauth/token')) {
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      return fetch(input, init);
    };
    const error = await failure(
      client(server, { fetch: slowToken, timeoutMs: 50 }).submit([vietnameseNotice(19)]),
    );
    expect(error.code).toBe('ERR_STAY_TIMEOUT');
    expect(error.details).toMatchObject({ mayHaveArrived: false, phase: 'token' });
  });

  it('cancels with ERR_STAY_ABORTED before sending when the signal is already aborted', async () => {
    const server = await start();
    const error = await failure(
      client(server).submit([vietnameseNotice(18)], { signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('ERR_STAY_ABORTED');
    expect(error.details.mayHaveArrived).toBe(false);
  });
});

describe('the token pair', () => {
  it('logs in once and reuses the access token while more than 60 s remain', async () => {
    const server = await start();
    const c = client(server);
    await c.submit([vietnameseNotice(20)]);
    await c.submit([vietnameseNotice(21)]);
    expect(server.stats).toMatchObject({ tokensIssued: 1, refreshes: 0 });
  });

  it('refreshes when under 60 s remain, rotating both tokens, with one refresh for concurrent calls', async () => {
    const server = await start({ ttlSec: 30 });
    const c = client(server);
    await c.submit([vietnameseNotice(22)]);
    expect(server.stats).toMatchObject({ tokensIssued: 1, refreshes: 0 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((k) => c.submit([vietnameseNotice(30 + k)])));
    expect(results.every((r) => r.verdicts[0]?.status === 'accepted')).toBe(true);
    expect(server.stats.refreshes).toBe(1);
    // The rotated pair works; the old refresh token is dead (a second refresh succeeds from the new one).
    await c.submit([vietnameseNotice(40)]);
    expect(server.stats.refreshes).toBe(2);
    expect(server.stats.tokensIssued).toBe(1);
    expect(server.stats.unauthorized).toBe(0);
  });

  it('refreshes from a clock that runs ahead of the token', async () => {
    let clock = Date.now();
    const server = await start();
    const c = client(server, { now: () => clock });
    await c.submit([vietnameseNotice(41)]);
    clock += 3600_000 - 30_000;
    await c.submit([vietnameseNotice(42)]);
    expect(server.stats).toMatchObject({ tokensIssued: 1, refreshes: 1 });
  });

  it('sends again with a fresh token when the API refuses an expired one (HTTP 401)', async () => {
    const server = await start();
    const c = client(server);
    await c.submit([vietnameseNotice(43)]);
    server.expireAccessTokens();
    const { verdicts } = await c.submit([vietnameseNotice(44)]);
    expect(verdicts[0]?.status).toBe('accepted');
    expect(server.stats.unauthorized).toBe(1);
    expect(server.stats.refreshes).toBe(1);
  });

  it('fails with ERR_STAY_AUTH on a wrong password, saying neither the password nor the secret', async () => {
    const server = await start();
    const error = await failure(
      client(server, { password: 'wrong-password-1' }).submit([vietnameseNotice(45)]),
    );
    expect(error.code).toBe('ERR_STAY_AUTH');
    const text = JSON.stringify({ ...error.toJSON(), stack: error.stack });
    expect(text).not.toContain('wrong-password-1');
    expect(text).not.toContain(CREDENTIALS.clientSecret);
  });

  it('revokes the access token; a later call logs in again', async () => {
    const server = await start();
    const c = client(server);
    await c.submit([vietnameseNotice(46)]);
    await c.revoke();
    expect(server.stats.revocations).toBe(1);
    await c.submit([vietnameseNotice(47)]);
    expect(server.stats.tokensIssued).toBe(2);
  });
});

describe('change of departure', () => {
  it('checks out early and extends a Vietnamese guest’s stay', async () => {
    const server = await start();
    const c = client(server);
    const a = vietnameseNotice(50);
    const b = vietnameseNotice(51);
    await c.submit([a, b]);
    const { verdicts } = await c.changeDeparture([
      { notice: a, change: 'early-checkout' },
      { notice: b, change: 'extension', until: new Date(Date.now() + 10 * DAY) },
    ]);
    expect(verdicts).toEqual([{ status: 'accepted' }, { status: 'accepted' }]);
    expect(server.stats.departureChanges).toBe(2);
  });

  it('maps "not staying" to the change it names, with the document number masked', async () => {
    const server = await start();
    const c = client(server);
    const stranger = vietnameseNotice(52);
    const { verdicts } = await c.changeDeparture({ notice: stranger, change: 'early-checkout' });
    expect(verdicts[0]).toMatchObject({ status: 'rejected', code: 'ERR_STAY_NOT_STAYING' });
    const text = JSON.stringify(verdicts);
    expect(text).not.toContain(String(stranger.payload.soGiayTo));
    expect(text).toContain('001******052');
  });

  it('refuses an extension beyond 30 days and a foreign guest before sending', async () => {
    const server = await start();
    const c = client(server);
    const n = vietnameseNotice(53);
    await expect(
      c.changeDeparture({ notice: n, change: 'extension', until: new Date(Date.now() + 40 * DAY) }),
    ).rejects.toMatchObject({ code: 'ERR_STAY_CHANGE' });
    await expect(
      c.changeDeparture({ notice: foreignNotice(53), change: 'early-checkout' }),
    ).rejects.toMatchObject({
      code: 'ERR_STAY_CHANGE',
    });
    expect(server.stats.tokensIssued).toBe(0);
  });
});

describe('catalogues', () => {
  it('fetches each catalogue once within its time to live', async () => {
    const server = await start();
    const c = client(server);
    const [a, b] = await Promise.all([c.catalogs.provinces(), c.catalogs.provinces()]);
    expect(a).toBe(b);
    expect(a.find((p) => p.code === '201')).toMatchObject({ name: 'Thành phố Hà Nội', abbreviation: 'HN' });
    await c.catalogs.provinces();
    expect(server.stats.catalogRequests).toBe(1);
    expect((await c.catalogs.nationalities()).find((x) => x.code === 'D')).toEqual({
      code: 'D',
      name: 'Đức',
      nameEn: 'GERMANY',
    });
    expect((await c.catalogs.wards('223')).map((w) => w.code)).toContain('223907210');
    expect((await c.catalogs.reasons()).find((r) => r.id === 20)?.name).toBe('Khác');
    expect(await c.catalogs.documentTypes()).toHaveLength(8);
    expect((await c.catalogs.residenceKinds())[0]).toEqual({ id: 1, name: 'Thường trú' });
    expect(server.stats.tokensIssued).toBe(0);
  });

  it('fetches again after the time to live', async () => {
    let clock = Date.now();
    const server = await start();
    const c = client(server, { now: () => clock, catalogTtlMs: 1000 });
    await c.catalogs.reasons();
    clock += 1001;
    await c.catalogs.reasons();
    expect(server.stats.catalogRequests).toBe(2);
  });

  it('maps the ministry’s province codes to GSO codes and reports the names it cannot match', async () => {
    const server = await start({
      catalogs: {
        provinces: [
          { maTT: '201', tenTT: 'Thành phố Hà Nội', tenTTEn: 'HA NOI', maTTChu: 'HN' },
          { maTT: '223', tenTT: 'Tỉnh Bắc Giang', tenTTEn: 'BAC GIANG', maTTChu: 'BG' },
          { maTT: '999', tenTT: 'Tỉnh Không Có', tenTTEn: 'NOWHERE', maTTChu: 'NO' },
        ],
      },
    });
    const mapping = await client(server).catalogs.provinceMapping();
    expect(mapping.toGso('201')).toBe('01');
    expect(mapping.toBca('01')).toBe('201');
    expect(mapping.toGso('223', { date: '2025-06-01' })).toBe('24');
    expect(mapping.toGso('223', { date: '2025-07-01' })).toBeUndefined();
    expect(mapping.unmatched.map((u) => u.code)).toEqual(['999']);
  });
});
