// Hostile sizes from the fuzz audit (issue 13): explicit EC parameters with oversized INTEGERs and
// files far larger than any real one. Each must be refused with a typed error before the expensive
// work; how fast is measured in bench/hostile-input.bench.ts, not here.
import { isCancuocError } from '@cancuoc/core';
import { issueTestCard } from '@cancuoc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTrustStore,
  namedCurveParameters,
  parseCardSecurity,
  parseDg14,
  parseDg15,
  parseSod,
  verifyActiveAuthentication,
  verifyCardSecurity,
  verifyPassive,
} from '../src/index.js';
import { editChildren, elementAt, int, octets, oid, seq, tlv } from './der-edit.js';

const bp = namedCurveParameters('1.3.36.3.3.2.8.1.1.7')!.params;
const be = (x: bigint, size: number) =>
  Uint8Array.from(Buffer.from(x.toString(16).padStart(size * 2, '0'), 'hex'));
const base = new Uint8Array([4, ...be(bp.Gx, 32), ...be(bp.Gy, 32)]);
const filled = (n: number) => new Uint8Array(n).fill(0x11);

interface ParamBytes {
  p?: Uint8Array;
  a?: Uint8Array;
  b?: Uint8Array;
  n?: Uint8Array;
  h?: Uint8Array;
}

/** brainpoolP256r1 as explicit SpecifiedECDomain, with any INTEGER replaced. */
function explicitParams(o: ParamBytes = {}): Uint8Array {
  return seq(
    int(1n),
    seq(oid('1.2.840.10045.1.1'), int(o.p ?? be(bp.p, 32))),
    seq(octets(o.a ?? be(bp.a, 32)), octets(o.b ?? be(bp.b, 32))),
    octets(base),
    int(o.n ?? be(bp.n, 32)),
    int(o.h ?? new Uint8Array([1])),
  );
}

const ecSpki = (params: Uint8Array) =>
  seq(seq(oid('1.2.840.10045.2.1'), params), tlv(0x03, new Uint8Array([0]), base));
const dg15 = (spki: Uint8Array) => tlv(0x6f, spki);
const dg14 = (spki: Uint8Array) => tlv(0x6e, tlv(0x31, seq(oid('0.4.0.127.0.7.2.2.1.2'), spki, int(1n))));

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isCancuocError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

