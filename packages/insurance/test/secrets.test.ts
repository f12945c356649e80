import { inspect } from 'node:util';
import { toHex, utf8Encode } from '@cancuoc/core';
import { insuranceGatewayTestAccount } from '@cancuoc/testkit';
import { md5 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import type { InsuranceQuery } from '../src/index.js';
import { client, gateway } from './helpers.js';

const { password, staff } = insuranceGatewayTestAccount;
const hash = toHex(md5(utf8Encode(password)));
const an: InsuranceQuery = {
  personalId: '001099012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '15/01/1999',
};
const byCard: InsuranceQuery = {
  cardCode: 'DN4010120012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '15/01/1999',
};

/** Everything an error can show: message, JSON, stack, and the whole cause chain as Node prints it. */
function serialise(error: unknown): string {
  return [
    String(error),
    JSON.stringify(error),
    (error as Error)?.stack ?? '',
    inspect(error, { depth: 10 }),
  ].join('\n');
}

describe('no secret and no full ID number in any error', () => {
  it('holds for every failure path', async () => {
    const gw = await gateway();
    const tokens: string[] = [];
    // Records the tokens the gateway hands out, to look for them in the errors.
    const recording: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (String(url).includes('/api/token/take')) {
        const body = (await response.clone().json()) as {
          APIKey?: { access_token: string; id_token: string };
        };
        if (body.APIKey) tokens.push(body.APIKey.access_token, body.APIKey.id_token);
      }
      return response;
    };
    const errors: unknown[] = [];
    const catchIt = (p: Promise<unknown>) =>
      p.then(
        () => expect.fail('should have failed'),
        (e) => errors.push(e),
      );
    const base = { fetch: recording };

    await catchIt(client(gw, { ...base, password: 'wrong' }).checkCard(an));
    await catchIt(
      client(gw, {
        fetch: (url, init) => {
          const u = new URL(String(url));
          if (u.searchParams.has('token')) u.searchParams.set('token', 'stale');
          return recording(u, init);
        },
      }).checkCard(byCard),
    );
    // A fetch whose own error quotes the URL, query string and all.
    await catchIt(
      client(gw, {
        retries: 0,
        fetch: async (url, init) => {
          if (String(url).includes('/api/egw/'))
            throw new Error(`request to ${String(url)} failed (${password})`);
          return recording(url, init);
        },
      }).checkCard(an),
    );
    await catchIt(
      client(gw, { ...base, staff: { fullName: staff[0].fullName, personalId: '001185099999' } }).checkCard(
        an,
      ),
    );
    await catchIt(
      client(gw, { ...base, staff: { fullName: 'Người Khác', personalId: staff[0].personalId } }).checkCard(
        an,
      ),
    );
    await catchIt(client(gw, base).checkCard({ ...an, personalId: '000099012345' }));
    await catchIt(client(gw, base).checkCard({ ...byCard, cardCode: 'DN9010120012345' }));
    await catchIt(client(gw, base).checkCard({ ...an, dateOfBirth: '31/02/1999' }));
    await catchIt(client(gw, base).checkCard(an, { signal: AbortSignal.abort() }));
    gw.faults.malformedJsonEvery = 1;
    await catchIt(client(gw, base).checkCard(an));
    gw.faults.malformedJsonEvery = undefined;
    gw.faults.serverErrorEvery = 1;
    await catchIt(client(gw, { ...base, retries: 1 }).checkCard(an));
    gw.faults.serverErrorEvery = undefined;
    gw.faults.dropConnectionEvery = 1;
    await catchIt(client(gw, { ...base, retries: 1 }).checkCard(byCard));
    gw.faults.dropConnectionEvery = undefined;
    // A gateway that never answers the history call: the timeout fires whatever the machine's load.
    const hanging: typeof fetch = (url, init) =>
      String(url).includes('/api/egw/')
        ? new Promise((_, reject) =>
            init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          )
        : recording(url, init);
    await catchIt(client(gw, { fetch: hanging, timeoutMs: 50, retries: 0 }).getVisitHistory(an));

    expect(errors).toHaveLength(13);
    expect(tokens.length).toBeGreaterThan(4);
    const secrets = [
      password,
      hash,
      hash.toUpperCase(),
      ...tokens,
      '001099012345',
      '000099012345',
      staff[0].personalId,
      '001185099999',
      'DN4010120012345',
      'DN9010120012345',
      '0120012345',
    ];
    for (const error of errors) {
      expect((error as { code?: string }).code).toMatch(/^ERR_(INSURANCE|ID)_/);
      const text = serialise(error);
      for (const secret of secrets)
        expect(text.includes(secret), `${(error as { code: string }).code}`).toBe(false);
    }
  });
});
