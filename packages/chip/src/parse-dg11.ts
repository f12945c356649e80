/**
 * DG11, additional personal details (ICAO 9303-10 §4.7.11), tag 6B: what a passport's data page
 * does not print in the MRZ — the full name in national characters, the personal number, the full
 * date of birth, place of birth, address, telephone, profession… Every field is optional; hotels
 * read it from foreign guests' passports.
 */
import { type PartialDate, toSafe } from '@cancuoc/core';
import { openFile, tagList } from './internal/lds.js';
import { compact, countedList, date, fieldsByTag, list, text } from './internal/lds-fields.js';
import { tlvChildren } from './parse-tlv.js';

/** Contents of DG11; absent fields are left out. */
export interface Dg11 {
  /** 5F0E: full name of the holder in national characters, `<<` between primary and secondary identifiers. */
  readonly fullName?: string;
  /** A0 { 02 count, 5F0F … }: other names, as written. */
  readonly otherNames: readonly string[];
  /** 5F10: personal number. */
  readonly personalNumber?: string;
  /** 5F2B: full date of birth (CCYYMMDD; `00` for an unknown month or day). */
  readonly fullDateOfBirth?: PartialDate;
  /** 5F11: place of birth, its `<`-separated parts. */
  readonly placeOfBirth?: readonly string[];
  /** 5F42: permanent address, its `<`-separated parts. */
  readonly address?: readonly string[];
  /** 5F12: telephone. */
  readonly telephone?: string;
  /** 5F13: profession. */
  readonly profession?: string;
  /** 5F14: title. */
  readonly title?: string;
  /** 5F15: personal summary. */
  readonly personalSummary?: string;
  /** 5F16: proof of citizenship, an image (ISO/IEC 10918, JPEG), as bytes. */
  readonly proofOfCitizenship?: Uint8Array;
  /** 5F17: other valid travel document numbers. */
  readonly otherValidTravelDocumentNumbers?: readonly string[];
  /** 5F18: custody information. */
  readonly custodyInformation?: string;
  /** 5C: the tags the file says it holds. */
  readonly tags: readonly number[];
}

/**
 * Parses DG11.
 *
 * @throws CancuocError `ERR_CHIP_FILE_TAG`, `ERR_CHIP_STRUCTURE` (a field twice, a tag list ending
 *   inside a tag, a wrong count of other names), `ERR_CHIP_VALUE` (a date that is not CCYYMMDD),
 *   `ERR_TLV_*`.
 * @example
 * ```ts
 * const dg11 = parseDg11(card.dataGroups[11]);
 * dg11.fullName; // 'SMITH<<JOHN<J'
 * dg11.fullDateOfBirth; // { year: 1971, month: 9, day: 14 }
 * ```
 */
export function parseDg11(bytes: Uint8Array): Dg11 {
  const file = openFile(bytes, 0x6b);
  const f = fieldsByTag(file, 'DG11');
  const get = (tag: number) => f.get(tag);
  const str = (tag: number) => {
    const n = get(tag);
    return n === undefined ? undefined : text(n);
  };
  const parts = (tag: number) => {
    const n = get(tag);
    return n === undefined ? undefined : list(n);
  };
  const others = get(0xa0);
  // Some issuers write 5F0F without the A0 template: kept as other names too.
  const looseNames = tlvChildren(file)
    .filter((c) => c.tag === 0x5f0f)
    .map(text);
  const dob = get(0x5f2b);
  const proof = get(0x5f16);
  const list5c = get(0x5c);
  return compact({
    fullName: str(0x5f0e),
    otherNames: [...(others ? countedList(others, 0x5f0f, 'DG11 other names') : []), ...looseNames],
    personalNumber: str(0x5f10),
    fullDateOfBirth: dob === undefined ? undefined : date(dob, 'DG11 full date of birth'),
    placeOfBirth: parts(0x5f11),
    address: parts(0x5f42),
    telephone: str(0x5f12),
    profession: str(0x5f13),
    title: str(0x5f14),
    personalSummary: str(0x5f15),
    proofOfCitizenship: proof?.value.slice(),
    otherValidTravelDocumentNumbers: parts(0x5f17),
    custodyInformation: str(0x5f18),
    tags: list5c ? tagList(list5c.value) : [],
  }) as Dg11;
}

/**
 * parseDg11 returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseDg11(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseDg11 = toSafe(parseDg11);
