// Bad options (issue 13) are misuse and answered with RangeError before any work, never with a
// stack overflow or an untyped error from deep inside; bad bytes with any valid option give a
// CancuocError.
import { isCancuocError } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTrustStore,
  parseSod,
  parseTlv,
  tlvChildren,
  verifyCardSecurity,
  verifyPassive,
} from '../src/index.js';

/** Indefinite-length SEQUENCEs nested `n` deep (2 bytes a level, then 2 end-of-contents per level). */
function nested(n: number): Uint8Array {
  const out = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) out.set([0x30, 0x80], 2 * i);
  return out;
}

const anyOption = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -10, max: 300 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e9, -0, '8' as unknown as number),
);

describe('parseTlv options', () => {
  it('refuses maxDepth NaN, 1e9, negative or fractional with RangeError instead of overflowing the stack', () => {
    const deep = nested(100_000);
    for (const maxDepth of [Number.NaN, 1e9, Number.POSITIVE_INFINITY, -1, 2.5, 257]) {
      expect(() => parseTlv(deep, { maxDepth })).toThrow(RangeError);
      expect(() => parseTlv(deep, { maxDepth })).toThrow(/maxDepth/);
      expect(() => tlvChildren(deep, maxDepth)).toThrow(/maxDepth/);
    }
    // The largest accepted limit still answers a deeper input with ERR_TLV_DEPTH.
    expect(() => parseTlv(deep, { maxDepth: 256 })).toThrow(
      expect.objectContaining({ code: 'ERR_TLV_DEPTH' }),
    );
  });

  it('answers any bytes with any options with a node, a CancuocError or our own RangeError', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 1, max: 400 }).map(nested)),
        anyOption,
        fc.oneof(fc.boolean(), fc.constant(undefined)),
        (bytes, maxDepth, allowTrailing) => {
          try {
            parseTlv(bytes, {
              ...(maxDepth === undefined ? {} : { maxDepth }),
              ...(allowTrailing === undefined ? {} : { allowTrailing }),
            });
          } catch (e) {
            if (isCancuocError(e)) return;
            // Only the option check's RangeError, never "Maximum call stack size exceeded".
            expect(e).toBeInstanceOf(RangeError);
            expect((e as Error).message).toMatch(/^maxDepth must be/);
          }
        },
      ),
    );
  });
});

describe('verifyPassive, verifyCardSecurity and createTrustStore options', () => {
  it('refuses an invalid at Date with RangeError, not a deep "Invalid time value"', async () => {
    const trust = await createTrustStore();
    const at = new Date(Number.NaN);
    await expect(verifyPassive({ sod: new Uint8Array(), dataGroups: {}, trust, at })).rejects.toThrow(
      /^at must be a valid Date/,
    );
    await expect(verifyCardSecurity({ cardSecurity: new Uint8Array(), trust, at })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(createTrustStore({ at })).rejects.toBeInstanceOf(RangeError);
    await expect(
      verifyPassive({ sod: new Uint8Array(), dataGroups: {}, trust, at: 'yesterday' as never }),
    ).rejects.toBeInstanceOf(RangeError);
  });

  it('answers any size limit and at option with a report or a RangeError naming the option', async () => {
    const trust = await createTrustStore();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        anyOption,
        fc.oneof(fc.constant(undefined), fc.constant('signing-time' as const), fc.date()),
        async (sod, maxSodBytes, at) => {
          try {
            const report = await verifyPassive({
              sod,
              dataGroups: {},
              trust,
              ...(maxSodBytes === undefined ? {} : { maxSodBytes }),
              ...(at === undefined ? {} : { at }),
            });
            expect(report.verified).toBe(false);
          } catch (e) {
            expect(e).toBeInstanceOf(RangeError);
            expect((e as Error).message).toMatch(/^(maxSodBytes|at) must be/);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives parseSod bytes with any limit a Sod, a CancuocError or a RangeError for the limit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), anyOption, (bytes, maxBytes) => {
        try {
          parseSod(bytes, maxBytes === undefined ? {} : { maxBytes });
        } catch (e) {
          if (isCancuocError(e)) return;
          expect((e as Error).message).toMatch(/^maxBytes must be/);
        }
      }),
    );
  });
});
