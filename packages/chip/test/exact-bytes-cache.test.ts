import { issueTestCard, type TestCard } from '@cancuoc/testkit';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrustStore, parseSod, parseTlv, type TrustStore, verifyPassive } from '../src/index.js';
import { hashOfAlgorithm, resolveSignatureAlgorithm } from '../src/internal/algorithm-identifiers.js';
import { ExactBytesCache, publicBytesEqual } from '../src/internal/bytes-cache.js';
import { setNativeCrypto } from '../src/internal/native.js';

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('ExactBytesCache', () => {
  it('hits only for exactly the same bytes, whatever the buffer', () => {
    const cache = new ExactBytesCache<string>(8);
    const a = Uint8Array.from({ length: 40 }, (_, i) => i);
    cache.set('a', a);
    expect(cache.get(a.slice())).toBe('a');
    // Same length and same tail (the bucket key), different head: a miss.
    const lookAlike = a.slice();
    lookAlike[0] = 0xff;
    expect(cache.get(lookAlike)).toBeUndefined();
    expect(cache.get(a.subarray(1))).toBeUndefined();
  });

  for (const native of [true, false]) {
    it(`tells certificate-sized look-alikes apart (${native ? 'native' : 'portable'} comparison)`, () => {
      setNativeCrypto(native);
      try {
        const cache = new ExactBytesCache<string>(8);
        const cert = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 0xff);
        cache.set('cert', cert);
        const inSod = new Uint8Array(1003);
        inSod.set(cert, 3); // unaligned, as inside an EF.SOD
        expect(cache.get(inSod.subarray(3))).toBe('cert');
        for (const at of [0, 100, 500, 983]) {
          const other = cert.slice();
          other[at]! ^= 1;
          expect(cache.get(other), `byte ${at}`).toBeUndefined();
        }
      } finally {
        setNativeCrypto(true);
      }
    });
  }

  it('keeps a private copy, so changing the original buffer cannot make a stale hit', () => {
    const cache = new ExactBytesCache<string>(8);
    const a = Uint8Array.from({ length: 20 }, (_, i) => i * 3);
    const original = a.slice();
    cache.set('a', a);
    a[5] = 0xaa;
    expect(cache.get(a)).toBeUndefined();
    expect(cache.get(original)).toBe('a');
  });

  it('keys on every part: the same second part with another first part misses', () => {
    const cache = new ExactBytesCache<boolean>(8);
    const issuer = new Uint8Array([1, 2, 3]);
    const cert = new Uint8Array([4, 5, 6]);
    cache.set(true, issuer, cert);
    expect(cache.get(issuer, cert)).toBe(true);
    expect(cache.get(new Uint8Array([1, 2, 4]), cert)).toBeUndefined();
    expect(cache.get(cert, issuer)).toBeUndefined();
    expect(cache.get(issuer)).toBeUndefined();
  });

  it('stays bounded in entries and per bucket', () => {
    const cache = new ExactBytesCache<number>(16);
    for (let i = 0; i < 100; i++) cache.set(i, new Uint8Array([i, i >> 8, 1, 2]));
    expect(cache.size).toBeLessThanOrEqual(16);
    expect(cache.get(new Uint8Array([99, 0, 1, 2]))).toBe(99);
    // Ten entries sharing one bucket key (same length and tail): only the last four are kept.
    const colliding = new ExactBytesCache<number>(100);
    const make = (i: number) => {
      const b = new Uint8Array(30);
      b[0] = i;
      return b;
    };
    for (let i = 0; i < 10; i++) colliding.set(i, make(i));
    expect(colliding.size).toBe(4);
    expect(colliding.get(make(9))).toBe(9);
    expect(colliding.get(make(6))).toBe(6);
    expect(colliding.get(make(5))).toBeUndefined();
  });

  it.each([
    ['native memcmp', true],
    ['32-bit words', false],
  ])('compares public bytes like a byte loop at any alignment and length (%s)', (_, native) => {
    setNativeCrypto(native);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.nat(3),
        fc.nat(3),
        fc.nat(299),
        (data, offA, offB, flip) => {
          const place = (off: number) => {
            const buffer = new Uint8Array(data.length + off);
            buffer.set(data, off);
            return buffer.subarray(off);
          };
          const a = place(offA);
          const b = place(offB);
          expect(publicBytesEqual(a, b)).toBe(true);
          if (data.length > 0) {
            b[flip % data.length]! ^= 0x40;
            expect(publicBytesEqual(a, b)).toBe(false);
            expect(publicBytesEqual(a, b.subarray(1))).toBe(false);
          }
        },
      ),
    );
    setNativeCrypto(true);
  });
});

