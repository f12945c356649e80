/**
 * `@cancuoc/schemas`: zod v4 schemas and inferred types for Vietnamese resident records,
 * addresses (3-level before 1 July 2025, 2-level after), identity documents, the 54 GSO
 * ethnic groups, religions, nationalities and the data read from a citizen card, with
 * bilingual, coded validation issues.
 *
 * @packageDocumentation
 */

/** Addresses and their administrative units. */
export { Address, CommuneRef, DistrictRef, ProvinceRef } from './address.js';
/** What a citizen card says, from its QR code, chip or MRZ. */
export { CardData, CardDataSource, CardKind } from './card-data.js';
/** Card data → resident record. */
export { cardDataToResident } from './card-data-to-resident.js';
/** Addresses held to the units in force on a date. */
export { type AddressSchemaOptions, createAddressSchema } from './create-address-schema.js';
/** Error and issue codes with their English and Vietnamese messages. */
export { type SchemasErrorCode, schemasErrorMessages } from './errors.js';
/** Ethnicity (dân tộc): the 54 GSO codes. */
export { Ethnicity, type EthnicityEntry, ethnicities, findEthnicity } from './ethnicity.js';
/** Identity documents. */
export { IdentityDocument, IdentityDocumentKind } from './identity-document.js';
/** zod issues → cancuoc issues. */
export { mapZodIssues } from './map-zod-issues.js';
/** Nationality and country codes. */
export {
  CountryCode,
  DEFAULT_NATIONALITY,
  isCountryCode,
  isoCountryCodes,
  Nationality,
  nationalityFromText,
} from './nationality.js';
/** Partial dates. */
export { coercePartialDate, PartialDateInput, PartialDateSchema } from './partial-date.js';
/** Full names. */
export { FullName, type NameParts, splitFullName } from './person-name.js';
/** References to relatives. */
export { PersonRef } from './person-ref.js';
/** Personal ID number fields. */
export { PersonalIdString } from './personal-id-string.js';
/** Religion (tôn giáo). */
export { Religion, type ReligionEntry, religions } from './religion.js';
/** The resident record. */
export { ResidentRecord } from './resident-record.js';
/** Sex. */
export { Sex } from './sex.js';
/** Validation with cancuoc issues. */
export {
  parseResident,
  type ResidentValidation,
  safeParseResident,
  type ValidateResidentOptions,
  validateResident,
} from './validate-resident.js';
