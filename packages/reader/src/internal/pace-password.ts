import { utf8Encode } from '@cancuoc/core';
import { sha1 } from '@noble/hashes/legacy.js';
import type { CheckedAccess } from '../access-key.js';

/**
 * The PACE password π (9303-11 §9.7.3): SHA-1 of the MRZ information, or the CAN's bytes.
 *
 * @example
 * ```ts
 * pacePassword(checkAccess({ can: '123456' })); // the bytes of '123456'
 * ```
 */
export function pacePassword(access: CheckedAccess): Uint8Array {
  return access.kind === 'mrz' ? sha1(utf8Encode(access.mrzInformation)) : utf8Encode(access.can);
}
