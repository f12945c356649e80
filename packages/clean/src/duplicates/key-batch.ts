import { grown } from '../internal/typed-arrays.js';
import type { CleanedRecord } from '../types.js';

/**
 * The duplicate keys of a batch of records as numbers and one block of name characters, the way
 * worker threads hand them to the reading thread: typed arrays move between threads without a
 * copy and without a string per key, so the memory index holds a million records as a few flat
 * arrays (no object, no string for the garbage collector to mark again and again).
 *
 * Every key is encoded exactly (equal codes ⇔ equal texts), so grouping never needs the text back
 * except to compare names:
 * - `id`: a personal ID of up to 13 digits as `length × 10¹³ + value` (leading zeros kept by the
 *   length); `NaN` when absent; {@link TEXT} when the ID is other text (then in `texts`).
 * - `date`: `dd/mm/yyyy` as `yyyymmdd` (zeros allowed: `00/00/1990`); {@link NONE} when absent;
 *   {@link TEXT} for any other text.
 * - `place`: a 3-digit code as its number (0–999); {@link NONE}; {@link TEXT} for text.
 * - names: UTF-16 code units of every name one after the other, `nameEnd[i]` where record `i`'s
 *   name ends (an absent name is empty).
 * - `texts`: the keys that are text, as `[record, field, text]`.
 */
export interface KeyBatch {
  count: number;
  id: Float64Array;
  date: Int32Array;
  place: Int32Array;
  nameUnits: Uint16Array;
  nameEnd: Uint32Array;
  texts: [number, KeyTextField, string][];
}

/** Which key a `texts` entry of a {@link KeyBatch} holds. */
export type KeyTextField = 0 | 1 | 2;
export const ID_TEXT: KeyTextField = 0;
export const DATE_TEXT: KeyTextField = 1;
export const PLACE_TEXT: KeyTextField = 2;

/** An absent date or place. */
export const NONE = -1;
/** A key written as text, found in the batch's `texts`. */
export const TEXT = -2;

/** A blank or absent key is `null`; keys are compared trimmed. */
export const blankKey = (value: string | null | undefined): string | null => {
  if (typeof value !== 'string' || value === '') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** An ID of up to 13 digits as a number with its length folded in; `NaN` for anything else. */
export function idNumber(id: string): number {
  if (id.length > 13 || id.length === 0) return Number.NaN;
  let v = 0;
  for (let i = 0; i < id.length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return id.length * 1e13 + v;
}

/** The ID text of {@link idNumber}'s number. */
export function idText(n: number): string {
  const length = Math.floor(n / 1e13);
  return String(n - length * 1e13).padStart(length, '0');
}

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -100_000_000;
};

/** `dd/mm/yyyy` as `yyyymmdd`; -1 for any other text. */
export function dateNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(2) !== 47 || date.charCodeAt(5) !== 47) return -1;
  const v =
    digit(date, 6) * 10_000_000 +
    digit(date, 7) * 1_000_000 +
    digit(date, 8) * 100_000 +
    digit(date, 9) * 10_000 +
    digit(date, 3) * 1000 +
    digit(date, 4) * 100 +
    digit(date, 0) * 10 +
    digit(date, 1);
  return v >= 0 ? v : -1;
}

/** The `dd/mm/yyyy` text of {@link dateNumber}'s number. */
export function dateText(n: number): string {
  const p = (v: number, w: number) => String(v).padStart(w, '0');
  return `${p(n % 100, 2)}/${p(Math.floor(n / 100) % 100, 2)}/${p(Math.floor(n / 10_000), 4)}`;
}

/** A 3-digit place code as its number; -1 for any other text. */
export function placeNumber(place: string): number {
  if (place.length !== 3) return -1;
  const v = digit(place, 0) * 100 + digit(place, 1) * 10 + digit(place, 2);
  return v >= 0 ? v : -1;
}

/** Builds a {@link KeyBatch} record by record. */
export class KeyBatchBuilder {
  private n = 0;
  private id = new Float64Array(1024);
  private date = new Int32Array(1024);
  private place = new Int32Array(1024);
  private nameEnd = new Uint32Array(1024);
  private units = new Uint16Array(16_384);
  private used = 0;
  private readonly texts: [number, KeyTextField, string][] = [];

