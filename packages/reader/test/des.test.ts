import { createCipheriv } from 'node:crypto';
import { fromHex, toHex } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { desBlock, desKeySchedule, tdesBlock, tdesKey } from '../src/internal/des.js';

describe('hand-written DES / 3DES', () => {
  it('matches the classic single-DES known answer (key 133457799BBCDFF1)', () => {
    const schedule = desKeySchedule(fromHex('133457799BBCDFF1'));
    const c = desBlock(schedule, fromHex('0123456789ABCDEF'), false);
    expect(toHex(c)).toBe('85e813540f0ab405');
    expect(toHex(desBlock(schedule, c, true))).toBe('0123456789abcdef');
  });

  it('agrees with OpenSSL two- and three-key DES-EDE on random keys and blocks', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        (key16, extra, block) => {
          for (const key of [key16, new Uint8Array([...key16, ...extra])]) {
            const algorithm = key.length === 16 ? 'des-ede' : 'des-ede3';
            const cipher = createCipheriv(algorithm, key, null).setAutoPadding(false);
            const expected = new Uint8Array(Buffer.concat([cipher.update(block), cipher.final()]));
            const k = tdesKey(key);
            const ours = tdesBlock(k, block, false);
            expect(toHex(ours)).toBe(toHex(expected));
            expect(toHex(tdesBlock(k, ours, true))).toBe(toHex(block));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
