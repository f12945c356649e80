/**
 * Machine readable zone of ICAO 9303 documents: TD1 (3 × 30, the CCCD / Căn cước card), TD2 (2 × 36),
 * TD3 (2 × 44, passports) and machine readable visas MRV-A (2 × 44) and MRV-B (2 × 36, 9303-7), with
 * every check digit verified (9303-3 §4.9) and the Vietnamese TD1
 * rules: the 9-digit document number is the last 9 digits of the personal ID (số định danh cá nhân),
 * the optional data holds the full 12 digits, `<<` and their own check digit, and `991231` means
 * "no expiry" (không thời hạn).
 */
import { icaoCheckDigit, type PartialDate, toSafe } from '@cancuoc/core';
import { sha1 } from '@noble/hashes/legacy.js';
import { fail } from './errors.js';

/**
 * Which ICAO 9303 layout the MRZ has: TD1, TD2, TD3 (9303-4 to -6), or a machine readable visa
 * MRV-A (2 × 44) or MRV-B (2 × 36) (9303-7: document code starting with `V`, no composite check digit).
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B';

/** A parsed, check-digit-verified MRZ. */
export interface Mrz {
  readonly format: MrzFormat;
  /** The lines as given (upper case, trimmed). */
  readonly lines: readonly string[];
  /** `I<`, `ID`, `P<`… */
  readonly documentCode: string;
  /** ICAO 3-letter code of the issuing state (`VNM`). */
  readonly issuingState: string;
  /** Document number without filler; long numbers (9303-5 §4.2.2) are joined. */
  readonly documentNumber: string;
  readonly nationality: string;
  /** The name field as printed, with `<` fillers. */
  readonly name: string;
  /** Primary identifier (surname), `<` replaced by spaces. */
  readonly surname: string;
  /** Secondary identifier (given names), `<` replaced by spaces. */
  readonly givenNames: string;
  readonly sex: 'male' | 'female' | 'unspecified';
  /** Date of birth (ngày sinh); century resolved from the personal ID when present. */
  readonly dateOfBirth: PartialDate;
  /** Date of expiry (có giá trị đến); `null` for Vietnam's `991231` "no expiry". */
  readonly dateOfExpiry: PartialDate | null;
  /** Optional data fields (TD1: 2 fields; TD2: 1; TD3: the personal number; MRV-A: 16 characters, MRV-B: 8), fillers kept. */
  readonly optionalData: readonly string[];
  /** Vietnamese TD1: the 12-digit personal ID from the optional data. */
  readonly personalId?: string;
  /** Vietnamese TD1: the CAN for PACE (last 6 digits of the personal ID). */
  readonly can?: string;
  /** Raw YYMMDD dates as printed. */
  readonly raw: { readonly dateOfBirth: string; readonly dateOfExpiry: string };
  /** BAC / PACE-MRZ key material (9303-11 §9.7.2): number ‖ cd ‖ birth ‖ cd ‖ expiry ‖ cd. */
  readonly bacMrzInformation: string;
}

/**
 * ICAO 9303-3 §4.9 check digit: weights 7-3-1, A=10…Z=35, `<`=0, sum mod 10.
 *
 * @example
 * ```ts
 * mrzCheckDigit('L898902C<'); // 3
 * ```
 */
export function mrzCheckDigit(text: string): number {
  const digit = icaoCheckDigit(text);
  if (digit === undefined) throw fail('ERR_MRZ_FORMAT', { reason: 'invalid character' });
  return digit;
}

function check(data: string, digit: string, field: string): void {
  if (digit === '<' && /^<*$/.test(data)) return; // empty optional field (9303-3 §4.9)
  if (!/^[0-9]$/.test(digit) || mrzCheckDigit(data) !== Number(digit)) {
    throw fail('ERR_MRZ_CHECK_DIGIT', { field });
  }
}

function yymmdd(text: string, field: string): { yy: number; mm: number; dd: number } {
  if (!/^[0-9]{6}$/.test(text)) throw fail('ERR_MRZ_DATE', { field });
  const yy = Number(text.slice(0, 2));
  const mm = Number(text.slice(2, 4));
  const dd = Number(text.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) throw fail('ERR_MRZ_DATE', { field });
  return { yy, mm, dd };
}

function toDate(year: number, mm: number, dd: number, field: string): PartialDate {
  const d = new Date(Date.UTC(year, mm - 1, dd));
  if (d.getUTCMonth() !== mm - 1) throw fail('ERR_MRZ_DATE', { field });
  return { year, month: mm, day: dd };
}

function splitName(name: string): { surname: string; givenNames: string } {
  const trimmed = name.replace(/<+$/, '');
  const sep = trimmed.indexOf('<<');
  const clean = (s: string) => s.replace(/<+/g, ' ').trim();
  if (sep < 0) return { surname: clean(trimmed), givenNames: '' };
  return { surname: clean(trimmed.slice(0, sep)), givenNames: clean(trimmed.slice(sep + 2)) };
}

