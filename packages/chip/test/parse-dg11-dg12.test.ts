import { isCancuocError } from '@cancuoc/core';
import { encodeDg11, encodeDg12, hostileBytes } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDg11, parseDg12, safeParseDg11, safeParseDg12 } from '../src/index.js';
import { unhex } from './vectors.js';

const ascii = (s: string) =>
  Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join('');

describe('parseDg11 (ICAO 9303-10 §4.7.11)', () => {
  it('reads every field the encoder writes, with the tag list', () => {
    const photo = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00);
    const dg11 = parseDg11(
      encodeDg11({
        fullName: 'MÜLLER<<JÖRG<ANTON',
        otherNames: ['MUELLER<<JOERG', 'MULLER<<JORG'],
        personalNumber: '123456789',
        fullDateOfBirth: '19710914',
        placeOfBirth: ['ANYTOWN', 'UTOPIA'],
        address: ['1 MAIN STREET', 'ANYTOWN', 'UTOPIA'],
        telephone: '+84 28 1234 5678',
        profession: 'ENGINEER',
        title: 'DR',
        personalSummary: 'NONE',
        proofOfCitizenship: photo,
        otherValidTravelDocumentNumbers: ['X1234567', 'Y7654321'],
        custodyInformation: 'NONE',
      }),
    );
    expect(dg11).toEqual({
      fullName: 'MÜLLER<<JÖRG<ANTON',
      otherNames: ['MUELLER<<JOERG', 'MULLER<<JORG'],
      personalNumber: '123456789',
      fullDateOfBirth: { year: 1971, month: 9, day: 14 },
      placeOfBirth: ['ANYTOWN', 'UTOPIA'],
      address: ['1 MAIN STREET', 'ANYTOWN', 'UTOPIA'],
      telephone: '+84 28 1234 5678',
      profession: 'ENGINEER',
      title: 'DR',
      personalSummary: 'NONE',
      proofOfCitizenship: photo,
      otherValidTravelDocumentNumbers: ['X1234567', 'Y7654321'],
      custodyInformation: 'NONE',
      tags: [
        0x5f0e, 0xa0, 0x5f10, 0x5f2b, 0x5f11, 0x5f42, 0x5f12, 0x5f13, 0x5f14, 0x5f15, 0x5f16, 0x5f17, 0x5f18,
      ],
    });
  });

  it('leaves absent fields out and reads an empty DG11', () => {
    expect(parseDg11(encodeDg11({}))).toEqual({ otherNames: [], tags: [] });
    expect(parseDg11(encodeDg11({ personalNumber: 'A1' }))).toEqual({
      personalNumber: 'A1',
      otherNames: [],
      tags: [0x5f10],
    });
  });

  it('reads a full date of birth written as 4 BCD bytes, and unknown month/day as a partial date', () => {
    // 6B 0B 5C 02 5F2B 5F2B 04 19 71 09 14
    expect(parseDg11(unhex('6B0B5C025F2B5F2B0419710914')).fullDateOfBirth).toEqual({
      year: 1971,
      month: 9,
      day: 14,
    });
    expect(parseDg11(encodeDg11({ fullDateOfBirth: '19710000' })).fullDateOfBirth).toEqual({ year: 1971 });
    expect(parseDg11(encodeDg11({ fullDateOfBirth: '19710900' })).fullDateOfBirth).toEqual({
      year: 1971,
      month: 9,
    });
  });

  it('refuses impossible dates with ERR_CHIP_VALUE', () => {
    for (const bad of ['19710231', '1971-9-1', '197109', '19711301', 'ABCDEFGH']) {
      expect(() => parseDg11(encodeDg11({ fullDateOfBirth: bad })), bad).toThrowError(
        expect.objectContaining({ code: 'ERR_CHIP_VALUE' }),
      );
    }
  });

  it('keeps other names written without the A0 template', () => {
    const bytes = unhex(`6B0E5C025F0F5F0F07${ascii('DOE<<JO')}`);
    expect(parseDg11(bytes).otherNames).toEqual(['DOE<<JO']);
  });

  it('refuses a count of other names that does not match, a field given twice, another file', () => {
    // A0 { 02 01 02, 5F0F 01 41 }: count 2, one name.
    expect(() => parseDg11(unhex('6B0B5C00A0070201025F0F0141'))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_STRUCTURE' }),
    );
    expect(() => parseDg11(unhex('6B0A5C005F1001415F100142'))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_STRUCTURE' }),
    );
    expect(() => parseDg11(encodeDg12({}))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_FILE_TAG' }),
    );
    expect(() => parseDg11(unhex('6B035C015F'))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_STRUCTURE' }),
    );
  });
});

