import { isCancuocError } from '@cancuoc/core';
import { hostileBytes } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { createTrustStore, parseCardSecurity, parseSod, verifyCardSecurity } from '../src/index.js';
import { hasVectors, vector } from './vectors.js';

describe.skipIf(!hasVectors)('EF.CardSecurity (DE and FI)', () => {
  for (const [cc, curve] of [
    ['DE', 'bp384'],
    ['FI', 'bp512'],
  ] as const) {
    it(`parses and verifies the ${cc} file, signed by the same DSC as its SOD`, async () => {
      const bytes = vector(`sod/countries/${cc}-ecdsa-${curve}.cardsecurity.bin`);
      const parsed = parseCardSecurity(bytes);
      expect(parsed.eContentType).toBe('0.4.0.127.0.7.3.2.1');
      expect(parsed.securityInfos.all.length).toBeGreaterThan(0);
      const sod = parseSod(vector(`sod/countries/${cc}-ecdsa-${curve}.sod.bin`));
      expect(parsed.documentSigner?.serialNumber).toBe(sod.documentSigner?.serialNumber);
      const trust = await createTrustStore({ certificates: [vector(`sod/countries/${cc}.csca.der`)] });
      const report = await verifyCardSecurity({
        cardSecurity: bytes,
        trust,
        at: parsed.documentSigner!.notBefore,
      });
      expect(report).toMatchObject({ verified: true, signature: 'valid', chain: 'trusted' });
    });
  }

  it('fails the DE file with its last signature byte changed', async () => {
    const trust = await createTrustStore({ certificates: [vector('sod/countries/DE.csca.der')] });
    const report = await verifyCardSecurity({
      cardSecurity: vector('sod/countries/negative/DE-cardsecurity.last-byte-99-to-98.bin'),
      trust,
    });
    expect(report.verified).toBe(false);
    expect(report.signature).toBe('invalid');
  });

  it('refuses an EF.SOD content as EF.CardSecurity', async () => {
    const sod = parseSod(vector('sod/countries/DE-ecdsa-bp384.sod.bin'));
    expect(sod.eContentType).toBe('2.23.136.1.1.1');
    const report = await verifyCardSecurity({
      cardSecurity: vector('sod/countries/DE-ecdsa-bp384.sod.bin'),
      trust: await createTrustStore(),
    });
    expect(report.verified).toBe(false);
  });
});

describe('parseCardSecurity on hostile bytes', () => {
  it('answers with a CancuocError', () => {
    for (const b of hostileBytes) {
      try {
        parseCardSecurity(b);
      } catch (e) {
        expect(isCancuocError(e)).toBe(true);
      }
    }
  });
});
