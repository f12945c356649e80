/**
 * DG2 (ICAO 9303-10 §4.7.2): the face image, inside a biometric information group template
 * 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E | 7F2E data block } … } }. The data block is either an
 * ISO/IEC 19794-5:2005 facial record (`FAC\0`, tag 5F2E) or an ISO/IEC 39794-5 DER record (tag 7F2E,
 * the ICAO application profile in force since 2025). The image is returned as bytes with its MIME
 * type and dimensions; decoding JPEG 2000 to pixels is left to the caller (browsers and image
 * libraries), so this light core pulls in no codec.
 */
import { toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { readSmallInt, TAG } from './internal/der.js';
import { openFile } from './internal/lds.js';
import { type TlvNode, tlvChildren } from './parse-tlv.js';

/** MIME types of the face images chips carry. */
export type FaceImageMimeType = 'image/jpeg' | 'image/jp2';

/** One face image of DG2. */
export interface FaceImage {
  /** Container of the biometric data block. */
  readonly format: 'iso19794-5' | 'iso39794-5';
  /** The image bytes (JPEG, JP2 file or JPEG 2000 codestream), a view into the DG2 bytes. */
  readonly image: Uint8Array;
  readonly mimeType: FaceImageMimeType;
  /** Width and height in pixels read from the image headers (undefined if not found). */
  readonly width?: number;
  readonly height?: number;
  /** Offset of the image in the DG2 file (for audits). */
  readonly offset: number;
  /** Biometric header template values (ISO/IEC 7816-11), hex by tag: `87` format owner, `88` format type. */
  readonly header: Readonly<Record<string, string>>;
  /** ISO/IEC 19794-5 facial information, when the record is 19794-5. */
  readonly facialInformation?: {
    readonly featurePoints: number;
    readonly gender: 'unspecified' | 'male' | 'female' | 'unknown';
    readonly eyeColour: number;
    readonly hairColour: number;
    readonly expression: number;
    readonly imageType: number;
    readonly imageDataType: number;
    readonly colourSpace: number;
    readonly sourceType: number;
    readonly quality: number;
  };
}

/** Contents of DG2. */
export interface Dg2 {
  readonly faces: readonly FaceImage[];
}

const JP2_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function u16(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
}

/** Kind of image by signature, or undefined. */
function imageKind(b: Uint8Array): 'jpeg' | 'jp2' | 'j2k' | undefined {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, JP2_SIGNATURE)) return 'jp2';
  if (startsWith(b, [0xff, 0x4f, 0xff, 0x51])) return 'j2k';
  return undefined;
}

function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = u16(b, i + 2);
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16(b, i + 5), width: u16(b, i + 7) };
    }
    if (len < 2) return undefined;
    i += 2 + len;
  }
  return undefined;
}

function j2kSize(b: Uint8Array, at: number): { width: number; height: number } | undefined {
  // ISO/IEC 15444-1 A.5.1 SIZ: FF51 Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz.
  if (at + 22 > b.length || b[at + 2] !== 0xff || b[at + 3] !== 0x51) return undefined;
  const x = u32(b, at + 8);
  const y = u32(b, at + 12);
  const xo = u32(b, at + 16);
  const yo = u32(b, at + 20);
  return { width: x - xo, height: y - yo };
}

function jp2Size(b: Uint8Array): { width: number; height: number } | undefined {
  // ISO/IEC 15444-1 Annex I: boxes of (length, type); the jp2h super box holds ihdr (height, width).
  let i = 0;
  let guard = 0;
  while (i + 8 <= b.length && guard++ < 64) {
    const len = u32(b, i);
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    if (type === 'jp2h') {
      let j = i + 8;
      const end = len === 0 ? b.length : Math.min(b.length, i + len);
      while (j + 16 <= end) {
        const l = u32(b, j);
        if (String.fromCharCode(b[j + 4]!, b[j + 5]!, b[j + 6]!, b[j + 7]!) === 'ihdr') {
          return { height: u32(b, j + 8), width: u32(b, j + 12) };
        }
        if (l < 8) return undefined;
        j += l;
      }
      return undefined;
    }
    if (type === 'jp2c') return j2kSize(b, i + 8);
    if (len === 0) return undefined;
    if (len === 1 || len < 8) return undefined;
    i += len;
  }
  return undefined;
}

function describe(image: Uint8Array): Pick<FaceImage, 'mimeType' | 'width' | 'height'> {
  const kind = imageKind(image);
  if (kind === undefined) throw fail('ERR_DG2_IMAGE', { reason: 'no JPEG or JPEG 2000 signature' });
  const size = kind === 'jpeg' ? jpegSize(image) : kind === 'jp2' ? jp2Size(image) : j2kSize(image, 0);
  if (kind !== 'jpeg' && size === undefined)
    throw fail('ERR_DG2_IMAGE', { reason: 'JPEG 2000 header is invalid' });
  return { mimeType: kind === 'jpeg' ? 'image/jpeg' : 'image/jp2', ...(size ?? {}) };
}

