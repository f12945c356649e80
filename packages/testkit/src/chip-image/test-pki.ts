/**
 * A test ICAO PKI made at run time with WebCrypto: a Country Signing CA (CSCA) certificate and a
 * Document Signer (DSC) certificate it signs (ICAO 9303-12 profiles, simplified), with RSASSA-PSS,
 * RSA PKCS#1 v1.5 or ECDSA P-256/P-384/P-521 keys. Keys are random; names, serial numbers and validity
 * dates are fixed so tests can assert them.
 */
import { DER } from '@noble/curves/abstract/weierstrass.js';
import { bytesToNumberBE, hexToBytes } from '@noble/curves/utils.js';
import { bits, explicit, int, nullValue, octets, oid, printable, seq, set, time, tlv, utf8 } from './der.js';

/** Signature algorithms the test PKI can use. */
export type TestPkiAlgorithm = 'rsa-pss' | 'rsa-pkcs1' | 'ecdsa-p256' | 'ecdsa-p384' | 'ecdsa-p521';

/** One certificate with its private key. */
export interface TestCertificate {
  /** DER bytes. */
  readonly certificate: Uint8Array;
  /** PEM text. */
  readonly pem: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly subject: string;
  readonly serialNumber: number;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** A test CSCA and DSC. */
export interface TestPki {
  readonly algorithm: TestPkiAlgorithm;
  readonly csca: TestCertificate;
  readonly dsc: TestCertificate;
  /** Signs `data` with the DSC's key as a CMS signature value (DER ECDSA, or RSA bytes). */
  sign(data: Uint8Array, signer?: TestCertificate): Promise<Uint8Array>;
  /** The SignerInfo / certificate AlgorithmIdentifier of this PKI's algorithm. */
  readonly signatureAlgorithm: Uint8Array;
  /** Makes a CRL signed by the CSCA that revokes the given serial numbers. */
  createCrl(
    revokedSerials: readonly number[],
    options?: { thisUpdate?: Date; nextUpdate?: Date },
  ): Promise<Uint8Array>;
  /** Issues another DSC (e.g. expired or revoked) signed by the CSCA. */
  issueDsc(options?: {
    serialNumber?: number;
    notBefore?: Date;
    notAfter?: Date;
    commonName?: string;
  }): Promise<TestCertificate>;
}

/** Options of {@link createTestPki}. */
export interface TestPkiOptions {
  /** Default `rsa-pss` (what Vietnamese documents appear to use, see shared/reference/cccd-formats.md §3.1). */
  readonly algorithm?: TestPkiAlgorithm;
  /** RSA modulus size; default 2048. */
  readonly rsaBits?: number;
  /** Country code in the names; default `VN`. */
  readonly country?: string;
}

const SHA256 = '2.16.840.1.101.3.4.2.1';

function algorithmIdentifier(alg: TestPkiAlgorithm): Uint8Array {
  switch (alg) {
    case 'rsa-pss':
      // RFC 4055 §3.1: SHA-256, MGF1 with SHA-256, salt 32.
      return seq(
        oid('1.2.840.113549.1.1.10'),
        seq(
          explicit(0, seq(oid(SHA256), nullValue())),
          explicit(1, seq(oid('1.2.840.113549.1.1.8'), seq(oid(SHA256), nullValue()))),
          explicit(2, int(32)),
        ),
      );
    case 'rsa-pkcs1':
      return seq(oid('1.2.840.113549.1.1.11'), nullValue());
    case 'ecdsa-p256':
      return seq(oid('1.2.840.10045.4.3.2'));
    case 'ecdsa-p384':
      return seq(oid('1.2.840.10045.4.3.3'));
    case 'ecdsa-p521':
      return seq(oid('1.2.840.10045.4.3.4'));
  }
}

function keyParams(alg: TestPkiAlgorithm, rsaBits: number): RsaHashedKeyGenParams | EcKeyGenParams {
  if (alg === 'rsa-pss')
    return {
      name: 'RSA-PSS',
      modulusLength: rsaBits,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    };
  if (alg === 'rsa-pkcs1') {
    return {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: rsaBits,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    };
  }
  return {
    name: 'ECDSA',
    namedCurve: ({ 'ecdsa-p256': 'P-256', 'ecdsa-p384': 'P-384', 'ecdsa-p521': 'P-521' } as const)[alg],
  };
}

/** DER ECDSA-Sig-Value (RFC 5480 §2.2) from a WebCrypto r ‖ s signature, with @noble/curves' `DER`. */
export function plainToDer(plain: Uint8Array): Uint8Array {
  const half = plain.length / 2;
  const r = bytesToNumberBE(plain.subarray(0, half));
  const s = bytesToNumberBE(plain.subarray(half));
  return hexToBytes(DER.hexFromSig({ r, s }));
}

async function signWith(alg: TestPkiAlgorithm, key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const buf = data.slice().buffer as ArrayBuffer;
  if (alg === 'rsa-pss')
    return new Uint8Array(await subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, key, buf));
  if (alg === 'rsa-pkcs1') return new Uint8Array(await subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, key, buf));
  const hash = ({ 'ecdsa-p256': 'SHA-256', 'ecdsa-p384': 'SHA-384', 'ecdsa-p521': 'SHA-512' } as const)[alg];
  return plainToDer(new Uint8Array(await subtle.sign({ name: 'ECDSA', hash }, key, buf)));
}

function name(country: string, cn: string): Uint8Array {
  return seq(
    set(seq(oid('2.5.4.6'), printable(country))),
    set(seq(oid('2.5.4.10'), utf8('Cancuoc Test'))),
    set(seq(oid('2.5.4.3'), utf8(cn))),
  );
}

