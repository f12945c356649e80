import { comparePartialDates } from '@cancuoc/core';
import type { CardData } from '@cancuoc/schemas';
import type { CardQr } from './parse-card-qr.js';

// Law on Identification 26/2023/QH15 took effect on 1 July 2024: every card issued from that day
// is a Căn cước card (Circular 16/2024/TT-BCA); earlier chip cards are CCCD (Circular 06/2021/TT-BCA).
const CAN_CUOC_SINCE = { year: 2024, month: 7, day: 1 } as const;

/**
 * Turns a parsed card QR code into the `CardData` shape of `@cancuoc/schemas`, the common shape
 * of what a card says whichever way it was read (`source: 'qr'`). The card kind follows from the
 * date of issue: `can-cuoc` from 1 July 2024, `cccd-2021` before. The QR holds no nationality,
 * expiry or parents, so those stay absent; `extra` fields and warnings are not carried over.
 * For a resident record, pass the result to `cardDataToResident` from `@cancuoc/schemas`.
 *
 * @example
 * ```ts
 * import { cardDataToResident } from '@cancuoc/schemas';
 * const card = cardQrToCardData(parseCardQr(scannedText));
 * const resident = cardDataToResident(card);
 * ```
 */
export function cardQrToCardData(qr: CardQr): CardData {
  const canCuoc = (comparePartialDates(qr.dateOfIssue, CAN_CUOC_SINCE) ?? -1) >= 0;
  return {
    cardKind: canCuoc ? 'can-cuoc' : 'cccd-2021',
    source: 'qr',
    personalId: qr.personalId,
    ...(qr.legacyId === undefined ? {} : { legacyId: qr.legacyId }),
    fullName: qr.fullName,
    dateOfBirth: { ...qr.dateOfBirth },
    sex: qr.sex,
    ...(qr.permanentResidence === undefined ? {} : { permanentResidence: qr.permanentResidence }),
    dateOfIssue: { ...qr.dateOfIssue },
  };
}
