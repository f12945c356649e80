/**
 * Hashes and signature verification for passive and active authentication. Runtime-neutral:
 * WebCrypto (`globalThis.crypto.subtle`) for hashes and NIST-curve ECDSA, @noble/curves for brainpool
 * and other explicit-parameter curves (WebCrypto has none), and RSA verification written here with
 * BigInt because real documents need what WebCrypto refuses: signatures shorter than the modulus
 * (leading zeros), PSS with any salt or MGF hash, and the raw RSA operation behind ISO/IEC 9796-2
 * active authentication (RFC 8017 §5.2.2, §8.1.2, §8.2.2, §9.1.2, §9.2).
 */
import { ecdsa } from '@noble/curves/abstract/weierstrass.js';
import { sha224 } from '@noble/hashes/sha2.js';
import { fail } from '../errors.js';
import { readTlv, type TlvNode, tlvChildren } from '../parse-tlv.js';
import { ExactBytesCache } from './bytes-cache.js';
import { pointConstructor } from './curves.js';
import { bigIntToBytes, bytesToBigInt, decodeOid, expectCount, expectTag, readSmallInt, TAG } from './der.js';
import type { PublicKeyInfo } from './keys.js';
import { type NativeCrypto, nativeCrypto } from './native.js';
import { ECDSA_OIDS, HASH_OIDS, HASH_SIZES, type HashName, OID, RSA_PKCS1_OIDS } from './oids.js';

/** A signature scheme resolved from an AlgorithmIdentifier. */
export type SignatureScheme =
  | { readonly scheme: 'rsa-pkcs1'; readonly hash: HashName }
  | {
      readonly scheme: 'rsa-pss';
      readonly hash: HashName;
      readonly mgfHash: HashName;
      readonly saltLength: number;
    }
  | { readonly scheme: 'ecdsa'; readonly hash: HashName; readonly plain: boolean };

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (globalThis.crypto.subtle) is required');
  return s;
}

const buf = (b: Uint8Array): ArrayBuffer => {
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) {
    return b.buffer;
  }
  return b.slice().buffer as ArrayBuffer;
};

