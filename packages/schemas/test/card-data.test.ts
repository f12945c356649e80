import { isCancuocError } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import { CardData, cardDataToResident, mapZodIssues, ResidentRecord } from '../src/index.js';
import { goodCard } from './fixtures.js';

const codes = (v: unknown) => {
  const r = CardData.safeParse(v);
  return r.success ? [] : mapZodIssues(r.error).map((i) => [i.path.join('.'), i.code]);
};

function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isCancuocError(error)) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('CardData', () => {
  it('accepts the data of a chip read and of a QR read (fewer fields)', () => {
    expect(codes(goodCard)).toEqual([]);
    expect(
      codes({
        cardKind: 'cccd-2021',
        source: 'qr',
        personalId: '001098012345',
        fullName: 'NGUYỄN VĂN AN',
        dateOfBirth: { year: 1998, month: 8, day: 15 },
        sex: 'male',
        dateOfIssue: { year: 2021, month: 5, day: 25 },
      }),
    ).toEqual([]);
  });

  it('rejects empty text fields: absent card fields are left out', () => {
    expect(codes({ ...goodCard, permanentResidence: '' })).toEqual([
      ['permanentResidence', 'ERR_SCHEMA_EMPTY'],
    ]);
  });

  it('rejects an issue date before birth and an expiry before issue', () => {
    expect(codes({ ...goodCard, dateOfIssue: { year: 1990 } })).toEqual([
      ['dateOfIssue', 'ERR_SCHEMA_DATE_ORDER'],
    ]);
    expect(codes({ ...goodCard, dateOfExpiry: { year: 2020 } })).toEqual([
      ['dateOfExpiry', 'ERR_SCHEMA_DATE_ORDER'],
    ]);
  });

  it('rejects an unknown card kind, source and a malformed old ID', () => {
    expect(codes({ ...goodCard, cardKind: 'cmnd', source: 'nfc', legacyId: '1234' })).toEqual([
      ['cardKind', 'ERR_SCHEMA_VALUE'],
      ['source', 'ERR_SCHEMA_VALUE'],
      ['legacyId', 'ERR_SCHEMA_FORMAT'],
    ]);
  });
});

describe('cardDataToResident', () => {
  it('maps a 2021 card: origin, permanent residence, VNM, ethnicity code, the card as a document', () => {
    const r = cardDataToResident(goodCard);
    expect(ResidentRecord.safeParse(r).success).toBe(true);
    expect(r).toEqual({
      personalId: '001098012345',
      fullName: 'NGUYỄN VĂN AN',
      dateOfBirth: { year: 1998, month: 8, day: 15 },
      sex: 'male',
      nationality: 'VNM',
      ethnicity: { code: '01', name: 'Kinh' },
      religion: { name: 'Không' },
      placeOfOrigin: { text: 'Đông Anh, Hà Nội' },
      permanentResidence: { text: 'Số 12 Lý Thái Tổ, Hoàn Kiếm, Hà Nội' },
      legacyIds: ['012345678'],
      documents: [
        {
          kind: 'citizen-card',
          number: '001098012345',
          dateOfIssue: { year: 2021, month: 5, day: 25 },
          dateOfExpiry: { year: 2038, month: 8, day: 15 },
        },
      ],
      father: { fullName: 'NGUYỄN VĂN BÌNH' },
      mother: { fullName: 'TRẦN THỊ CÚC' },
    });
  });

  it('maps a Căn cước card: birth registration place, residence, no expiry', () => {
    const r = cardDataToResident({
      ...goodCard,
      cardKind: 'can-cuoc',
      dateOfIssue: { year: 2024, month: 8, day: 1 },
      dateOfExpiry: null,
    });
    expect(r.placeOfBirthRegistration).toEqual({ text: 'Đông Anh, Hà Nội' });
    expect(r.currentResidence).toEqual({ text: 'Số 12 Lý Thái Tổ, Hoàn Kiếm, Hà Nội' });
    expect(r.placeOfOrigin).toBeUndefined();
    expect(r.permanentResidence).toBeUndefined();
    expect(r.documents?.[0]).toMatchObject({ kind: 'can-cuoc', dateOfExpiry: null });
  });

  it('keeps an unlisted ethnicity name without a code, and fills VNM when nationality is absent', () => {
    const { nationality: _n, ...noNationality } = goodCard;
    const r = cardDataToResident({ ...noNationality, ethnicity: 'Người Việt gốc Hoa' });
    expect(r.ethnicity).toEqual({ name: 'Người Việt gốc Hoa' });
    expect(r.nationality).toBe('VNM');
  });

  it('fails closed on a nationality that is not Viet Nam and on invalid card data', () => {
    const e1 = thrown(() => cardDataToResident({ ...goodCard, nationality: 'Narnia' }));
    expect(e1.code).toBe('ERR_SCHEMA_INVALID');
    expect(e1.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['nationality', 'ERR_SCHEMA_COUNTRY_CODE'],
    ]);
    const e2 = thrown(() => cardDataToResident({ ...goodCard, fullName: '' }));
    expect(e2.issues.map((i) => i.code)).toEqual(['ERR_SCHEMA_EMPTY']);
    expect(e2.messageVi).toMatch(/^Hồ sơ có 1 lỗi: Họ và tên đang để trống/);
  });
});
