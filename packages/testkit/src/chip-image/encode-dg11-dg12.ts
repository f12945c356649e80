/**
 * DG11 and DG12 files (ICAO 9303-10 §4.7.11–12) for tests: foreign passports' additional personal
 * and document details, with the tag list (5C) built from the fields given.
 */
import { tlv } from './der.js';

/** DG11 fields; dates as `CCYYMMDD`, lists joined with `<` as the standard writes them. */
export interface Dg11Fields {
  readonly fullName?: string;
  readonly otherNames?: readonly string[];
  readonly personalNumber?: string;
  readonly fullDateOfBirth?: string;
  readonly placeOfBirth?: readonly string[];
  readonly address?: readonly string[];
  readonly telephone?: string;
  readonly profession?: string;
  readonly title?: string;
  readonly personalSummary?: string;
  readonly proofOfCitizenship?: Uint8Array;
  readonly otherValidTravelDocumentNumbers?: readonly string[];
  readonly custodyInformation?: string;
}

/** DG12 fields; `dateOfIssue` as `CCYYMMDD`, `personalizationTime` as `CCYYMMDDhhmmss`. */
export interface Dg12Fields {
  readonly issuingAuthority?: string;
  readonly dateOfIssue?: string;
  readonly otherPersons?: readonly string[];
  readonly endorsements?: string;
  readonly taxOrExitRequirements?: string;
  readonly frontImage?: Uint8Array;
  readonly rearImage?: Uint8Array;
  readonly personalizationTime?: string;
  readonly personalizationSystemSerialNumber?: string;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const tagBytes = (tag: number) => (tag > 0xff ? Uint8Array.of(tag >> 8, tag & 0xff) : Uint8Array.of(tag));

function file(outer: number, fields: [number, Uint8Array | undefined][]): Uint8Array {
  const present = fields.filter((f): f is [number, Uint8Array] => f[1] !== undefined);
  const list = tlv(0x5c, ...present.map(([tag]) => tagBytes(tag)));
  return tlv(outer, list, ...present.map(([tag, value]) => (tag === 0xa0 ? value : tlv(tag, value))));
}

function counted(item: number, names: readonly string[] | undefined): Uint8Array | undefined {
  if (!names?.length) return undefined;
  return tlv(0xa0, tlv(0x02, Uint8Array.of(names.length)), ...names.map((n) => tlv(item, utf8(n))));
}

const text = (s: string | undefined) => (s === undefined ? undefined : utf8(s));
const joined = (parts: readonly string[] | undefined) =>
  parts === undefined ? undefined : utf8(parts.join('<'));

/**
 * Encodes DG11 (tag 6B) from its fields.
 *
 * @example
 * ```ts
 * parseDg11(encodeDg11({ fullName: 'SMITH<<JOHN', fullDateOfBirth: '19710914' })).fullDateOfBirth;
 * ```
 */
export function encodeDg11(fields: Dg11Fields): Uint8Array {
  return file(0x6b, [
    [0x5f0e, text(fields.fullName)],
    [0xa0, counted(0x5f0f, fields.otherNames)],
    [0x5f10, text(fields.personalNumber)],
    [0x5f2b, text(fields.fullDateOfBirth)],
    [0x5f11, joined(fields.placeOfBirth)],
    [0x5f42, joined(fields.address)],
    [0x5f12, text(fields.telephone)],
    [0x5f13, text(fields.profession)],
    [0x5f14, text(fields.title)],
    [0x5f15, text(fields.personalSummary)],
    [0x5f16, fields.proofOfCitizenship],
    [0x5f17, joined(fields.otherValidTravelDocumentNumbers)],
    [0x5f18, text(fields.custodyInformation)],
  ]);
}

/**
 * Encodes DG12 (tag 6C) from its fields.
 *
 * @example
 * ```ts
 * parseDg12(encodeDg12({ issuingAuthority: 'UTOPIA', dateOfIssue: '20210503' })).issuingAuthority;
 * ```
 */
export function encodeDg12(fields: Dg12Fields): Uint8Array {
  return file(0x6c, [
    [0x5f19, text(fields.issuingAuthority)],
    [0x5f26, text(fields.dateOfIssue)],
    [0xa0, counted(0x5f1a, fields.otherPersons)],
    [0x5f1b, text(fields.endorsements)],
    [0x5f1c, text(fields.taxOrExitRequirements)],
    [0x5f1d, fields.frontImage],
    [0x5f1e, fields.rearImage],
    [0x5f55, text(fields.personalizationTime)],
    [0x5f56, text(fields.personalizationSystemSerialNumber)],
  ]);
}