function parse19794(block: Uint8Array, base: number, header: Record<string, string>): FaceImage {
  // ISO/IEC 19794-5:2005 §5.4-5.7: 14-byte record header, 20-byte facial information,
  // 8 bytes per feature point, 12-byte image information, then the image.
  if (block.length < 46 || !startsWith(block, [0x46, 0x41, 0x43, 0x00])) {
    throw fail('ERR_DG2_IMAGE', { reason: 'not an ISO/IEC 19794-5 record' });
  }
  const featurePoints = u16(block, 18);
  const imageInfo = 34 + featurePoints * 8;
  const start = imageInfo + 12;
  if (start >= block.length) throw fail('ERR_DG2_IMAGE', { reason: 'record is truncated' });
  const blockLength = u32(block, 14);
  const end = Math.min(block.length, 14 + blockLength);
  if (end <= start) throw fail('ERR_DG2_IMAGE', { reason: 'record length is invalid' });
  const image = block.subarray(start, end);
  const genderCode = block[20]!;
  return {
    format: 'iso19794-5',
    image,
    offset: base + start,
    ...describe(image),
    header,
    facialInformation: {
      featurePoints,
      gender:
        genderCode === 1
          ? 'male'
          : genderCode === 2
            ? 'female'
            : genderCode === 0xff
              ? 'unknown'
              : 'unspecified',
      eyeColour: block[21]!,
      hairColour: block[22]!,
      expression: u16(block, 26),
      imageType: block[imageInfo]!,
      imageDataType: block[imageInfo + 1]!,
      colourSpace: block[imageInfo + 6]!,
      sourceType: block[imageInfo + 7]!,
      quality: u16(block, imageInfo + 10),
    },
  };
}

function findImage(node: TlvNode, depth: number): TlvNode | undefined {
  if (depth > 12) return undefined;
  if (!node.constructed) return imageKind(node.value) ? node : undefined;
  for (const child of tlvChildren(node)) {
    const hit = findImage(child, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Parses DG2 and returns each face image with its MIME type and size.
 *
 * @throws CancuocError `ERR_CHIP_FILE_TAG`, `ERR_CHIP_STRUCTURE`, `ERR_DG2_IMAGE`, `ERR_TLV_*`.
 * @example
 * ```ts
 * const { faces } = parseDg2(card.files.dataGroups[2]);
 * faces[0].mimeType; // 'image/jpeg'
 * ```
 */
export function parseDg2(bytes: Uint8Array): Dg2 {
  const file = openFile(bytes, 0x75);
  const group = tlvChildren(file).find((c) => c.tag === 0x7f61);
  if (group === undefined) throw fail('ERR_CHIP_STRUCTURE', { reason: 'biometric group (7F61) is missing' });
  const parts = tlvChildren(group);
  const countNode = parts.find((c) => c.tag === TAG.INTEGER);
  if (countNode === undefined) throw fail('ERR_CHIP_STRUCTURE', { reason: 'instance count is missing' });
  const count = readSmallInt(countNode, 'instance count');
  const templates = parts.filter((c) => c.tag === 0x7f60);
  if (templates.length === 0)
    throw fail('ERR_CHIP_STRUCTURE', { reason: 'biometric template (7F60) is missing' });
  if (count !== templates.length)
    throw fail('ERR_CHIP_STRUCTURE', { reason: 'instance count does not match' });
  const fileStart = bytes.byteOffset;
  const faces = templates.map((template): FaceImage => {
    const inner = tlvChildren(template);
    const header: Record<string, string> = {};
    const bht = inner.find((c) => c.tag === 0xa1);
    if (bht) {
      for (const h of tlvChildren(bht)) {
        header[h.tag.toString(16).toUpperCase()] = Array.from(h.value, (b) => b.toString(16).padStart(2, '0'))
          .join('')
          .toUpperCase();
      }
    }
    const bdb = inner.find((c) => c.tag === 0x5f2e || c.tag === 0x7f2e);
    if (bdb === undefined) throw fail('ERR_CHIP_STRUCTURE', { reason: 'biometric data block is missing' });
    const base = bdb.value.byteOffset - fileStart;
    if (bdb.tag === 0x5f2e) return parse19794(bdb.value, base, header);
    const hit = findImage(bdb, 0);
    if (hit === undefined) throw fail('ERR_DG2_IMAGE', { reason: 'no image in the ISO/IEC 39794-5 record' });
    return {
      format: 'iso39794-5',
      image: hit.value,
      offset: hit.value.byteOffset - fileStart,
      ...describe(hit.value),
      header,
    };
  });
  return { faces };
}

/**
 * parseDg2 returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseDg2(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseDg2 = toSafe(parseDg2);
