/** EF.COM (ICAO 9303-10 §4.6.1): LDS version, Unicode version and the list of data groups present. */
import { toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { dataGroupOfTag, openFile, tagList } from './internal/lds.js';
import { tlvChildren } from './parse-tlv.js';

/** Contents of EF.COM. */
export interface Com {
  /** LDS version, e.g. `1.7` (from `0107`). */
  readonly ldsVersion: string;
  /** Unicode version, e.g. `4.0.0` (from `040000`). */
  readonly unicodeVersion: string;
  /** Data group numbers listed, in file order (a CCCD lists 1, 2, 3, 13, 14, 15). */
  readonly dataGroups: readonly number[];
  /** Raw tags of the tag list (unknown tags kept). */
  readonly tags: readonly number[];
}

const ascii = new TextDecoder('latin1');

/**
 * Parses EF.COM.
 *
 * @throws CancuocError `ERR_CHIP_FILE_TAG`, `ERR_CHIP_STRUCTURE` (also for a tag list that ends
 *   inside a multi-byte tag, such as a lone `5F`), `ERR_TLV_*`.
 * @example
 * ```ts
 * parseCom(fromHex('60145F0104303130365F36063034303030305C026175')).dataGroups; // [1, 2]
 * ```
 */
export function parseCom(bytes: Uint8Array): Com {
  const file = openFile(bytes, 0x60);
  let lds: string | undefined;
  let unicode: string | undefined;
  let tags: number[] | undefined;
  for (const child of tlvChildren(file)) {
    if (child.tag === 0x5f01) lds = ascii.decode(child.value);
    else if (child.tag === 0x5f36) unicode = ascii.decode(child.value);
    else if (child.tag === 0x5c) tags = tagList(child.value);
  }
  if (lds === undefined || !/^[0-9]{4}$/.test(lds))
    throw fail('ERR_CHIP_STRUCTURE', { reason: 'LDS version' });
  if (unicode === undefined || !/^[0-9]{6}$/.test(unicode)) {
    throw fail('ERR_CHIP_STRUCTURE', { reason: 'Unicode version' });
  }
  if (tags === undefined) throw fail('ERR_CHIP_STRUCTURE', { reason: 'tag list is missing' });
  const dataGroups = tags.map(dataGroupOfTag).filter((d): d is number => d !== undefined);
  return {
    ldsVersion: `${Number(lds.slice(0, 2))}.${Number(lds.slice(2))}`,
    unicodeVersion: `${Number(unicode.slice(0, 2))}.${Number(unicode.slice(2, 4))}.${Number(unicode.slice(4))}`,
    dataGroups,
    tags,
  };
}

/**
 * parseCom returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseCom(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseCom = toSafe(parseCom);
