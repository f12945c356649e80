/**
 * A complete, signed chip image of a synthetic Vietnamese CCCD / Căn cước card: EF.COM, EF.CardAccess
 * (the bytes real CCCD chips carry), DG1 (TD1 MRZ built from the 12-digit personal ID), DG2 (a
 * synthetic JPEG face in an ISO/IEC 19794-5 record), DG13 (all 16 fields), DG14 (chip authentication
 * key), DG15 (active authentication key) and EF.SOD signed by a test DSC chained to a test CSCA.
 * The private keys are returned for the software card (`createSimulatedCard`).
 */
import { foldDiacritics, icaoCheckDigit } from '@cancuoc/core';
import { brainpoolP256r1 } from '@noble/curves/misc.js';
import { explicit, int, nullValue, octets, oid, printable, seq, set, time, tlv, utf8 } from './der.js';
import { syntheticFaceJpeg } from './face.js';
import { createTestPki, type TestPki, type TestPkiOptions } from './test-pki.js';

/** The holder of a test card; every field is synthetic. */
export interface TestPerson {
  /** 12-digit personal ID; its century/sex digit and year must agree with sex and birth date. */
  readonly personalId: string;
  readonly fullName: string;
  /** dd/MM/yyyy. */
  readonly dateOfBirth: string;
  readonly sex: 'male' | 'female';
  readonly nationality: string;
  readonly ethnicity: string;
  readonly religion: string;
  readonly placeOfOrigin: string;
  readonly permanentResidence: string;
  readonly identifyingMarks: string;
  /** dd/MM/yyyy. */
  readonly dateOfIssue: string;
  /** dd/MM/yyyy, or null for "Không thời hạn". */
  readonly dateOfExpiry: string | null;
  readonly father: string;
  readonly mother: string;
  /** Empty string when none (the entry is then written without a value, as real cards do). */
  readonly spouse: string;
  /** Old 9-digit CMND; empty when none. */
  readonly legacyId: string;
  /** Card / chip ID, 16 characters. */
  readonly cardId: string;
}

/** The default synthetic holder (ID 001099012345: Hà Nội, male, born 1999). */
export const testPerson: TestPerson = {
  personalId: '001099012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '15/01/1999',
  sex: 'male',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Thử Nghiệm, Huyện Mẫu, Hà Nội',
  permanentResidence: 'Số 1 Phố Thử, Phường Mẫu, Quận Ví Dụ, Hà Nội',
  identifyingMarks: 'Nốt ruồi C:1cm trên trước mép trái',
  dateOfIssue: '10/05/2021',
  dateOfExpiry: '15/01/2039',
  father: 'Nguyễn Văn Bình',
  mother: 'Trần Thị Cúc',
  spouse: '',
  legacyId: '012345678',
  cardId: 'CANCUOCTEST00001',
};

/** Options of {@link issueTestCard}. */
export interface IssueTestCardOptions {
  /** Use this PKI instead of making a new one. */
  readonly pki?: TestPki;
  /** Options of the PKI made when `pki` is not given. */
  readonly pkiOptions?: TestPkiOptions;
  /** Active authentication key type (DG15): RSA-1024 with ISO/IEC 9796-2, or ECDSA P-256. Default `rsa`. */
  readonly activeAuthentication?: 'rsa' | 'ecdsa';
  /** DG13 field numbers to leave out (2024 cards omit some). */
  readonly omitDg13Fields?: readonly number[];
  /** Field 13 layout: each parent in its own SEQUENCE (default) or both in one. */
  readonly parentsNesting?: 'separate' | 'combined';
  /** Hash of EF.SOD; default SHA-256. */
  readonly hash?: 'SHA-256' | 'SHA-384';
  /** Curve of the chip authentication key in DG14; default `P-256`. */
  readonly chipAuthenticationCurve?: 'P-256' | 'brainpoolP256r1';
  /** signingTime attribute; default 2024-06-01. */
  readonly signingTime?: Date;
  /**
   * Pixel size of the synthetic face in DG2; default 120 × 160 (about 2 KB). 1500 × 2000 gives a
   * DG2 of about 100 KB, past the 32 KB that READ BINARY B0 reaches (foreign passports).
   */
  readonly face?: { readonly width: number; readonly height: number };
}

