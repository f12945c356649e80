// Malleability (issue 13): SOD bytes that differ from what was signed must not verify. Extra
// elements inside any fixed CMS or X.509 structure, and non-DER framing where DER is required, are
// refused with a typed error; real SODs (BER indefinite lengths of NZ included) still verify.
import { isCancuocError } from '@cancuoc/core';
import { issueTestCard, type TestCard } from '@cancuoc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrustStore, parseSod, type TrustStore, verifyPassive } from '../src/index.js';
import { editChildren, elementAt, nullValue, tlv } from './der-edit.js';
import { hasVectors, vector, vectorJson } from './vectors.js';

// Paths from the 77 element of a test card's SOD (issuer-and-serial-number signer identifier).
const CONTENT_INFO = [0];
const SIGNED_DATA = [0, 1, 0];
const DSC = [...SIGNED_DATA, 3, 0];
const SIGNER_INFO = [...SIGNED_DATA, 4, 0];

// ECDSA AlgorithmIdentifiers have no parameters, and a NULL there is accepted (AT and DE SODs have
// it): those get a NULL and then the extra element.
const trailing: readonly (readonly [string, readonly number[], number?])[] = [
  ['ContentInfo', CONTENT_INFO],
  ['the [0] EXPLICIT wrapper of SignedData', [0, 1]],
  ['SignedData', SIGNED_DATA],
  ['a digestAlgorithms AlgorithmIdentifier', [...SIGNED_DATA, 1, 0]],
  ['EncapsulatedContentInfo', [...SIGNED_DATA, 2]],
  ['the [0] EXPLICIT eContent', [...SIGNED_DATA, 2, 1]],
  ['the certificates field (not a certificate)', [...SIGNED_DATA, 3]],
  ['the DSC certificate', DSC],
  ['the DSC signature AlgorithmIdentifier', [...DSC, 1], 2],
  ['the DSC validity', [...DSC, 0, 4]],
  ['the DSC SubjectPublicKeyInfo', [...DSC, 0, 6]],
  ['the DSC SubjectPublicKeyInfo AlgorithmIdentifier', [...DSC, 0, 6, 0]],
  ['SignerInfo', SIGNER_INFO],
  ['IssuerAndSerialNumber', [...SIGNER_INFO, 1]],
  ['the SignerInfo digest AlgorithmIdentifier', [...SIGNER_INFO, 2]],
  ['a signed attribute', [...SIGNER_INFO, 3, 0]],
  ['the SignerInfo signature AlgorithmIdentifier', [...SIGNER_INFO, 4], 2],
];

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isCancuocError(e)) return e.code;
    throw e;
  }
  return 'accepted';
}

describe('fixed structures of EF.SOD are read strictly', () => {
  let card: TestCard;
  let trust: TrustStore;
  beforeAll(async () => {
    card = await issueTestCard({}, { pkiOptions: { algorithm: 'ecdsa-p256' } });
    trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
    // The unmodified SOD verifies, and the paths point at what they name.
    expect(
      (await verifyPassive({ sod: card.files.sod, dataGroups: card.files.dataGroups, trust })).verified,
    ).toBe(true);
    expect(elementAt(card.files.sod, [...SIGNER_INFO, 1]).tag).toBe(0x30);
    expect(elementAt(card.files.sod, [...SIGNED_DATA, 3]).tag).toBe(0xa0);
  });

  for (const [what, path, added = 1] of trailing) {
    it(`refuses an extra element at the end of ${what}`, async () => {
      const extra = Array.from({ length: added }, nullValue);
      const sod = editChildren(card.files.sod, path, (c) => [...c, ...extra]);
      expect(codeOf(() => parseSod(sod))).toMatch(/^ERR_(SOD_STRUCTURE|CERT_INVALID)$/);
      const report = await verifyPassive({ sod, dataGroups: card.files.dataGroups, trust });
      expect(report.verified).toBe(false);
      expect(report.reasons[0]).toMatch(/EF\.SOD cannot be read/);
    });
  }

  it('refuses an element after the unsigned attributes of SignerInfo', () => {
    const sod = editChildren(card.files.sod, SIGNER_INFO, (c) => [...c, tlv(0xa1, nullValue()), nullValue()]);
    expect(codeOf(() => parseSod(sod))).toBe('ERR_SOD_STRUCTURE');
  });

  it('refuses a DSC whose unsigned signature field has a non-minimal (non-DER) length', async () => {
    const sod = editChildren(card.files.sod, DSC, ([tbs, alg, sig]) => {
      const node = elementAt(sig!, []);
      const longForm = new Uint8Array([0x03, 0x81, node.value.length, ...node.value]);
      return [tbs!, alg!, longForm];
    });
    expect(codeOf(() => parseSod(sod))).toBe('ERR_CERT_INVALID');
    expect((await verifyPassive({ sod, dataGroups: card.files.dataGroups, trust })).verified).toBe(false);
  });

  it('refuses signed attributes in BER (an indefinite length) where RFC 5652 §5.3 requires DER', () => {
    const sod = editChildren(card.files.sod, SIGNER_INFO, (c) =>
      c.map((x, i) => {
        if (i !== 3) return x;
        const attrs = elementAt(x, []);
        return new Uint8Array([0xa0, 0x80, ...attrs.value, 0, 0]);
      }),
    );
    expect(codeOf(() => parseSod(sod))).toBe('ERR_SOD_STRUCTURE');
  });
});

interface CountrySample {
  file: string;
  csca: { file: string };
}

describe.skipIf(!hasVectors)('real SODs still verify under strict reading', () => {
  it('verifies every country SOD (NZ BER indefinite lengths included) against its CSCA', async () => {
    const { samples } = vectorJson<{ samples: CountrySample[] }>('sod/countries/countries.json');
    expect(samples.some((s) => s.file.startsWith('NZ'))).toBe(true);
    for (const s of samples) {
      const trust = await createTrustStore({ certificates: [vector(`sod/countries/${s.csca.file}`)] });
      const report = await verifyPassive({
        sod: vector(`sod/countries/${s.file}`),
        dataGroups: {},
        trust,
        at: 'signing-time',
      });
      expect([s.file, report.signature, report.chain]).toEqual([s.file, 'valid', 'trusted']);
    }
  });

  it('verifies the BSI and ETSI reference SODs', () => {
    for (const file of ['sod/bsi-tr03105-5-refdataset/EF_SOD.bin', 'sod/etsi-tr103200-eacaa/EF_SOD.bin']) {
      expect(parseSod(vector(file)).signedDataVersion).toBe(3);
    }
  });
});