  /** Adds one record's keys (blank or absent keys are absent). */
  add(
    personalId?: string | null,
    foldedName?: string | null,
    birthDate?: string | null,
    birthPlace?: string | null,
  ): void {
    const i = this.n;
    if (i === this.id.length) this.grow();
    this.id[i] = this.code(i, ID_TEXT, personalId, idNumber, Number.NaN);
    this.date[i] = this.code(i, DATE_TEXT, birthDate, dateNumber, NONE);
    this.place[i] = this.code(i, PLACE_TEXT, birthPlace, placeNumber, NONE);
    const name = blankKey(foldedName);
    if (name !== null) {
      this.units = grown(this.units, this.used + name.length);
      const units = this.units;
      let at = this.used;
      for (let k = 0; k < name.length; k++) units[at++] = name.charCodeAt(k);
      this.used = at;
    }
    this.nameEnd[i] = this.used;
    this.n = i + 1;
  }

  /** A key's number (`toNumber`, negative or NaN when it does not apply), `none`, or {@link TEXT}. */
  private code(
    i: number,
    field: KeyTextField,
    value: string | null | undefined,
    toNumber: (key: string) => number,
    none: number,
  ): number {
    const key = blankKey(value);
    if (key === null) return none;
    const v = toNumber(key);
    if (v >= 0) return v;
    this.texts.push([i, field, key]);
    return TEXT;
  }

  private grow(): void {
    const size = this.id.length * 2;
    this.id = grown(this.id, size);
    this.date = grown(this.date, size);
    this.place = grown(this.place, size);
    this.nameEnd = grown(this.nameEnd, size);
  }

  /** The batch (its arrays are copies of exactly the used length, safe to transfer). */
  finish(): KeyBatch {
    const n = this.n;
    return {
      count: n,
      id: this.id.slice(0, n),
      date: this.date.slice(0, n),
      place: this.place.slice(0, n),
      nameUnits: this.units.slice(0, this.used),
      nameEnd: this.nameEnd.slice(0, n),
      texts: this.texts,
    };
  }
}

/** The buffers of a {@link KeyBatch}, to move it to another thread. */
export function keyBatchBuffers(k: KeyBatch): ArrayBuffer[] {
  return [k.id, k.date, k.place, k.nameUnits, k.nameEnd].map((a) => a.buffer as ArrayBuffer);
}

/** The cleaned records a {@link KeyBatch} stands for, rows `firstRow`, `firstRow + 1`, … (for stores that take records). */
export function recordsOfKeyBatch(firstRow: number, k: KeyBatch): CleanedRecord[] {
  const text = new Map<number, string>();
  for (const [i, field, value] of k.texts) text.set(i * 3 + field, value);
  const out: CleanedRecord[] = new Array(k.count);
  let start = 0;
  for (let i = 0; i < k.count; i++) {
    const keys: CleanedRecord['keys'] = {};
    const id = k.id[i] as number;
    if (id === TEXT) keys.personalId = text.get(i * 3 + ID_TEXT) as string;
    else if (!Number.isNaN(id)) keys.personalId = idText(id);
    const end = k.nameEnd[i] as number;
    if (end > start) keys.foldedName = unitsText(k.nameUnits, start, end);
    start = end;
    const date = k.date[i] as number;
    if (date === TEXT) keys.birthDate = text.get(i * 3 + DATE_TEXT) as string;
    else if (date !== NONE) keys.birthDate = dateText(date);
    const place = k.place[i] as number;
    if (place === TEXT) keys.birthPlace = text.get(i * 3 + PLACE_TEXT) as string;
    else if (place !== NONE) keys.birthPlace = String(place).padStart(3, '0');
    out[i] = { row: firstRow + i, values: {}, issues: [], keys };
  }
  return out;
}

/** The string of code units `start` to `end` of `units`. */
export function unitsText(units: Uint16Array, start: number, end: number): string {
  let s = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let at = start; at < end; at += 4096)
    s += String.fromCharCode.apply(null, units.subarray(at, Math.min(end, at + 4096)) as unknown as number[]);
  return s;
}
