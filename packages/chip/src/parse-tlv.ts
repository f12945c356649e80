/**
 * BER-TLV reader for ICAO 9303 data (Part 10 §4, ISO/IEC 8825-1). Hand-written because the data
 * groups use application/context tags (5F1F, 7F61, 7F2E…) and hostile-input rules (lying lengths,
 * nesting limits, no copies) that general ASN.1 libraries do not enforce; CMS and X.509 structures
 * are then handed to @peculiar/asn1-* once this reader has validated their framing.
 */
import { fail } from './errors.js';

/** One BER-TLV element. `value` is a view into the input (no copy). */
export interface TlvNode {
  /** The tag bytes as one number, e.g. `0x5f1f`, `0x7f61`, `0x30`. */
  readonly tag: number;
  /** Whether the constructed bit (0x20 of the first tag byte) is set. */
  readonly constructed: boolean;
  /** Offset of the first tag byte in the buffer that was parsed. */
  readonly offset: number;
  /** Number of tag and length bytes. */
  readonly headerLength: number;
  /** Whether the element used the indefinite length form (`80` … `00 00`). */
  readonly indefinite: boolean;
  /** The value bytes (without the end-of-contents octets of an indefinite length). */
  readonly value: Uint8Array;
  /** The whole element: tag, length, value (and end-of-contents octets). */
  readonly raw: Uint8Array;
}

/** Options of {@link parseTlv}. */
export interface ParseTlvOptions {
  /** Maximum nesting of indefinite-length elements: an integer from 0 to 256, default 32. */
  readonly maxDepth?: number;
  /** Accept bytes after the first element (ICAO files padded by readers); default false. */
  readonly allowTrailing?: boolean;
}

const DEFAULT_MAX_DEPTH = 32;
// Each level of indefinite-length nesting is a recursive call: a depth limit beyond this could
// exhaust the stack (NaN would disable the limit altogether).
const MAX_MAX_DEPTH = 256;

function depthOption(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_DEPTH;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_MAX_DEPTH)
    throw new RangeError(`maxDepth must be an integer from 0 to ${MAX_MAX_DEPTH}`);
  return value;
}

/**
 * A node whose `value` and `raw` views are made on first use (parsers touch few of them). Positions
 * are kept in the buffer first given to {@link parseTlv}, so children are read in place without a
 * view per level; `offset` stays relative to the buffer (or parent value) it was read from.
 */
class Node implements TlvNode {
  private _value: Uint8Array | undefined;
  private _raw: Uint8Array | undefined;
  constructor(
    readonly bytes: Uint8Array,
    readonly tag: number,
    readonly constructed: boolean,
    /** Position of the first tag byte in `bytes`. */
    readonly start: number,
    /** Position in `bytes` that `offset` counts from. */
    private readonly base: number,
    readonly headerLength: number,
    readonly indefinite: boolean,
    /** Position just past the value (before the end-of-contents octets if indefinite). */
    readonly valueEnd: number,
    /** Position just past the element (after the end-of-contents octets if indefinite). */
    readonly end: number,
  ) {}
  get offset(): number {
    return this.start - this.base;
  }
  get value(): Uint8Array {
    this._value ??= this.bytes.subarray(this.start + this.headerLength, this.valueEnd);
    return this._value;
  }
  get raw(): Uint8Array {
    this._raw ??= this.bytes.subarray(this.start, this.end);
    return this._raw;
  }
}

/** Tag, length and header size of an element, as read by {@link readTlvHeader}. */
export interface TlvHeader {
  /** The tag bytes as one number, e.g. `0x5f1f`, `0x7f61`, `0x30`. */
  readonly tag: number;
  /** Whether the constructed bit (0x20 of the first tag byte) is set. */
  readonly constructed: boolean;
  /** Number of tag and length bytes. */
  readonly headerLength: number;
  /** Length of the value, or `undefined` for the indefinite form (`80` … `00 00`). */
  readonly length: number | undefined;
}

/**
 * Reads the tag and length at `offset`, within `limit`. Returns `undefined` where the header itself
 * runs past `limit`, so that callers holding the first bytes of a file can ask for more.
 */
