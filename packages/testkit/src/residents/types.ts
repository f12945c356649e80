/** Shapes of the synthetic resident lists made by `generateResidents`. */

/**
 * The fields of a resident list, named as `@cancuoc/clean` names its fields (CleanField): full name
 * (họ và tên), birth date (ngày sinh, `dd/MM/yyyy`), sex (giới tính, `Nam`/`Nữ`), personal ID number
 * (số định danh cá nhân), legacy ID card number (CMND), BHYT card code or social insurance number,
 * tax code (MST), ethnicity, religion, nationality, permanent and current address, place of origin
 * (quê quán), phone and email.
 */
export type ResidentField =
  | 'fullName'
  | 'birthDate'
  | 'sex'
  | 'personalId'
  | 'legacyId'
  | 'insuranceCode'
  | 'taxCode'
  | 'ethnicity'
  | 'religion'
  | 'nationality'
  | 'permanentAddress'
  | 'currentAddress'
  | 'placeOfOrigin'
  | 'phone'
  | 'email';

/** One record of a resident list: every field as text, `''` when the list has nothing there. */
export type ResidentRecord = { [K in ResidentField]: string };

/**
 * The kinds of dirt `generateResidents` injects, each a rate from 0 to 1. A field kind's rate is
 * the share of the fields it can apply to that get it (`swappedDayMonth` applies only to dates
 * whose day is above 12, so that the swap is detectable; `oldPhonePrefix` only to numbers on a
 * prefix renumbered in 2018; `wrongCheckDigit` only to 10-digit tax codes; `missingDiacritics`,
 * `tcvn3` and `vni` only to text with diacritics …); at most one field kind hits a field. The two
 * row kinds `duplicate` and `idConflict` are shares of all rows.
 */
export interface ResidentDirt {
  /** One letter of the name substituted, dropped, doubled or swapped with its neighbour. */
  readonly typo: number;
  /** Name or address written without diacritics ("Nguyen Van An"). */
  readonly missingDiacritics: number;
  /** Name or address in TCVN3 (ABC) bytes read as Latin-1 ("NguyÔn V¨n An"). */
  readonly tcvn3: number;
  /** Name or address in VNI-Windows bytes read as Latin-1 ("Nguyeãn Vaên An"). */
  readonly vni: number;
  /** Name in capitals, lower case, with extra spaces or decomposed (NFD). */
  readonly nameFormat: number;
  /** Birth date written month first (`MM/dd/yyyy`), only where the day is above 12. */
  readonly swappedDayMonth: number;
  /** A date that does not exist (31/04, 30/02, 29/02 of a common year). */
  readonly impossibleDate: number;
  /** Birth date in another layout (`yyyy-MM-dd`, `d/M/yyyy`, `dd-MM-yyyy`, `dd.MM.yyyy`). */
  readonly dateFormat: number;
  /** Personal ID whose birth-place digits are assigned to no province (`003…`, `097…`). */
  readonly wrongProvinceDigits: number;
  /** Personal ID whose century/sex digit or birth year disagrees with the record. */
  readonly idMismatch: number;
  /** Personal ID with its leading zeros lost (a spreadsheet read it as a number). */
  readonly lostLeadingZero: number;
  /** The 9-digit CMND written in the personal ID column (people who have it). */
  readonly legacyInIdColumn: number;
  /** A 10-digit tax code whose check digit is wrong. */
  readonly wrongCheckDigit: number;
  /** A BHYT card code with an impossible benefit level, or a 9-digit social insurance number. */
  readonly invalidInsuranceCode: number;
  /** Address or place of origin on the provinces and districts before 1 July 2025. */
  readonly oldAddress: number;
  /** Mobile number still on its 11-digit pre-2018 prefix (0162… for today's 032…). */
  readonly oldPhonePrefix: number;
  /** Phone written `+84 912 345 678`, `0912.345.678` … */
  readonly phoneFormat: number;
  /** Sex, ethnicity, religion or nationality spelt another way ("nam", "Khmer", "Thiên Chúa giáo", "VN"). */
  readonly categoryVariant: number;
  /** A field people usually fill left empty (birth date, sex, ID, ethnicity, nationality, address, phone). */
  readonly missing: number;
  /** Share of rows that repeat an earlier person, with variations or exactly. */
  readonly duplicate: number;
  /** Share of rows that are a different person carrying an earlier row's personal ID. */
  readonly idConflict: number;
}

/** The name of one kind of dirt. */
export type ResidentDirtKind = keyof ResidentDirt;

/**
 * One injected defect: `field:kind` (`'birthDate:impossibleDate'`), or `'row:duplicate'` on a row
 * that repeats an earlier person.
 */
export type ResidentDefect = `${ResidentField}:${ResidentDirtKind}` | 'row:duplicate';

/** What a generated row really is, kept aside from the dirty record. */
export interface ResidentTruth {
  /** The person's true values in the canonical form (addresses on the 34 provinces). */
  readonly clean: ResidentRecord;
  /** Every defect injected into this row's record. */
  readonly defects: readonly ResidentDefect[];
  /** On a duplicate: the row (1-based) of the earlier record of the same person. */
  readonly duplicateOf?: number;
  /** On an ID conflict: the row (1-based) of the person the personal ID belongs to. */
  readonly conflictWith?: number;
}

/** One generated row. */
export interface GeneratedResident {
  /** 1-based data row number (the header is not counted), as cleaning reports number rows. */
  readonly row: number;
  /** The record as the list holds it, dirt included. */
  readonly record: ResidentRecord;
  readonly truth: ResidentTruth;
}

/** Options of `generateResidents`. */
export interface GenerateResidentsOptions {
  /** Number of rows, a non-negative integer. */
  readonly count: number;
  /** Seed of the pseudo-random generator (same seed, same rows); default 1. */
  readonly seed?: number;
  /** Rates overriding {@link defaultResidentDirt}, or `'none'` for a clean list. */
  readonly dirt?: Partial<ResidentDirt> | 'none';
}
