/**
 * Field readers shared by DG11 and DG12 (ICAO 9303-10 §4.7.11–12): text in UTF-8, dates as
 * `CCYYMMDD` (ASCII digits, or 4 BCD bytes as some issuers write them), `<`-separated lists, and
 * the A0 template of a counted list of names.
 */
import { isCalendarDate, type PartialDate } from '@cancuoc/core';
import { fail } from '../errors.js';
import { type TlvNode, tlvChildren } from '../parse-tlv.js';
import { tagHex } from './der.js';

const utf8 = new TextDecoder('utf-8');

/** A text field (9303-10 §4.7.11: UTF-8). */
export function text(node: TlvNode): string {
  return utf8.decode(node.value);
}

/** A `<`-separated field (place of birth, address, other TD numbers), fillers dropped. */
export function list(node: TlvNode): string[] {
  return text(node)
    .split('<')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The digits of a date field: `n` ASCII digits, or n/2 BCD bytes (written so by some issuers). */
function digits(node: TlvNode, n: number): string {
  const v = node.value;
  if (v.length === n / 2 && v.every((b) => b >> 4 <= 9 && (b & 0x0f) <= 9))
    return Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
  return v.length === n ? String.fromCharCode(...v) : '';
}

/**
 * A `CCYYMMDD` date; `00` for an unknown month or day gives a partial date (the MRZ and DG11
 * allow an unknown part of a birth date, 9303-3 §4.6).
 */
export function date(node: TlvNode, field: string): PartialDate {
  const d = digits(node, 8);
  if (!/^[0-9]{8}$/.test(d)) throw fail('ERR_CHIP_VALUE', { reason: `${field} is not CCYYMMDD` });
  const year = Number(d.slice(0, 4));
  const month = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  if (month === 0 && day === 0) return { year };
  if (day === 0 && month <= 12) return { year, month };
  if (!isCalendarDate(year, month, day)) throw fail('ERR_CHIP_VALUE', { reason: `${field} is not a date` });
  return { year, month, day };
}

/** A `CCYYMMDDhhmmss` date and time (9303-10 §4.7.12, 5F55) as `YYYY-MM-DDThh:mm:ss` (no zone). */
export function dateTime(node: TlvNode, field: string): string {
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})$/.exec(digits(node, 14));
  if (!m) throw fail('ERR_CHIP_VALUE', { reason: `${field} is not CCYYMMDDhhmmss` });
  const [, y, mo, da, h, mi, s] = m as unknown as [string, string, string, string, string, string, string];
  if (
    !isCalendarDate(Number(y), Number(mo), Number(da)) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  )
    throw fail('ERR_CHIP_VALUE', { reason: `${field} is not a date and time` });
  return `${y}-${mo}-${da}T${h}:${mi}:${s}`;
}

/**
 * The A0 template of a counted list (9303-10 §4.7.11 other names, §4.7.12 other persons):
 * `02` count, then that many `item` elements.
 */
export function countedList(node: TlvNode, item: number, field: string): string[] {
  const [count, ...items] = tlvChildren(node);
  if (count?.tag !== 0x02 || count.value.length !== 1)
    throw fail('ERR_CHIP_STRUCTURE', { reason: `${field}: the count (02) is missing` });
  const out: string[] = [];
  for (const child of items) {
    if (child.tag !== item)
      throw fail('ERR_CHIP_STRUCTURE', { reason: `${field}: unexpected tag ${tagHex(child.tag)}` });
    out.push(text(child));
  }
  if (out.length !== count.value[0])
    throw fail('ERR_CHIP_STRUCTURE', {
      reason: `${field}: ${out.length} entries, count says ${count.value[0]}`,
    });
  return out;
}

/** The children of a DG11/DG12 file by tag; a tag given twice is malformed. */
export function fieldsByTag(file: TlvNode, name: string): Map<number, TlvNode> {
  const fields = new Map<number, TlvNode>();
  for (const child of tlvChildren(file)) {
    if (fields.has(child.tag) && child.tag !== 0x5f0f && child.tag !== 0x5f1a)
      throw fail('ERR_CHIP_STRUCTURE', { reason: `${name}: tag ${tagHex(child.tag)} appears twice` });
    if (!fields.has(child.tag)) fields.set(child.tag, child);
  }
  return fields;
}

/** The object without its undefined properties (absent fields are absent, not undefined). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
