/** DG15 (ICAO 9303-11 §6.1): the Active Authentication public key, tag 6F { SubjectPublicKeyInfo }. */
import { toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { type PublicKeyInfo, parsePublicKeyInfo } from './internal/keys.js';
import { openFile } from './internal/lds.js';
import { checkSize, DEFAULT_MAX_BYTES, type MaxBytesOptions, maxBytesOption } from './internal/limits.js';
import { tlvChildren } from './parse-tlv.js';

/** Contents of DG15. */
export interface Dg15 {
  /** The chip's Active Authentication key (RSA or EC). */
  readonly publicKey: PublicKeyInfo;
}

/**
 * Parses DG15.
 *
 * @param options.maxBytes - largest file accepted, default 8192 bytes (real ones are under 1 KB).
 * @throws CancuocError `ERR_CHIP_INPUT_SIZE`, `ERR_CHIP_FILE_TAG`, `ERR_CHIP_STRUCTURE`, `ERR_KEY_UNSUPPORTED`, `ERR_TLV_*`.
 * @example
 * ```ts
 * parseDg15(card.files.dataGroups[15]).publicKey.kind; // 'rsa' or 'ec'
 * ```
 */
export function parseDg15(bytes: Uint8Array, options: MaxBytesOptions = {}): Dg15 {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseDg15 expects a Uint8Array');
  checkSize(bytes, maxBytesOption(options.maxBytes, DEFAULT_MAX_BYTES.dg15, 'maxBytes'), 'DG15');
  const file = openFile(bytes, 0x6f);
  const [spki, extra] = tlvChildren(file);
  if (spki === undefined || extra !== undefined)
    throw fail('ERR_CHIP_STRUCTURE', { reason: 'DG15 holds one key' });
  return { publicKey: parsePublicKeyInfo(spki) };
}

/**
 * parseDg15 returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseDg15(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseDg15 = toSafe(parseDg15);