/** An EC private key for the software card (PACE standardized parameter ID 12 = P-256). */
export interface TestCardEcKey {
  readonly kind: 'ec';
  readonly parameterId: number;
  /** Private scalar, big-endian. */
  readonly privateKey: Uint8Array;
  /** Public point, uncompressed. */
  readonly publicKey: Uint8Array;
  /** The same key as a WebCrypto key (ECDSA for AA, ECDH for CA); absent on brainpool curves. */
  readonly cryptoKey?: CryptoKey;
}

/** An RSA private key for ISO/IEC 9796-2 active authentication. */
export interface TestCardRsaKey {
  readonly kind: 'rsa';
  readonly modulus: bigint;
  readonly privateExponent: bigint;
  readonly publicExponent: bigint;
}

/** A signed test card. */
export interface TestCard {
  readonly person: TestPerson;
  readonly files: {
    readonly com: Uint8Array;
    readonly cardAccess: Uint8Array;
    readonly sod: Uint8Array;
    /** DG1, DG2, DG13, DG14, DG15. */
    readonly dataGroups: Readonly<Record<number, Uint8Array>>;
  };
  /** The TD1 MRZ: lines, text and the BAC inputs (9-digit document number, YYMMDD dates). */
  readonly mrz: {
    readonly lines: readonly [string, string, string];
    readonly text: string;
    readonly documentNumber: string;
    readonly dateOfBirth: string;
    readonly dateOfExpiry: string;
  };
  /** PACE card access number: the last 6 digits of the personal ID. */
  readonly can: string;
  readonly keys: { readonly aa: TestCardEcKey | TestCardRsaKey; readonly ca: TestCardEcKey };
  readonly pki: TestPki;
  /** The face JPEG inside DG2. */
  readonly faceImage: Uint8Array;
}

/** EF.CardAccess of real CCCD chips (shared/reference/cccd-formats.md §3.1): TA, CA ECDH AES-128, PACE ECDH-GM AES-128 brainpoolP256r1. */
export const CCCD_CARD_ACCESS = new Uint8Array([
  0x31, 0x34, 0x30, 0x0d, 0x06, 0x08, 0x04, 0x00, 0x7f, 0x00, 0x07, 0x02, 0x02, 0x02, 0x02, 0x01, 0x01, 0x30,
  0x0f, 0x06, 0x0a, 0x04, 0x00, 0x7f, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02, 0x02, 0x02, 0x01, 0x01, 0x30, 0x12,
  0x06, 0x0a, 0x04, 0x00, 0x7f, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x02, 0x02, 0x01, 0x02, 0x02, 0x01, 0x0d,
]);

function checkDigit(s: string): string {
  const digit = icaoCheckDigit(s);
  if (digit === undefined) throw new RangeError('MRZ fields take 0-9, A-Z and < only');
  return String(digit);
}

function yymmdd(ddMMyyyy: string): string {
  const [d, m, y] = ddMMyyyy.split('/');
  return `${y!.slice(2)}${m}${d}`;
}

