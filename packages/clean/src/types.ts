/**
 * The record contract shared by the single-machine engine, the duplicate index
 * (`src/duplicates/`), the distributed mode (`src/distributed/`) and the `cancuoc` CLI.
 * Fields may be added; none may be renamed.
 */

/**
 * A field of a resident record that the cleaning rules know. Other columns of the input are kept
 * and written back untouched. `birthPlace` is the place of birth registration (nơi đăng ký khai
 * sinh), held against the birth-place code of the personal ID.
 */
export type CleanField =
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
  | 'birthPlace'
  | 'phone'
  | 'email';

/** One input record as text, by field (absent or empty = not given). */
export type InputRecord = Partial<Record<CleanField, string>>;

/**
 * How bad an issue is: `error` (the value is wrong and was left as is), `warning` (suspicious or
 * needs review), `fixed` (the value was repaired; `before`/`after` show the change).
 */
export type Severity = 'error' | 'warning' | 'fixed';

/** One finding about one record (and, when not null, one of its fields). */
export interface RecordIssue {
  /** 1-based data row (the header is not counted). */
  row: number;
  field: CleanField | null;
  /** Stable code (`ERR_ID_*`, `ERR_SCHEMA_*`, `CLEAN_*`); see the package README. */
  code: string;
  severity: Severity;
  messageVi: string;
  messageEn: string;
  before?: string;
  after?: string;
}

/** The keys the duplicate index groups records by (already normalised). */
export interface DuplicateKeys {
  /** The 12-digit personal ID (or 9-digit CMND when no personal ID is given). */
  personalId?: string;
  /** Full name folded: no diacritics, lower case, single spaces. */
  foldedName?: string;
  /** Birth date as written after repair (`dd/MM/yyyy`, `MM/yyyy` or `yyyy`). */
  birthDate?: string;
  /** Birth place: the province code of the personal ID, else the folded place of origin. */
  birthPlace?: string;
}

/** One record after the per-record rules: cleaned values, its issues and its duplicate keys. */
export interface CleanedRecord {
  row: number;
  values: InputRecord;
  issues: RecordIssue[];
  keys: DuplicateKeys;
  /** Codes of the catalogue values (ethnicity: GSO code, religion: 1–14, nationality: ISO alpha-3). */
  codes?: { ethnicity?: string; religion?: string; nationality?: string };
}

/**
 * Which fields must be present: `hospital`, `hotel`, `population`, or a custom profile.
 */
export type Profile = 'hospital' | 'hotel' | 'population' | { name: string; required: readonly CleanField[] };

/** Every {@link CleanField}, in the order of output columns. */
export const cleanFields: readonly CleanField[] = [
  'fullName',
  'birthDate',
  'sex',
  'personalId',
  'legacyId',
  'insuranceCode',
  'taxCode',
  'ethnicity',
  'religion',
  'nationality',
  'permanentAddress',
  'currentAddress',
  'placeOfOrigin',
  'birthPlace',
  'phone',
  'email',
];
