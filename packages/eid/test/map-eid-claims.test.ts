import { isCancuocError } from '@cancuoc/core';
import { formatPersonalId } from '@cancuoc/id-number';
import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eidErrorMessages, eidIdentityToResident, mapEidClaims } from '../src/index.js';

// Field names and formats of the national portal's userinfo (shared/reference/integrations.md §1.1).
const userinfo = {
  sub: '6f1c2a4e-0b7d-4c39-9e51-2d8a7b3c9f10',
  TechID: 'a3e9b1c2-5d4f-4e8a-9b7c-1f2e3d4c5b6a',
  LoaiTaiKhoan: '1',
  HoVaTen: 'Trần Thị Mẫu',
  SoDinhDanh: '079301005678',
  NgayThangNamSinh: '20011120',
  loginIdp: 'BCA',
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isCancuocError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a CancuocError');
}

describe('mapEidClaims', () => {
  it('maps the national userinfo claims to a typed identity', () => {
    const identity = mapEidClaims(userinfo, { issuer: 'https://xacthuc.dichvucong.gov.vn' });
    expect(identity).toMatchObject({
      sub: userinfo.sub,
      issuer: 'https://xacthuc.dichvucong.gov.vn',
      personalId: '079301005678',
      fullName: 'Trần Thị Mẫu',
      dateOfBirth: { year: 2001, month: 11, day: 20 },
      sex: 'female',
      accountType: '1',
      loginIdp: 'BCA',
      techId: userinfo.TechID,
    });
    expect(identity.claims).toEqual(userinfo);
  });

  it('falls back to the standard claims name and birthdate, and to a 12-digit preferred_username', () => {
    const identity = mapEidClaims({
      sub: 'k-1',
      name: 'Nguyen  Van   Thu',
      birthdate: '1999-05-15',
      preferred_username: '001099001234',
      email: 'a@example.test',
      phone_number: '+84900000000',
    });
    expect(identity.fullName).toBe('Nguyen Van Thu');
    expect(identity.dateOfBirth).toEqual({ year: 1999, month: 5, day: 15 });
    expect(identity.personalId).toBe('001099001234');
    expect(identity.email).toBe('a@example.test');
    expect(identity.phoneNumber).toBe('+84900000000');
    expect(mapEidClaims({ sub: 'k-2', preferred_username: 'someone' }).personalId).toBeUndefined();
  });

  it('normalises a decomposed (NFD) name to NFC', () => {
    const nfd = 'Trần Thị Mẫu'.normalize('NFD');
    expect(mapEidClaims({ ...userinfo, HoVaTen: nfd }).fullName).toBe('Trần Thị Mẫu');
  });

  it('keeps a year-only birth date written as yyyy0000', () => {
    const identity = mapEidClaims({ ...userinfo, NgayThangNamSinh: '20010000' });
    expect(identity.dateOfBirth).toEqual({ year: 2001 });
  });

  it('rejects a missing sub (ERR_EID_CLAIMS)', () => {
    const { sub: _, ...rest } = userinfo;
    expect(codeOf(() => mapEidClaims(rest))).toBe('ERR_EID_CLAIMS');
  });

  it('rejects claims of the wrong type (ERR_EID_CLAIMS)', () => {
    expect(codeOf(() => mapEidClaims({ ...userinfo, HoVaTen: ['a'] }))).toBe('ERR_EID_CLAIMS');
    expect(codeOf(() => mapEidClaims({ ...userinfo, sub: { id: 1 } }))).toBe('ERR_EID_CLAIMS');
    expect(codeOf(() => mapEidClaims(null as never))).toBe('ERR_EID_CLAIMS');
  });

  it('rejects a malformed NgayThangNamSinh (ERR_EID_CLAIMS)', () => {
    for (const bad of ['20/11/2001', '20011131', '2001-11-20', 'x']) {
      expect(codeOf(() => mapEidClaims({ ...userinfo, NgayThangNamSinh: bad }))).toBe('ERR_EID_CLAIMS');
    }
  });

  it('rejects an invalid personal ID without putting the full number in the error (ERR_EID_PERSONAL_ID)', () => {
    for (const bad of ['07930100567', '999301005678', '07930100567x', '079 301 005 678']) {
      let error: unknown;
      try {
        mapEidClaims({ ...userinfo, SoDinhDanh: bad });
      } catch (e) {
        error = e;
      }
      expect(isCancuocError(error) && error.code).toBe('ERR_EID_PERSONAL_ID');
      expect(JSON.stringify(error)).not.toContain(bad.replace(/\D/g, '').slice(0, 10));
    }
  });

  it('rejects a birth year that contradicts the personal ID (ERR_EID_CLAIMS)', () => {
    expect(codeOf(() => mapEidClaims({ ...userinfo, NgayThangNamSinh: '19991120' }))).toBe('ERR_EID_CLAIMS');
  });

  it('answers every hostile string in every claim with a clean result or a CancuocError', () => {
    for (const text of hostileStrings) {
      for (const claim of ['sub', 'SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'birthdate', 'LoaiTaiKhoan']) {
        try {
          mapEidClaims({ ...userinfo, [claim]: text });
        } catch (error) {
          expect(isCancuocError(error)).toBe(true);
        }
      }
    }
  });

  it('never throws anything but a CancuocError on arbitrary claims (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...Object.keys(userinfo), 'name', 'birthdate'), fc.anything()),
        (c) => {
          try {
            mapEidClaims(c);
          } catch (error) {
            expect(isCancuocError(error)).toBe(true);
          }
        },
      ),
    );
  });

  it('maps every valid ID and matching birth date back unchanged (property)', () => {
    const thisYear = new Date().getUTCFullYear() - 1;
    fc.assert(
      fc.property(
        fc.constantFrom('001', '079', '048', '092'),
        fc.constantFrom('male' as const, 'female' as const),
        fc.date({ min: new Date('1900-01-01'), max: new Date(`${thisYear}-12-31`), noInvalidDate: true }),
        fc.stringMatching(/^\d{6}$/),
        (code, sex, date, serial) => {
          const birthYear = date.getUTCFullYear();
          const personalId = formatPersonalId({ birthPlaceCode: code, sex, birthYear, serial });
          const ymd = date.toISOString().slice(0, 10).replace(/-/g, '');
          const identity = mapEidClaims({ sub: 's', SoDinhDanh: personalId, NgayThangNamSinh: ymd });
          expect(identity.personalId).toBe(personalId);
          expect(identity.sex).toBe(sex);
          expect(identity.dateOfBirth).toEqual({
            year: birthYear,
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
          });
        },
      ),
    );
  });
});

describe('eidIdentityToResident', () => {
  it('builds a validated resident record with the sex from the ID and nationality VNM', () => {
    const resident = eidIdentityToResident(mapEidClaims(userinfo));
    expect(resident).toEqual({
      personalId: '079301005678',
      fullName: 'Trần Thị Mẫu',
      dateOfBirth: { year: 2001, month: 11, day: 20 },
      sex: 'female',
      nationality: 'VNM',
    });
  });

  it('refuses an identity without the national claims (ERR_EID_CLAIMS)', () => {
    expect(codeOf(() => eidIdentityToResident(mapEidClaims({ sub: 'only-sub' })))).toBe('ERR_EID_CLAIMS');
  });
});

describe('eidErrorMessages', () => {
  it('has an English and a Vietnamese message for every code', () => {
    for (const [code, pair] of Object.entries(eidErrorMessages)) {
      expect(code).toMatch(/^ERR_EID_[A-Z_]+$/);
      expect(pair.en.length).toBeGreaterThan(10);
      expect(pair.vi.length).toBeGreaterThan(10);
      expect(pair.vi).not.toBe(pair.en);
    }
  });
});
