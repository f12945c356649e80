/**
 * `@cancuoc/admin-units`: Vietnam's provinces before and after the 1 July 2025 merger (63 → 34,
 * GSO codes), the merge map of Resolution 202/2025/QH15, the birth-place codes that open a
 * personal ID number (provinces `001`–`096`, countries `101`–`295`), date-aware lookups, and a
 * validating loader for commune lists.
 *
 * @packageDocumentation
 */

/** Lookups over a validated commune list. */
export { type CommuneIndex, createCommuneIndex } from './create-commune-index.js';
/** Country codes 101–295 for births registered abroad (Circular 07/2016/TT-BCA). */
export { birthCountries } from './data/birth-countries.js';
/** Dated changes to provinces after 1 July 2025, verified against the act's text. */
export { provinceChanges } from './data/province-changes.js';
/** The 63 provinces in force until 30 June 2025. */
export { provincesBefore2025 } from './data/provinces-before-2025.js';
/** The 34 provinces from 1 July 2025 and the merge map. */
export { provinceMerges, provincesFrom2025 } from './data/provinces-from-2025.js';
/** Error codes of this package and their messages. */
export { type AdminUnitsErrorCode, adminUnitsErrorMessages } from './errors.js';
/** The province named in a free-text address. */
export { findProvinceInText } from './find-province-in-text.js';
/** The old provinces a province of the 34 was formed from. */
export { getFormerProvinces } from './get-former-provinces.js';
/** The province bearing a code on a date. */
export { type AtDateOptions, getProvince } from './get-province.js';
/** Where an old province went on 1 July 2025. */
export { getSuccessorProvince } from './get-successor-province.js';
/** The provinces in force on a date. */
export { listProvinces } from './list-provinces.js';
/** Decoding of the birth-place code of a personal ID number. */
export { lookupBirthPlace } from './lookup-birth-place.js';
/** A validating loader for commune lists. */
export {
  type Commune,
  type CommuneType,
  type ParseCommuneListOptions,
  parseCommuneList,
} from './parse-commune-list.js';
/** A validating loader for a newer table of dated province changes. */
export { parseProvinceChanges } from './parse-province-changes.js';
/** Shared shapes. */
export type {
  AbroadBirthPlace,
  BirthCountry,
  BirthPlace,
  DateInput,
  Province,
  ProvinceBirthPlace,
  ProvinceChange,
  ProvinceChangeKind,
  ProvinceChangeSource,
  ProvinceChangeTable,
  ProvinceMerge,
  ProvinceState,
} from './types.js';