function pem(der: Uint8Array): string {
  let b = '';
  for (const x of der) b += String.fromCharCode(x);
  const b64 = btoa(b).replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

async function keyId(spki: Uint8Array): Promise<Uint8Array> {
  const h = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-1', spki.slice().buffer as ArrayBuffer),
  );
  return h;
}

interface CertSpec {
  serialNumber: number;
  subject: Uint8Array;
  subjectText: string;
  issuer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  ca: boolean;
  issuerSpki: Uint8Array;
}

async function makeCertificate(
  alg: TestPkiAlgorithm,
  spec: CertSpec,
  issuerKey: CryptoKey,
): Promise<Uint8Array> {
  const ski = await keyId(spec.spki);
  const aki = await keyId(spec.issuerSpki);
  const extensions = [
    seq(oid('2.5.29.14'), octets(octets(ski))),
    seq(oid('2.5.29.35'), octets(seq(tlv(0x80, aki)))),
    seq(
      oid('2.5.29.15'),
      tlv(0x01, new Uint8Array([0xff])),
      octets(tlv(0x03, spec.ca ? new Uint8Array([1, 0x06]) : new Uint8Array([7, 0x80]))),
    ),
  ];
  if (spec.ca)
    extensions.push(
      seq(
        oid('2.5.29.19'),
        tlv(0x01, new Uint8Array([0xff])),
        octets(seq(tlv(0x01, new Uint8Array([0xff])), int(0))),
      ),
    );
  const tbs = seq(
    explicit(0, int(2)),
    int(spec.serialNumber),
    algorithmIdentifier(alg),
    spec.issuer,
    seq(time(spec.notBefore), time(spec.notAfter)),
    spec.subject,
    spec.spki,
    explicit(3, seq(...extensions)),
  );
  const signature = await signWith(alg, issuerKey, tbs);
  return seq(tbs, algorithmIdentifier(alg), bits(signature));
}

/**
 * Creates a test CSCA and a DSC it signs.
 *
 * @example
 * ```ts
 * const pki = await createTestPki({ algorithm: 'ecdsa-p256' });
 * const trust = await createTrustStore({ certificates: [pki.csca.pem] });
 * ```
 */
export async function createTestPki(options: TestPkiOptions = {}): Promise<TestPki> {
  const algorithm = options.algorithm ?? 'rsa-pss';
  const rsaBits = options.rsaBits ?? 2048;
  const country = options.country ?? 'VN';
  const subtle = globalThis.crypto.subtle;
  const generate = async () =>
    (await subtle.generateKey(keyParams(algorithm, rsaBits), true, ['sign', 'verify'])) as CryptoKeyPair;
  const exportSpki = async (k: CryptoKey) => new Uint8Array(await subtle.exportKey('spki', k));

  const cscaKeys = await generate();
  const cscaSpki = await exportSpki(cscaKeys.publicKey);
  const cscaName = name(country, 'CSCA Test');
  const cscaValidity = {
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2045-01-01T00:00:00Z'),
  };
  const cscaDer = await makeCertificate(
    algorithm,
    {
      serialNumber: 1,
      subject: cscaName,
      subjectText: 'CSCA Test',
      issuer: cscaName,
      ...cscaValidity,
      spki: cscaSpki,
      ca: true,
      issuerSpki: cscaSpki,
    },
    cscaKeys.privateKey,
  );
  const csca: TestCertificate = {
    certificate: cscaDer,
    pem: pem(cscaDer),
    privateKey: cscaKeys.privateKey,
    publicKey: cscaKeys.publicKey,
    subject: `C=${country}, O=Cancuoc Test, CN=CSCA Test`,
    serialNumber: 1,
    ...cscaValidity,
  };

  const issueDsc: TestPki['issueDsc'] = async (o = {}) => {
    const keys = await generate();
    const spki = await exportSpki(keys.publicKey);
    const cn = o.commonName ?? 'DS Test';
    const serialNumber = o.serialNumber ?? 2;
    const notBefore = o.notBefore ?? new Date('2024-01-01T00:00:00Z');
    const notAfter = o.notAfter ?? new Date('2040-01-01T00:00:00Z');
    const der = await makeCertificate(
      algorithm,
      {
        serialNumber,
        subject: name(country, cn),
        subjectText: cn,
        issuer: cscaName,
        notBefore,
        notAfter,
        spki,
        ca: false,
        issuerSpki: cscaSpki,
      },
      cscaKeys.privateKey,
    );
    return {
      certificate: der,
      pem: pem(der),
      privateKey: keys.privateKey,
      publicKey: keys.publicKey,
      subject: `C=${country}, O=Cancuoc Test, CN=${cn}`,
      serialNumber,
      notBefore,
      notAfter,
    };
  };
  const dsc = await issueDsc();

  return {
    algorithm,
    csca,
    dsc,
    signatureAlgorithm: algorithmIdentifier(algorithm),
    sign: (data, signer = dsc) => signWith(algorithm, signer.privateKey, data),
    issueDsc,
    async createCrl(revokedSerials, o = {}) {
      const thisUpdate = o.thisUpdate ?? new Date('2025-01-01T00:00:00Z');
      const nextUpdate = o.nextUpdate ?? new Date('2045-01-01T00:00:00Z');
      const revoked = revokedSerials.map((s) => seq(int(s), time(thisUpdate)));
      const tbs = seq(
        int(1),
        algorithmIdentifier(algorithm),
        cscaName,
        time(thisUpdate),
        time(nextUpdate),
        ...(revoked.length ? [seq(...revoked)] : []),
      );
      const signature = await signWith(algorithm, cscaKeys.privateKey, tbs);
      return seq(tbs, algorithmIdentifier(algorithm), bits(signature));
    },
  };
}