async function asyncCodeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    if (isCancuocError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

// A 200 KB cofactor: 19-43 s of BigInt conversion before this fix.
const HUGE_COFACTOR = explicitParams({ h: filled(200_000) });

describe('explicit EC domain parameters are bounded before conversion', () => {
  it('reads genuine explicit brainpoolP256r1 parameters', () => {
    const key = parseDg15(dg15(ecSpki(explicitParams()))).publicKey;
    expect(key.kind === 'ec' && key.curve).toBe('brainpoolP256r1');
  });

  it.each([
    ['a 67-byte prime', { p: filled(67) }, 'ERR_KEY_UNSUPPORTED'],
    ['an a longer than the prime', { a: filled(33) }, 'ERR_CHIP_VALUE'],
    ['a b longer than the prime', { b: filled(33) }, 'ERR_CHIP_VALUE'],
    ['an order two bytes longer than the prime', { n: filled(34) }, 'ERR_KEY_UNSUPPORTED'],
    ['a 9-byte cofactor', { h: filled(9) }, 'ERR_KEY_UNSUPPORTED'],
    ['a zero cofactor', { h: new Uint8Array([0]) }, 'ERR_CHIP_VALUE'],
    ['a 200 KB cofactor', { h: filled(200_000) }, 'ERR_KEY_UNSUPPORTED'],
    ['a 200 KB order', { n: filled(200_000) }, 'ERR_KEY_UNSUPPORTED'],
  ] as const)('refuses %s in DG15 with a typed error', (_, params, code) => {
    expect(codeOf(() => parseDg15(dg15(ecSpki(explicitParams(params))), { maxBytes: Infinity }))).toBe(code);
  });

  it('refuses RSA moduli above 16384 bits and exponents above 256 bits', () => {
    const rsa = (n: Uint8Array, e: Uint8Array) =>
      dg15(
        seq(
          seq(oid('1.2.840.113549.1.1.1'), new Uint8Array([5, 0])),
          tlv(0x03, new Uint8Array([0]), seq(int(n), int(e))),
        ),
      );
    expect(
      codeOf(() => parseDg15(rsa(filled(2049), new Uint8Array([1, 0, 1])), { maxBytes: Infinity })),
    ).toBe('ERR_KEY_UNSUPPORTED');
    expect(codeOf(() => parseDg15(rsa(filled(256), filled(33))))).toBe('ERR_KEY_UNSUPPORTED');
    expect(parseDg15(rsa(filled(256), new Uint8Array([1, 0, 1]))).publicKey.bits).toBe(2045);
  });

  it('refuses a DG14 chip-authentication key with a huge cofactor', () => {
    expect(codeOf(() => parseDg14(dg14(ecSpki(explicitParams({ h: filled(10_000) })))))).toBe(
      'ERR_KEY_UNSUPPORTED',
    );
    expect(codeOf(() => parseDg14(dg14(ecSpki(HUGE_COFACTOR)), { maxBytes: Infinity }))).toBe(
      'ERR_KEY_UNSUPPORTED',
    );
  });

  it('answers verifyActiveAuthentication on a hostile DG15 with a typed error', async () => {
    const input = { challenge: new Uint8Array(8), signature: new Uint8Array(64) };
    expect(
      await asyncCodeOf(() =>
        verifyActiveAuthentication({
          ...input,
          publicKey: dg15(ecSpki(explicitParams({ h: filled(4000) }))),
        }),
      ),
    ).toBe('ERR_KEY_UNSUPPORTED');
    expect(
      await asyncCodeOf(() =>
        verifyActiveAuthentication({ ...input, publicKey: dg15(ecSpki(HUGE_COFACTOR)) }),
      ),
    ).toBe('ERR_CHIP_INPUT_SIZE');
  });
});

describe('input-size limits', () => {
  it('refuses a DG14 or DG15 above its default limit with ERR_CHIP_INPUT_SIZE', () => {
    expect(codeOf(() => parseDg15(dg15(ecSpki(HUGE_COFACTOR))))).toBe('ERR_CHIP_INPUT_SIZE');
    expect(codeOf(() => parseDg14(dg14(ecSpki(HUGE_COFACTOR))))).toBe('ERR_CHIP_INPUT_SIZE');
  });

  it('applies a smaller maxBytes given as an option', () => {
    const genuine = dg15(ecSpki(explicitParams()));
    expect(codeOf(() => parseDg15(genuine, { maxBytes: genuine.length - 1 }))).toBe('ERR_CHIP_INPUT_SIZE');
    expect(parseDg15(genuine, { maxBytes: genuine.length }).publicKey.kind).toBe('ec');
  });

  it('throws RangeError for a limit that is not a positive integer', async () => {
    const genuine = dg15(ecSpki(explicitParams()));
    for (const maxBytes of [Number.NaN, 0, -1, 1.5, '100' as never]) {
      expect(() => parseDg15(genuine, { maxBytes })).toThrow(RangeError);
      expect(() => parseSod(genuine, { maxBytes })).toThrow(RangeError);
      await expect(createTrustStore({ maxMasterListBytes: maxBytes })).rejects.toBeInstanceOf(RangeError);
    }
  });
});

describe('SOD, CardSecurity and trust store with a hostile Document Signer key', () => {
  let sod: Uint8Array;
  let cscaPem: string;
  // Path of the DSC's SubjectPublicKeyInfo: 77 > ContentInfo > [0] > SignedData > [0] certs > cert > TBS.
  const TBS = [0, 1, 0, 3, 0, 0];
  const SPKI_INDEX = 6;
  const withDscKey = (spki: Uint8Array) =>
    editChildren(sod, TBS, (c) => c.map((x, i) => (i === SPKI_INDEX ? spki : x)));

  beforeAll(async () => {
    const card = await issueTestCard({}, { pkiOptions: { algorithm: 'ecdsa-p256' } });
    sod = card.files.sod;
    cscaPem = card.pki.csca.pem;
    // The edit below replaces what the test means to replace.
    expect(elementAt(sod, [...TBS, SPKI_INDEX]).raw[0]).toBe(0x30);
  });

  it('parses a SOD whose DSC key has a 60 KB cofactor and marks the key unsupported', async () => {
    const hostile = withDscKey(ecSpki(explicitParams({ h: filled(60_000) })));
    expect(hostile.length).toBeLessThan(64 * 1024);
    const parsed = parseSod(hostile);
    expect(parsed.documentSigner?.publicKey).toBeUndefined();
    expect(parsed.documentSigner?.publicKeyError).toMatch(/cofactor/);
    const trust = await createTrustStore({ certificates: [cscaPem] });
    const report = await verifyPassive({ sod: hostile, dataGroups: { 1: new Uint8Array([0x61, 0]) }, trust });
    expect(report.verified).toBe(false);
    expect(report.signature).toBe('unsupported');
  });

  it('refuses a 200 KB SOD with ERR_CHIP_INPUT_SIZE, in parseSod and verifyPassive', async () => {
    const hostile = withDscKey(ecSpki(HUGE_COFACTOR));
    expect(codeOf(() => parseSod(hostile))).toBe('ERR_CHIP_INPUT_SIZE');
    const trust = await createTrustStore({ certificates: [cscaPem] });
    const report = await verifyPassive({ sod: hostile, dataGroups: {}, trust });
    expect(report.verified).toBe(false);
    expect(report.reasons.join('\n')).toMatch(/ERR_CHIP_INPUT_SIZE/);
    // Without the size limit the key bound still answers at once.
    const unlimited = await verifyPassive({ sod: hostile, dataGroups: {}, trust, maxSodBytes: Infinity });
    expect(unlimited.signature).toBe('unsupported');
  });

  it('answers parseCardSecurity and verifyCardSecurity with typed errors', async () => {
    const contentInfo = (bytes: Uint8Array) => elementAt(bytes, [0]).raw.slice();
    const hostile = contentInfo(withDscKey(ecSpki(HUGE_COFACTOR)));
    expect(codeOf(() => parseCardSecurity(hostile))).toBe('ERR_CHIP_INPUT_SIZE');
    // Under the limit the certificate is read (key marked unsupported); the content type is refused.
    expect(codeOf(() => parseCardSecurity(hostile, { maxBytes: Infinity }))).toBe('ERR_SOD_CONTENT_TYPE');
    const trust = await createTrustStore({ certificates: [cscaPem] });
    const report = await verifyCardSecurity({ cardSecurity: hostile, trust });
    expect(report.verified).toBe(false);
    expect(report.reasons.join('\n')).toMatch(/ERR_CHIP_INPUT_SIZE/);
  });

  it('loads a hostile certificate into a trust store without its key, and refuses oversized input', async () => {
    const certificate = (bytes: Uint8Array) => elementAt(bytes, TBS.slice(0, -1)).raw.slice();
    const store = await createTrustStore({
      certificates: [certificate(withDscKey(ecSpki(explicitParams({ h: filled(30_000) }))))],
    });
    expect(store.certificates[0]?.publicKey).toBeUndefined();
    const huge = certificate(withDscKey(ecSpki(HUGE_COFACTOR)));
    expect(await asyncCodeOf(() => createTrustStore({ certificates: [huge] }))).toBe('ERR_CHIP_INPUT_SIZE');
    expect(await asyncCodeOf(() => createTrustStore({ masterLists: [huge], maxMasterListBytes: 1000 }))).toBe(
      'ERR_CHIP_INPUT_SIZE',
    );
    expect(await asyncCodeOf(() => createTrustStore({ crls: [huge], maxCrlBytes: 1000 }))).toBe(
      'ERR_CHIP_INPUT_SIZE',
    );
  });
});
