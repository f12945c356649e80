/**
 * The gateway's `password` parameter: the MD5 hex of the portal password. Clients disagree on the
 * case (older C# and JS send lower case; a QĐ 3176 client and a note on the BHXH guide upper case:
 * reference notes integrations.md §2.1), so upper case is the default and lower case an option.
 * MD5 is what the gateway demands, not a choice: it comes from @noble/hashes' legacy module.
 */
import { toHex, utf8Encode } from '@cancuoc/core';
import { md5 } from '@noble/hashes/legacy.js';

/** The hex MD5 of the password (or the given hash), in the requested case. */
export function passwordHash(options: {
  readonly password?: string | undefined;
  readonly passwordMd5?: string | undefined;
  readonly md5Case?: 'upper' | 'lower' | undefined;
}): string {
  const { password, passwordMd5, md5Case = 'upper' } = options;
  if (md5Case !== 'upper' && md5Case !== 'lower') throw new TypeError("md5Case must be 'upper' or 'lower'");
  let hex: string;
  if (passwordMd5 !== undefined) {
    if (password !== undefined) throw new TypeError('Give either password or passwordMd5, not both');
    if (typeof passwordMd5 !== 'string' || !/^[0-9a-fA-F]{32}$/.test(passwordMd5)) {
      throw new TypeError('passwordMd5 must be 32 hexadecimal characters (an MD5 digest)');
    }
    hex = passwordMd5;
  } else if (typeof password === 'string' && password.length > 0) {
    hex = toHex(md5(utf8Encode(password)));
  } else {
    throw new TypeError('createInsuranceClient needs password or passwordMd5');
  }
  return md5Case === 'upper' ? hex.toUpperCase() : hex.toLowerCase();
}
