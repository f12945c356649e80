/**
 * DG12, additional document details (ICAO 9303-10 §4.7.12), tag 6C: issuing authority, date of
 * issue, other persons on the document, endorsements, images of the document's front and rear,
 * when and on which system it was personalized. Every field is optional.
 */
import { type PartialDate, toSafe } from '@cancuoc/core';
import { openFile, tagList } from './internal/lds.js';
import { compact, countedList, date, dateTime, fieldsByTag, text } from './internal/lds-fields.js';
import { tlvChildren } from './parse-tlv.js';

/** Contents of DG12; absent fields are left out. */
export interface Dg12 {
  /** 5F19: issuing authority. */
  readonly issuingAuthority?: string;
  /** 5F26: date of issue (CCYYMMDD). */
  readonly dateOfIssue?: PartialDate;
  /** A0 { 02 count, 5F1A … }: names of other persons (children) on the document. */
  readonly otherPersons: readonly string[];
  /** 5F1B: endorsements and observations. */
  readonly endorsements?: string;
  /** 5F1C: tax or exit requirements. */
  readonly taxOrExitRequirements?: string;
  /** 5F1D: image of the front of the document (ISO/IEC 10918, JPEG), as bytes. */
  readonly frontImage?: Uint8Array;
  /** 5F1E: image of the rear of the document, as bytes. */
  readonly rearImage?: Uint8Array;
  /** 5F55: date and time of personalization, `YYYY-MM-DDThh:mm:ss` (the file gives no time zone). */
  readonly personalizationTime?: string;
  /** 5F56: serial number of the personalization system. */
  readonly personalizationSystemSerialNumber?: string;
  /** 5C: the tags the file says it holds. */
  readonly tags: readonly number[];
}

/**
 * Parses DG12.
 *
 * @throws CancuocError `ERR_CHIP_FILE_TAG`, `ERR_CHIP_STRUCTURE`, `ERR_CHIP_VALUE` (a date that is
 *   not CCYYMMDD, a personalization time that is not CCYYMMDDhhmmss), `ERR_TLV_*`.
 * @example
 * ```ts
 * const dg12 = parseDg12(card.dataGroups[12]);
 * dg12.issuingAuthority; // 'UTOPIA'
 * dg12.dateOfIssue; // { year: 2021, month: 5, day: 3 }
 * ```
 */
export function parseDg12(bytes: Uint8Array): Dg12 {
  const file = openFile(bytes, 0x6c);
  const f = fieldsByTag(file, 'DG12');
  const str = (tag: number) => {
    const n = f.get(tag);
    return n === undefined ? undefined : text(n);
  };
  const issued = f.get(0x5f26);
  const personalized = f.get(0x5f55);
  const others = f.get(0xa0);
  const looseNames = tlvChildren(file)
    .filter((c) => c.tag === 0x5f1a)
    .map(text);
  const list5c = f.get(0x5c);
  return compact({
    issuingAuthority: str(0x5f19),
    dateOfIssue: issued === undefined ? undefined : date(issued, 'DG12 date of issue'),
    otherPersons: [...(others ? countedList(others, 0x5f1a, 'DG12 other persons') : []), ...looseNames],
    endorsements: str(0x5f1b),
    taxOrExitRequirements: str(0x5f1c),
    frontImage: f.get(0x5f1d)?.value.slice(),
    rearImage: f.get(0x5f1e)?.value.slice(),
    personalizationTime:
      personalized === undefined ? undefined : dateTime(personalized, 'DG12 personalization time'),
    personalizationSystemSerialNumber: str(0x5f56),
    tags: list5c ? tagList(list5c.value) : [],
  }) as Dg12;
}

/**
 * parseDg12 returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseDg12(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseDg12 = toSafe(parseDg12);
