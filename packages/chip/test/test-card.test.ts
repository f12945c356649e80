import { isCancuocError } from '@cancuoc/core';
import { createTestPki, encodeDg13, issueTestCard, type TestCard, testPerson } from '@cancuoc/testkit';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTrustStore,
  parseCardAccess,
  parseCom,
  parseDg1,
  parseDg2,
  parseDg13,
  parseDg14,
  parseDg15,
  parseSod,
  type TrustStore,
  verifyPassive,
} from '../src/index.js';

let card: TestCard;
let trust: TrustStore;

beforeAll(async () => {
  card = await issueTestCard();
  trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
});

describe('a signed synthetic CCCD chip image', () => {
  it('parses every file', () => {
    expect(parseCom(card.files.com).dataGroups).toEqual([1, 2, 13, 14, 15]);
    expect(parseCardAccess(card.files.cardAccess).pace[0]?.parameterName).toBe('brainpoolP256r1');
    const { mrz } = parseDg1(card.files.dataGroups[1]!);
    expect(mrz.personalId).toBe('001099012345');
    expect(mrz.documentNumber).toBe(card.mrz.documentNumber);
    expect(mrz.can).toBe(card.can);
    const [face] = parseDg2(card.files.dataGroups[2]!).faces;
    expect(face).toMatchObject({ mimeType: 'image/jpeg', width: 120, height: 160 });
    expect(Buffer.from(face!.image).equals(Buffer.from(card.faceImage))).toBe(true);
    expect(parseDg14(card.files.dataGroups[14]!).chipAuthenticationPublicKeys[0]?.publicKey).toMatchObject({
      kind: 'ec',
      curve: 'P-256',
    });
    expect(parseDg15(card.files.dataGroups[15]!).publicKey).toMatchObject({ kind: 'rsa', bits: 1024 });
    const sod = parseSod(card.files.sod);
    expect(Object.keys(sod.ldsSecurityObject.dataGroupHashes).map(Number)).toEqual([1, 2, 13, 14, 15]);
    expect(sod.signatureAlgorithm).toMatchObject({ scheme: 'rsa-pss', hash: 'SHA-256', saltLength: 32 });
  });

  it('parses all 16 DG13 fields by number', () => {
    const dg13 = parseDg13(card.files.dataGroups[13]!);
    expect(dg13).toMatchObject({
      version: 1,
      personalId: '001099012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: { year: 1999, month: 1, day: 15 },
      sex: 'male',
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      religion: 'Không',
      placeOfOrigin: card.person.placeOfOrigin,
      permanentResidence: card.person.permanentResidence,
      identifyingMarks: card.person.identifyingMarks,
      dateOfIssue: { year: 2021, month: 5, day: 10 },
      dateOfExpiry: { year: 2039, month: 1, day: 15 },
      father: 'Nguyễn Văn Bình',
      mother: 'Trần Thị Cúc',
      legacyId: '012345678',
      cardId: 'CANCUOCTEST00001',
    });
    expect(dg13.spouse).toBeUndefined();
    expect(dg13.entries.map((e) => e.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    ]);
  });

  it('verifies passively against the test CSCA', async () => {
    const report = await verifyPassive({ sod: card.files.sod, dataGroups: card.files.dataGroups, trust });
    expect(report).toEqual({
      verified: true,
      dataGroups: { 1: 'match', 2: 'match', 13: 'match', 14: 'match', 15: 'match' },
      signature: 'valid',
      chain: 'trusted',
      reasons: [],
    });
  });

  it('fails when a required data group is not given', async () => {
    const { 13: _dg13, ...rest } = card.files.dataGroups;
    const report = await verifyPassive({
      sod: card.files.sod,
      dataGroups: rest,
      trust,
      requiredDataGroups: [1, 13],
    });
    expect(report.dataGroups[13]).toBe('missing');
    expect(report.verified).toBe(false);
    expect(report.reasons).toContain('DG13 is required but was not verified');
    const ok = await verifyPassive({
      sod: card.files.sod,
      dataGroups: card.files.dataGroups,
      trust,
      requiredDataGroups: [1, 13],
    });
    expect(ok.verified).toBe(true);
  });

  it('is untrusted without the CSCA', async () => {
    const report = await verifyPassive({
      sod: card.files.sod,
      dataGroups: card.files.dataGroups,
      trust: await createTrustStore(),
    });
    expect(report.verified).toBe(false);
    expect(report.chain).toBe('untrusted');
  });

  it('fails when any byte of any covered data group is changed (property)', async () => {
    const numbers = [1, 2, 13, 14, 15];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...numbers),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (dg, at, xor) => {
          const original = card.files.dataGroups[dg]!;
          const tampered = new Uint8Array(original);
          tampered[at % tampered.length]! ^= xor;
          const report = await verifyPassive({
            sod: card.files.sod,
            dataGroups: { ...card.files.dataGroups, [dg]: tampered },
            trust,
          });
          expect(report.verified).toBe(false);
          expect(report.dataGroups[dg]).toBe('mismatch');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never verifies a SOD with any byte changed (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const sod = new Uint8Array(card.files.sod);
        sod[at % sod.length]! ^= xor;
        const report = await verifyPassive({ sod, dataGroups: card.files.dataGroups, trust });
        expect(report.verified).toBe(false);
      }),
      { numRuns: 80 },
    );
  });
});

