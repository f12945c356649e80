/**
 * DG13 of the Vietnamese CCCD / Căn cước chip: the holder's personal data in Vietnamese, which no
 * ICAO data group carries. Layout (reconstructed from several public readers, see
 * shared/reference/cccd-formats.md §3.2): 6D { 30 { INTEGER version, OID 1.0.10646.1.0.8,
 * SET { 30 { INTEGER n, value… } … } } } with n = 1…16. Entries may be absent (2024 cards), so they
 * are read by their number, never by position; field 13 nests the parents' names in one or two
 * SEQUENCEs, and both nestings are accepted by flattening every string under an entry in order.
 */
import { normalizeText, type PartialDate, parsePartialDate, toSafe } from '@cancuoc/core';
import { fail } from './errors.js';
import { readSmallInt, readString, TAG } from './internal/der.js';
import { openFile } from './internal/lds.js';
import { type TlvNode, tlvChildren } from './parse-tlv.js';

/** One DG13 entry as stored: its field number, the strings under it, and its raw bytes. */
export interface Dg13Entry {
  readonly number: number;
  readonly values: readonly string[];
  readonly raw: Uint8Array;
}

/** Contents of DG13, each field named as in the glossary; absent fields are left out. */
export interface Dg13 {
  readonly version?: number;
  /** 1: personal ID (số định danh cá nhân), 12 digits. */
  readonly personalId?: string;
  /** 2: full name (họ và tên), NFC. */
  readonly fullName?: string;
  /** 3: date of birth (ngày sinh), dd/MM/yyyy or partial. */
  readonly dateOfBirth?: PartialDate;
  /** 4: sex (giới tính) from `Nam` / `Nữ`. */
  readonly sex?: 'male' | 'female';
  /** 5: nationality (quốc tịch) as printed, e.g. `Việt Nam`. */
  readonly nationality?: string;
  /** 6: ethnicity (dân tộc), e.g. `Kinh`. */
  readonly ethnicity?: string;
  /** 7: religion (tôn giáo), e.g. `Không`. */
  readonly religion?: string;
  /** 8: place of origin (quê quán; "nơi đăng ký khai sinh" on the 2024 card). */
  readonly placeOfOrigin?: string;
  /** 9: permanent residence (nơi thường trú; "nơi cư trú" on the 2024 card). */
  readonly permanentResidence?: string;
  /** 10: identifying marks (đặc điểm nhận dạng). */
  readonly identifyingMarks?: string;
  /** 11: date of issue (ngày cấp). */
  readonly dateOfIssue?: PartialDate;
  /** 12: date of expiry (có giá trị đến); `null` for "Không thời hạn". */
  readonly dateOfExpiry?: PartialDate | null;
  /** 13: father's name (cha). */
  readonly father?: string;
  /** 13: mother's name (mẹ). */
  readonly mother?: string;
  /** 14: spouse's name (vợ/chồng). */
  readonly spouse?: string;
  /** 15: old ID (CMND 9 digits, or an earlier 12-digit number). */
  readonly legacyId?: string;
  /** 16: card / chip ID. */
  readonly cardId?: string;
  /** Every entry as stored, including unknown numbers. */
  readonly entries: readonly Dg13Entry[];
}

const MAX_NESTING = 4;

function collectStrings(node: TlvNode, out: string[], field: number, depth: number): void {
  if (depth > MAX_NESTING) throw fail('ERR_DG13_FIELD', { field, reason: 'nested too deeply' });
  if (node.constructed) {
    for (const child of tlvChildren(node)) collectStrings(child, out, field, depth + 1);
    return;
  }
  if (node.tag === TAG.INTEGER) {
    out.push(String(readSmallInt(node, `DG13 field ${field}`)));
    return;
  }
  try {
    out.push(normalizeText(readString(node, `DG13 field ${field}`)));
  } catch {
    throw fail('ERR_DG13_FIELD', { field, reason: 'not a string' });
  }
}

