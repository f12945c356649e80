/**
 * Structurally valid but unsigned chip files for exercising the software card and the reader:
 * the LDS wrappers, EF.CardAccess, DG14 and DG15 are real structures; DG2, DG13 and EF.SOD carry
 * filler content. Use `issueTestCard` (signed by a test PKI) wherever passive authentication or
 * data-group parsing matters.
 */
import { encodeOid, encodeTlv } from '@cancuoc/chip';
import { concatBytes, utf8Encode } from '@cancuoc/core';
import { bigintToBytes, curveByParameterId } from '@cancuoc/reader/protocol';
import type { SimulatedCardKeys } from './card-keys.js';
import type { SimulatedCardFiles } from './create-simulated-card.js';

const oid = (o: string) => encodeTlv(0x06, encodeOid(o));
const int = (n: number) => encodeTlv(0x02, Uint8Array.of(n));
const seq = (...v: Uint8Array[]) => encodeTlv(0x30, ...v);

function ecSpki(parameterId: number, privateKey: Uint8Array): Uint8Array {
  const curve = curveByParameterId(parameterId);
  if (!curve) throw new RangeError(`unsupported parameter ID ${parameterId}`);
  let sk = 0n;
  for (const b of privateKey) sk = (sk << 8n) | BigInt(b);
  const point = curve.BASE.multiply(sk).toBytes(false);
  const curveOid: Record<number, string> = {
    12: '1.2.840.10045.3.1.7',
    13: '1.3.36.3.3.2.8.1.1.7',
    15: '1.3.132.0.34',
    16: '1.3.36.3.3.2.8.1.1.11',
  };
  const named = curveOid[parameterId];
  if (!named) throw new RangeError(`no named-curve OID for parameter ID ${parameterId}`);
  return seq(seq(oid('1.2.840.10045.2.1'), oid(named)), encodeTlv(0x03, Uint8Array.of(0), point));
}

/** Options of {@link createSampleCardFiles}. */
export interface SampleCardFilesOptions {
  /** TD1 MRZ lines (90 characters in all) for DG1. */
  readonly mrz: string;
  /** Size of the DG2 filler in bytes (default 18000, a typical CCCD portrait). */
  readonly dg2Size?: number;
  /** PACE cipher of EF.CardAccess: the CCCD announces AES-128 (OID suffix 2). */
  readonly paceOid?: string;
  /** PACE standardized domain parameter ID (default 13, brainpoolP256r1). */
  readonly parameterId?: number;
  /** Chip-authentication protocol OID (default id-CA-ECDH-AES-CBC-CMAC-128). */
  readonly caOid?: string;
  /** Keys whose public halves go into DG14 and DG15. */
  readonly keys?: SimulatedCardKeys;
}

/**
 * Builds EF.COM, DG1, DG2, DG13, DG14, DG15, EF.SOD and EF.CardAccess for the software card.
 *
 * @example
 * ```ts
 * const files = createSampleCardFiles({ mrz, keys });
 * const card = createSimulatedCard({ files, mrz: access, can: '123456', keys });
 * ```
 */
export function createSampleCardFiles(options: SampleCardFilesOptions): SimulatedCardFiles {
  const parameterId = options.parameterId ?? 13;
  const tags = [0x61, 0x75, 0x6d];
  const dataGroups: Record<number, Uint8Array> = {};
  dataGroups[1] = encodeTlv(0x61, encodeTlv(0x5f1f, utf8Encode(options.mrz)));
  const dg2Size = options.dg2Size ?? 18000;
  const filler = new Uint8Array(dg2Size);
  for (let i = 0; i < dg2Size; i++) filler[i] = (i * 31 + 7) & 0xff;
  dataGroups[2] = encodeTlv(0x75, encodeTlv(0x7f61, int(1), encodeTlv(0x7f60, encodeTlv(0x5f2e, filler))));
  dataGroups[13] = encodeTlv(
    0x6d,
    seq(
      int(0),
      oid('1.0.10646.1.0.8'),
      encodeTlv(0x31, seq(int(1), encodeTlv(0x13, utf8Encode('SYNTHETIC')))),
    ),
  );
  const ca = options.keys?.chipAuthentication;
  const aa = options.keys?.activeAuthentication;
  if (ca || aa?.kind === 'ec') {
    const infos: Uint8Array[] = [];
    if (ca) {
      infos.push(seq(oid(options.caOid ?? '0.4.0.127.0.7.2.2.3.2.2'), int(1)));
      infos.push(seq(oid('0.4.0.127.0.7.2.2.1.2'), ecSpki(ca.parameterId ?? 13, ca.privateKey)));
    }
    if (aa?.kind === 'ec') infos.push(seq(oid('2.23.136.1.1.5'), int(1), oid('0.4.0.127.0.7.1.1.4.1.3')));
    dataGroups[14] = encodeTlv(0x6e, encodeTlv(0x31, ...infos));
    tags.push(0x6e);
  }
  if (aa) {
    const spki =
      aa.kind === 'ec'
        ? ecSpki(aa.parameterId ?? 13, aa.privateKey)
        : seq(
            seq(oid('1.2.840.113549.1.1.1'), Uint8Array.of(0x05, 0x00)),
            encodeTlv(
              0x03,
              Uint8Array.of(0),
              seq(encodeTlv(0x02, positive(aa.modulus)), encodeTlv(0x02, positive(65537n))),
            ),
          );
    dataGroups[15] = encodeTlv(0x6f, spki);
    tags.push(0x6f);
  }
  const com = encodeTlv(
    0x60,
    encodeTlv(0x5f01, utf8Encode('0107')),
    encodeTlv(0x5f36, utf8Encode('040000')),
    encodeTlv(0x5c, Uint8Array.from(tags)),
  );
  const sod = encodeTlv(
    0x77,
    seq(oid('1.2.840.113549.1.7.2'), encodeTlv(0x04, new Uint8Array(1200).fill(0x5a))),
  );
  const cardAccess = encodeTlv(
    0x31,
    seq(oid(options.paceOid ?? '0.4.0.127.0.7.2.2.4.2.2'), int(2), int(parameterId)),
    ...(ca ? [seq(oid(options.caOid ?? '0.4.0.127.0.7.2.2.3.2.2'), int(1))] : []),
  );
  return { com, sod, dataGroups, cardAccess };
}

function positive(v: bigint): Uint8Array {
  const hex = v.toString(16);
  const bytes = bigintToBytes(v, Math.ceil(hex.length / 2));
  return (bytes[0] as number) & 0x80 ? concatBytes(Uint8Array.of(0), bytes) : bytes;
}
