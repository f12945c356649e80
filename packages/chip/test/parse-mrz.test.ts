import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCancuocError } from '@cancuoc/core';
import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bacKeySeed, mrzCheckDigit, parseMrz } from '../src/index.js';
import { hasVectors, hex, vectorJson } from './vectors.js';

interface Specimen {
  id: string;
  format: string;
  lines: string[];
  fields: Record<string, string | boolean>;
}

const VN_TD1 = [
  'IDVNM0990123459001099012345<<0',
  '9901155M3901153VNM<<<<<<<<<<<6',
  'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<',
];
const VN_NO_EXPIRY = [
  'IDVNM0580012341036058001234<<6',
  '5807204M9912315VNM<<<<<<<<<<<4',
  'LE<<VAN<C<<<<<<<<<<<<<<<<<<<<<',
];

describe.skipIf(!hasVectors)('parseMrz on the ICAO specimens', () => {
  const { specimens } = hasVectors
    ? vectorJson<{ mrzSpecimens: { specimens: Specimen[] } }>('icao9303/worked-examples.json').mrzSpecimens
    : { specimens: [] as Specimen[] };
  for (const s of specimens) {
    it(`parses ${s.id} and derives its BAC key seed`, () => {
      if (s.lines.length === 1) return; // line 2 only (Appendix D BAC example)
      if (s.fields.compositeCheckDigitValid === false) {
        // The 9303-10 A.2.1 specimen's composite digit is wrong in the published example.
        expect(() => parseMrz(s.lines.join('\n'))).toThrowError(
          expect.objectContaining({ code: 'ERR_MRZ_CHECK_DIGIT' }),
        );
        return;
      }
      const mrz = parseMrz(s.lines.join('\n'));
      expect(mrz.format).toBe(s.format);
      expect(mrz.documentNumber).toBe(s.fields.documentNumber);
      expect(mrz.raw.dateOfBirth).toBe(s.fields.dateOfBirth);
      expect(mrz.raw.dateOfExpiry).toBe(s.fields.dateOfExpiry);
      expect(mrz.issuingState).toBe(s.fields.issuingState);
      expect(mrz.bacMrzInformation).toBe(s.fields.bacMrzInformation);
      expect(hex(bacKeySeed(mrz))).toBe(s.fields.bacKSeed);
    });
  }
});

