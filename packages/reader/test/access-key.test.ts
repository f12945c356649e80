import { mrzCheckDigit } from '@cancuoc/chip';
import { isCancuocError } from '@cancuoc/core';
import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessFromPersonalId, canFromPersonalId, checkAccess } from '../src/access-key.js';
import { vectorsMissing, workedExamples as W } from './helpers/vectors.js';

describe('accessFromPersonalId', () => {
  it('takes the last 9 digits of the ID as document number and converts the dates', () => {
    expect(accessFromPersonalId('001098012345', '12/03/1998', '12/03/2038')).toEqual({
      documentNumber: '098012345',
      dateOfBirth: '980312',
      dateOfExpiry: '380312',
    });
    expect(accessFromPersonalId('001098012345', '1998-03-12', { year: 2038, month: 3, day: 12 })).toEqual({
      documentNumber: '098012345',
      dateOfBirth: '980312',
      dateOfExpiry: '380312',
    });
    expect(accessFromPersonalId(' 001098012345 ', '980312', null).dateOfExpiry).toBe('991231');
  });

  it('rejects a malformed ID or date with ERR_READER_ACCESS_INVALID', () => {
    for (const [id, dob, doe] of [
      ['00109801234', '980312', '380312'],
      ['00109801234a', '980312', '380312'],
      ['001098012345', '1998', '380312'],
      ['001098012345', { year: 1998 }, '380312'],
      ['001098012345', '980312', '12-03-2038'],
    ] as const) {
      expect(() => accessFromPersonalId(id, dob, doe)).toThrow(
        expect.objectContaining({ code: 'ERR_READER_ACCESS_INVALID' }),
      );
    }
    expect(() => accessFromPersonalId(1 as unknown as string, '980312', null)).toThrow(TypeError);
  });

  it('answers hostile strings with a typed error, never anything else', () => {
    for (const s of hostileStrings) {
      for (const call of [
        () => accessFromPersonalId(s, s, s),
        () => checkAccess({ can: s }),
        () => checkAccess({ documentNumber: s, dateOfBirth: s, dateOfExpiry: s }),
      ]) {
        try {
          call();
        } catch (e) {
          expect(isCancuocError(e)).toBe(true);
        }
      }
    }
  });

  it('builds a valid MRZ information string from any 12-digit ID and dates (property)', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    fc.assert(
      fc.property(digits(12), digits(6), digits(6), (id, dob, doe) => {
        const access = accessFromPersonalId(id, dob, doe);
        const checked = checkAccess(access);
        expect(checked).toEqual({
          kind: 'mrz',
          mrzInformation:
            id.slice(3) + mrzCheckDigit(id.slice(3)) + dob + mrzCheckDigit(dob) + doe + mrzCheckDigit(doe),
        });
      }),
    );
  });
});

describe('canFromPersonalId', () => {
  it('takes the last 6 digits and rejects anything but 12 digits', () => {
    expect(canFromPersonalId(' 001098012345 ')).toEqual({ can: '012345' });
    expect(() => canFromPersonalId('0010980123')).toThrow(
      expect.objectContaining({ code: 'ERR_READER_ACCESS_INVALID' }),
    );
    for (const s of hostileStrings) {
      try {
        checkAccess(canFromPersonalId(s));
      } catch (e) {
        expect(isCancuocError(e)).toBe(true);
      }
    }
  });
});

describe.skipIf(vectorsMissing)('MRZ information of the ICAO specimens', () => {
  it('matches bacMrzInformation of every specimen', () => {
    for (const s of W.mrzSpecimens.specimens) {
      const f = s.fields;
      const checked = checkAccess({
        documentNumber: f.documentNumber,
        dateOfBirth: f.dateOfBirth,
        dateOfExpiry: f.dateOfExpiry,
      });
      expect(checked, s.id).toEqual({ kind: 'mrz', mrzInformation: f.bacMrzInformation });
    }
  });
});
