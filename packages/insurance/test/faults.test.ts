import { isCancuocError } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import type { InsuranceQuery } from '../src/index.js';
import { client, gateway } from './helpers.js';

const an: InsuranceQuery = {
  personalId: '001099012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '15/01/1999',
};

describe('faults', () => {
  it('retries an HTTP 500 and succeeds (500 every 2nd request)', async () => {
    const gw = await gateway({ faults: { serverErrorEvery: 2 } });
    const bhyt = client(gw);
    for (let i = 0; i < 3; i++) expect((await bhyt.checkCard(an)).code).toBe('000');
    expect(gw.stats.serverErrors).toBeGreaterThan(0);
  });

  it('gives up after the configured retries with ERR_INSURANCE_SERVER', async () => {
    const gw = await gateway({ faults: { serverErrorEvery: 1 } });
    const err = await client(gw, { retries: 3 })
      .checkCard(an)
      .catch((e: unknown) => e);
    expect(isCancuocError(err) && err.code).toBe('ERR_INSURANCE_SERVER');
    expect(gw.stats.cardChecks).toBe(4);
    gw.resetStats();
    await expect(client(gw, { retries: 0 }).checkCard(an)).rejects.toMatchObject({
      code: 'ERR_INSURANCE_SERVER',
    });
    expect(gw.stats.cardChecks).toBe(1);
  });

  it('retries a dropped connection, and reports ERR_INSURANCE_NETWORK when every attempt drops', async () => {
    const gw = await gateway({ faults: { dropConnectionEvery: 2 } });
    const bhyt = client(gw);
    for (let i = 0; i < 3; i++) expect((await bhyt.checkCard(an)).code).toBe('000');
    expect(gw.stats.dropped).toBeGreaterThan(0);
    gw.faults.dropConnectionEvery = 1;
    gw.resetStats();
    await expect(client(gw, { retries: 2 }).checkCard(an)).rejects.toMatchObject({
      code: 'ERR_INSURANCE_NETWORK',
      details: { attempts: 3 },
    });
    expect(gw.stats.dropped).toBe(3);
  });

  it('reports malformed JSON as ERR_INSURANCE_RESPONSE and does not retry it', async () => {
    const gw = await gateway({ faults: { malformedJsonEvery: 1 } });
    await expect(client(gw).checkCard(an)).rejects.toMatchObject({ code: 'ERR_INSURANCE_RESPONSE' });
    expect(gw.stats.cardChecks).toBe(1);
  });

  it('times out a slow gateway with ERR_INSURANCE_TIMEOUT after each bounded attempt', async () => {
    const gw = await gateway();
    const bhyt = client(gw, { timeoutMs: 50, retries: 1 });
    gw.faults.latencyMs = 60_000;
    await expect(bhyt.checkCard(an)).rejects.toMatchObject({
      code: 'ERR_INSURANCE_TIMEOUT',
      details: { timeoutMs: 50, attempts: 2 },
    });
  });

  it('reports faults of the token endpoint', async () => {
    const gw = await gateway({ faults: { token: 'server-error' } });
    await expect(client(gw, { retries: 1 }).checkCard(an)).rejects.toMatchObject({
      code: 'ERR_INSURANCE_SERVER',
    });
    expect(gw.stats.tokenRequests).toBe(2);
    gw.faults.token = 'malformed';
    await expect(client(gw).checkCard(an)).rejects.toMatchObject({ code: 'ERR_INSURANCE_RESPONSE' });
    gw.faults.token = 'drop';
    await expect(client(gw, { retries: 0 }).checkCard(an)).rejects.toMatchObject({
      code: 'ERR_INSURANCE_NETWORK',
    });
    gw.faults.token = undefined;
    expect((await client(gw).checkCard(an)).code).toBe('000');
  });

  it('never retries a business code', async () => {
    const gw = await gateway();
    const bhyt = client(gw, { retries: 5 });
    const codes = ['010', '050', '060', '070'];
    const queries: InsuranceQuery[] = [
      { personalId: '079185001234', fullName: 'Trần Thị Bình', dateOfBirth: '20/03/1985' },
      { ...an, personalId: '001099000001' },
      { ...an, fullName: 'Trần Văn An' },
      { ...an, dateOfBirth: '1998' },
    ];
    for (const [i, q] of queries.entries()) expect((await bhyt.checkCard(q)).code).toBe(codes[i]);
    await expect(
      client(gw, { retries: 5, staff: { fullName: 'X', personalId: '001185099999' } }).checkCard(an),
    ).rejects.toMatchObject({ code: 'ERR_INSURANCE_STAFF_NOT_REGISTERED' });
    expect(gw.stats.cardChecks).toBe(5);
  });
});

describe('AbortSignal', () => {
  it('refuses to start with an aborted signal', async () => {
    const gw = await gateway();
    await expect(client(gw).checkCard(an, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'ERR_INSURANCE_ABORTED',
    });
    expect(gw.stats.tokenRequests).toBe(0);
  });

  it('cancels a call waiting on a slow gateway', async () => {
    const gw = await gateway();
    const bhyt = client(gw);
    await bhyt.checkCard(an);
    gw.faults.latencyMs = 60_000;
    const controller = new AbortController();
    const pending = bhyt.checkCard(an, { signal: controller.signal });
    // Abort once the request has reached the gateway.
    while (gw.stats.cardChecks < 2) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_INSURANCE_ABORTED' });
  });

  it('cancels a call waiting for the shared session without cancelling the others', async () => {
    const gw = await gateway({ faults: { latencyMs: 60_000 } });
    const bhyt = client(gw);
    const controller = new AbortController();
    const cancelled = bhyt.checkCard(an, { signal: controller.signal });
    const other = bhyt.checkCard(an).catch((e: unknown) => e);
    while (gw.stats.tokenRequests < 1) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'ERR_INSURANCE_ABORTED' });
    gw.faults.latencyMs = undefined;
    // The shared login is still in flight; unblock it by closing the slow server's connections.
    await gw.close();
    // The other caller was not cancelled: it saw the login itself fail.
    expect(await other).toMatchObject({ code: 'ERR_INSURANCE_NETWORK' });
  });

  it('cancels during the backoff between retries', async () => {
    const gw = await gateway({ faults: { serverErrorEvery: 1 } });
    const controller = new AbortController();
    const pending = client(gw, { retryDelayMs: 60_000, retries: 3 }).checkCard(an, {
      signal: controller.signal,
    });
    while (gw.stats.cardChecks < 1) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_INSURANCE_ABORTED' });
    expect(gw.stats.cardChecks).toBe(1);
  });
});