function sexOf(c: string): Mrz['sex'] {
  if (c === 'M') return 'male';
  if (c === 'F') return 'female';
  if (c === '<' || c === 'X') return 'unspecified';
  throw fail('ERR_MRZ_FORMAT', { reason: 'sex' });
}

/**
 * Parses a machine readable zone (TD1, TD2, TD3, or an MRV-A / MRV-B visa) and verifies every
 * check digit.
 *
 * @param text - the lines, separated by newlines (or concatenated without separators).
 * @throws CancuocError `ERR_MRZ_FORMAT`, `ERR_MRZ_CHECK_DIGIT`, `ERR_MRZ_DATE`.
 * @example
 * ```ts
 * const mrz = parseMrz('IDVNM0990123459001099012345<<0\n9901155M3901153VNM<<<<<<<<<<<6\nNGUYEN<<VAN<A<<<<<<<<<<<<<<<<<');
 * mrz.personalId; // '001099012345'
 * ```
 */
export function parseMrz(text: string): Mrz {
  if (typeof text !== 'string') throw new TypeError('parseMrz expects a string');
  if (text.length > 200) throw fail('ERR_MRZ_FORMAT', { reason: 'too long' });
  const compact = text.toUpperCase().replace(/[\s]+/g, (m) => (m.includes('\n') ? '\n' : ''));
  let lines = compact
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 1) {
    const only = lines[0]!;
    if (only.length === 90) lines = [only.slice(0, 30), only.slice(30, 60), only.slice(60)];
    else if (only.length === 72) lines = [only.slice(0, 36), only.slice(36)];
    else if (only.length === 88) lines = [only.slice(0, 44), only.slice(44)];
  }
  for (const l of lines) {
    if (!/^[A-Z0-9<]+$/.test(l)) throw fail('ERR_MRZ_FORMAT', { reason: 'invalid character' });
  }
  const lengths = lines.map((l) => l.length).join('x');
  // 9303-7 §4.1: a document code starting with V is a visa, whose MRZ has the size of a TD3 (MRV-A)
  // or a TD2 (MRV-B) but no composite check digit.
  const visa = lines[0]?.startsWith('V') === true;
  if (lengths === '30x30x30') return parseTd1(lines as [string, string, string]);
  if (lengths === '36x36') return parseTd23(lines as [string, string], visa ? 'MRV-B' : 'TD2');
  if (lengths === '44x44') return parseTd23(lines as [string, string], visa ? 'MRV-A' : 'TD3');
  throw fail('ERR_MRZ_FORMAT', { reason: `line lengths ${lengths || 'none'}` });
}

function resolveNumber(
  number: string,
  cd: string,
  optional: string,
): { documentNumber: string; cd: string; full: string } {
  // 9303-5 §4.2.2 note j: a `<` check digit means the number continues in the optional data,
  // followed by its check digit and a filler.
  if (cd === '<' && /^[A-Z0-9]/.test(optional)) {
    const end = optional.indexOf('<');
    const tail = end < 0 ? optional : optional.slice(0, end);
    if (tail.length < 2) throw fail('ERR_MRZ_FORMAT', { reason: 'long document number' });
    const full = number + tail.slice(0, -1);
    const realCd = tail.slice(-1);
    check(full, realCd, 'document number');
    return { documentNumber: full.replace(/<+$/, ''), cd: realCd, full };
  }
  check(number, cd, 'document number');
  return { documentNumber: number.replace(/<+$/, ''), cd, full: number };
}

function birthDate(raw: string, personalId: string | undefined, field: string): PartialDate {
  const { yy, mm, dd } = yymmdd(raw, field);
  let year: number;
  if (personalId !== undefined) {
    // Circular 07/2016/TT-BCA: the 4th digit of the ID encodes the century (0/1 → 1900s, 2/3 → 2000s…).
    year = 1900 + 100 * Math.floor(Number(personalId[3]) / 2) + yy;
  } else {
    const nowYy = new Date().getUTCFullYear() % 100;
    year = yy > nowYy ? 1900 + yy : 2000 + yy;
  }
  return toDate(year, mm, dd, field);
}

function expiryDate(raw: string, state: string): PartialDate | null {
  // Vietnam prints 991231 on cards without expiry (holders over 60; "không thời hạn").
  if (raw === '991231' && state === 'VNM') return null;
  const { yy, mm, dd } = yymmdd(raw, 'date of expiry');
  return toDate(2000 + yy, mm, dd, 'date of expiry');
}