function readHeader(bytes: Uint8Array, offset: number, limit: number, base: number): TlvHeader | undefined {
  const start = offset;
  if (offset >= limit) return undefined;
  const first = bytes[offset++]!;
  if (first === 0x00 || first === 0xff) throw fail('ERR_TLV_TAG', { offset: start - base });
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // ISO/IEC 8825-1 §8.1.2.4: subsequent bytes with bit 8 set continue the tag; ICAO uses ≤ 3 bytes.
    let count = 0;
    for (;;) {
      if (offset >= limit) return undefined;
      const b = bytes[offset++]!;
      tag = tag * 256 + b;
      count++;
      if (count > 3) throw fail('ERR_TLV_TAG', { offset: start - base });
      if ((b & 0x80) === 0) break;
    }
  }
  const constructed = (first & 0x20) !== 0;
  if (offset >= limit) return undefined;
  const lb = bytes[offset++]!;
  if (lb < 0x80) return { tag, constructed, headerLength: offset - start, length: lb };
  if (lb === 0x80) {
    // Indefinite length (X.690 §8.1.3.6) exists only for constructed elements.
    if (!constructed) throw fail('ERR_TLV_LENGTH', { offset: offset - 1 - base });
    return { tag, constructed, headerLength: offset - start, length: undefined };
  }
  const n = lb & 0x7f;
  // Lengths above 4 bytes cannot describe data an ID chip holds.
  if (n > 4) throw fail('ERR_TLV_LENGTH', { offset: offset - 1 - base });
  if (offset + n > limit) return undefined;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + bytes[offset++]!;
  return { tag, constructed, headerLength: offset - start, length };
}

/** Reads one element at `offset` of `bytes`, within `limit`; lengths are checked before use. */
function readAt(
  bytes: Uint8Array,
  offset: number,
  limit: number,
  base: number,
  maxDepth: number,
  depth: number,
): Node {
  if (depth > maxDepth) throw fail('ERR_TLV_DEPTH', { maxDepth });
  const start = offset;
  const header = readHeader(bytes, offset, limit, base);
  if (header === undefined) throw fail('ERR_TLV_TRUNCATED', { offset: Math.min(offset, limit) - base });
  const { tag, constructed, headerLength, length } = header;
  const valueStart = start + headerLength;
  if (length === undefined) {
    // Indefinite length: children until the end-of-contents octets 00 00.
    let cursor = valueStart;
    for (;;) {
      if (cursor + 1 < limit && bytes[cursor] === 0 && bytes[cursor + 1] === 0) break;
      if (cursor >= limit) throw fail('ERR_TLV_TRUNCATED', { offset: cursor - base });
      cursor = readAt(bytes, cursor, limit, base, maxDepth, depth + 1).end;
    }
    if (cursor + 2 > limit) throw fail('ERR_TLV_TRUNCATED', { offset: cursor - base });
    return new Node(bytes, tag, constructed, start, base, headerLength, true, cursor, cursor + 2);
  }
  if (length > limit - valueStart) throw fail('ERR_TLV_TRUNCATED', { offset: limit - base });
  const end = valueStart + length;
  return new Node(bytes, tag, constructed, start, base, headerLength, false, end, end);
}

/**
 * Reads the element that starts at `offset` of `bytes` (bytes after it are left alone): for walking
 * data objects one after the other, as in a secure-messaging response.
 *
 * @throws CancuocError `ERR_TLV_TRUNCATED`, `ERR_TLV_TAG`, `ERR_TLV_LENGTH`, `ERR_TLV_DEPTH`.
 * @example
 * ```ts
 * const first = readTlv(fromHex('8701010299029000'));
 * const next = readTlv(bytes, first.offset + first.raw.length); // tag 0x99
 * ```
 */
export function readTlv(bytes: Uint8Array, offset = 0): TlvNode {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('readTlv expects a Uint8Array');
  return readAt(bytes, offset, bytes.length, 0, DEFAULT_MAX_DEPTH, 0);
}

/**
 * {@link readTlv} that answers `undefined` instead of throwing when the bytes at `offset` are not one
 * complete, well-formed element: for data objects inside APDUs, where a malformed answer is refused
 * with the caller's own error.
 *
 * @example
 * ```ts
 * tryReadTlv(fromHex('7C0381')); // undefined: the value runs past the bytes
 * ```
 */
