import { hostileStrings } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { createInsuranceClient, type InsuranceQuery, parseCardCheckResponse } from '../src/index.js';

const an: InsuranceQuery = {
  personalId: '001099012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '15/01/1999',
};
const LOGIN = JSON.stringify({
  maKetQua: '200',
  APIKey: { access_token: 'a-token', id_token: 'an-id-token', expires_in: 3600 },
});

/** A client whose gateway answers the card check with `answer()` (the login succeeds). */
function against(answer: () => Response, options: { maxResponseBytes?: number } = {}) {
  let checks = 0;
  const bhyt = createInsuranceClient({
    baseUrl: 'https://egw.example.test',
    username: '01001_BV',
    password: 'x',
    staff: { fullName: 'Trần Thị Lan', personalId: '001185012345' },
    retryDelayMs: 0,
    ...options,
    fetch: async (url) => {
      if (String(url).includes('/api/token/take'))
        return new Response(LOGIN, { headers: { 'content-type': 'application/json' } });
      checks++;
      return answer();
    },
  });
  return { bhyt, checks: () => checks };
}

function stream(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`{"maKetQua":"000","hoTen":"${'A'.repeat(65_000)}`);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

describe('hostile responses become typed errors', () => {
  it('refuses a huge body, declared or streamed', async () => {
    const declared = against(() => new Response('{}', { headers: { 'content-length': String(1e9) } }));
    await expect(declared.bhyt.checkCard(an)).rejects.toMatchObject({ code: 'ERR_INSURANCE_RESPONSE' });
    const streamed = against(() => new Response(stream(50_000_000)), { maxResponseBytes: 1_000_000 });
    await expect(streamed.bhyt.checkCard(an)).rejects.toMatchObject({
      code: 'ERR_INSURANCE_RESPONSE',
      details: { reason: 'larger than 1000000 bytes' },
    });
    expect(streamed.checks()).toBe(1);
  });

  it('refuses malformed JSON, non-objects and wrong types without retrying', async () => {
    const bodies = [
      '',
      '{"maKetQua":"000"',
      'null',
      '[]',
      '"000"',
      '{"maKetQua":{}}',
      '{"maKetQua":"00A"}',
      '{"maKetQua":"000","hoTen":{"a":1}}',
      '{"maKetQua":"000","gtTheDen":20241231}',
      '{"maKetQua":"000","gtTheDen":"31/02/2024"}',
      '{"maKetQua":"000","dsLichSuKT2018":"none"}',
      '{"maKetQua":"000","dsLichSuKT2018":[1,2]}',
      '{"maKetQua":"000","dsLichSuKCB2018":[{"ngayVao":"yesterday"}]}',
      `{"maKetQua":"000","hoTen":"${'A'.repeat(300)}"}`,
    ];
    for (const body of bodies) {
      const { bhyt, checks } = against(
        () => new Response(body, { headers: { 'content-type': 'application/json' } }),
      );
      await expect(bhyt.checkCard(an), body.slice(0, 40)).rejects.toMatchObject({
        code: 'ERR_INSURANCE_RESPONSE',
      });
      expect(checks()).toBe(1);
    }
  });

  it('refuses unexpected HTTP statuses', async () => {
    const { bhyt } = against(() => new Response('Not Found', { status: 404 }));
    await expect(bhyt.checkCard(an)).rejects.toMatchObject({
      code: 'ERR_INSURANCE_HTTP',
      details: { status: 404 },
    });
  });

  it('never answers anything but a result or a CancuocError for the shared hostile strings', () => {
    for (const text of hostileStrings) {
      try {
        parseCardCheckResponse(text);
      } catch (error) {
        expect((error as { code?: string }).code).toMatch(/^ERR_INSURANCE_/);
      }
    }
  });

  it('accepts a numeric result code and a byte-order mark, as lenient readers of the gateway do', () => {
    expect(parseCardCheckResponse('\uFEFF{"maKetQua":0}').code).toBe('000');
    expect(parseCardCheckResponse({ maKetQua: 10, maThe: 'GD4790123456789' }).outcome).toBe('not-eligible');
  });
});