function parseTd1([l1, l2, l3]: [string, string, string]): Mrz {
  const documentCode = l1.slice(0, 2);
  const issuingState = l1.slice(2, 5);
  const numberField = l1.slice(5, 14);
  const numberCd = l1.slice(14, 15);
  const optional1 = l1.slice(15, 30);
  const birth = l2.slice(0, 6);
  const birthCd = l2.slice(6, 7);
  const sex = l2.slice(7, 8);
  const expiry = l2.slice(8, 14);
  const expiryCd = l2.slice(14, 15);
  const nationality = l2.slice(15, 18);
  const optional2 = l2.slice(18, 29);
  const composite = l2.slice(29, 30);
  if (!/^[A-Z<]{3}$/.test(issuingState)) throw fail('ERR_MRZ_FORMAT', { reason: 'issuing state' });
  const num = resolveNumber(numberField, numberCd, optional1);
  check(birth, birthCd, 'date of birth');
  check(expiry, expiryCd, 'date of expiry');
  // 9303-5 §4.2.2: composite over line 1 positions 6-30 and line 2 positions 1-7, 9-15, 19-29.
  check(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), composite, 'composite');

  let personalId: string | undefined;
  if (issuingState === 'VNM' && /^[0-9]{12}<<[0-9]$/.test(optional1)) {
    // Vietnamese TD1: optional data = 12-digit ID ‖ << ‖ check digit of the ID; document number =
    // its last 9 digits (public samples, see shared/reference/cccd-formats.md §2.1).
    const id = optional1.slice(0, 12);
    check(id, optional1.slice(14, 15), 'personal ID');
    if (id.slice(3) !== num.documentNumber)
      throw fail('ERR_MRZ_FORMAT', { reason: 'ID and document number differ' });
    personalId = id;
  }
  const names = splitName(l3);
  return {
    format: 'TD1',
    lines: [l1, l2, l3],
    documentCode,
    issuingState,
    documentNumber: num.documentNumber,
    nationality,
    name: l3,
    ...names,
    sex: sexOf(sex),
    dateOfBirth: birthDate(birth, personalId, 'date of birth'),
    dateOfExpiry: expiryDate(expiry, issuingState),
    optionalData: [optional1, optional2],
    ...(personalId === undefined ? {} : { personalId, can: personalId.slice(6) }),
    raw: { dateOfBirth: birth, dateOfExpiry: expiry },
    bacMrzInformation:
      num.full.replace(/^(.*?)<*$/, '$1').padEnd(9, '<') + num.cd + birth + birthCd + expiry + expiryCd,
  };
}

function parseTd23([l1, l2]: [string, string], format: 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B'): Mrz {
  const documentCode = l1.slice(0, 2);
  const issuingState = l1.slice(2, 5);
  if (!/^[A-Z<]{3}$/.test(issuingState)) throw fail('ERR_MRZ_FORMAT', { reason: 'issuing state' });
  const name = l1.slice(5);
  const numberField = l2.slice(0, 9);
  const numberCd = l2.slice(9, 10);
  const nationality = l2.slice(10, 13);
  const birth = l2.slice(13, 19);
  const birthCd = l2.slice(19, 20);
  const sex = l2.slice(20, 21);
  const expiry = l2.slice(21, 27);
  const expiryCd = l2.slice(27, 28);
  let optional: string;
  let composite: string;
  let num: ReturnType<typeof resolveNumber>;
  if (format === 'MRV-A' || format === 'MRV-B') {
    // 9303-7 §4.2.2: line 2 positions 29-44 (MRV-A) or 29-36 (MRV-B) are optional data; visas have
    // no composite check digit and no long document numbers.
    optional = l2.slice(28);
    num = resolveNumber(numberField, numberCd, '');
  } else if (format === 'TD3') {
    optional = l2.slice(28, 42);
    check(optional, l2.slice(42, 43), 'personal number');
    composite = l2.slice(43, 44);
    num = resolveNumber(numberField, numberCd, '');
    // 9303-4 §4.2.2: composite over positions 1-10, 14-20, 22-43.
    check(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), composite, 'composite');
  } else {
    optional = l2.slice(28, 35);
    composite = l2.slice(35, 36);
    num = resolveNumber(numberField, numberCd, optional);
    // 9303-6 §4.2.2: composite over positions 1-10, 14-20, 22-35.
    check(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35), composite, 'composite');
  }
  check(birth, birthCd, 'date of birth');
  check(expiry, expiryCd, 'date of expiry');
  return {
    format,
    lines: [l1, l2],
    documentCode,
    issuingState,
    documentNumber: num.documentNumber,
    nationality,
    name,
    ...splitName(name),
    sex: sexOf(sex),
    dateOfBirth: birthDate(birth, undefined, 'date of birth'),
    dateOfExpiry: expiryDate(expiry, issuingState),
    optionalData: [optional],
    raw: { dateOfBirth: birth, dateOfExpiry: expiry },
    bacMrzInformation:
      num.full.replace(/^(.*?)<*$/, '$1').padEnd(9, '<') + num.cd + birth + birthCd + expiry + expiryCd,
  };
}

/**
 * The BAC / PACE-MRZ key seed `K_seed = SHA-1(MRZ_information)[0:16]` (9303-11 §9.7.2).
 *
 * @example
 * ```ts
 * bacKeySeed(parseMrz(lines)); // 16 bytes
 * ```
 */
export function bacKeySeed(mrz: Pick<Mrz, 'bacMrzInformation'>): Uint8Array {
  return sha1(new TextEncoder().encode(mrz.bacMrzInformation)).slice(0, 16);
}

/**
 * parseMrz returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseMrz(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseMrz = toSafe(parseMrz);
