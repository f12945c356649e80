import { hostileBytes } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { createTrustStore, verifyPassive } from '../src/index.js';

describe('verifyPassive on hostile input', () => {
  it('answers every hostile SOD with verified: false and a reason, never a throw', async () => {
    const trust = await createTrustStore();
    for (const sod of hostileBytes) {
      const report = await verifyPassive({ sod, dataGroups: { 1: new Uint8Array([0x61, 0x00]) }, trust });
      expect(report.verified).toBe(false);
      expect(report.reasons.length).toBeGreaterThan(0);
      expect(report.dataGroups[1]).toBe('not-covered');
    }
  });

  it('throws TypeError or RangeError for misuse, not a verdict', async () => {
    const trust = await createTrustStore();
    await expect(verifyPassive(null as never)).rejects.toBeInstanceOf(TypeError);
    await expect(
      verifyPassive({ sod: new Uint8Array(), dataGroups: {}, trust: {} as never }),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(
      verifyPassive({ sod: new Uint8Array(), dataGroups: { 17: new Uint8Array() }, trust }),
    ).rejects.toBeInstanceOf(RangeError);
    await expect(
      verifyPassive({ sod: new Uint8Array(), dataGroups: { 1: 'x' as never }, trust }),
    ).rejects.toBeInstanceOf(TypeError);
  });
});
