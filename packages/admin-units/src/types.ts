/** Shared shapes of `@cancuoc/admin-units`. */

/**
 * A province-level unit (tỉnh, or thành phố trực thuộc trung ương — a centrally governed city).
 */
export interface Province {
  /** GSO code, two digits (`'24'`). */
  readonly code: string;
  /** Short official name (`'Bắc Giang'`, `'Hồ Chí Minh'`). */
  readonly name: string;
  /** Name with the unit type, as in legal texts (`'Tỉnh Bắc Giang'`, `'Thành phố Hồ Chí Minh'`). */
  readonly fullName: string;
  /** The name without diacritics (`'Bac Giang'`), as MRZ lines and old systems write it. */
  readonly unaccentedName: string;
  /** `'province'` (tỉnh) or `'city'` (thành phố trực thuộc trung ương). */
  readonly type: 'province' | 'city';
}

/** One province of the 34 and the old provinces it was formed from on 1 July 2025. */
export interface ProvinceMerge {
  /** GSO code of the province from 1 July 2025. */
  readonly code: string;
  /** GSO codes of the old provinces (before 1 July 2025) it was formed from. */
  readonly formedFrom: readonly string[];
}

/** A country whose code (101–295) stands for a birth registered abroad in a personal ID number. */
export interface BirthCountry {
  /** Three digits, `'101'`–`'295'`. */
  readonly code: string;
  /** The Vietnamese name as published in Circular 07/2016/TT-BCA (`'Hoa Kỳ (Mỹ)'`). */
  readonly name: string;
  /** The name without diacritics. */
  readonly unaccentedName: string;
  /**
   * ISO 3166-1 alpha-3 code (`'USA'`), as MRZ lines and the `country` of addresses use; assigned by
   * cancuoc from the name, it is not part of the circular.
   */
  readonly iso3: string;
}

/**
 * The place a birth was registered (nơi đăng ký khai sinh), decoded from the first three digits of
 * a personal ID number: a province of Vietnam or, for codes 101–295, a country.
 */
export type BirthPlace = ProvinceBirthPlace | AbroadBirthPlace;

/** A birth registered in a Vietnamese province (codes `001`–`096`). */
export interface ProvinceBirthPlace {
  readonly kind: 'province';
  /** The three-digit code (`'024'`). */
  readonly code: string;
  /** The name of the province the code stands for, as registered (`'Bắc Giang'`). */
  readonly name: string;
  /** The province the code stands for (one of the 63 before 1 July 2025). */
  readonly province: Province;
  /**
   * The province that territory belongs to on the date asked for (by default today): after
   * 1 July 2025 the merged province (`'Bắc Ninh'` for `024`).
   */
  readonly currentProvince: Province;
  /** Whether the registering province has since been merged into another or renamed. */
  readonly merged: boolean;
}

/** A birth registered abroad (codes `101`–`295`). */
export interface AbroadBirthPlace {
  readonly kind: 'abroad';
  /** The three-digit country code (`'175'`). */
  readonly code: string;
  /** The country's Vietnamese name (`'Hoa Kỳ (Mỹ)'`). */
  readonly name: string;
  readonly country: BirthCountry;
}

/**
 * A date the lookups answer for: a `Date` (read in Vietnam's time zone), an ISO `yyyy-MM-dd`
 * string or any form `@cancuoc/core` parses, or a partial date (a missing month or day counts as
 * the first).
 */
export type DateInput =
  | Date
  | string
  | { readonly year: number; readonly month?: number; readonly day?: number };

/** What a dated change does to a province-level unit. */
export type ProvinceChangeKind = 'rename' | 'type-change' | 'merge';

/** The legal act a change rests on. */
export interface ProvinceChangeSource {
  /** The act's number and title as published (`'Nghị quyết số …/2026/QH16 …'`). */
  readonly citation: string;
  /** Where its text is published (an `https:` URL), when known. */
  readonly url?: string;
}

/** A province as one side of a change: the fields of {@link Province}. */
export type ProvinceState = Pick<Province, 'code' | 'name' | 'fullName' | 'unaccentedName' | 'type'>;

/**
 * One dated change to a province-level unit after the 1 July 2025 map (thay đổi đơn vị hành chính
 * cấp tỉnh): a rename, a type change (tỉnh → thành phố trực thuộc trung ương) or a merge of
 * `code` into `after.code`.
 */
export interface ProvinceChange {
  /** First day the change is in force, `yyyy-MM-dd` (Vietnam time). */
  readonly effective: string;
  /** GSO code of the unit the change applies to. */
  readonly code: string;
  readonly kind: ProvinceChangeKind;
  /** The unit as in force the day before. */
  readonly before: ProvinceState;
  /** The unit from `effective` on; for a merge, the unit that absorbed `code`. */
  readonly after: ProvinceState;
  readonly source: ProvinceChangeSource;
}

/**
 * A validated, frozen table of dated changes, as {@link parseProvinceChanges} returns it; the
 * lookups accept only this (pass it as the `changes` option).
 */
export interface ProvinceChangeTable {
  readonly changes: readonly ProvinceChange[];
}
