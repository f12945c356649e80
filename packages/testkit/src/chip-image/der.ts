/** Minimal DER writer for building test chip files and certificates (X.690 §8, definite lengths only). */

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

/** One TLV element; `tag` may be 1-3 bytes (e.g. 0x5f1f, 0x7f61). */
export function tlv(tag: number, ...values: Uint8Array[]): Uint8Array {
  const tagBytes =
    tag > 0xffff ? [tag >> 16, (tag >> 8) & 0xff, tag & 0xff] : tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  const length = values.reduce((n, v) => n + v.length, 0);
  const head = [...tagBytes, ...lengthBytes(length)];
  const out = new Uint8Array(head.length + length);
  out.set(head);
  let o = head.length;
  for (const v of values) {
    out.set(v, o);
    o += v.length;
  }
  return out;
}

export const seq = (...v: Uint8Array[]) => tlv(0x30, ...v);
export const set = (...v: Uint8Array[]) => tlv(0x31, ...v);
export const octets = (v: Uint8Array) => tlv(0x04, v);
export const utf8 = (s: string) => tlv(0x0c, new TextEncoder().encode(s));
export const printable = (s: string) => tlv(0x13, new TextEncoder().encode(s));
export const explicit = (n: number, ...v: Uint8Array[]) => tlv(0xa0 + n, ...v);
export const nullValue = () => new Uint8Array([0x05, 0x00]);

/** INTEGER from a non-negative number, bigint or big-endian bytes (minimal two's complement). */
export function int(value: number | bigint | Uint8Array): Uint8Array {
  let bytes: number[];
  if (value instanceof Uint8Array) bytes = Array.from(value);
  else {
    let v = BigInt(value);
    bytes = [];
    do {
      bytes.unshift(Number(v & 0xffn));
      v >>= 8n;
    } while (v > 0n);
  }
  while (bytes.length > 1 && bytes[0] === 0 && (bytes[1]! & 0x80) === 0) bytes.shift();
  if ((bytes[0]! & 0x80) !== 0) bytes.unshift(0);
  return tlv(0x02, new Uint8Array(bytes));
}

/** OBJECT IDENTIFIER from dotted text. */
export function oid(text: string): Uint8Array {
  const arcs = text.split('.').map(Number);
  const out: number[] = [];
  const push = (n: number) => {
    const b: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) b.unshift((v & 0x7f) | 0x80);
    out.push(...b);
  };
  push(arcs[0]! * 40 + arcs[1]!);
  for (const a of arcs.slice(2)) push(a);
  return tlv(0x06, new Uint8Array(out));
}

/** UTCTime (years 1950-2049) or GeneralizedTime. */
export function time(date: Date): Uint8Array {
  const iso = date.toISOString();
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '');
  const y = date.getUTCFullYear();
  if (y >= 1950 && y < 2050) return tlv(0x17, new TextEncoder().encode(`${digits.slice(2)}Z`));
  return tlv(0x18, new TextEncoder().encode(`${digits}Z`));
}

/** BIT STRING with no unused bits. */
export const bits = (v: Uint8Array) => tlv(0x03, new Uint8Array([0]), v);
