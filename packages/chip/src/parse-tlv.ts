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
  if (offset >= limit) throw fail('ERR_TLV_TRUNCATED', { offset: offset - base });
  const first = bytes[offset++]!;
  if (first === 0x00 || first === 0xff) throw fail('ERR_TLV_TAG', { offset: start - base });
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // ISO/IEC 8825-1 §8.1.2.4: subsequent bytes with bit 8 set continue the tag; ICAO uses ≤ 3 bytes.
    let count = 0;
    for (;;) {
      if (offset >= limit) throw fail('ERR_TLV_TRUNCATED', { offset: offset - base });
      const b = bytes[offset++]!;
      tag = tag * 256 + b;
      count++;
      if (count > 3) throw fail('ERR_TLV_TAG', { offset: start - base });
      if ((b & 0x80) === 0) break;
    }
  }
  const constructed = (first & 0x20) !== 0;
  if (offset >= limit) throw fail('ERR_TLV_TRUNCATED', { offset: offset - base });
  const lb = bytes[offset++]!;
  let length: number;
  if (lb < 0x80) {
    length = lb;
  } else if (lb === 0x80) {
    if (!constructed) throw fail('ERR_TLV_LENGTH', { offset: offset - 1 - base });
    // Indefinite length (X.690 §8.1.3.6): children until the end-of-contents octets 00 00.
    const valueStart = offset;
    let cursor = offset;
    for (;;) {
      if (cursor + 1 < limit && bytes[cursor] === 0 && bytes[cursor + 1] === 0) break;
      if (cursor >= limit) throw fail('ERR_TLV_TRUNCATED', { offset: cursor - base });
      cursor = readAt(bytes, cursor, limit, base, maxDepth, depth + 1).end;
    }
    if (cursor + 2 > limit) throw fail('ERR_TLV_TRUNCATED', { offset: cursor - base });
    return new Node(bytes, tag, constructed, start, base, valueStart - start, true, cursor, cursor + 2);
  } else {
    const n = lb & 0x7f;
    // Lengths above 4 bytes cannot describe data an ID chip holds.
    if (n > 4) throw fail('ERR_TLV_LENGTH', { offset: offset - 1 - base });
    if (offset + n > limit) throw fail('ERR_TLV_TRUNCATED', { offset: offset - base });
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[offset++]!;
  }
  if (length > limit - offset) throw fail('ERR_TLV_TRUNCATED', { offset: limit - base });
  return new Node(
    bytes,
    tag,
    constructed,
    start,
    base,
    offset - start,
    false,
    offset + length,
    offset + length,
  );
}

/** Reads one element at `offset` of `bytes`; lengths are checked against the buffer before use. */
export function readTlv(bytes: Uint8Array, offset = 0, maxDepth = DEFAULT_MAX_DEPTH, depth = 0): TlvNode {
  return readAt(bytes, offset, bytes.length, 0, maxDepth, depth);
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