describe('parseMrz on Vietnamese TD1', () => {
  it('reads the 12-digit ID from the optional data and the CAN from its last 6 digits', () => {
    const mrz = parseMrz(VN_TD1.join('\n'));
    expect(mrz.format).toBe('TD1');
    expect(mrz.documentNumber).toBe('099012345');
    expect(mrz.personalId).toBe('001099012345');
    expect(mrz.can).toBe('012345');
    expect(mrz.dateOfBirth).toEqual({ year: 1999, month: 1, day: 15 });
    expect(mrz.dateOfExpiry).toEqual({ year: 2039, month: 1, day: 15 });
    expect(mrz.sex).toBe('male');
    expect(mrz.surname).toBe('NGUYEN');
    expect(mrz.givenNames).toBe('VAN A');
    expect(mrz.bacMrzInformation).toBe('099012345999011553901153');
  });

  it('treats 991231 as no expiry and resolves the birth century from the ID', () => {
    const mrz = parseMrz(VN_NO_EXPIRY.join('\n'));
    expect(mrz.dateOfExpiry).toBeNull();
    expect(mrz.dateOfBirth).toEqual({ year: 1958, month: 7, day: 20 });
  });

  it('accepts the zone without line breaks', () => {
    expect(parseMrz(VN_TD1.join('')).personalId).toBe('001099012345');
  });

  it('rejects a wrong check digit of the 12-digit ID', () => {
    const bad = [VN_TD1[0]!.slice(0, 29) + '1', VN_TD1[1], VN_TD1[2]].join('\n');
    expect(() => parseMrz(bad)).toThrowError(expect.objectContaining({ code: 'ERR_MRZ_CHECK_DIGIT' }));
  });

  it('rejects a document number that is not the last 9 digits of the ID', () => {
    // Public sample with disagreeing numbers (shared/reference/cccd-formats.md §2.1), line 1 only.
    const l1 = 'IDVNM0810028357026081042835<<9';
    expect(() => parseMrz([l1, VN_TD1[1], VN_TD1[2]].join('\n'))).toThrow();
  });

  for (const [i, field] of [
    [14, 'document number'],
    [6 + 31, 'date of birth'],
    [14 + 31, 'date of expiry'],
    [29 + 31, 'composite'],
  ] as const) {
    it(`rejects a wrong ${field} check digit`, () => {
      const text = VN_TD1.join('\n');
      const digit = text[i]!;
      const changed = text.slice(0, i) + String((Number(digit) + 1) % 10) + text.slice(i + 1);
      expect(() => parseMrz(changed)).toThrowError(expect.objectContaining({ code: 'ERR_MRZ_CHECK_DIGIT' }));
    });
  }

  it('rejects an impossible date with ERR_MRZ_DATE', () => {
    const l2 = '9902300M3901153VNM<<<<<<<<<<<6';
    const fixed = `${l2.slice(0, 6)}${mrzCheckDigit(l2.slice(0, 6))}${l2.slice(7, 29)}`;
    const composite = mrzCheckDigit(
      VN_TD1[0]!.slice(5, 30) + fixed.slice(0, 7) + fixed.slice(8, 15) + fixed.slice(18, 29),
    );
    expect(() => parseMrz([VN_TD1[0], fixed + composite, VN_TD1[2]].join('\n'))).toThrowError(
      expect.objectContaining({ code: 'ERR_MRZ_DATE' }),
    );
  });

  it('rejects zones of the wrong size', () => {
    expect(() => parseMrz('ABC')).toThrowError(expect.objectContaining({ code: 'ERR_MRZ_FORMAT' }));
  });
});

describe('mrzCheckDigit', () => {
  it('matches the 9303-3 examples', () => {
    expect(mrzCheckDigit('L898902C<')).toBe(3);
    expect(mrzCheckDigit('690806')).toBe(1);
    expect(mrzCheckDigit('D23145890734')).toBe(9);
    expect(mrzCheckDigit('AB2134<<<')).toBe(5);
  });
});

describe('parseMrz on hostile input', () => {
  it('answers every hostile string with a CancuocError', () => {
    for (const s of hostileStrings) {
      try {
        parseMrz(s);
      } catch (e) {
        expect(isCancuocError(e)).toBe(true);
      }
    }
  });

  it('never throws anything but a CancuocError (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        try {
          parseMrz(s);
        } catch (e) {
          if (!isCancuocError(e)) throw e;
        }
      }),
    );
  });

  it('detects any single-character change of a valid zone (property)', () => {
    const text = VN_TD1.join('');
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 59 }), fc.constantFrom(...'0123456789'), (i, c) => {
        fc.pre(text[i] !== c && /[0-9]/.test(text[i]!));
        const changed = text.slice(0, i) + c + text.slice(i + 1);
        let result: ReturnType<typeof parseMrz> | undefined;
        try {
          result = parseMrz(changed);
        } catch (e) {
          expect(isCancuocError(e)).toBe(true);
        }
        expect(result).toBeUndefined();
      }),
    );
  });
});

// ICAO 9303-7 specimens (facts): the Utopian visa of Anna Maria Eriksson, MRV-A and MRV-B.
const MRV_A = [
  'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L8988901C4XXX4009078F96121096ZE184226B<<<<<<',
];
const MRV_B = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];

const externalMrz = fileURLToPath(new URL('../../../../shared/external/mrz/mrz-cases.json', import.meta.url));

