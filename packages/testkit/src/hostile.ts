/**
 * Hostile inputs shared by every parser's tests: each parser must answer these with a typed
 * `CancuocError` (or a clean result), never a crash, a hang or a huge allocation.
 */

/** Strings that have broken text parsers elsewhere: empty, huge, NUL, separators only, lookalikes. */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\u0000'.repeat(64),
  '|',
  '||||||',
  '|'.repeat(10_000),
  'A'.repeat(1_000_000),
  '9'.repeat(100_000),
  '\ufffd\ufffd\ufffd',
  '\ud800',
  '\u202e001098012345',
  '００１０９８０１２３４５',
  '001098012345\u0000',
  '-1',
  'NaN',
  'undefined',
  '__proto__',
  '{"constructor":{"prototype":{}}}',
  '<script>alert(1)</script>',
  '\r\n\r\n',
  '😀'.repeat(1000),
];

function lyingLength(): Uint8Array {
  // A BER-TLV header claiming a 4 GiB value with nothing behind it.
  return new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]);
}

function deepNesting(depth: number): Uint8Array {
  // `depth` constructed SEQUENCEs each announcing indefinite length: 30 80 30 80 …
  const out = new Uint8Array(depth * 2);
  for (let i = 0; i < depth; i++) {
    out[2 * i] = 0x30;
    out[2 * i + 1] = 0x80;
  }
  return out;
}

/** Byte strings that break binary parsers: empty, truncated, lying lengths, deep nesting, noise. */
export const hostileBytes: readonly Uint8Array[] = [
  new Uint8Array(),
  new Uint8Array([0x00]),
  new Uint8Array([0xff]),
  new Uint8Array([0x30]),
  new Uint8Array([0x30, 0x81]),
  new Uint8Array([0x30, 0x82, 0x01]),
  lyingLength(),
  new Uint8Array([0x30, 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
  new Uint8Array([0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00]),
  deepNesting(10_000),
  new Uint8Array(1 << 16).fill(0xff),
  new Uint8Array(1 << 16),
];
