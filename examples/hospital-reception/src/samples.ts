/**
 * Synthetic patients to try the reception page without a real card or gateway account: each has
 * a card QR photo (the CCCD QR, or the BHYT card QR) and some a software chip card signed by a
 * test PKI. Names and numbers are invented and match the simulator's registry
 * (`insuredTestPeople` of `@cancuoc/testkit`), except the wrong-name patient, whose card spells
 * the name differently from the insurance record.
 */
import { parsePartialDate } from '@cancuoc/core';
import { formatCardQr, formatInsuranceQr } from '@cancuoc/qr';
import {
  createRandom,
  embed,
  greyToPng,
  issueTestCard,
  photoBackground,
  renderQrImage,
  type TestCard,
  type TestPerson,
  type TestPki,
} from '@cancuoc/testkit';

/** A sample patient. */
export interface Sample {
  readonly key: string;
  readonly label: string;
  readonly labelEn: string;
  /** Text of the QR on the card. */
  readonly qrText: string;
  /** Holder of the software chip card, when the sample has one. */
  readonly chipHolder?: Partial<TestPerson>;
}

const holder = (personalId: string, fullName: string, dateOfBirth: string, sex: 'male' | 'female') => ({
  personalId,
  fullName,
  dateOfBirth,
  sex,
});

function cardQr(person: ReturnType<typeof holder>): string {
  return formatCardQr({
    personalId: person.personalId,
    fullName: person.fullName,
    dateOfBirth: parsePartialDate(person.dateOfBirth),
    sex: person.sex,
    permanentResidence: 'Số 1 Phố Thử, Phường Mẫu, Hà Nội',
    dateOfIssue: { year: 2021, month: 5, day: 10 },
  });
}

const an = holder('001099012345', 'Nguyễn Văn An', '15/01/1999', 'male');
const binh = holder('079185001234', 'Trần Thị Bình', '20/03/1985', 'female');
// The insurance record says "Hoàng Văn Em"; the ID card says "Hoàng Văn Êm".
const em = holder('001090005678', 'Hoàng Văn Êm', '05/07/1990', 'male');
const giang = holder('001192000003', 'Phạm Thị Giang', '09/09/1992', 'female');

/** The samples the page offers. */
export const samples: readonly Sample[] = [
  { key: 'insured', label: 'Có BHYT', labelEn: 'Insured', qrText: cardQr(an), chipHolder: an },
  { key: 'expired', label: 'Thẻ hết hạn', labelEn: 'Expired card', qrText: cardQr(binh), chipHolder: binh },
  { key: 'wrong-name', label: 'Sai họ tên', labelEn: 'Name differs', qrText: cardQr(em), chipHolder: em },
  { key: 'renewed', label: 'Đã cấp thẻ mới', labelEn: 'New card issued', qrText: cardQr(giang) },
  {
    key: 'bhyt-qr',
    label: 'Mã QR thẻ BHYT',
    labelEn: 'BHYT card QR',
    qrText: formatInsuranceQr({
      cardCode: 'DN4010120012345',
      fullName: an.fullName,
      dateOfBirth: parsePartialDate(an.dateOfBirth),
      sex: 'male',
      primaryCareFacility: '01001',
      validFrom: { year: 2025, month: 1, day: 1 },
      validTo: null,
      dateOfIssue: { year: 2024, month: 12, day: 15 },
    }),
  },
];

/** PNG of a phone photo of the sample's QR: the code turned a little on a textured background. */
export function samplePhoto(sample: Sample, seed: number): Uint8Array {
  const qr = renderQrImage(sample.qrText, { moduleSize: 4 });
  const random = createRandom(seed);
  const background = photoBackground(qr.width + 120, qr.height + 120, random);
  return greyToPng(embed(qr, background, 60, 60, 4));
}

/** Signed chip images of the samples that have a chip, all under one test PKI. */
export async function issueSampleCards(pki: TestPki): Promise<Map<string, TestCard>> {
  const cards = new Map<string, TestCard>();
  for (const sample of samples) {
    if (sample.chipHolder) cards.set(sample.key, await issueTestCard(sample.chipHolder, { pki }));
  }
  return cards;
}
