/**
 * Synthetic card photos for trying the page without a real card: a testkit person's card QR,
 * rendered and laid on a photo-like background, slightly turned, as a phone photographs a card on
 * a desk. Synthetic data only: the person and numbers come from `@cancuoc/testkit`.
 */
import { parsePartialDate } from '@cancuoc/core';
import { formatCardQr } from '@cancuoc/qr';
import {
  createRandom,
  embed,
  greyToPng,
  photoBackground,
  renderQrImage,
  type TestPerson,
  testPerson,
} from '@cancuoc/testkit';

/** The text of a synthetic person's card QR (what the card's QR code holds). */
export function cardQrText(person: TestPerson = testPerson): string {
  return formatCardQr({
    personalId: person.personalId,
    ...(person.legacyId ? { legacyId: person.legacyId } : {}),
    fullName: person.fullName,
    dateOfBirth: parsePartialDate(person.dateOfBirth),
    sex: person.sex,
    permanentResidence: person.permanentResidence,
    dateOfIssue: parsePartialDate(person.dateOfIssue),
  });
}

/**
 * PNG bytes of a photo of the person's card QR: the code turned by `degrees` on a textured
 * background (seeded, so every run makes the same picture).
 */
export function cardQrPhoto(
  person: TestPerson = testPerson,
  options: { seed?: number; degrees?: number } = {},
) {
  const qr = renderQrImage(cardQrText(person), { moduleSize: 5 });
  const random = createRandom(options.seed ?? 7);
  const background = photoBackground(qr.width + 260, qr.height + 180, random);
  return greyToPng(embed(qr, background, 130, 90, options.degrees ?? 6));
}