const NODE_HASH: Readonly<Record<HashName, string>> = {
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** Hash of `data` computed synchronously by node:crypto, or undefined where it is not available. */
export function digestNow(hash: HashName, data: Uint8Array): Uint8Array | undefined {
  const native = nativeCrypto();
  // A Buffer is a Uint8Array: returned as is, without a copy.
  return native ? native.createHash(NODE_HASH[hash]).update(data).digest() : undefined;
}

/** Hash of `data` with a named algorithm. */
export async function digest(hash: HashName, data: Uint8Array): Promise<Uint8Array> {
  const now = digestNow(hash, data);
  if (now) return now;
  if (hash === 'SHA-224') return sha224(data);
  return new Uint8Array(await subtle().digest(hash, buf(data)));
}

/** The hash named by a digest AlgorithmIdentifier node. */
// AlgorithmIdentifiers repeat on every card (a few per SOD): resolved once per exact encoding.
// Only successful results are kept, frozen, as the callers share them.
const hashAlgorithms = new ExactBytesCache<Readonly<{ hash: HashName; oid: string }>>(64);
const signatureAlgorithms = new ExactBytesCache<Readonly<SignatureScheme & { oid: string }>>(64);
const NO_DIGEST = new Uint8Array(0);
const digestKeys: Readonly<Record<HashName, Uint8Array>> = {
  'SHA-1': new Uint8Array([1]),
  'SHA-224': new Uint8Array([2]),
  'SHA-256': new Uint8Array([3]),
  'SHA-384': new Uint8Array([4]),
  'SHA-512': new Uint8Array([5]),
};

export function hashOfAlgorithm(node: TlvNode | undefined, what: string): { hash: HashName; oid: string } {
  if (node?.tag !== TAG.SEQUENCE) return readHashAlgorithm(node, what);
  const raw = node.raw;
  let result = hashAlgorithms.get(raw);
  if (!result) {
    result = Object.freeze(readHashAlgorithm(node, what));
    hashAlgorithms.set(result, raw);
  }
  return result;
}

function readHashAlgorithm(node: TlvNode | undefined, what: string): { hash: HashName; oid: string } {
  const parts = tlvChildren(expectTag(node, TAG.SEQUENCE, what));
  expectCount(parts, 1, 2, what);
  const oid = decodeOid(expectTag(parts[0], TAG.OID, what).value);
  // RFC 5754 §2: hash parameters are absent or NULL; anything else is not a known algorithm.
  if (!absentOrNull(parts)) throw fail('ERR_SOD_ALGORITHM', { oid });
  const hash = HASH_OIDS[oid];
  if (hash === undefined) throw fail('ERR_SOD_ALGORITHM', { oid });
  return { hash, oid };
}

/** Whether an AlgorithmIdentifier's parameters are absent or an empty NULL. */
function absentOrNull(parts: TlvNode[]): boolean {
  if (parts.length === 1) return true;
  return parts.length === 2 && parts[1]!.tag === TAG.NULL && parts[1]!.value.length === 0;
}

function pssParams(node: TlvNode | undefined): { hash: HashName; mgfHash: HashName; saltLength: number } {
  // RFC 8017 A.2.3: every field has a default (SHA-1, MGF1-SHA-1, salt 20).
  let hash: HashName = 'SHA-1';
  let mgfHash: HashName = 'SHA-1';
  let saltLength = 20;
  if (node === undefined || node.tag === TAG.NULL) return { hash, mgfHash, saltLength };
  let last = 0x9f;
  for (const field of tlvChildren(expectTag(node, TAG.SEQUENCE, 'RSASSA-PSS parameters'))) {
    const fieldChildren = tlvChildren(field);
    const inner = fieldChildren[0];
    // Fields are [0]…[3] in order, each holding exactly one value.
    if (fieldChildren.length !== 1 || field.tag <= last || field.tag > 0xa3)
      throw fail('ERR_SOD_ALGORITHM', { oid: OID.rsassaPss });
    last = field.tag;
    if (field.tag === 0xa0) hash = hashOfAlgorithm(inner, 'PSS hash').hash;
    else if (field.tag === 0xa1) {
      const mgf = tlvChildren(expectTag(inner, TAG.SEQUENCE, 'PSS mask generation'));
      const mgfOid = decodeOid(expectTag(mgf[0], TAG.OID, 'PSS mask generation').value);
      if (mgfOid !== OID.mgf1 || mgf.length !== 2) throw fail('ERR_SOD_ALGORITHM', { oid: mgfOid });
      mgfHash = hashOfAlgorithm(mgf[1], 'MGF1 hash').hash;
    } else if (field.tag === 0xa2) saltLength = readSmallInt(inner, 'PSS salt length');
    else if (field.tag === 0xa3) {
      if (readSmallInt(inner, 'PSS trailer') !== 1) throw fail('ERR_SOD_ALGORITHM', { oid: OID.rsassaPss });
    }
  }
  return { hash, mgfHash, saltLength };
}

/**
 * Resolves a signature AlgorithmIdentifier. `digestHash` is used when the OID names only the key type
 * (`rsaEncryption`, `ecPublicKey` in SignerInfo, as AU, US and NZ documents have it).
 */
export function resolveSignatureAlgorithm(
  node: TlvNode | undefined,
  digestHash?: HashName,
): SignatureScheme & { oid: string } {
  if (node?.tag !== TAG.SEQUENCE) return readSignatureAlgorithm(node, digestHash);
  const raw = node.raw;
  const context = digestHash === undefined ? NO_DIGEST : digestKeys[digestHash];
  let result = signatureAlgorithms.get(raw, context);
  if (!result) {
    result = Object.freeze(readSignatureAlgorithm(node, digestHash));
    signatureAlgorithms.set(result, raw, context);
  }
  return result;
}

function readSignatureAlgorithm(
  node: TlvNode | undefined,
  digestHash?: HashName,
): SignatureScheme & { oid: string } {
  const parts = tlvChildren(expectTag(node, TAG.SEQUENCE, 'signature algorithm'));
  expectCount(parts, 1, 2, 'signature algorithm');
  const oid = decodeOid(expectTag(parts[0], TAG.OID, 'signature algorithm').value);
  if (oid === OID.rsassaPss) {
    if (parts.length > 2) throw fail('ERR_SOD_ALGORITHM', { oid });
    return { oid, scheme: 'rsa-pss', ...pssParams(parts[1]) };
  }
  // RFC 4055 §5 / RFC 5758 §3.2: PKCS#1 parameters are NULL (or absent); ECDSA parameters are absent
  // (NULL is seen in real AT and DE SODs and accepted).
  const pkcs1 = RSA_PKCS1_OIDS[oid];
  if (pkcs1 && absentOrNull(parts)) return { oid, scheme: 'rsa-pkcs1', hash: pkcs1 };
  const ec = ECDSA_OIDS[oid];
  if (ec && absentOrNull(parts))
    return { oid, scheme: 'ecdsa', hash: ec, plain: oid.startsWith('0.4.0.127.0.7.1.1.4.1.') };
  if (digestHash && oid === OID.rsaEncryption && absentOrNull(parts))
    return { oid, scheme: 'rsa-pkcs1', hash: digestHash };
  if (digestHash && oid === OID.ecPublicKey && absentOrNull(parts))
    return { oid, scheme: 'ecdsa', hash: digestHash, plain: false };
  throw fail('ERR_SOD_ALGORITHM', { oid });
}

// Native key objects by the key's bytes: the same DSC signs many cards, so its key is imported once.
const nativeKeyCache = new Map<string, unknown>();
const latin1 = new TextDecoder('latin1');

function cachedNativeKey(id: Uint8Array, make: () => unknown): unknown {
  const k = latin1.decode(id);
  let key = nativeKeyCache.get(k);
  if (key === undefined) {
    key = make();
    if (nativeKeyCache.size >= 256) nativeKeyCache.clear();
    nativeKeyCache.set(k, key);
  }
  return key;
}

/** a < b for equal-length big-endian byte strings. */
function lessThan(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function b64url(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const nativeKeyOf = new WeakMap<object, unknown>();

function nativeRsaKey(native: NativeCrypto, key: { modulus: Uint8Array; exponent: Uint8Array }): unknown {
  const known = nativeKeyOf.get(key);
  if (known !== undefined) return known;
  // Identity of the key: length of e (2 bytes) ‖ e ‖ n, unambiguous.
  const id = new Uint8Array(2 + key.exponent.length + key.modulus.length);
  id[0] = key.exponent.length >> 8;
  id[1] = key.exponent.length & 0xff;
  id.set(key.exponent, 2);
  id.set(key.modulus, 2 + key.exponent.length);
  const made = cachedNativeKey(id, () =>
    native.createPublicKey({
      key: { kty: 'RSA', n: b64url(key.modulus), e: b64url(key.exponent) },
      format: 'jwk',
    }),
  );
  nativeKeyOf.set(key, made);
  return made;
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

function hexBytes(h: string): Uint8Array {
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

function pkcs1Verify(em: Uint8Array, hash: HashName, h: Uint8Array): boolean {
  // EMSA-PKCS1-v1_5: 00 01 FF…FF 00 DigestInfo; DigestInfo without NULL parameters is also seen.
  if (em[0] !== 0 || em[1] !== 1) return false;
  let i = 2;
  while (i < em.length && em[i] === 0xff) i++;
  if (i - 2 < 8 || em[i] !== 0) return false;
  const t = em.subarray(i + 1);
  const withNull = hexBytes(DIGEST_INFO_PREFIX[hash]);
  if (sameBytes(t, new Uint8Array([...withNull, ...h]))) return true;
  // Absent-NULL form: SEQUENCE { SEQUENCE { OID }, OCTET STRING }.
  try {
    const info = tlvChildren(readTlv(t));
    const alg = tlvChildren(expectTag(info[0], TAG.SEQUENCE, 'DigestInfo'));
    const oid = decodeOid(expectTag(alg[0], TAG.OID, 'DigestInfo').value);
    return (
      HASH_OIDS[oid] === hash &&
      alg.length === 1 &&
      sameBytes(expectTag(info[1], TAG.OCTET_STRING, 'DigestInfo').value, h) &&
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

async function pssVerify(
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
  return sameBytes(await digest(p.hash, mPrime), h);
}

/** Copies a positive INTEGER value into `size` bytes of `out` at `at`; false if it does not fit. */
function fixedInteger(v: Uint8Array, out: Uint8Array, at: number, size: number): boolean {
  if ((v[0]! & 0x80) !== 0) return false;
  let i = 0;
  while (i < v.length && v[i] === 0) i++;
  if (v.length - i > size) return false;
  out.set(v.subarray(i), at + size - (v.length - i));
  return true;
}

/** Splits a DER ECDSA signature into r ‖ s of `size` bytes each (undefined when malformed). */
export function ecdsaDerToPlain(sig: Uint8Array, size: number): Uint8Array | undefined {
  try {
    const node = readTlv(sig);
    if (node.raw.length !== sig.length || node.tag !== TAG.SEQUENCE) return undefined;
    const [r, s, extra] = tlvChildren(node);
    if (!r || !s || extra || r.tag !== TAG.INTEGER || s.tag !== TAG.INTEGER) return undefined;
    const out = new Uint8Array(2 * size);
    return fixedInteger(r.value, out, 0, size) && fixedInteger(s.value, out, size, size) ? out : undefined;
  } catch {
    return undefined;
  }
}

const WEBCRYPTO_CURVES = new Set(['P-256', 'P-384', 'P-521']);

/** Verifies ECDSA over `data` (hashing it with `hash`) with a plain r ‖ s signature. */
export async function verifyEcdsaPlain(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  hash: HashName,
  data: Uint8Array,
  plain: Uint8Array,
): Promise<boolean> {
  return nativeEcdsa(key, hash, data, plain) ?? verifyEcdsaPortable(key, hash, data, plain);
}

/** ECDSA with node:crypto; undefined where it is not available or refuses the key. */
function nativeEcdsa(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  hash: HashName,
  data: Uint8Array,
  plain: Uint8Array,
): boolean | undefined {
  const native = nativeCrypto();
  if (!native) return undefined;
  try {
    // OpenSSL reads explicit-parameter keys (brainpool as the BSI data has them) natively.
    let k = nativeKeyOf.get(key);
    if (k === undefined) {
      k = cachedNativeKey(key.spki, () =>
        native.createPublicKey({ key: key.spki, format: 'der', type: 'spki' }),
      );
      nativeKeyOf.set(key, k);
    }
    return native.verify(NODE_HASH[hash], data, { key: k, dsaEncoding: 'ieee-p1363' }, plain);
  } catch {
    return undefined; // the portable paths decide
  }
}

async function verifyEcdsaPortable(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  hash: HashName,
  data: Uint8Array,
  plain: Uint8Array,
): Promise<boolean> {
  if (key.curve && WEBCRYPTO_CURVES.has(key.curve) && hash !== 'SHA-224') {
    try {
      const k = await subtle().importKey(
        'raw',
        buf(key.point),
        { name: 'ECDSA', namedCurve: key.curve },
        false,
        ['verify'],
      );
      return await subtle().verify({ name: 'ECDSA', hash }, k, buf(plain), buf(data));
    } catch {
      return false;
    }
  }
  const h = await digest(hash, data);
  try {
    const curve = ecdsa(pointConstructor(key.params), sha224);
    return curve.verify(plain, h, key.point, { prehash: false, lowS: false, format: 'compact' });
  } catch {
    return false;
  }
}

// Byte length of the group order by curve parameters object (a BigInt to text per call otherwise).
const orderSizes = new WeakMap<object, number>();

/** r ‖ s of an ECDSA signature for `key` (undefined when malformed or of the wrong size). */
function ecdsaPlainFor(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  alg: Extract<SignatureScheme, { scheme: 'ecdsa' }>,
  signature: Uint8Array,
): Uint8Array | undefined {
  let size = orderSizes.get(key.params);
  if (size === undefined) {
    size = Math.ceil(key.params.n.toString(16).length / 2);
    orderSizes.set(key.params, size);
  }
  const plain = alg.plain ? signature : ecdsaDerToPlain(signature, size);
  return plain && plain.length === 2 * size ? plain : undefined;
}

/**
 * The synchronous part of {@link verifySignature}: node:crypto's verdict where it is final, else
 * undefined (no native backend, a key it refuses, or an RSA signature it rejects that the portable
 * code must re-check). Saves an asynchronous step per card on Node.js.
 */
export function verifySignatureNow(
  key: PublicKeyInfo,
  alg: SignatureScheme,
  data: Uint8Array,
  signature: Uint8Array,
): boolean | undefined {
  if (alg.scheme === 'ecdsa') {
    if (key.kind !== 'ec') return false;
    const plain = ecdsaPlainFor(key, alg, signature);
    return plain ? nativeEcdsa(key, alg.hash, data, plain) : false;
  }
  if (key.kind !== 'rsa' || signature.length > key.modulus.length) return false;
  const native = nativeCrypto();
  if (native && (alg.scheme === 'rsa-pkcs1' || alg.mgfHash === alg.hash)) {
    // OpenSSL's one-shot verify is the fast path; a signature it refuses (e.g. a DigestInfo without
    // NULL parameters, which real documents have) is re-checked by verifySignature.
    try {
      let padded = signature;
      if (signature.length < key.modulus.length) {
        padded = new Uint8Array(key.modulus.length);
        padded.set(signature, padded.length - signature.length);
      }
      const options =
        alg.scheme === 'rsa-pkcs1'
          ? { key: nativeRsaKey(native, key), padding: 1 }
          : { key: nativeRsaKey(native, key), padding: 6, saltLength: alg.saltLength };
      if (native.verify(NODE_HASH[alg.hash], data, options, padded)) return true;
    } catch {
      // the portable code decides
    }
  }
  return undefined;
}

/**
 * Verifies `signature` over `data`. Returns false for a wrong signature or a key that does not
 * fit the scheme; throws `ERR_KEY_UNSUPPORTED` only for keys that cannot be used at all.
 */
export async function verifySignature(
  key: PublicKeyInfo,
  alg: SignatureScheme,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const now = verifySignatureNow(key, alg, data, signature);
  if (now !== undefined) return now;
  if (alg.scheme === 'ecdsa') {
    if (key.kind !== 'ec') return false;
    const plain = ecdsaPlainFor(key, alg, signature);
    return plain ? verifyEcdsaPortable(key, alg.hash, data, plain) : false;
  }
  if (key.kind !== 'rsa') return false;
  const em = rsaPublic(key, signature);
  if (!em) return false;
  const h = await digest(alg.hash, data);
  if (alg.scheme === 'rsa-pkcs1') return pkcs1Verify(em, alg.hash, h);
  return pssVerify(em, key.bits, alg, h);
}
