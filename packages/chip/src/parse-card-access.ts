/** EF.CardAccess (ICAO 9303-11 §9.2.1, FID 011C): SecurityInfos readable before access control. */
import { toSafe } from '@cancuoc/core';
import { checkSize, DEFAULT_MAX_BYTES, type MaxBytesOptions, maxBytesOption } from './internal/limits.js';
import { parseTlv } from './parse-tlv.js';
import { parseSecurityInfos, type SecurityInfos } from './security-infos.js';

/**
 * Parses EF.CardAccess (a bare SET OF SecurityInfo).
 *
 * @param options.maxBytes - largest file accepted, default 16384 bytes.
 * @throws CancuocError `ERR_CHIP_INPUT_SIZE`, `ERR_CHIP_STRUCTURE`, `ERR_CHIP_VALUE`, `ERR_TLV_*`.
 * @example
 * ```ts
 * const info = parseCardAccess(fromHex('3134300d060804007f0007020202020101300f060a04007f000702020302020201013012060a04007f0007020204020202010202010d'));
 * info.pace[0].parameterName; // 'brainpoolP256r1'
 * ```
 */
export function parseCardAccess(bytes: Uint8Array, options: MaxBytesOptions = {}): SecurityInfos {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseCardAccess expects a Uint8Array');
  checkSize(
    bytes,
    maxBytesOption(options.maxBytes, DEFAULT_MAX_BYTES.cardAccess, 'maxBytes'),
    'EF.CardAccess',
  );
  return parseSecurityInfos(parseTlv(bytes));
}

/**
 * parseCardAccess returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseCardAccess(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseCardAccess = toSafe(parseCardAccess);
