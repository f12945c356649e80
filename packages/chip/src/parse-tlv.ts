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
  /** Maximum nesting of indefinite-length elements; default 32. */
  readonly maxDepth?: number;
  /** Accept bytes after the first element (ICAO files padded by readers); default false. */
  readonly allowTrailing?: boolean;
}

const DEFAULT_MAX_DEPTH = 32;

/** A node whose `value` and `raw` views are made on first use (parsers touch few of them). */
class Node implements TlvNode {
  private _value: Uint8Array | undefined;
  private _raw: Uint8Array | undefined;
  constructor(
    private readonly bytes: Uint8Array,
    readonly tag: number,
    readonly constructed: boolean,
    readonly offset: number,
    readonly headerLength: number,
    readonly indefinite: boolean,
    private readonly valueEnd: number,
    /** Offset just past the element (after the end-of-contents octets if indefinite). */
    readonly end: number,
  ) {}
  get value(): Uint8Array {
    this._value ??= this.bytes.subarray(this.offset + this.headerLength, this.valueEnd);
    return this._value;
  }
  get raw(): Uint8Array {
    this._raw ??= this.bytes.subarray(this.offset, this.end);
    return this._raw;
  }
}

/** Reads one element at `offset` of `bytes`; lengths are checked against the buffer before use. */
export function readTlv(bytes: Uint8Array, offset = 0, maxDepth = DEFAULT_MAX_DEPTH, depth = 0): TlvNode {
  if (depth > maxDepth) throw fail('ERR_TLV_DEPTH', { maxDepth });
  const start = offset;
  if (offset >= bytes.length) throw fail('ERR_TLV_TRUNCATED', { offset });
  const first = bytes[offset++]!;
  if (first === 0x00 || first === 0xff) throw fail('ERR_TLV_TAG', { offset: start });
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // ISO/IEC 8825-1 §8.1.2.4: subsequent bytes with bit 8 set continue the tag; ICAO uses ≤ 3 bytes.
    let count = 0;
    for (;;) {
      if (offset >= bytes.length) throw fail('ERR_TLV_TRUNCATED', { offset });
      const b = bytes[offset++]!;
      tag = tag * 256 + b;
      count++;
      if (count > 3) throw fail('ERR_TLV_TAG', { offset: start });
      if ((b & 0x80) === 0) break;
    }
  }
  const constructed = (first & 0x20) !== 0;
  if (offset >= bytes.length) throw fail('ERR_TLV_TRUNCATED', { offset });
  const lb = bytes[offset++]!;
  let length: number;
  if (lb < 0x80) {
    length = lb;
  } else if (lb === 0x80) {
    if (!constructed) throw fail('ERR_TLV_LENGTH', { offset: offset - 1 });
    // Indefinite length (X.690 §8.1.3.6): children until the end-of-contents octets 00 00.
    const valueStart = offset;
    let cursor = offset;
    for (;;) {
      if (cursor + 1 < bytes.length && bytes[cursor] === 0 && bytes[cursor + 1] === 0) break;
      if (cursor >= bytes.length) throw fail('ERR_TLV_TRUNCATED', { offset: cursor });
      const child = readTlv(bytes, cursor, maxDepth, depth + 1) as Node;
      cursor = child.end;
    }
    if (cursor + 2 > bytes.length) throw fail('ERR_TLV_TRUNCATED', { offset: cursor });
    return new Node(bytes, tag, constructed, start, valueStart - start, true, cursor, cursor + 2);
  } else {
    const n = lb & 0x7f;
    // Lengths above 4 bytes cannot describe data an ID chip holds.
    if (n > 4) throw fail('ERR_TLV_LENGTH', { offset: offset - 1 });
    if (offset + n > bytes.length) throw fail('ERR_TLV_TRUNCATED', { offset });
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[offset++]!;
  }
  if (length > bytes.length - offset) throw fail('ERR_TLV_TRUNCATED', { offset: bytes.length });
  return new Node(bytes, tag, constructed, start, offset - start, false, offset + length, offset + length);
}

/**
 * Parses one BER-TLV element that fills `bytes` (trailing bytes are an error unless allowed).
 *
 * @throws CancuocError `ERR_TLV_TRUNCATED`, `ERR_TLV_TAG`, `ERR_TLV_LENGTH`, `ERR_TLV_DEPTH`, `ERR_TLV_TRAILING`.
 * @example
 * ```ts
 * const node = parseTlv(new Uint8Array([0x5f, 0x01, 0x02, 0x30, 0x31]));
 * node.tag === 0x5f01; // value = '01'
 * ```
 */
export function parseTlv(bytes: Uint8Array, options: ParseTlvOptions = {}): TlvNode {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseTlv expects a Uint8Array');
  const node = readTlv(bytes, 0, options.maxDepth ?? DEFAULT_MAX_DEPTH) as Node;
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
export function tlvChildren(node: TlvNode | Uint8Array, maxDepth = DEFAULT_MAX_DEPTH): TlvNode[] {
  const value = node instanceof Uint8Array ? node : node.value;
  const out: TlvNode[] = [];
  let offset = 0;
  while (offset < value.length) {
    const child = readTlv(value, offset, maxDepth) as Node;
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
  for (const child of tlvChildren(node, maxDepth)) walkTlv(child, maxDepth, depth + 1);
}
