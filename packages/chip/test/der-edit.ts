/**
 * Test helper: rebuilds DER structures with one element changed (read with the package's own TLV
 * reader, written back with definite lengths), to make hostile variants of real files.
 */
import { encodeOid, encodeTlv, parseTlv, type TlvNode, tlvChildren } from '../src/index.js';

/** One element with definite length. */
export const tlv = encodeTlv;

export const seq = (...v: Uint8Array[]) => tlv(0x30, ...v);
export const octets = (v: Uint8Array) => tlv(0x04, v);
export const nullValue = () => new Uint8Array([0x05, 0x00]);

/**
 * INTEGER holding exactly these magnitude bytes (a 00 sign byte added when needed): unlike
 * `encodeDerInteger`, leading zeros are kept, to build oversized and non-minimal hostile values.
 */
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
export const oid = (text: string) => encodeTlv(0x06, encodeOid(text));

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
