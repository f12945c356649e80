import { isCancuocError } from '@cancuoc/core';
import { hostileBytes } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Transport } from '../src/index.js';
import { readCard } from '../src/read-card.js';
import { can, card, files } from './helpers/card.js';

/** The software card, with the answer to APDU `at` replaced by `mutate(original)`. */
function mutated(at: number, mutate: (original: Uint8Array) => Uint8Array): Transport {
  const inner = card({ maxResponseLength: 2048 });
  let n = 0;
  return {
    async transmit(apdu) {
      const response = await inner.transmit(apdu);
      return ++n === at ? mutate(response) : response;
    },
  };
}

/** No error may carry key material: no long hex or base64 runs, details only short scalars. */
function expectSafeError(error: unknown) {
  expect(isCancuocError(error)).toBe(true);
  const e = error as { message: string; messageVi: string; details: Record<string, unknown> };
  const text = `${e.message} ${e.messageVi} ${JSON.stringify(e.details)}`;
  expect(text).not.toMatch(/[0-9A-Fa-f]{16,}/);
  expect(text).not.toMatch(/[A-Za-z0-9+/]{24,}/);
  for (const v of Object.values(e.details)) {
    expect(['string', 'number', 'boolean']).toContain(typeof v);
    if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(120);
  }
}

async function outcome(transport: Transport) {
  try {
    const result = await readCard(transport, { access: { can }, timeoutMs: 200 });
    // Surviving a damaged answer is fine (a refused probe is retried) only with intact data.
    expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
    expect(result.sod).toEqual(files.sod);
    return 'ok';
  } catch (error) {
    expectSafeError(error);
    return (error as { code: string }).code;
  }
}

describe('reader fuzz: random and truncated card answers', () => {
  it('answers every hostile byte string at every step with a typed error or intact data', async () => {
    const codes = new Set<string>();
    for (let at = 1; at <= 16; at++) {
      for (const bytes of hostileBytes.slice(0, 9)) codes.add(await outcome(mutated(at, () => bytes)));
    }
    expect(codes.size).toBeGreaterThan(2);
  });

  it('random, truncated and bit-flipped answers never crash, hang or leak', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.oneof(
          fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
          fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat({ max: 400 }) }),
          fc.record({
            kind: fc.constant('flip' as const),
            where: fc.nat(),
            bit: fc.integer({ min: 0, max: 7 }),
          }),
        ),
        async (at, m) => {
          const transport = mutated(at, (original) => {
            if (m.kind === 'random') return m.bytes;
            if (m.kind === 'truncate')
              return original.slice(0, Math.min(m.keep, Math.max(0, original.length - 1)));
            const copy = original.slice();
            if (copy.length)
              copy[m.where % copy.length] = (copy[m.where % copy.length] as number) ^ (1 << m.bit);
            return copy;
          });
          await outcome(transport);
        },
      ),
      { numRuns: 150 },
    );
  });
});
