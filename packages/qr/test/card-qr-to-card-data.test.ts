import { isCalendarDate } from '@cancuoc/core';
import { formatPersonalId } from '@cancuoc/id-number';
import { CardData, cardDataToResident } from '@cancuoc/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardQrToCardData, formatCardQr, parseCardQr } from '../src/index.js';

describe('cardQrToCardData', () => {
  it('gives valid CardData of a 2021 CCCD and the resident record from it', () => {
    const qr = parseCardQr(
      '001099012345|012345678|Nguyễn Văn A|15031999|Nam|Số 1 Đường ABC, Phường X, Hà Nội|10052021',
    );
    const card = cardQrToCardData(qr);
    expect(card).toEqual({
      cardKind: 'cccd-2021',
      source: 'qr',
      personalId: '001099012345',
      legacyId: '012345678',
      fullName: 'Nguyễn Văn A',
      dateOfBirth: { year: 1999, month: 3, day: 15 },
      sex: 'male',
      permanentResidence: 'Số 1 Đường ABC, Phường X, Hà Nội',
      dateOfIssue: { year: 2021, month: 5, day: 10 },
    });
    expect(CardData.safeParse(card).success).toBe(true);
    const resident = cardDataToResident(card);
    expect(resident.permanentResidence).toEqual({ text: 'Số 1 Đường ABC, Phường X, Hà Nội' });
    expect(resident.legacyIds).toEqual(['012345678']);
    expect(resident.documents?.[0]).toMatchObject({ kind: 'citizen-card', number: '001099012345' });
  });

  it('calls a card issued from 1 July 2024 a Căn cước card, and one issued the day before a CCCD', () => {
    const on = parseCardQr('001099012345||Nguyễn Văn A|15031999|Nam||01072024|x');
    const before = parseCardQr('001099012345||Nguyễn Văn A|15031999|Nam||30062024');
    expect(cardQrToCardData(on).cardKind).toBe('can-cuoc');
    expect(cardQrToCardData(before).cardKind).toBe('cccd-2021');
    expect(cardQrToCardData(on)).not.toHaveProperty('permanentResidence');
    expect(cardDataToResident(cardQrToCardData(on)).documents?.[0]?.kind).toBe('can-cuoc');
  });

  it('gives CardData the schema accepts for any consistent card QR', () => {
    const date = (min: number, max: number) =>
      fc
        .record({
          year: fc.integer({ min, max }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 31 }),
        })
        .filter((d) => isCalendarDate(d.year, d.month, d.day));
    fc.assert(
      fc.property(
        date(1930, 2010),
        date(2021, 2030),
        fc.constantFrom('male' as const, 'female' as const),
        fc.constantFrom('001', '079', '048', '092'),
        fc.stringMatching(/^\d{6}$/),
        fc.constantFrom('Nguyễn Văn A', 'ĐẶNG THỊ NGỌC ÁNH', 'Lê Ỹ'),
        (dateOfBirth, dateOfIssue, sex, birthPlaceCode, serial, fullName) => {
          const personalId = formatPersonalId({ birthPlaceCode, sex, birthYear: dateOfBirth.year, serial });
          const qr = parseCardQr(formatCardQr({ personalId, fullName, dateOfBirth, sex, dateOfIssue }));
          expect(qr.warnings).toEqual([]);
          const parsed = CardData.safeParse(cardQrToCardData(qr));
          expect(parsed.success).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