/** TD1 MRZ of a Vietnamese card (cccd-formats.md §2.1). */
export function vietnameseTd1(person: TestPerson): TestCard['mrz'] {
  const id = person.personalId;
  const doc = id.slice(3);
  const l1 = `IDVNM${doc}${checkDigit(doc)}${id}<<${checkDigit(id)}`;
  const birth = yymmdd(person.dateOfBirth);
  const expiry = person.dateOfExpiry === null ? '991231' : yymmdd(person.dateOfExpiry);
  const body = `${birth}${checkDigit(birth)}${person.sex === 'male' ? 'M' : 'F'}${expiry}${checkDigit(expiry)}VNM${'<'.repeat(11)}`;
  const composite = checkDigit(l1.slice(5, 30) + body.slice(0, 7) + body.slice(8, 15) + body.slice(18, 29));
  const l2 = body + composite;
  const words = foldDiacritics(person.fullName)
    .toUpperCase()
    .replace(/[^A-Z ]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const l3 = `${words[0] ?? ''}<<${words.slice(1).join('<')}`.padEnd(30, '<').slice(0, 30);
  return {
    lines: [l1, l2, l3],
    text: `${l1}\n${l2}\n${l3}`,
    documentNumber: doc,
    dateOfBirth: birth,
    dateOfExpiry: expiry,
  };
}

/**
 * DG13 of a test person (layout of shared/reference/cccd-formats.md §3.2).
 *
 * @example
 * ```ts
 * parseDg13(encodeDg13(testPerson)).fullName; // 'Nguyễn Văn An'
 * ```
 */
export function encodeDg13(
  person: TestPerson,
  options: { omitFields?: readonly number[]; parentsNesting?: 'separate' | 'combined' } = {},
): Uint8Array {
  return dg13(person, new Set(options.omitFields ?? []), options.parentsNesting ?? 'separate');
}

function dg13(person: TestPerson, omit: ReadonlySet<number>, nesting: 'separate' | 'combined'): Uint8Array {
  const entry = (n: number, ...values: Uint8Array[]) => seq(int(n), ...values);
  const entries: [number, Uint8Array][] = [
    [1, entry(1, printable(person.personalId))],
    [2, entry(2, utf8(person.fullName))],
    [3, entry(3, printable(person.dateOfBirth))],
    [4, entry(4, utf8(person.sex === 'male' ? 'Nam' : 'Nữ'))],
    [5, entry(5, utf8(person.nationality))],
    [6, entry(6, utf8(person.ethnicity))],
    [7, entry(7, utf8(person.religion))],
    [8, entry(8, utf8(person.placeOfOrigin))],
    [9, entry(9, utf8(person.permanentResidence))],
    [10, entry(10, utf8(person.identifyingMarks))],
    [11, entry(11, printable(person.dateOfIssue))],
    [12, entry(12, utf8(person.dateOfExpiry ?? 'Không thời hạn'))],
    [
      13,
      nesting === 'separate'
        ? entry(13, seq(utf8(person.father)), seq(utf8(person.mother)))
        : entry(13, seq(utf8(person.father), utf8(person.mother))),
    ],
    [14, person.spouse ? entry(14, seq(utf8(person.spouse))) : entry(14)],
    [15, entry(15, printable(person.legacyId))],
    [16, entry(16, printable(person.cardId))],
  ];
  const kept = entries
    .filter(([n]) => !omit.has(n) && !(n === 15 && person.legacyId === ''))
    .map(([, e]) => e);
  // cccd-formats.md §3.2: 6D { 30 { INTEGER 1, OID 1.0.10646.1.0.8, SET { entries } } }
  return tlv(0x6d, seq(int(1), oid('1.0.10646.1.0.8'), set(...kept)));
}

function dg2(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  // ISO/IEC 19794-5:2005: 14-byte header, 20-byte facial information, 12-byte image information.
  const u16 = (n: number) => [n >> 8, n & 0xff];
  const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const blockLength = 20 + 12 + jpeg.length;
  const header = [0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00, ...u32(14 + blockLength), ...u16(1)];
  const facial = [...u32(blockLength), ...u16(0), 0, 0, 0, 0, 0, 0, ...u16(0), 0, 0, 0, 0, 0, 0];
  const imageInfo = [1, 0, ...u16(width), ...u16(height), 1, 2, ...u16(0), ...u16(0)];
  const record = new Uint8Array([...header, ...facial, ...imageInfo, ...jpeg]);
  const bht = tlv(
    0xa1,
    tlv(0x80, new Uint8Array([1, 1])),
    tlv(0x87, new Uint8Array([1, 1])),
    tlv(0x88, new Uint8Array([0, 8])),
  );
  return tlv(0x75, tlv(0x7f61, int(1), tlv(0x7f60, bht, tlv(0x5f2e, record))));
}

async function exportEc(
  kp: CryptoKeyPair,
  parameterId: number,
): Promise<TestCardEcKey & { spki: Uint8Array }> {
  const subtle = globalThis.crypto.subtle;
  const jwk = await subtle.exportKey('jwk', kp.privateKey);
  const b64 = (s: string) =>
    Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const publicKey = new Uint8Array(await subtle.exportKey('raw', kp.publicKey));
  const spki = new Uint8Array(await subtle.exportKey('spki', kp.publicKey));
  return { kind: 'ec', parameterId, privateKey: b64(jwk.d!), publicKey, cryptoKey: kp.privateKey, spki };
}

function brainpoolKey(): TestCardEcKey & { spki: Uint8Array } {
  const privateKey = brainpoolP256r1.utils.randomSecretKey();
  const publicKey = brainpoolP256r1.getPublicKey(privateKey, false);
  // RFC 5480 SubjectPublicKeyInfo with the named curve brainpoolP256r1 (RFC 5639 §4.1).
  const spki = seq(
    seq(oid('1.2.840.10045.2.1'), oid('1.3.36.3.3.2.8.1.1.7')),
    tlv(0x03, new Uint8Array([0]), publicKey),
  );
  return { kind: 'ec', parameterId: 13, privateKey, publicKey, spki };
}

function b64ToBigInt(s: string): bigint {
  let x = 0n;
  for (const c of atob(s.replace(/-/g, '+').replace(/_/g, '/'))) x = (x << 8n) | BigInt(c.charCodeAt(0));
  return x;
}

/**
 * Issues a complete signed chip image of a synthetic card.
 *
 * @example
 * ```ts
 * const card = await issueTestCard();
 * const trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
 * (await verifyPassive({ sod: card.files.sod, dataGroups: card.files.dataGroups, trust })).verified; // true
 * ```
 */
export async function issueTestCard(
  person: Partial<TestPerson> = {},
  options: IssueTestCardOptions = {},
): Promise<TestCard> {
  const holder: TestPerson = { ...testPerson, ...person };
  const subtle = globalThis.crypto.subtle;
  const pki = options.pki ?? (await createTestPki(options.pkiOptions));
  const mrz = vietnameseTd1(holder);

  const dg1 = tlv(0x61, tlv(0x5f1f, new TextEncoder().encode(mrz.lines.join(''))));
  const { width, height } = options.face ?? { width: 120, height: 160 };
  const faceImage = syntheticFaceJpeg(width, height);
  const dataGroup2 = dg2(faceImage, width, height);
  const dataGroup13 = dg13(
    holder,
    new Set(options.omitDg13Fields ?? []),
    options.parentsNesting ?? 'separate',
  );

  // Chip authentication key (DG14): ECDH on P-256 (PACE parameter ID 12) with WebCrypto, or on
  // brainpoolP256r1 (ID 13, the curve the CCCD announces for PACE) with @noble/curves.
  const ca =
    options.chipAuthenticationCurve === 'brainpoolP256r1'
      ? brainpoolKey()
      : await exportEc(
          (await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
            'deriveBits',
          ])) as CryptoKeyPair,
          12,
        );
  const securityInfos = [
    // 9303-11 §9.2.6 ChipAuthenticationPublicKeyInfo (id-PK-ECDH) and §9.2.5 ChipAuthenticationInfo.
    seq(oid('0.4.0.127.0.7.2.2.1.2'), ca.spki),
    seq(oid('0.4.0.127.0.7.2.2.3.2.2'), int(1)),
    seq(oid('0.4.0.127.0.7.2.2.2'), int(1)),
  ];

  let aa: TestCardEcKey | TestCardRsaKey;
  let aaSpki: Uint8Array;
  if (options.activeAuthentication === 'ecdsa') {
    const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const k = await exportEc(pair, 12);
    aaSpki = k.spki;
    aa = {
      kind: 'ec',
      parameterId: 12,
      privateKey: k.privateKey,
      publicKey: k.publicKey,
      cryptoKey: pair.privateKey,
    };
    // 9303-11 §6.1: ActiveAuthenticationInfo names the ECDSA signature algorithm.
    securityInfos.push(seq(oid('2.23.136.1.1.5'), int(1), oid('1.2.840.10045.4.3.2')));
  } else {
    const pair = (await subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 1024,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-1',
      },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const jwk = await subtle.exportKey('jwk', pair.privateKey);
    aa = {
      kind: 'rsa',
      modulus: b64ToBigInt(jwk.n!),
      privateExponent: b64ToBigInt(jwk.d!),
      publicExponent: b64ToBigInt(jwk.e!),
    };
    // DG15 carries rsaEncryption keys (9303-11 §6.1); export as SPKI with that OID.
    aaSpki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
  }
  const dataGroup14 = tlv(0x6e, set(...securityInfos));
  const dataGroup15 = tlv(0x6f, aaSpki);

  const dataGroups: Record<number, Uint8Array> = {
    1: dg1,
    2: dataGroup2,
    13: dataGroup13,
    14: dataGroup14,
    15: dataGroup15,
  };
  const com = tlv(
    0x60,
    tlv(0x5f01, new TextEncoder().encode('0107')),
    tlv(0x5f36, new TextEncoder().encode('040000')),
    tlv(0x5c, new Uint8Array([0x61, 0x75, 0x6d, 0x6e, 0x6f])),
  );

  const sod = await signSod(pki, dataGroups, {
    hash: options.hash ?? 'SHA-256',
    signingTime: options.signingTime ?? new Date('2024-06-01T00:00:00Z'),
  });
  return {
    person: holder,
    files: { com, cardAccess: CCCD_CARD_ACCESS.slice(), sod, dataGroups },
    mrz,
    can: holder.personalId.slice(6),
    keys: {
      aa,
      ca: {
        kind: 'ec',
        parameterId: ca.parameterId,
        privateKey: ca.privateKey,
        publicKey: ca.publicKey,
        ...(ca.cryptoKey ? { cryptoKey: ca.cryptoKey } : {}),
      },
    },
    pki,
    faceImage,
  };
}

