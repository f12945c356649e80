import { toHex, utf8Encode } from '@cancuoc/core';
import { type ExpiresStyle, insuranceGatewayTestAccount } from '@cancuoc/testkit';
import { md5 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import type { InsuranceQuery } from '../src/index.js';
import { client, gateway } from './helpers.js';

const an: InsuranceQuery = {
  personalId: '001099012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '15/01/1999',
};
const styles: ExpiresStyle[] = ['date-time', 'unix', 'seconds'];

describe('session token', () => {
  for (const expiresStyle of styles) {
    it(`reads expires_in as ${expiresStyle}: keeps a fresh token, renews one that is about to expire`, async () => {
      const long = await gateway({ expiresStyle, ttlSec: 3600 });
      const keep = client(long);
      await keep.checkCard(an);
      await keep.checkCard(an);
      expect(long.stats.tokensIssued).toBe(1);
      // 30 s left is inside the one-minute early-renewal margin: every check renews.
      const short = await gateway({ expiresStyle, ttlSec: 30 });
      const renew = client(short);
      await renew.checkCard(an);
      await renew.checkCard(an);
      expect(short.stats.tokensIssued).toBe(2);
      expect(short.stats.unauthorized).toBe(0);
    });
  }

  it('renews exactly once for 100 parallel checks when no token is held yet', async () => {
    const gw = await gateway();
    const bhyt = client(gw);
    const results = await Promise.all(Array.from({ length: 100 }, () => bhyt.checkCard(an)));
    expect(results.every((r) => r.code === '000')).toBe(true);
    expect(gw.stats.tokenRequests).toBe(1);
  });

  it('renews exactly once for 100 parallel checks whose token the gateway says has expired (401)', async () => {
    const gw = await gateway();
    const bhyt = client(gw);
    await bhyt.checkCard(an);
    gw.expireTokens();
    gw.resetStats();
    const results = await Promise.all(Array.from({ length: 100 }, () => bhyt.checkCard(an)));
    expect(results.every((r) => r.code === '000')).toBe(true);
    expect(gw.stats.tokenRequests).toBe(1);
    expect(gw.stats.unauthorized).toBe(100);
    expect(gw.stats.cardChecks).toBe(200);
  });

  it('renews exactly once for 100 parallel checks when the held token has passed its expires_in', async () => {
    let clock = Date.now();
    const gw = await gateway({ now: () => clock });
    const bhyt = client(gw, { now: () => clock });
    await bhyt.checkCard(an);
    clock += 2 * 3600_000;
    gw.resetStats();
    const results = await Promise.all(Array.from({ length: 100 }, () => bhyt.checkCard(an)));
    expect(results.every((r) => r.code === '000')).toBe(true);
    expect(gw.stats.tokenRequests).toBe(1);
    expect(gw.stats.unauthorized).toBe(0);
  });

  it('renews once and retries once on an HTTP 401', async () => {
    const gw = await gateway({ faults: { unauthorized: 'status' } });
    const bhyt = client(gw);
    await bhyt.checkCard(an);
    gw.expireTokens();
    expect((await bhyt.checkCard(an)).code).toBe('000');
    expect(gw.stats.tokensIssued).toBe(2);
    expect(gw.stats.unauthorized).toBe(1);
  });

  it('sends the MD5 in upper case by default, in lower case on request, and accepts a pre-hashed password', async () => {
    const { password } = insuranceGatewayTestAccount;
    const hash = toHex(md5(utf8Encode(password)));
    const upper = await gateway({ md5Case: 'upper' });
    expect((await client(upper).checkCard(an)).code).toBe('000');
    await expect(client(upper, { md5Case: 'lower' }).checkCard(an)).rejects.toMatchObject({
      code: 'ERR_INSURANCE_AUTH',
    });
    const lower = await gateway({ md5Case: 'lower' });
    expect((await client(lower, { md5Case: 'lower' }).checkCard(an)).code).toBe('000');
    const preHashed = { password: undefined, passwordMd5: hash.toUpperCase(), md5Case: 'lower' as const };
    expect((await client(lower, preHashed).checkCard(an)).code).toBe('000');
  });

  it('rejects misconfiguration with TypeErrors that quote no value', () => {
    const gw = { url: 'http://127.0.0.1:9' };
    expect(() => client(gw, { password: undefined })).toThrow(TypeError);
    expect(() => client(gw, { password: undefined, passwordMd5: 'abc' })).toThrow(/32 hexadecimal/);
    expect(() => client(gw, { staff: { fullName: 'A', personalId: '123' } })).toThrow(/staff.personalId/);
    expect(() => client({ url: 'ftp://x' })).toThrow(/baseUrl/);
    expect(() => client(gw, { timeoutMs: -1 })).toThrow(RangeError);
  });
});
