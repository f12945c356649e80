// A transport may reject with anything (issue 13): readCard still answers with a typed error.
import { isCancuocError } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import type { Transport } from '../src/index.js';
import { readCard } from '../src/read-card.js';
import { can } from './helpers/card.js';

const hostileProxy = new Proxy(
  {},
  {
    get() {
      throw new Error('get trap');
    },
    getPrototypeOf() {
      throw new Error('prototype trap');
    },
    has() {
      throw new Error('has trap');
    },
  },
);

const rejections: [string, () => unknown][] = [
  ['Object.create(null)', () => Object.create(null)],
  [
    'an object whose code getter throws',
    () => ({
      get code(): never {
        throw new Error('code getter');
      },
    }),
  ],
  [
    'an Error whose message getter throws',
    () =>
      Object.defineProperty(new Error('x'), 'message', {
        get() {
          throw new Error('message getter');
        },
      }),
  ],
  ['a Proxy whose traps throw', () => hostileProxy],
  ['a symbol', () => Symbol('nope')],
  ['undefined', () => undefined],
];

const rejecting = (make: () => unknown): Transport => ({
  transmit: () => Promise.reject(make()),
});

describe('readCard with a transport that rejects with hostile values', () => {
  it.each(rejections)('answers a rejection with %s as ERR_READER_TRANSPORT', async (_, make) => {
    const error = await readCard(rejecting(make), { access: { can }, timeoutMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect(isCancuocError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('ERR_READER_TRANSPORT');
  });

  it('answers a transport that throws synchronously the same way', async () => {
    const transport: Transport = {
      transmit() {
        throw Object.create(null);
      },
    };
    const error = await readCard(transport, { access: { can }, timeoutMs: 200 }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('ERR_READER_TRANSPORT');
  });

  it('still recognises a removed card by its code', async () => {
    const error = await readCard(
      rejecting(() => ({ code: 'CARD_REMOVED' })),
      { access: { can } },
    ).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('ERR_READER_CARD_REMOVED');
  });
});