describe('test cards with other algorithms and layouts', () => {
  for (const algorithm of ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'rsa-pkcs1'] as const) {
    it(`verifies a card signed with ${algorithm}`, async () => {
      const c = await issueTestCard({}, { pkiOptions: { algorithm }, activeAuthentication: 'ecdsa' });
      const t = await createTrustStore({ certificates: [c.pki.csca.certificate] });
      const report = await verifyPassive({ sod: c.files.sod, dataGroups: c.files.dataGroups, trust: t });
      expect(report.verified).toBe(true);
      expect(parseDg14(c.files.dataGroups[14]!).activeAuthentication[0]?.signatureAlgorithm).toBe(
        '1.2.840.10045.4.3.2',
      );
    });
  }

  it('puts a brainpoolP256r1 chip authentication key in DG14 when asked', async () => {
    const c = await issueTestCard({}, { pki: card.pki, chipAuthenticationCurve: 'brainpoolP256r1' });
    const key = parseDg14(c.files.dataGroups[14]!).chipAuthenticationPublicKeys[0]!.publicKey!;
    expect(key).toMatchObject({ kind: 'ec', curve: 'brainpoolP256r1', explicitParameters: false });
    expect(c.keys.ca).toMatchObject({ kind: 'ec', parameterId: 13 });
    expect(Buffer.from(key.kind === 'ec' ? key.point : []).equals(Buffer.from(c.keys.ca.publicKey))).toBe(
      true,
    );
  });

  it('reads a DG13 with absent fields, combined parents and no expiry', async () => {
    const c = await issueTestCard(
      {
        dateOfExpiry: null,
        personalId: '058158001234',
        dateOfBirth: '20/07/1958',
        sex: 'female',
        spouse: 'Lê Văn Chồng',
        legacyId: '',
      },
      { omitDg13Fields: [10, 16], parentsNesting: 'combined', pki: card.pki },
    );
    const dg13 = parseDg13(c.files.dataGroups[13]!);
    expect(dg13.dateOfExpiry).toBeNull();
    expect(dg13.identifyingMarks).toBeUndefined();
    expect(dg13.cardId).toBeUndefined();
    expect(dg13.legacyId).toBeUndefined();
    expect(dg13.father).toBe('Nguyễn Văn Bình');
    expect(dg13.mother).toBe('Trần Thị Cúc');
    expect(dg13.spouse).toBe('Lê Văn Chồng');
    expect(dg13.sex).toBe('female');
    const { mrz } = parseDg1(c.files.dataGroups[1]!);
    expect(mrz.dateOfExpiry).toBeNull();
    expect(mrz.dateOfBirth).toEqual({ year: 1958, month: 7, day: 20 });
  });

  it('reads partial birth dates (year only, 00 for unknown parts)', async () => {
    for (const [text, expected] of [
      ['1960', { year: 1960 }],
      ['00/00/1960', { year: 1960 }],
      ['00/05/1960', { year: 1960, month: 5 }],
      ['05/1960', { year: 1960, month: 5 }],
    ] as const) {
      const dg13 = parseDg13(encodeDg13({ ...testPerson, personalId: '001060012345', dateOfBirth: text }));
      expect(dg13.dateOfBirth).toEqual(expected);
    }
    expect(() => parseDg13(encodeDg13({ ...testPerson, dateOfBirth: '31/02/1999' }))).toThrowError(
      expect.objectContaining({ code: 'ERR_DG13_FIELD' }),
    );
  });

  it('reports revoked when a verified CRL lists the DSC', async () => {
    const crl = await card.pki.createCrl([card.pki.dsc.serialNumber]);
    const t = await createTrustStore({ certificates: [card.pki.csca.pem], crls: [crl] });
    const report = await verifyPassive({ sod: card.files.sod, dataGroups: card.files.dataGroups, trust: t });
    expect(report.chain).toBe('revoked');
    expect(report.verified).toBe(false);
  });

  it('refuses a CRL not signed by a trusted CSCA', async () => {
    const other = await createTestPki({ algorithm: 'ecdsa-p256' });
    const crl = await other.createCrl([2]);
    await expect(createTrustStore({ certificates: [card.pki.csca.pem], crls: [crl] })).rejects.toMatchObject({
      code: 'ERR_TRUST_CRL',
    });
  });

  it('reports expired for a DSC outside its validity', async () => {
    const report = await verifyPassive({
      sod: card.files.sod,
      dataGroups: card.files.dataGroups,
      trust,
      at: new Date('2050-01-01'),
    });
    expect(report.chain).toBe('expired');
  });
});

describe('mutated real files never crash the parsers (fuzz)', () => {
  it('answers mutated chip files with a result or a CancuocError', () => {
    const files: [string, Uint8Array, (b: Uint8Array) => unknown][] = [
      ['DG1', card.files.dataGroups[1]!, parseDg1],
      ['DG2', card.files.dataGroups[2]!, parseDg2],
      ['DG13', card.files.dataGroups[13]!, parseDg13],
      ['DG14', card.files.dataGroups[14]!, parseDg14],
      ['DG15', card.files.dataGroups[15]!, parseDg15],
      ['COM', card.files.com, parseCom],
      ['CardAccess', card.files.cardAccess, parseCardAccess],
      ['SOD', card.files.sod, parseSod],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        ([, bytes, parse], edits, cut) => {
          const m = new Uint8Array(bytes);
          for (const [at, v] of edits) m[at % m.length] = v;
          for (const input of [m, m.subarray(0, cut % (m.length + 1))]) {
            try {
              parse(input);
            } catch (e) {
              if (!isCancuocError(e)) throw e;
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
