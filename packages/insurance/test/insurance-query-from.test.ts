import { toCardData, toResident } from '@cancuoc/chip';
import type { EidIdentity } from '@cancuoc/eid';
import { formatCardQr, formatInsuranceQr, parseCardQr, parseInsuranceQr, readIdentityQr } from '@cancuoc/qr';
import { CardData, cardDataToResident } from '@cancuoc/schemas';
import { issueTestCard } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { insuranceQueryFrom } from '../src/index.js';
import { client, gateway } from './helpers.js';

const AN = {
  personalId: '001099012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: { year: 1999, month: 1, day: 15 },
};

const cardData = CardData.parse({ cardKind: 'cccd-2021', source: 'qr', ...AN, sex: 'male' });
const cardQrText = formatCardQr({ ...AN, sex: 'male', dateOfIssue: { year: 2021, month: 5, day: 10 } });
const bhytQrText = formatInsuranceQr({
  cardCode: 'DN4010120012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: AN.dateOfBirth,
  sex: 'male',
  primaryCareFacility: '01001',
  validFrom: { year: 2025, month: 1, day: 1 },
  validTo: null,
  dateOfIssue: { year: 2024, month: 12, day: 15 },
});
const identity: EidIdentity = {
  sub: '6f1c2a4e-0b7d-4c39-9e51-2d8a7b3c9f10',
  issuer: 'https://xacthuc.example.test',
  personalId: AN.personalId,
  fullName: AN.fullName,
  dateOfBirth: AN.dateOfBirth,
  claims: {},
};

describe('insuranceQueryFrom', () => {
  it('reads CardData, a ResidentRecord, a card QR, an e-ID identity and typed fields by the personal ID', () => {
    const expected = { personalId: AN.personalId, fullName: AN.fullName, dateOfBirth: AN.dateOfBirth };
    expect(insuranceQueryFrom(cardData)).toEqual(expected);
    expect(insuranceQueryFrom(cardDataToResident(cardData))).toEqual(expected);
    expect(insuranceQueryFrom(parseCardQr(cardQrText))).toEqual(expected);
    expect(insuranceQueryFrom(readIdentityQr(cardQrText))).toEqual(expected);
    expect(insuranceQueryFrom(identity)).toEqual(expected);
    expect(
      insuranceQueryFrom({ personalId: AN.personalId, fullName: AN.fullName, dateOfBirth: '15/01/1999' }),
    ).toEqual({
      ...expected,
      dateOfBirth: '15/01/1999',
    });
  });

  it('reads a BHYT QR by its card code', () => {
    const expected = { cardCode: 'DN4010120012345', fullName: AN.fullName, dateOfBirth: AN.dateOfBirth };
    expect(insuranceQueryFrom(parseInsuranceQr(bhytQrText))).toEqual(expected);
    expect(insuranceQueryFrom(readIdentityQr(bhytQrText))).toEqual(expected);
  });

  it('reads the chip’s toCardData and toResident', async () => {
    const card = await issueTestCard();
    const expected = { personalId: '001099012345', fullName: 'Nguyễn Văn An', dateOfBirth: AN.dateOfBirth };
    expect(insuranceQueryFrom(toCardData({ dataGroups: card.files.dataGroups }))).toEqual(expected);
    expect(insuranceQueryFrom(toResident({ dataGroups: card.files.dataGroups }))).toEqual(expected);
  });

  it('names what is missing, e.g. an e-ID login without SoDinhDanh', () => {
    const { personalId: _, ...anonymous } = identity;
    expect(() => insuranceQueryFrom(anonymous)).toThrow(
      expect.objectContaining({
        code: 'ERR_INSURANCE_SOURCE',
        details: expect.objectContaining({ missing: ['personalId'] }),
      }),
    );
    expect(() => insuranceQueryFrom({})).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ missing: ['personalId', 'fullName', 'dateOfBirth'] }),
      }),
    );
    expect(() => insuranceQueryFrom(null as never)).toThrow(TypeError);
  });

  it('makes "read card → check insurance" two lines, from every source', async () => {
    const gw = await gateway();
    const bhyt = client(gw);
    const sources = [
      cardData,
      parseCardQr(cardQrText),
      parseInsuranceQr(bhytQrText),
      readIdentityQr(bhytQrText),
      identity,
    ];
    for (const source of sources) {
      expect((await bhyt.checkCard(insuranceQueryFrom(source))).code).toBe('000');
    }
  });
});