describe('parseMrz on machine readable visas (ICAO 9303-7)', () => {
  it('reads the MRV-A specimen (2 × 44, no composite check digit)', () => {
    const mrz = parseMrz(MRV_A.join('\n'));
    expect(mrz).toMatchObject({
      format: 'MRV-A',
      documentCode: 'V<',
      issuingState: 'UTO',
      documentNumber: 'L8988901C',
      nationality: 'XXX',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      sex: 'female',
      dateOfBirth: { year: 1940, month: 9, day: 7 },
      dateOfExpiry: { year: 2096, month: 12, day: 10 },
      optionalData: ['6ZE184226B<<<<<<'],
      bacMrzInformation: 'L8988901C440090789612109',
    });
  });

  it('reads the MRV-B specimen as a visa, not as a TD2 with a wrong composite check digit', () => {
    const mrz = parseMrz(MRV_B.join(''));
    expect(mrz).toMatchObject({
      format: 'MRV-B',
      documentCode: 'V<',
      documentNumber: 'L8988901C',
      optionalData: ['<<<<<<<<'],
    });
  });

  it('still verifies the visa number, birth and expiry check digits', () => {
    for (const [at, field] of [
      [9, 'document number'],
      [19, 'date of birth'],
      [27, 'date of expiry'],
    ] as const) {
      const l2 = MRV_B[1]!;
      const wrong = `${l2.slice(0, at)}${(Number(l2[at]) + 1) % 10}${l2.slice(at + 1)}`;
      expect(() => parseMrz(`${MRV_B[0]}\n${wrong}`), field).toThrowError(
        expect.objectContaining({ code: 'ERR_MRZ_CHECK_DIGIT', details: { field } }),
      );
    }
  });

  it('keeps TD2 and TD3 documents (code not V) on their composite check digit', () => {
    const td2 = `I${MRV_B[0]!.slice(1)}\n${MRV_B[1]}`;
    expect(() => parseMrz(td2)).toThrowError(expect.objectContaining({ code: 'ERR_MRZ_CHECK_DIGIT' }));
  });

  it.skipIf(!existsSync(externalMrz))(
    "reads the peers' visa cases (JMRTD MRZInfoTest) as valid visas",
    () => {
      const { cases } = JSON.parse(readFileSync(externalMrz, 'utf8')) as {
        cases: { id: string; text: string }[];
      };
      const visas = cases.filter((c) => c.text.startsWith('V'));
      expect(visas.length).toBeGreaterThan(0);
      for (const c of visas) {
        const mrz = parseMrz(c.text);
        expect(mrz.format, c.id).toBe(c.text.length === 88 ? 'MRV-A' : 'MRV-B');
      }
    },
  );

  it('answers random visa-shaped zones with a result or a CancuocError (property)', () => {
    const ch = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<'.split(''));
    fc.assert(
      fc.property(fc.constantFrom(36, 44), fc.array(ch, { minLength: 88, maxLength: 88 }), (width, chars) => {
        const body = chars.join('');
        const text = `V${body.slice(0, width - 1)}\n${body.slice(44, 44 + width)}`;
        try {
          const mrz = parseMrz(text);
          expect(mrz.format).toBe(width === 44 ? 'MRV-A' : 'MRV-B');
        } catch (e) {
          if (!isCancuocError(e)) throw e;
        }
      }),
    );
  });

  it('detects any single-digit change in the checked fields of a visa (property)', () => {
    const l2 = MRV_A[1]!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 27 }), fc.constantFrom(...'0123456789'), (i, c) => {
        fc.pre(l2[i] !== c && /[0-9]/.test(l2[i]!) && !(i >= 10 && i <= 12) && i !== 20);
        const changed = `${MRV_A[0]}\n${l2.slice(0, i)}${c}${l2.slice(i + 1)}`;
        let result: ReturnType<typeof parseMrz> | undefined;
        try {
          result = parseMrz(changed);
        } catch (e) {
          expect(isCancuocError(e)).toBe(true);
        }
        expect(result).toBeUndefined();
      }),
    );
  });
});
