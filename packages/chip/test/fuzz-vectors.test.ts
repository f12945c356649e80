// Mutated real files (every vector in shared/vectors) never crash or hang the parsers: each answer
// is a result or a CancuocError, and verification of a mutated SOD never says "verified".
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCancuocError } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTrustStore,
  parseCardSecurity,
  parseCom,
  parseDg1,
  parseDg2,
  parseDg14,
  parseDg15,
  parseSod,
  verifyPassive,
} from '../src/index.js';
import { hasVectors, vector } from './vectors.js';

const root = fileURLToPath(new URL('../../../../shared/vectors/', import.meta.url));
const list = (dir: string, re: RegExp) =>
  hasVectors
    ? readdirSync(root + dir)
        .filter((f) => re.test(f))
        .map((f) => `${dir}/${f}`)
    : [];

const corpus: [string, (b: Uint8Array) => unknown][] = [
  ...list('sod/countries', /\.sod\.bin$/).map((f) => [f, parseSod] as [string, (b: Uint8Array) => unknown]),
  ['sod/bsi-tr03105-5-refdataset/EF_SOD.bin', parseSod],
  ['sod/etsi-tr103200-eacaa/EF_SOD.bin', parseSod],
  ['lds/bsi2008/EF_SOD.bin', parseSod],
  ['lds/bsi2008/EF_COM.bin', parseCom],
  ['lds/bsi2008/DG1.bin', parseDg1],
  ['lds/bsi2008/DG2.bin', parseDg2],
  ['dg2/ICAO_39794_5_AP_DG2_AllFields.dat', parseDg2],
  ['lds/bsi2008/DG14.bin', parseDg14],
  ['sod/etsi-tr103200-eacaa/DG14.bin', parseDg14],
  ['lds/bsi2008/DG15.bin', parseDg15],
  ['sod/countries/DE-ecdsa-bp384.cardsecurity.bin', parseCardSecurity],
  ['sod/countries/FI-ecdsa-bp512.cardsecurity.bin', parseCardSecurity],
];

describe.skipIf(!hasVectors)('fuzzing the real files', () => {
  it('answers byte edits, truncations and insertions with a result or a CancuocError', () => {
    const files = corpus.map(([f, parse]) => [vector(f), parse] as const);
    fc.assert(
      fc.property(
        fc.nat({ max: files.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.uint8Array({ maxLength: 8 }),
        (which, edits, cut, insert) => {
          const [bytes, parse] = files[which]!;
          const m = new Uint8Array(bytes);
          for (const [at, v] of edits) m[at % m.length] = v;
          const at = cut % (m.length + 1);
          const inserted = new Uint8Array(m.length + insert.length);
          inserted.set(m.subarray(0, at));
          inserted.set(insert, at);
          inserted.set(m.subarray(at), at + insert.length);
          for (const input of [m, m.subarray(0, at), inserted]) {
            try {
              parse(input);
            } catch (e) {
              if (!isCancuocError(e)) throw e;
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("never verifies a real SOD whose signer issuer's string type was changed (sid is unsigned)", async () => {
    // Found by the property test below: byte 1348 of the Austrian SOD is the PrintableString tag
    // (0x13) of the country in SignerInfo.sid's issuer; as a TeletexString (0x14) it named the same
    // DSC to a loose name comparison, and the changed bytes verified.
    const sod = vector('sod/countries/AT-ecdsa-bp256.sod.bin');
    const trust = await createTrustStore({ certificates: [vector('sod/countries/AT.csca.der')] });
    expect(sod[1348]).toBe(0x13);
    const m = new Uint8Array(sod);
    m[1348] = 0x14;
    const r = await verifyPassive({ sod: m, dataGroups: {}, trust, at: 'signing-time' });
    expect(r.signature === 'valid' && r.chain === 'trusted').toBe(false);
  });

  it('never verifies a real SOD with one byte changed', async () => {
    const sod = vector('sod/countries/AT-ecdsa-bp256.sod.bin');
    const trust = await createTrustStore({ certificates: [vector('sod/countries/AT.csca.der')] });
    const ok = await verifyPassive({ sod, dataGroups: {}, trust, at: 'signing-time' });
    expect(ok.signature).toBe('valid');
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const m = new Uint8Array(sod);
        m[at % m.length]! ^= xor;
        const r = await verifyPassive({ sod: m, dataGroups: {}, trust, at: 'signing-time' });
        expect(r.signature === 'valid' && r.chain === 'trusted').toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
