/**
 * From what a card says to the resident record: the one mapping every reader (QR, chip, MRZ)
 * shares, so that integrations only ever handle `ResidentRecord`s.
 */
import type { Address } from './address.js';
import { CardData } from './card-data.js';
import { fail } from './errors.js';
import { findEthnicity } from './ethnicity.js';
import type { IdentityDocument } from './identity-document.js';
import { mapZodIssues } from './map-zod-issues.js';
import { DEFAULT_NATIONALITY, nationalityFromText } from './nationality.js';
import { ResidentRecord } from './resident-record.js';

const line = (text: string | undefined): Address | undefined => (text === undefined ? undefined : { text });

function invalid(issues: ReturnType<typeof mapZodIssues>): never {
  const first = issues[0]!;
  throw fail(
    'ERR_SCHEMA_INVALID',
    { count: issues.length, first: first.message, firstVi: first.messageVi },
    { issues },
  );
}

/**
 * Turns the data of a citizen card into a resident record:
 * - nationality `Việt Nam` → `VNM` (the card is issued to citizens only, Law on Identification
 *   26/2023/QH15 Art. 3(11), so an absent nationality is `VNM` too);
 * - ethnicity `Kinh` → `{ code: '01', name: 'Kinh' }` (the GSO code when the name is known);
 *   religion → `{ name }`;
 * - DG13 field 8 → `placeOfOrigin` on the 2021 card, `placeOfBirthRegistration` on the Căn
 *   cước card (its printed label is "Nơi đăng ký khai sinh"); field 9 → `permanentResidence` on
 *   the 2021 card ("Nơi thường trú"), `currentResidence` on the Căn cước card ("Nơi cư trú");
 *   both as a free-text `Address` line;
 * - the card itself → one entry of `documents` (number = personal ID number, with its dates);
 * - the old ID → `legacyIds`; parents and spouse → `PersonRef`s.
 *
 * @throws CancuocError `ERR_SCHEMA_INVALID` with `issues` when the card data is not valid
 *   `CardData` or its nationality is not Viet Nam's.
 * @example
 * ```ts
 * const resident = cardDataToResident({
 *   cardKind: 'cccd-2021', source: 'qr', personalId: '001098012345', fullName: 'NGUYỄN VĂN AN',
 *   dateOfBirth: { year: 1998, month: 8, day: 15 }, sex: 'male', permanentResidence: 'Hà Nội',
 * });
 * resident.permanentResidence; // { text: 'Hà Nội' }
 * ```
 */
export function cardDataToResident(card: CardData): ResidentRecord {
  const parsed = CardData.safeParse(card);
  // On failure, parse again keeping the inputs so that absent fields read as missing.
  if (!parsed.success) invalid(mapZodIssues(CardData.safeParse(card, { reportInput: true }).error!));
  const c = parsed.data;
  const canCuoc = c.cardKind === 'can-cuoc';
  const ethnicity = c.ethnicity === undefined ? undefined : findEthnicity(c.ethnicity);
  const document: IdentityDocument = {
    kind: canCuoc ? 'can-cuoc' : 'citizen-card',
    number: c.personalId,
    ...(c.dateOfIssue === undefined ? {} : { dateOfIssue: c.dateOfIssue }),
    ...(c.dateOfExpiry === undefined ? {} : { dateOfExpiry: c.dateOfExpiry }),
  };
  const record: Record<string, unknown> = {
    personalId: c.personalId,
    fullName: c.fullName,
    dateOfBirth: c.dateOfBirth,
    sex: c.sex,
    nationality: c.nationality === undefined ? DEFAULT_NATIONALITY : nationalityFromText(c.nationality),
    ethnicity:
      c.ethnicity === undefined
        ? undefined
        : ethnicity
          ? { code: ethnicity.code, name: c.ethnicity }
          : { name: c.ethnicity },
    religion: c.religion === undefined ? undefined : { name: c.religion },
    [canCuoc ? 'placeOfBirthRegistration' : 'placeOfOrigin']: line(c.placeOfOrigin),
    [canCuoc ? 'currentResidence' : 'permanentResidence']: line(c.permanentResidence),
    identifyingMarks: c.identifyingMarks,
    legacyIds: c.legacyId === undefined ? undefined : [c.legacyId],
    documents: [document],
    father: c.father === undefined ? undefined : { fullName: c.father },
    mother: c.mother === undefined ? undefined : { fullName: c.mother },
    spouse: c.spouse === undefined ? undefined : { fullName: c.spouse },
  };
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  if (c.nationality !== undefined && record.nationality === undefined) record.nationality = c.nationality;
  const resident = ResidentRecord.safeParse(record);
  if (!resident.success) invalid(mapZodIssues(resident.error));
  return resident.data;
}
