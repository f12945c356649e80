import { type CancuocError, isCancuocError } from '@cancuoc/core';
import { hostileStrings } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { createStayClient } from '../src/create-stay-client.js';
import { foreignNotice, vietnameseNotice } from './support/notices.js';

const SECRET = 'client-secret-xyz';
const PASSWORD = 'Pw@secret-123';
const ACCESS = 'access-token-0123456789';
const REFRESH = 'refresh-token-9876543210';

type Reply = Response | (() => Response) | Error;

/** A fetch that answers the token endpoint properly and everything else with `reply`. */
function fakeFetch(reply: Reply, token: Reply = tokenReply()): typeof fetch {
  return async (input) => {
    const url = new URL(String(input));
    const r = url.pathname.endsWith('/oauth/token') ? token : reply;
    if (r instanceof Error) throw r;
    return typeof r === 'function' ? r() : r.clone();
  };
}

function tokenReply(): Response {
  return Response.json({
    code: '200',
    data: { AccessToken: ACCESS, RefreshToken: REFRESH, Exp: Math.floor(Date.now() / 1000) + 3600 },
  });
}

function client(fetchImpl: typeof fetch) {
  return createStayClient({
    baseUrl: 'https://kbtt.invalid',
    clientId: 'API_CSLT',
    clientSecret: SECRET,
    username: 'cslt1',
    password: PASSWORD,
    fetch: fetchImpl,
    timeoutMs: 2000,
  });
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

function expectNoSecrets(value: unknown, numbers: readonly string[] = []) {
  const text = JSON.stringify(value, (_k, v) =>
    v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v,
  );
  for (const s of [SECRET, PASSWORD, ACCESS, REFRESH, ...numbers]) expect(text).not.toContain(s);
}

const notice = vietnameseNotice(1);
const number = String(notice.payload.soGiayTo);

describe('hostile answers from the accommodation API', () => {
  const cases: [string, Reply, string, Record<string, unknown>][] = [
    [
      'a non-JSON 200',
      new Response('<html>ok</html>', { status: 200 }),
      'ERR_STAY_RESPONSE',
      { mayHaveArrived: true },
    ],
    ['an empty 200', new Response('', { status: 200 }), 'ERR_STAY_RESPONSE', { mayHaveArrived: true }],
    ['JSON without a code', Response.json({ ok: true }), 'ERR_STAY_RESPONSE', { mayHaveArrived: true }],
    ['an unknown code', Response.json({ code: '999' }), 'ERR_STAY_RESPONSE', {}],
    ['a JSON array', Response.json([1, 2]), 'ERR_STAY_RESPONSE', {}],
    [
      'a code 400 naming no item',
      Response.json({ code: '400', message: 'Dữ liệu không hợp lệ' }),
      'ERR_STAY_REFUSED',
      { mayHaveArrived: false },
    ],
    [
      'a code 400 naming item 7 of 1',
      Response.json({ code: '400', message: 'Bản khai báo 7: lỗi' }),
      'ERR_STAY_REFUSED',
      {},
    ],
    ['a code 400 with no message', Response.json({ code: '400' }, { status: 400 }), 'ERR_STAY_RESPONSE', {}],
    [
      'an HTML 502',
      new Response('<html>Bad gateway</html>', { status: 502 }),
      'ERR_STAY_SERVER',
      { mayHaveArrived: true },
    ],
    [
      'a 503',
      new Response('', { status: 503 }),
      'ERR_STAY_SERVER',
      { mayHaveArrived: false, retryable: true },
    ],
    ['a 429', new Response('', { status: 429 }), 'ERR_STAY_HTTP', { retryable: true }],
    ['a 418', new Response('teapot', { status: 418 }), 'ERR_STAY_HTTP', {}],
    ['a 403', new Response('', { status: 403 }), 'ERR_STAY_AUTH', {}],
    ['a 401 twice', new Response('', { status: 401 }), 'ERR_STAY_AUTH', {}],
    ['a code 500 under HTTP 200', Response.json({ code: '500' }), 'ERR_STAY_SERVER', {}],
    ['a network failure', new TypeError('fetch failed'), 'ERR_STAY_NETWORK', { mayHaveArrived: true }],
    [
      'a huge answer',
      () => new Response('x'.repeat(9 * 1024 * 1024), { status: 200 }),
      'ERR_STAY_RESPONSE',
      { reason: 'answer too large' },
    ],
  ];
  for (const [name, reply, code, details] of cases) {
    it(`turns ${name} into ${code}`, async () => {
      const error = await failure(client(fakeFetch(reply)).submit([notice]));
      expect(error.code).toBe(code);
      expect(error.details).toMatchObject(details);
      expect(typeof error.messageVi).toBe('string');
      expectNoSecrets({ ...error.toJSON(), stack: error.stack, cause: error.cause }, [number]);
    });
  }

  it('masks a document number the API quotes back', async () => {
    const reply = Response.json({
      code: '400',
      message: `Bản khai báo 1: Số giấy tờ ${number} không hợp lệ`,
    });
    const { verdicts } = await client(fakeFetch(reply)).submit([notice]);
    expect(verdicts[0]).toMatchObject({ status: 'rejected', code: 'ERR_STAY_API_REJECTED' });
    expectNoSecrets(verdicts, [number]);
  });

  it('masks numbers in an unattributed refusal', async () => {
    const reply = Response.json({ code: '400', message: `Số giấy tờ ${number} bị khoá` });
    const error = await failure(client(fakeFetch(reply)).submit([notice]));
    expectNoSecrets(error.toJSON(), [number]);
  });

  it('reads per-item messages sent in data, with the stray space of the guide (B ản)', async () => {
    const reply = Response.json({
      code: '400',
      message: '',
      data: ['B ản khai báo 2: Đã tồn tại khai báo trùng thời gian tại CSLT'],
    });
    let calls = 0;
    const f: typeof fetch = async (input) => {
      if (String(input).includes('/oauth/token')) return tokenReply();
      calls++;
      return calls === 1 ? reply.clone() : Response.json({ code: '200' });
    };
    const { verdicts } = await client(f).submit([vietnameseNotice(5), vietnameseNotice(6)]);
    expect(verdicts.map((v) => v.status)).toEqual(['accepted', 'duplicate']);
  });

  it('turns bad token answers into typed errors without leaking credentials', async () => {
    const tokens: Reply[] = [
      Response.json({ code: '200', data: { AccessToken: ACCESS } }),
      Response.json({ code: '200', data: { AccessToken: ACCESS, RefreshToken: REFRESH, Exp: 'soon' } }),
      Response.json({ code: '200', data: null }),
      Response.json({ code: '401', message: 'sai mật khẩu' }),
      new Response('not json', { status: 200 }),
      new Response('', { status: 500 }),
    ];
    for (const token of tokens) {
      const error = await failure(
        client(fakeFetch(Response.json({ code: '200' }), token)).submit([foreignNotice(1)]),
      );
      expect(error.code).toMatch(/^ERR_STAY_(RESPONSE|AUTH|SERVER|HTTP)$/);
      expectNoSecrets({ ...error.toJSON(), stack: error.stack });
    }
  });

  it('turns hostile catalogue answers into ERR_STAY_RESPONSE', async () => {
    const bodies = [
      { code: '200', data: 'x' },
      { code: '200', data: [null] },
      { code: '200', data: [{ maTT: {}, tenTT: 'x' }] },
      { code: '200', data: [{ maTT: '201' }] },
      { code: '200', data: [{ maTT: '201', tenTT: 'x'.repeat(600) }] },
    ];
    for (const body of bodies) {
      const error = await failure(client(fakeFetch(Response.json(body))).catalogs.provinces());
      expect(error.code).toBe('ERR_STAY_RESPONSE');
    }
    for (const s of hostileStrings.filter((x): x is string => typeof x === 'string').slice(0, 20)) {
      const body = { code: '200', data: [{ maTT: s, tenTT: s, tenTTEn: s }] };
      const c = client(fakeFetch(Response.json(body)));
      await c.catalogs.provinces().then(
        (list) => expect(Array.isArray(list)).toBe(true),
        (e) => expect(isCancuocError(e)).toBe(true),
      );
    }
  });

  it('refuses misuse with TypeError', () => {
    expect(() => createStayClient({} as never)).toThrow(TypeError);
    expect(() => client(fakeFetch(Response.json({}))).catalogs.wards('../x')).toThrow(TypeError);
    expect(client(fakeFetch(Response.json({}))).submit('x' as never)).rejects.toThrow(TypeError);
  });
});
