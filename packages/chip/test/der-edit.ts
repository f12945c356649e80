/**
 * Test helper: rebuilds DER structures with one element changed (read with the package's own TLV
 * reader, written back with definite lengths), to make hostile variants of real files.
 */
import { parseTlv, type TlvNode, tlvChildren } from '../src/index.js';

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

function tagBytes(tag: number): number[] {
  if (tag > 0xffff) return [tag >> 16, (tag >> 8) & 0xff, tag & 0xff];
  return tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
}

/** One element with definite length. */
export function tlv(tag: number, ...values: Uint8Array[]): Uint8Array {
  const length = values.reduce((n, v) => n + v.length, 0);
  const head = [...tagBytes(tag), ...lengthBytes(length)];
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
export const octets = (v: Uint8Array) => tlv(0x04, v);
export const nullValue = () => new Uint8Array([0x05, 0x00]);

/** INTEGER holding exactly these magnitude bytes (a 00 sign byte added when needed). */
export function int(value: bigint | Uint8Array): Uint8Array {
  let bytes: Uint8Array;
  if (value instanceof Uint8Array) bytes = value;
  else {
    const hex = value.toString(16);
    bytes = Uint8Array.from(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'));
  }
  return (bytes[0]! & 0x80) !== 0 ? tlv(0x02, new Uint8Array([0]), bytes) : tlv(0x02, bytes);
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

function rebuild(
  node: TlvNode,
  path: readonly number[],
  edit: (children: Uint8Array[]) => Uint8Array[],
): Uint8Array {
  const children: Uint8Array[] = tlvChildren(node).map((c) => c.raw.slice());
  if (path.length === 0) return tlv(node.tag, ...edit(children));
  const [i, ...rest] = path;
  const child = tlvChildren(node)[i!];
  if (!child) throw new Error(`no child ${i}`);
  children[i!] = rebuild(child, rest, edit);
  return tlv(node.tag, ...children);
}

/**
 * `bytes` with the children of the element at `path` (child indexes from the outer element)
 * replaced by what `edit` returns; every enclosing length is rewritten.
 */
export function editChildren(
  bytes: Uint8Array,
  path: readonly number[],
  edit: (children: Uint8Array[]) => Uint8Array[],
): Uint8Array {
  return rebuild(parseTlv(bytes), path, edit);
}

/** The element at `path`. */
export function elementAt(bytes: Uint8Array, path: readonly number[]): TlvNode {
  let node = parseTlv(bytes);
  for (const i of path) node = tlvChildren(node)[i]!;
  return node;
}