describe('Document Signer caches inside parseSod and the trust store', () => {
  let a: TestCard;
  let b: TestCard;
  let trustA: TrustStore;
  let trustB: TrustStore;
  beforeAll(async () => {
    a = await issueTestCard({}, { pkiOptions: { algorithm: 'rsa-pss' } });
    b = await issueTestCard({}, { pkiOptions: { algorithm: 'rsa-pss' } });
    trustA = await createTrustStore({ certificates: [a.pki.csca.pem] });
    trustB = await createTrustStore({ certificates: [b.pki.csca.pem] });
  });

  it('never serves a cached certificate for another certificate with the same subject', async () => {
    const sodA = parseSod(a.files.sod);
    const sodB = parseSod(b.files.sod);
    expect(sodB.documentSigner!.subject).toBe(sodA.documentSigner!.subject);
    expect(sodB.documentSigner!.serialNumber).toBe(sodA.documentSigner!.serialNumber);
    expect(publicBytesEqual(sodB.documentSigner!.raw, b.pki.dsc.certificate)).toBe(true);
    expect(publicBytesEqual(sodB.documentSigner!.raw, sodA.documentSigner!.raw)).toBe(false);
    expect(parseSod(a.files.sod.slice()).documentSigner).toBe(sodA.documentSigner);

    expect(
      (await verifyPassive({ sod: a.files.sod, dataGroups: a.files.dataGroups, trust: trustA })).verified,
    ).toBe(true);
    const crossed = await verifyPassive({ sod: b.files.sod, dataGroups: b.files.dataGroups, trust: trustA });
    expect(crossed.verified).toBe(false);
    expect(crossed.chain).toBe('untrusted');
    expect(
      (await verifyPassive({ sod: b.files.sod, dataGroups: b.files.dataGroups, trust: trustB })).verified,
    ).toBe(true);
  });

  it('rejects a SOD whose DSC was swapped for a look-alike after the real one was cached', async () => {
    const dscA = a.pki.dsc.certificate;
    const dscB = b.pki.dsc.certificate;
    const at = indexOf(a.files.sod, dscA);
    expect(at).toBeGreaterThan(0);
    await verifyPassive({ sod: a.files.sod, dataGroups: a.files.dataGroups, trust: trustA });
    expect(dscB.length).toBe(dscA.length); // RSA-2048 test DSCs: same layout, other key
    const swapped = a.files.sod.slice();
    swapped.set(dscB, at);
    const r = await verifyPassive({ sod: swapped, dataGroups: a.files.dataGroups, trust: trustA });
    expect(r.verified).toBe(false);
    expect(r.signature).toBe('invalid');
    expect(r.chain).toBe('untrusted');
  });

  it('never reuses a cached result for tampered DSC bytes, head or tail', async () => {
    const dsc = a.pki.dsc.certificate;
    const at = indexOf(a.files.sod, dsc);
    const warm = await verifyPassive({ sod: a.files.sod, dataGroups: a.files.dataGroups, trust: trustA });
    expect(warm.verified).toBe(true);
    // Positions in the subject (same bucket key as the cached DSC) and in the signature (tail).
    const subjectAt = indexOf(dsc, new TextEncoder().encode('Cancuoc Test'));
    expect(subjectAt).toBeGreaterThan(0);
    for (const offset of [subjectAt + 1, subjectAt + 9, dsc.length - 1, dsc.length - 8]) {
      const tampered = a.files.sod.slice();
      tampered[at + offset]! ^= 0x01;
      const r = await verifyPassive({ sod: tampered, dataGroups: a.files.dataGroups, trust: trustA });
      expect(r.verified, `DSC byte ${offset}`).toBe(false);
      expect(r.chain, `DSC byte ${offset}`).not.toBe('trusted');
    }
    const again = await verifyPassive({ sod: a.files.sod, dataGroups: a.files.dataGroups, trust: trustA });
    expect(again.verified).toBe(true);
  });

  it('sees a buffer changed in place between two calls', async () => {
    const buffer = a.files.sod.slice();
    const at = indexOf(buffer, a.pki.dsc.certificate) + 40;
    expect(
      (await verifyPassive({ sod: buffer, dataGroups: a.files.dataGroups, trust: trustA })).verified,
    ).toBe(true);
    buffer[at]! ^= 0x80;
    const r = await verifyPassive({ sod: buffer, dataGroups: a.files.dataGroups, trust: trustA });
    expect(r.verified).toBe(false);
    buffer[at]! ^= 0x80;
    expect(
      (await verifyPassive({ sod: buffer, dataGroups: a.files.dataGroups, trust: trustA })).verified,
    ).toBe(true);
  });
});

