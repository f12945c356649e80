import { toBase64, toHex } from '@cancuoc/core';
import { describe, expect, it, vi } from 'vitest';
import { readCard } from '../src/read-card.js';
import { can, card } from './helpers/card.js';

const derived: Uint8Array[] = [];
vi.mock('../src/internal/crypto.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/internal/crypto.js')>();
  return {
    ...original,
    deriveKey: (...args: Parameters<typeof original.deriveKey>) => {
      const key = original.deriveKey(...args);
      derived.push(key);
      return key;
    },
  };
});

describe('session keys never reach an error', () => {
  for (const [name, faults] of [
    ['a wrong MAC', { wrongMacAt: 9 }],
    ['6988', { statusAt: { apdu: 12, sw: 0x6988 } }],
    ['a wrong MAC after chip authentication', { wrongMacAt: 12 }],
  ] as const) {
    it(`after ${name}, no derived key appears in the error, its cause or its JSON`, async () => {
      derived.length = 0;
      const error = await readCard(card({ faults }), {
        access: { can },
        onAuthenticationFailure: 'throw',
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      expect(derived.length).toBeGreaterThanOrEqual(2);
      const e = error as Error & { messageVi: string; details: unknown };
      const text = [
        e.message,
        e.messageVi,
        e.stack,
        JSON.stringify(e),
        JSON.stringify(e.details),
        String(e.cause),
      ].join('\n');
      for (const key of derived) {
        for (const form of [toHex(key), toHex(key).toUpperCase(), toBase64(key), Array.from(key).join(',')]) {
          expect(text).not.toContain(form);
        }
      }
    });
  }
});