const HASH_OIDS = { 'SHA-256': '2.16.840.1.101.3.4.2.1', 'SHA-384': '2.16.840.1.101.3.4.2.2' } as const;

/**
 * Builds EF.SOD over `dataGroups` (ICAO 9303-10 §4.6.2): LDSSecurityObject v0, CMS SignedData v3
 * with the DSC, signed attributes content-type, signing-time and message-digest.
 */
export async function signSod(
  pki: TestPki,
  dataGroups: Readonly<Record<number, Uint8Array>>,
  options: { hash?: 'SHA-256' | 'SHA-384'; signingTime?: Date; dsc?: TestPki['dsc'] } = {},
): Promise<Uint8Array> {
  const hash = options.hash ?? 'SHA-256';
  const dsc = options.dsc ?? pki.dsc;
  const digest = async (b: Uint8Array) =>
    new Uint8Array(await globalThis.crypto.subtle.digest(hash, b.slice().buffer as ArrayBuffer));
  const hashAlg = seq(oid(HASH_OIDS[hash]), nullValue());
  const hashes = [];
  for (const n of Object.keys(dataGroups)
    .map(Number)
    .sort((a, b) => a - b)) {
    hashes.push(seq(int(n), octets(await digest(dataGroups[n]!))));
  }
  const lds = seq(int(0), hashAlg, seq(...hashes));
  const attrs = [
    seq(oid('1.2.840.113549.1.9.3'), set(oid('2.23.136.1.1.1'))),
    seq(oid('1.2.840.113549.1.9.5'), set(time(options.signingTime ?? new Date('2024-06-01T00:00:00Z')))),
    seq(oid('1.2.840.113549.1.9.4'), set(octets(await digest(lds)))),
  ];
  const signedAttrs = set(...attrs);
  const signature = await pki.sign(signedAttrs, dsc);
  // The DSC's issuer and serial number identify the signer (RFC 5652 §5.3 SignerIdentifier).
  const issuer = extractIssuer(dsc.certificate);
  const signerInfo = seq(
    int(1),
    seq(issuer, int(dsc.serialNumber)),
    hashAlg,
    tlv(0xa0, signedAttrs.subarray(headerLength(signedAttrs))),
    pki.signatureAlgorithm,
    octets(signature),
  );
  const signedData = seq(
    int(3),
    set(hashAlg),
    seq(oid('2.23.136.1.1.1'), explicit(0, octets(lds))),
    tlv(0xa0, dsc.certificate),
    set(signerInfo),
  );
  return tlv(0x77, seq(oid('1.2.840.113549.1.7.2'), explicit(0, signedData)));
}

function headerLength(der: Uint8Array): number {
  const l = der[1]!;
  return l < 0x80 ? 2 : 2 + (l & 0x7f);
}

/** The issuer Name of a DER certificate (TBSCertificate field 4). */
function extractIssuer(cert: Uint8Array): Uint8Array {
  let o = headerLength(cert); // Certificate
  const tbsStart = o;
  o += headerLength(cert.subarray(tbsStart)); // TBSCertificate header
  const skip = () => {
    const h = headerLength(cert.subarray(o));
    const l = cert[o + 1]!;
    let len = l;
    if (l >= 0x80) {
      len = 0;
      for (let i = 0; i < (l & 0x7f); i++) len = len * 256 + cert[o + 2 + i]!;
    }
    const start = o;
    o += h + len;
    return cert.subarray(start, o);
  };
  skip(); // [0] version
  skip(); // serial
  skip(); // signature algorithm
  return skip(); // issuer
}