function date(text: string, field: number): PartialDate {
  // Unknown day or month is written as 00 by some registries (00/00/1960, 00/05/1960): keep what is known.
  const trimmed = text
    .trim()
    .replace(/^00\/00\//, '')
    .replace(/^00\//, '');
  try {
    return parsePartialDate(trimmed);
  } catch {
    throw fail('ERR_DG13_FIELD', { field, reason: 'not a date' });
  }
}

function sexOf(text: string): 'male' | 'female' {
  const t = text.normalize('NFC').trim().toLowerCase();
  if (t === 'nam' || t === 'male' || t === 'm') return 'male';
  if (t === 'nữ' || t === 'nu' || t === 'female' || t === 'f') return 'female';
  throw fail('ERR_DG13_FIELD', { field: 4, reason: 'unknown sex' });
}

function isNoExpiry(text: string): boolean {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return folded.includes('khong thoi han') || folded === 'khong' || folded === '';
}

/**
 * Parses DG13, the Vietnamese personal data group.
 *
 * @throws CancuocError `ERR_CHIP_FILE_TAG`, `ERR_CHIP_STRUCTURE`, `ERR_DG13_FIELD`, `ERR_TLV_*`.
 * @example
 * ```ts
 * const dg13 = parseDg13(card.files.dataGroups[13]);
 * dg13.fullName; dg13.dateOfBirth; dg13.father;
 * ```
 */
export function parseDg13(bytes: Uint8Array): Dg13 {
  const file = openFile(bytes, 0x6d);
  const top = tlvChildren(file);
  const seq = top.length === 1 && top[0]!.tag === TAG.SEQUENCE ? tlvChildren(top[0]!) : top;
  let version: number | undefined;
  let set: TlvNode | undefined;
  for (const node of seq) {
    if (node.tag === TAG.INTEGER && version === undefined) version = readSmallInt(node, 'DG13 version');
    else if ((node.tag === TAG.SET || node.tag === TAG.SEQUENCE) && set === undefined) set = node;
  }
  if (set === undefined) throw fail('ERR_CHIP_STRUCTURE', { reason: 'DG13 entries are missing' });

  const entries: Dg13Entry[] = [];
  const byNumber = new Map<number, string[]>();
  for (const entry of tlvChildren(set)) {
    if (entry.tag !== TAG.SEQUENCE)
      throw fail('ERR_CHIP_STRUCTURE', { reason: 'DG13 entry is not a SEQUENCE' });
    const parts = tlvChildren(entry);
    const number = readSmallInt(parts[0], 'DG13 field number');
    if (number < 1 || number > 255)
      throw fail('ERR_DG13_FIELD', { field: number, reason: 'bad field number' });
    if (byNumber.has(number)) throw fail('ERR_DG13_FIELD', { field: number, reason: 'duplicate field' });
    const values: string[] = [];
    for (const part of parts.slice(1)) collectStrings(part, values, number, 0);
    byNumber.set(number, values);
    entries.push({ number, values, raw: entry.raw });
  }

  const text = (n: number): string | undefined => {
    const v = byNumber.get(n);
    if (v === undefined || v.length === 0) return undefined;
    const joined = v.join(' ').trim();
    return joined === '' ? undefined : joined;
  };
  const out: Record<string, unknown> = { entries };
  if (version !== undefined) out.version = version;
  const id = text(1);
  if (id !== undefined) {
    if (!/^[0-9]{12}$/.test(id)) throw fail('ERR_DG13_FIELD', { field: 1, reason: 'not 12 digits' });
    out.personalId = id;
  }
  const simple: [number, string][] = [
    [2, 'fullName'],
    [5, 'nationality'],
    [6, 'ethnicity'],
    [7, 'religion'],
    [8, 'placeOfOrigin'],
    [9, 'permanentResidence'],
    [10, 'identifyingMarks'],
    [16, 'cardId'],
  ];
  for (const [n, key] of simple) {
    const v = text(n);
    if (v !== undefined) out[key] = v;
  }
  const birth = text(3);
  if (birth !== undefined) out.dateOfBirth = date(birth, 3);
  const sex = text(4);
  if (sex !== undefined) out.sex = sexOf(sex);
  const issue = text(11);
  if (issue !== undefined) out.dateOfIssue = date(issue, 11);
  if (byNumber.has(12)) {
    const expiry = text(12) ?? '';
    out.dateOfExpiry = isNoExpiry(expiry) ? null : date(expiry, 12);
  }
  const parents = (byNumber.get(13) ?? []).map((s) => s.trim());
  if (parents[0]) out.father = parents[0];
  if (parents[1]) out.mother = parents[1];
  const spouse = text(14);
  if (spouse !== undefined) out.spouse = spouse;
  const legacy = text(15);
  if (legacy !== undefined) {
    if (!/^[0-9]{9}$|^[0-9]{12}$/.test(legacy))
      throw fail('ERR_DG13_FIELD', { field: 15, reason: 'not 9 or 12 digits' });
    out.legacyId = legacy;
  }
  return out as unknown as Dg13;
}

/**
 * parseDg13 returning a result instead of throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeParseDg13(bytes);
 * if (!r.success) console.warn(r.error.code);
 * ```
 */
export const safeParseDg13 = toSafe(parseDg13);