describe('parseDg12 (ICAO 9303-10 §4.7.12)', () => {
  it('reads every field the encoder writes', () => {
    const front = Uint8Array.of(0xff, 0xd8, 1);
    const rear = Uint8Array.of(0xff, 0xd8, 2);
    const dg12 = parseDg12(
      encodeDg12({
        issuingAuthority: 'MINISTRY OF FOREIGN AFFAIRS',
        dateOfIssue: '20210503',
        otherPersons: ['DOE<<ANNA', 'DOE<<PETER'],
        endorsements: 'VALID FOR ALL COUNTRIES',
        taxOrExitRequirements: 'NONE',
        frontImage: front,
        rearImage: rear,
        personalizationTime: '20210503142501',
        personalizationSystemSerialNumber: 'PS-0042',
      }),
    );
    expect(dg12).toEqual({
      issuingAuthority: 'MINISTRY OF FOREIGN AFFAIRS',
      dateOfIssue: { year: 2021, month: 5, day: 3 },
      otherPersons: ['DOE<<ANNA', 'DOE<<PETER'],
      endorsements: 'VALID FOR ALL COUNTRIES',
      taxOrExitRequirements: 'NONE',
      frontImage: front,
      rearImage: rear,
      personalizationTime: '2021-05-03T14:25:01',
      personalizationSystemSerialNumber: 'PS-0042',
      tags: [0x5f19, 0x5f26, 0xa0, 0x5f1b, 0x5f1c, 0x5f1d, 0x5f1e, 0x5f55, 0x5f56],
    });
  });

  it('reads a date of issue in BCD and a personalization time in 7 BCD bytes', () => {
    // 6C 17 | 5C 04 5F26 5F55 | 5F26 04 20210503 | 5F55 07 20210503142501
    const dg12 = parseDg12(unhex('6C175C045F265F555F2604202105035F550720210503142501'));
    expect(dg12.dateOfIssue).toEqual({ year: 2021, month: 5, day: 3 });
    expect(dg12.personalizationTime).toBe('2021-05-03T14:25:01');
  });

  it('refuses a personalization time that is not CCYYMMDDhhmmss', () => {
    for (const bad of ['2021050314250', '20210503246000', '20210230142501', 'x0210503142501']) {
      expect(() => parseDg12(encodeDg12({ personalizationTime: bad })), bad).toThrowError(
        expect.objectContaining({ code: 'ERR_CHIP_VALUE' }),
      );
    }
  });
});

describe('parseDg11 and parseDg12 on hostile bytes', () => {
  const parsers = { parseDg11, parseDg12 };
  for (const [name, parse] of Object.entries(parsers)) {
    it(`${name} answers the shared hostile inputs with a CancuocError`, () => {
      for (const bytes of hostileBytes) {
        try {
          parse(bytes);
        } catch (e) {
          expect(isCancuocError(e), `${name}: ${String(e)}`).toBe(true);
        }
      }
    });
  }

  it('answers random bytes and mutated files with a result or a CancuocError (fast-check)', () => {
    const seeds = [
      encodeDg11({
        fullName: 'A<<B',
        otherNames: ['C'],
        fullDateOfBirth: '19710914',
        placeOfBirth: ['X', 'Y'],
        proofOfCitizenship: Uint8Array.of(1, 2),
      }),
      encodeDg12({
        issuingAuthority: 'Z',
        dateOfIssue: '20210503',
        otherPersons: ['P'],
        personalizationTime: '20210503142501',
      }),
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .tuple(fc.constantFrom(0x6b, 0x6c), fc.uint8Array({ maxLength: 64 }))
            .map(([tag, b]) => Uint8Array.of(tag, ...b)),
          fc
            .tuple(
              fc.nat({ max: seeds.length - 1 }),
              fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
              fc.nat(),
            )
            .map(([which, edits, cut]) => {
              const m = seeds[which]!.slice();
              for (const [at, v] of edits) m[at % m.length] = v;
              return m.subarray(0, cut % (m.length + 1));
            }),
        ),
        (bytes) => {
          for (const parse of [parseDg11, parseDg12]) {
            try {
              parse(bytes);
            } catch (e) {
              if (!isCancuocError(e)) throw e;
            }
          }
          expect(typeof safeParseDg11(bytes).success).toBe('boolean');
          expect(typeof safeParseDg12(bytes).success).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips arbitrary field values (fast-check)', () => {
    const field = fc
      .string({ unit: fc.constantFrom(...'ABCXYZ0129 ÄÖÜđếợ-,.'.split('')), minLength: 1, maxLength: 20 })
      .filter((s) => s.trim() === s && !s.includes('<'));
    fc.assert(
      fc.property(
        fc.record(
          {
            fullName: field,
            personalNumber: field,
            telephone: field,
            otherNames: fc.array(field, { minLength: 1, maxLength: 3 }),
            placeOfBirth: fc.array(field, { minLength: 1, maxLength: 3 }),
            fullDateOfBirth: fc
              .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
              .map((d) => d.toISOString().slice(0, 10).replace(/-/g, '')),
          },
          { requiredKeys: [] },
        ),
        (fields) => {
          const dg11 = parseDg11(encodeDg11(fields));
          expect(dg11.fullName).toBe(fields.fullName);
          expect(dg11.personalNumber).toBe(fields.personalNumber);
          expect(dg11.telephone).toBe(fields.telephone);
          expect(dg11.otherNames).toEqual(fields.otherNames ?? []);
          expect(dg11.placeOfBirth).toEqual(fields.placeOfBirth);
          if (fields.fullDateOfBirth) {
            const d = fields.fullDateOfBirth;
            expect(dg11.fullDateOfBirth).toEqual({
              year: Number(d.slice(0, 4)),
              month: Number(d.slice(4, 6)),
              day: Number(d.slice(6)),
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
