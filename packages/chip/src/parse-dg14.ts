/** DG14 (ICAO 9303-10 §4.7.14): SecurityInfos for chip authentication (and PACE/TA/AA), tag 6E { SET }. */
import { toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { openFile } from './internal/lds.js';
import { checkSize, DEFAULT_MAX_BYTES, type MaxBytesOptions, maxBytesOption } from './internal/limits.js';
import { tlvChildren } from './parse-tlv.js';
import { parseSecurityInfos, type SecurityInfos } from './security-infos.js';

/**
 * Parses DG14.
 *
 * @param options.maxBytes - largest file accepted, default 16384 bytes.
 * @throws CancuocError `ERR_CHIP_INPUT_SIZE`, `ERR_CHIP_FILE_TAG`, `ERR_CHIP_STRUCTURE`, `ERR_CHIP_VALUE`, `ERR_KEY_UNSUPPORTED`, `ERR_TLV_*`.
 * @example
 * ```ts
 * const dg14 = parseDg14(card.files.dataGroups[14]);
 * dg14.chipAuthenticationPublicKeys[0].publicKey?.curve; // 'brainpoolP256r1'
 * ```
 */
export function parseDg14(bytes: Uint8Array, options: MaxBytesOptions = {}): SecurityInfos {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseDg14 expects a Uint8Array');
  checkSize(bytes, maxBytesOption(options.maxBytes, DEFAULT_MAX_BYTES.dg14, 'maxBytes'), 'DG14');
  const file = openFile(bytes, 0x6e);
  const [set, extra] = tlvChildren(file);
  if (set === undefined || extra !== undefined)
    throw fail('ERR_CHIP_STRUCTURE', { reason: 'DG14 holds one SET' });
  return parseSecurityInfos(set);
}

/**
 * parseDg14 returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseDg14(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseDg14 = toSafe(parseDg14);
