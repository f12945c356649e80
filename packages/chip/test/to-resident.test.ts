import { issueTestCard, type TestCard } from '@cancuoc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCardData, toResident } from '../src/index.js';

let card: TestCard;
beforeAll(async () => {
  card = await issueTestCard({}, { pkiOptions: { algorithm: 'ecdsa-p256' } });
});

describe('toResident', () => {
  it('maps DG13 and DG1 to a resident record with the photo', () => {
    const resident = toResident({ dataGroups: card.files.dataGroups });
    expect(resident).toMatchObject({
      personalId: '001099012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: { year: 1999, month: 1, day: 15 },
      sex: 'male',
      nationality: 'VNM',
      ethnicity: { code: '01', name: 'Kinh' },
      religion: { name: 'Không' },
      placeOfOrigin: { text: card.person.placeOfOrigin },
      permanentResidence: { text: card.person.permanentResidence },
      legacyIds: ['012345678'],
      father: { fullName: 'Nguyễn Văn Bình' },
      mother: { fullName: 'Trần Thị Cúc' },
      documents: [
        { kind: 'citizen-card', number: '001099012345', dateOfIssue: { year: 2021, month: 5, day: 10 } },
      ],
    });
    expect(resident.photo?.mimeType).toBe('image/jpeg');
  });

  it('uses the Căn cước labels for a card issued after 1 July 2024', async () => {
    const c = await issueTestCard({ dateOfIssue: '02/08/2024' }, { pki: card.pki });
    const resident = toResident({ dataGroups: { 13: c.files.dataGroups[13]! } });
    expect(resident.placeOfBirthRegistration).toEqual({ text: c.person.placeOfOrigin });
    expect(resident.currentResidence).toEqual({ text: c.person.permanentResidence });
    expect(resident.documents?.[0]?.kind).toBe('can-cuoc');
    expect(resident.photo).toBeUndefined();
  });

  it('falls back to DG1 when DG13 is absent', () => {
    const data = toCardData({ dataGroups: { 1: card.files.dataGroups[1]! } });
    expect(data).toMatchObject({
      personalId: '001099012345',
      fullName: 'NGUYEN VAN AN',
      sex: 'male',
      source: 'chip',
    });
  });

  it('rejects a DG1 and a DG13 of two different people', async () => {
    const other = await issueTestCard({ personalId: '001099054321' }, { pki: card.pki });
    expect(() =>
      toResident({ dataGroups: { 1: other.files.dataGroups[1]!, 13: card.files.dataGroups[13]! } }),
    ).toThrowError(expect.objectContaining({ code: 'ERR_CHIP_VALUE' }));
  });

  it('rejects input with neither DG13 nor DG1', () => {
    expect(() => toResident({ dataGroups: {} })).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_STRUCTURE' }),
    );
  });

  it('reports a DG13 whose ID disagrees with its sex as a schema error', async () => {
    const c = await issueTestCard({ sex: 'female' }, { pki: card.pki });
    expect(() => toResident({ dataGroups: { 13: c.files.dataGroups[13]! } })).toThrowError(
      expect.objectContaining({ code: 'ERR_SCHEMA_INVALID' }),
    );
  });
});