describe('AlgorithmIdentifier cache', () => {
  const tlv = (tag: number, ...parts: number[][]) => {
    const value = parts.flat();
    return [tag, value.length, ...value];
  };
  const oid = (...b: number[]) => tlv(0x06, b);
  const sha256 = oid(0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01);
  const sha384 = oid(0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02);
  const rsaEncryption = oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01);
  const pss = (salt: number, hash = sha256) =>
    parseTlv(
      new Uint8Array(
        tlv(
          0x30,
          oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a),
          tlv(
            0x30,
            tlv(0xa0, tlv(0x30, hash, [5, 0])),
            tlv(
              0xa1,
              tlv(0x30, oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08), tlv(0x30, hash, [5, 0])),
            ),
            tlv(0xa2, tlv(0x02, [salt])),
          ),
        ),
      ),
    );

  it('returns the same frozen result for the same encoding and a new one for any other', () => {
    const a = resolveSignatureAlgorithm(pss(32));
    expect(a).toEqual({
      oid: '1.2.840.113549.1.1.10',
      scheme: 'rsa-pss',
      hash: 'SHA-256',
      mgfHash: 'SHA-256',
      saltLength: 32,
    });
    expect(Object.isFrozen(a)).toBe(true);
    expect(resolveSignatureAlgorithm(pss(32))).toBe(a);
    expect(resolveSignatureAlgorithm(pss(20))).toMatchObject({ saltLength: 20 });
    expect(resolveSignatureAlgorithm(pss(32, sha384))).toMatchObject({ hash: 'SHA-384', mgfHash: 'SHA-384' });
    expect(resolveSignatureAlgorithm(pss(32))).toBe(a);
  });

  it('keys rsaEncryption on the SignerInfo digest too, and never caches a failure', () => {
    const node = () => parseTlv(new Uint8Array(tlv(0x30, rsaEncryption, [5, 0])));
    expect(resolveSignatureAlgorithm(node(), 'SHA-256')).toMatchObject({
      scheme: 'rsa-pkcs1',
      hash: 'SHA-256',
    });
    expect(resolveSignatureAlgorithm(node(), 'SHA-1')).toMatchObject({ scheme: 'rsa-pkcs1', hash: 'SHA-1' });
    for (let i = 0; i < 2; i++)
      expect(() => resolveSignatureAlgorithm(node())).toThrow(
        expect.objectContaining({ code: 'ERR_SOD_ALGORITHM' }),
      );
    const withParams = () => parseTlv(new Uint8Array(tlv(0x30, sha256, [2, 1, 0])));
    for (let i = 0; i < 2; i++)
      expect(() => hashOfAlgorithm(withParams(), 'hash')).toThrow(
        expect.objectContaining({ code: 'ERR_SOD_ALGORITHM' }),
      );
    expect(hashOfAlgorithm(parseTlv(new Uint8Array(tlv(0x30, sha384))), 'hash')).toEqual({
      hash: 'SHA-384',
      oid: '2.16.840.1.101.3.4.2.2',
    });
  });
});