export function tryReadTlv(bytes: Uint8Array, offset = 0): TlvNode | undefined {
  try {
    return readTlv(bytes, offset);
  } catch (e) {
    if (e instanceof TypeError) throw e;
    return undefined;
  }
}

/**
 * The tag and length of the element at `offset`, read from the first bytes of a file: `undefined`
 * while the header itself is incomplete (read more bytes and ask again). The value need not be there.
 *
 * @throws CancuocError `ERR_TLV_TAG`, `ERR_TLV_LENGTH` for a header that no more bytes can repair.
 * @example
 * ```ts
 * readTlvHeader(fromHex('7582')); // undefined: the two length bytes are still to come
 * readTlvHeader(fromHex('758212')); // undefined
 * readTlvHeader(fromHex('75821234')); // { tag: 0x75, constructed: true, headerLength: 4, length: 0x1234 }
 * ```
 */
export function readTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader | undefined {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('readTlvHeader expects a Uint8Array');
  return readHeader(bytes, offset, bytes.length, 0);
}

/**
 * The elements that fill `bytes`, in order, or `undefined` when anything is truncated, malformed or
 * left over: the non-throwing form of {@link tlvChildren} for data objects inside APDUs.
 *
 * @example
 * ```ts
 * tryTlvChildren(fromHex('800100830101'))?.map((t) => t.tag); // [0x80, 0x83]
 * ```
 */
export function tryTlvChildren(bytes: Uint8Array): TlvNode[] | undefined {
  try {
    return tlvChildren(bytes);
  } catch (e) {
    if (e instanceof TypeError) throw e;
    return undefined;
  }
}

/**
 * Parses one BER-TLV element that fills `bytes` (trailing bytes are an error unless allowed).
 *
 * @throws CancuocError `ERR_TLV_TRUNCATED`, `ERR_TLV_TAG`, `ERR_TLV_LENGTH`, `ERR_TLV_DEPTH`, `ERR_TLV_TRAILING`.
 * @throws RangeError for a `maxDepth` that is not an integer from 0 to 256.
 * @example
 * ```ts
 * const node = parseTlv(new Uint8Array([0x5f, 0x01, 0x02, 0x30, 0x31]));
 * node.tag === 0x5f01; // value = '01'
 * ```
 */
export function parseTlv(bytes: Uint8Array, options: ParseTlvOptions = {}): TlvNode {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseTlv expects a Uint8Array');
  const node = readAt(bytes, 0, bytes.length, 0, depthOption(options.maxDepth), 0);
  const rest = bytes.length - node.end;
  if (rest > 0 && !options.allowTrailing) throw fail('ERR_TLV_TRAILING', { count: rest });
  return node;
}

/**
 * The elements inside a constructed element's value, in order.
 *
 * @example
 * ```ts
 * tlvChildren(parseTlv(bytes)).map((c) => c.tag);
 * ```
 */
export function tlvChildren(node: TlvNode | Uint8Array, maxDepth?: number): TlvNode[] {
  return childrenOf(node, maxDepth === undefined ? DEFAULT_MAX_DEPTH : depthOption(maxDepth));
}

function childrenOf(node: TlvNode | Uint8Array, maxDepth: number): TlvNode[] {
  const out: TlvNode[] = [];
  if (node instanceof Node) {
    // In place: the children of a node are read from the same buffer, bounded by its value.
    const from = node.start + node.headerLength;
    for (let offset = from; offset < node.valueEnd; ) {
      const child = readAt(node.bytes, offset, node.valueEnd, from, maxDepth, 0);
      out.push(child);
      offset = child.end;
    }
    return out;
  }
  const value = node instanceof Uint8Array ? node : node.value;
  for (let offset = 0; offset < value.length; ) {
    const child = readAt(value, offset, value.length, 0, maxDepth, 0);
    out.push(child);
    offset = child.end;
  }
  return out;
}

/**
 * Checks the framing of every constructed element under `node`, down to `maxDepth` levels, so that
 * structures handed to a general ASN.1 library afterwards cannot exhaust the stack.
 */
export function walkTlv(node: TlvNode, maxDepth = DEFAULT_MAX_DEPTH, depth = 0): void {
  if (depth > maxDepth) throw fail('ERR_TLV_DEPTH', { maxDepth });
  if (!node.constructed) return;
  for (const child of childrenOf(node, maxDepth)) walkTlv(child, maxDepth, depth + 1);
}
