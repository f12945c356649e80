/**
 * Minimal parser of SecurityInfos (ICAO 9303-11 §9.2) for EF.CardAccess and DG14: only what the
 * reader needs to choose and run PACE, chip authentication and active authentication.
 * TODO: switch to `parseCardAccess` / `parseDg14` / `parseDg15` of `@cancuoc/chip` once that
 * package exports them; this private copy exists because it was not there when this was written.
 */
import { bytesToBigint, curveByOid, curveFromParameters, type EcPoint } from './curves.js';
import { decodeOid } from './oid.js';
import { ID_AA, ID_PK_DH, ID_PK_ECDH } from './protocols.js';
import { readTlv, readTlvs, type Tlv } from './tlv.js';

export interface SecurityInfo {
  readonly oid: string;
  /** The DER elements after the OID. */
  readonly rest: readonly Tlv[];
}

function int(t: Tlv | undefined): number | undefined {
  if (t?.tag !== 0x02 || t.value.length === 0 || t.value.length > 4) return undefined;
  return Number(bytesToBigint(t.value));
}

/** Parses a SET OF SecurityInfo (EF.CardAccess content, or the value of DG14's tag 6E). */
export function parseSecurityInfos(bytes: Uint8Array): SecurityInfo[] | undefined {
  const set = readTlv(bytes);
  if (set?.tag !== 0x31) return undefined;
  const items = readTlvs(set.value);
  if (!items) return undefined;
  const out: SecurityInfo[] = [];
  for (const item of items) {
    if (item.tag !== 0x30) continue;
    const parts = readTlvs(item.value);
    if (parts?.[0]?.tag !== 0x06) continue;
    const oid = decodeOid(parts[0].value);
    if (oid) out.push({ oid, rest: parts.slice(1) });
  }
  return out;
}

export interface PaceInfo {
  readonly oid: string;
  readonly version: number;
  readonly parameterId: number | undefined;
}

export function paceInfos(infos: readonly SecurityInfo[]): PaceInfo[] {
  return infos
    .filter((i) => i.oid.startsWith('0.4.0.127.0.7.2.2.4.'))
    .map((i) => ({ oid: i.oid, version: int(i.rest[0]) ?? 0, parameterId: int(i.rest[1]) }));
}

/** A public key from a SubjectPublicKeyInfo: EC (with its curve) or RSA. */
export type PublicKey =
  | { readonly kind: 'ec'; readonly curve: EcPoint; readonly point: Uint8Array }
  | { readonly kind: 'rsa'; readonly modulus: bigint; readonly exponent: bigint };

/** Parses a DER SubjectPublicKeyInfo (RFC 5280 §4.1) holding an EC or RSA key. */
export function parsePublicKeyInfo(spki: Tlv): PublicKey | undefined {
  if (spki.tag !== 0x30) return undefined;
  const [alg, key] = readTlvs(spki.value) ?? [];
  if (alg?.tag !== 0x30 || !key || key.tag !== 0x03 || key.value[0] !== 0) return undefined;
  const [algOid, params] = readTlvs(alg.value) ?? [];
  if (algOid?.tag !== 0x06) return undefined;
  const oid = decodeOid(algOid.value);
  const bits = key.value.subarray(1);
  if (oid === '1.2.840.113549.1.1.1') {
    const seq = readTlv(bits);
    const [n, e] = (seq && seq.tag === 0x30 && readTlvs(seq.value)) || [];
    if (!n || !e || n.tag !== 0x02 || e.tag !== 0x02) return undefined;
    return { kind: 'rsa', modulus: bytesToBigint(n.value), exponent: bytesToBigint(e.value) };
  }
  if (oid !== '1.2.840.10045.2.1' && oid !== ID_PK_ECDH) return undefined;
  let curve: EcPoint | undefined;
  if (params?.tag === 0x06) {
    const named = decodeOid(params.value);
    curve = named ? curveByOid(named) : undefined;
  } else if (params?.tag === 0x30) {
    curve = explicitCurve(params);
  }
  if (!curve) return undefined;
  return { kind: 'ec', curve, point: bits.slice() };
}

// X9.62 ECParameters { version, fieldID { prime-field, p }, curve { a, b, seed? }, base, order, cofactor? }
function explicitCurve(params: Tlv): EcPoint | undefined {
  const [, fieldId, curve, base, order, cofactor] = readTlvs(params.value) ?? [];
  if (!fieldId || !curve || !base || !order) return undefined;
  const [, p] = readTlvs(fieldId.value) ?? [];
  const [a, b] = readTlvs(curve.value) ?? [];
  if (!p || !a || !b || base.value[0] !== 0x04) return undefined;
  const coord = (base.value.length - 1) / 2;
  try {
    return curveFromParameters({
      p: bytesToBigint(p.value),
      a: bytesToBigint(a.value),
      b: bytesToBigint(b.value),
      gx: bytesToBigint(base.value.subarray(1, 1 + coord)),
      gy: bytesToBigint(base.value.subarray(1 + coord)),
      n: bytesToBigint(order.value),
      h: cofactor ? bytesToBigint(cofactor.value) : 1n,
    });
  } catch {
    return undefined;
  }
}

export interface ChipAuthenticationKey {
  readonly caOid: string | undefined;
  readonly keyId: number | undefined;
  readonly key: PublicKey;
}

/** The chip-authentication key(s) and protocol(s) of DG14 (9303-11 §9.2.5, §9.2.6). */
export function chipAuthenticationKeys(infos: readonly SecurityInfo[]): ChipAuthenticationKey[] {
  const protocols = infos
    .filter((i) => i.oid.startsWith('0.4.0.127.0.7.2.2.3.'))
    .map((i) => ({ oid: i.oid, keyId: int(i.rest[1]) }));
  const out: ChipAuthenticationKey[] = [];
  for (const info of infos) {
    if (info.oid !== ID_PK_ECDH && info.oid !== ID_PK_DH) continue;
    const spki = info.rest[0];
    const key = spki ? parsePublicKeyInfo(spki) : undefined;
    if (key?.kind !== 'ec') continue;
    const keyId = int(info.rest[1]);
    const protocol = protocols.find((p) => p.keyId === keyId) ?? protocols[0];
    out.push({ caOid: protocol?.oid, keyId, key });
  }
  return out;
}

/** The AA signature algorithm OID announced in DG14 (ActiveAuthenticationInfo, 9303-11 §9.2.7). */
export function activeAuthenticationAlgorithm(infos: readonly SecurityInfo[]): string | undefined {
  const info = infos.find((i) => i.oid === ID_AA);
  const alg = info?.rest[1];
  return alg?.tag === 0x06 ? decodeOid(alg.value) : undefined;
}

/** Unwraps DG14 (tag 6E) to its SecurityInfos. */
export function parseDg14(bytes: Uint8Array): SecurityInfo[] | undefined {
  const outer = readTlv(bytes);
  if (outer?.tag !== 0x6e) return undefined;
  return parseSecurityInfos(outer.value);
}

/** Unwraps DG15 (tag 6F) to its public key. */
export function parseDg15(bytes: Uint8Array): PublicKey | undefined {
  const outer = readTlv(bytes);
  if (outer?.tag !== 0x6f) return undefined;
  const spki = readTlv(outer.value);
  return spki ? parsePublicKeyInfo(spki) : undefined;
}
