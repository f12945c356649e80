/**
 * RSA signature verification written here with BigInt because real documents need what WebCrypto
 * refuses: signatures shorter than the modulus (leading zeros), PSS with any salt or MGF hash, and the
 * raw RSA operation behind ISO/IEC 9796-2 active authentication (RFC 8017 §5.2.2, §8.1.2, §8.2.2,
 * §9.1.2, §9.2). node:crypto does the modular exponentiation where it is available.
 */
import { equalBytes, fromHex } from '@cancuoc/core';
import { readTlv, tlvChildren } from '../parse-tlv.js';
import { bigIntToBytes, bytesToBigInt, decodeOid, expectTag, TAG } from './der.js';
import { digest } from './digest.js';
import { nativeCrypto } from './native.js';
import { nativeRsaKey } from './native-keys.js';
import { HASH_OIDS, HASH_SIZES, type HashName } from './oids.js';

/** a < b for equal-length big-endian byte strings. */
function lessThan(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** RSA public operation s^e mod n, as a big-endian block of the modulus length. */
export function rsaPublic(
  key: { modulus: Uint8Array; exponent: Uint8Array },
  signature: Uint8Array,
): Uint8Array | undefined {
  const native = nativeCrypto();
  if (native && signature.length <= key.modulus.length) {
    // Left-pad to the modulus length: signatures with leading zero bytes are valid.
    const block = new Uint8Array(key.modulus.length);
    block.set(signature, block.length - signature.length);
    if (!lessThan(block, key.modulus) || block.every((b) => b === 0)) return undefined;
    try {
      const k = nativeRsaKey(native, key);
      return new Uint8Array(
        native.publicDecrypt({ key: k, padding: native.constants.RSA_NO_PADDING }, block),
      );
    } catch {
      // fall through to the portable path
    }
  }
  const n = bytesToBigInt(key.modulus);
  const s = bytesToBigInt(signature);
  if (s >= n || s === 0n) return undefined;
  let e = bytesToBigInt(key.exponent);
  let base = s;
  let result = 1n;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % n;
    base = (base * base) % n;
    e >>= 1n;
  }
  return bigIntToBytes(result, key.modulus.length);
}

const DIGEST_INFO_PREFIX: Readonly<Record<HashName, string>> = {
  // RFC 8017 §9.2 note 1
  'SHA-1': '3021300906052b0e03021a05000414',
  'SHA-224': '302d300d06096086480165030402040500041c',
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

export function pkcs1Verify(em: Uint8Array, hash: HashName, h: Uint8Array): boolean {
  // EMSA-PKCS1-v1_5: 00 01 FF…FF 00 DigestInfo; DigestInfo without NULL parameters is also seen.
  if (em[0] !== 0 || em[1] !== 1) return false;
  let i = 2;
  while (i < em.length && em[i] === 0xff) i++;
  if (i - 2 < 8 || em[i] !== 0) return false;
  const t = em.subarray(i + 1);
  const withNull = fromHex(DIGEST_INFO_PREFIX[hash]);
  if (equalBytes(t, new Uint8Array([...withNull, ...h]))) return true;
  // Absent-NULL form: SEQUENCE { SEQUENCE { OID }, OCTET STRING }.
  try {
    const info = tlvChildren(readTlv(t));
    const alg = tlvChildren(expectTag(info[0], TAG.SEQUENCE, 'DigestInfo'));
    const oid = decodeOid(expectTag(alg[0], TAG.OID, 'DigestInfo').value);
    return (
      HASH_OIDS[oid] === hash &&
      alg.length === 1 &&
      equalBytes(expectTag(info[1], TAG.OCTET_STRING, 'DigestInfo').value, h) &&
      readTlv(t).raw.length === t.length
    );
  } catch {
    return false;
  }
}

/** MGF1 (RFC 8017 B.2.1). */
export async function mgf1(hash: HashName, seed: Uint8Array, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let done = 0;
  for (let counter = 0; done < length; counter++) {
    const c = new Uint8Array(seed.length + 4);
    c.set(seed);
    new DataView(c.buffer).setUint32(seed.length, counter);
    const block = await digest(hash, c);
    out.set(block.subarray(0, Math.min(block.length, length - done)), done);
    done += block.length;
  }
  return out;
}

export async function pssVerify(
  em: Uint8Array,
  modBits: number,
  p: { hash: HashName; mgfHash: HashName; saltLength: number },
  mHash: Uint8Array,
): Promise<boolean> {
  // EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with emBits = modBits - 1.
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const block = em.subarray(em.length - emLen);
  if (em.length > emLen && em.subarray(0, em.length - emLen).some((b) => b !== 0)) return false;
  const hLen = HASH_SIZES[p.hash];
  if (emLen < hLen + p.saltLength + 2 || block[emLen - 1] !== 0xbc) return false;
  const maskedDb = block.subarray(0, emLen - hLen - 1);
  const h = block.subarray(emLen - hLen - 1, emLen - 1);
  const zeroBits = 8 * emLen - emBits;
  if (maskedDb[0]! >> (8 - zeroBits) !== 0 && zeroBits > 0) return false;
  const mask = await mgf1(p.mgfHash, h, maskedDb.length);
  const db = maskedDb.map((b, i) => b ^ mask[i]!);
  db[0]! &= 0xff >> zeroBits;
  const psLen = emLen - hLen - p.saltLength - 2;
  for (let i = 0; i < psLen; i++) if (db[i] !== 0) return false;
  if (db[psLen] !== 1) return false;
  const salt = db.subarray(db.length - p.saltLength);
  const mPrime = new Uint8Array(8 + hLen + p.saltLength);
  mPrime.set(mHash, 8);
  mPrime.set(salt, 8 + hLen);
  return equalBytes(await digest(p.hash, mPrime), h);
}
