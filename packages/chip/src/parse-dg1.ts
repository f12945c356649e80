/** DG1 (ICAO 9303-10 §4.7.1): the MRZ stored on the chip, tag 61 { 5F1F MRZ }. */
import { toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { openFile } from './internal/lds.js';
import { type Mrz, parseMrz } from './parse-mrz.js';
import { tlvChildren } from './parse-tlv.js';

/** Contents of DG1. */
export interface Dg1 {
  readonly mrz: Mrz;
}

const ascii = new TextDecoder('latin1');

/**
 * Parses DG1 and its MRZ (all check digits verified).
 *
 * @throws CancuocError `ERR_CHIP_FILE_TAG`, `ERR_CHIP_STRUCTURE`, `ERR_MRZ_*`, `ERR_TLV_*`.
 * @example
 * ```ts
 * parseDg1(card.files.dataGroups[1]).mrz.personalId;
 * ```
 */
export function parseDg1(bytes: Uint8Array): Dg1 {
  const file = openFile(bytes, 0x61);
  const mrzNode = tlvChildren(file).find((c) => c.tag === 0x5f1f);
  if (mrzNode === undefined) throw fail('ERR_CHIP_STRUCTURE', { reason: 'MRZ (5F1F) is missing' });
  const text = ascii.decode(mrzNode.value);
  // 9303-10 §4.7.1: 90 characters for TD1, 72 for TD2, 88 for TD3, without separators.
  if (![90, 72, 88].includes(text.length)) throw fail('ERR_MRZ_FORMAT', { reason: `length ${text.length}` });
  return { mrz: parseMrz(text) };
}

/**
 * parseDg1 returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseDg1(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseDg1 = toSafe(parseDg1);
