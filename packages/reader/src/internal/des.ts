/**
 * DES and two/three-key triple DES (DES-EDE) block operations, FIPS 46-3.
 *
 * Written by hand because no maintained, runtime-neutral library does it: WebCrypto has no DES
 * at all, @noble/ciphers has none, node:crypto is Node-only (and needs OpenSSL's legacy provider
 * for single DES), and des.js is CommonJS-only without types. ICAO 9303-11 still requires 3DES
 * for BAC, for 3DES secure messaging and for the retail MAC (ISO 9797-1 MAC algorithm 3).
 * The tables below are the published FIPS 46-3 tables (facts); the ICAO 9303-11 Appendix D
 * worked example is the conformance test.
 */

// FIPS 46-3 initial permutation IP (1-based bit numbers, bit 1 = most significant bit).
const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40,
  32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5,
  63, 55, 47, 39, 31, 23, 15, 7,
];
// FIPS 46-3 permutation P applied to the S-box output.
const P = [
  16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22,
  11, 4, 25,
];
// FIPS 46-3 permuted choice 1 and 2 of the key schedule.
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47,
  55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
// FIPS 46-3 S-boxes S1..S8, each 4 rows of 16.
const S = [
  [
    14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3,
    8, 4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6,
    13,
  ],
  [
    15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11,
    5, 0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5,
    14, 9,
  ],
  [
    10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15,
    1, 13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2,
    12,
  ],
  [
    7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14,
    9, 10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2,
    14,
  ],
  [
    2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8,
    6, 4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4,
    5, 3,
  ],
  [
    12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3,
    8, 9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8,
    13,
  ],
  [
    4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8,
    6, 1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3,
    12,
  ],
  [
    13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9,
    2, 7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6,
    11,
  ],
];

// SP[box][6-bit input] = P(S-box output placed at its 4 bits): the round function becomes 8 lookups.
const SP: Uint32Array[] = S.map((box, b) => {
  const table = new Uint32Array(64);
  for (let v = 0; v < 64; v++) {
    const row = ((v >> 4) & 2) | (v & 1);
    const col = (v >> 1) & 15;
    const out = (box[row * 16 + col] as number) << (28 - 4 * b);
    let permuted = 0;
    for (let i = 0; i < 32; i++) if ((out >>> (32 - (P[i] as number))) & 1) permuted |= 1 << (31 - i);
    table[v] = permuted >>> 0;
  }
  return table;
});

function getBit(bytes: Uint8Array, bit: number): number {
  // bit is 1-based from the most significant bit of bytes[0]
  return ((bytes[(bit - 1) >> 3] as number) >> (7 - ((bit - 1) & 7))) & 1;
}

function permute(input: Uint8Array, table: readonly number[], outBytes: number): Uint8Array {
  const out = new Uint8Array(outBytes);
  for (let i = 0; i < table.length; i++) {
    if (getBit(input, table[i] as number)) out[i >> 3] = (out[i >> 3] as number) | (0x80 >> (i & 7));
  }
  return out;
}

/** The 16 round keys of a DES key, each as 8 six-bit values. */
export type DesSchedule = Uint8Array[];

/** Expands an 8-byte DES key (parity bits ignored) into its 16 round keys. */
export function desKeySchedule(key: Uint8Array): DesSchedule {
  const cd = permute(key, PC1, 7);
  let c = 0;
  let d = 0;
  for (let i = 1; i <= 28; i++) c = (c << 1) | getBit(cd, i);
  for (let i = 29; i <= 56; i++) d = (d << 1) | getBit(cd, i);
  const rounds: DesSchedule = [];
  for (const shift of SHIFTS) {
    c = ((c << shift) | (c >>> (28 - shift))) & 0x0fffffff;
    d = ((d << shift) | (d >>> (28 - shift))) & 0x0fffffff;
    const both = new Uint8Array(7);
    const joined = (BigInt(c) << 28n) | BigInt(d);
    for (let i = 0; i < 7; i++) both[i] = Number((joined >> BigInt(8 * (6 - i))) & 0xffn);
    const k48 = permute(both, PC2, 6);
    const six = new Uint8Array(8);
    for (let j = 0; j < 8; j++) {
      let v = 0;
      for (let i = 1; i <= 6; i++) v = (v << 1) | getBit(k48, j * 6 + i);
      six[j] = v;
    }
    rounds.push(six);
  }
  return rounds;
}

function feistel(r: number, k: Uint8Array): number {
  // Expansion E takes, for box j, the bits 4j-1 .. 4j+4 (1-based, cyclic) of R.
  const rot = ((r >>> 1) | (r << 31)) >>> 0; // rotated right: bit 32 leads, then bits 1..31
  let out = 0;
  for (let j = 0; j < 8; j++) {
    const chunk = j === 7 ? ((rot << 2) | (rot >>> 30)) & 63 : (rot >>> (26 - 4 * j)) & 63;
    out ^= (SP[j] as Uint32Array)[chunk ^ (k[j] as number)] as number;
  }
  return out >>> 0;
}

const FP = (() => {
  const fp = new Array<number>(64);
  IP.forEach((from, to) => {
    fp[from - 1] = to + 1;
  });
  return fp;
})();

/**
 * A 64-bit permutation as 8 × 256 lookup tables: entry [i][v] is the output (as two 32-bit halves)
 * contributed by byte value v at input byte i, so a permutation is 8 lookups instead of 64 bit moves.
 */
function permutationTables(table: readonly number[]): Uint32Array[] {
  const tables: Uint32Array[] = [];
  for (let i = 0; i < 8; i++) {
    const t = new Uint32Array(512);
    for (let v = 0; v < 256; v++) {
      const input = new Uint8Array(8);
      input[i] = v;
      const out = permute(input, table, 8);
      t[2 * v] =
        (((out[0] as number) << 24) |
          ((out[1] as number) << 16) |
          ((out[2] as number) << 8) |
          (out[3] as number)) >>>
        0;
      t[2 * v + 1] =
        (((out[4] as number) << 24) |
          ((out[5] as number) << 16) |
          ((out[6] as number) << 8) |
          (out[7] as number)) >>>
        0;
    }
    tables.push(t);
  }
  return tables;
}

const IP_TABLES = permutationTables(IP);
const FP_TABLES = permutationTables(FP);

function applyTables(tables: Uint32Array[], bytes: ArrayLike<number>, out: Uint32Array): void {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 8; i++) {
    const t = tables[i] as Uint32Array;
    const v = (bytes[i] as number) * 2;
    hi |= t[v] as number;
    lo |= t[v + 1] as number;
  }
  out[0] = hi >>> 0;
  out[1] = lo >>> 0;
}

const scratch = new Uint32Array(2);

// 16 Feistel rounds on the permuted halves; returns with the halves swapped back (R16, L16).
function rounds(schedule: DesSchedule, decrypt: boolean): void {
  let l = scratch[0] as number;
  let r = scratch[1] as number;
  for (let i = 0; i < 16; i++) {
    const k = schedule[decrypt ? 15 - i : i] as Uint8Array;
    const next = (l ^ feistel(r, k)) >>> 0;
    l = r;
    r = next;
  }
  scratch[0] = r;
  scratch[1] = l;
}

function output(): Uint8Array {
  const h = scratch[0] as number;
  const w = scratch[1] as number;
  const pre = [
    h >>> 24,
    (h >>> 16) & 0xff,
    (h >>> 8) & 0xff,
    h & 0xff,
    w >>> 24,
    (w >>> 16) & 0xff,
    (w >>> 8) & 0xff,
    w & 0xff,
  ];
  applyTables(FP_TABLES, pre, scratch);
  const a = scratch[0] as number;
  const b = scratch[1] as number;
  return Uint8Array.of(a >>> 24, a >>> 16, a >>> 8, a, b >>> 24, b >>> 16, b >>> 8, b);
}

/** Encrypts (or decrypts) one 8-byte block with a DES key schedule. */
export function desBlock(schedule: DesSchedule, block: Uint8Array, decrypt: boolean): Uint8Array {
  applyTables(IP_TABLES, block, scratch);
  rounds(schedule, decrypt);
  return output();
}

/** A triple-DES (EDE) key: 16 bytes (two-key, K1 = K3) or 24 bytes (three-key). */
export interface TdesKey {
  readonly k1: DesSchedule;
  readonly k2: DesSchedule;
  readonly k3: DesSchedule;
}

/** Prepares a two-key (16 bytes) or three-key (24 bytes) triple-DES key. */
export function tdesKey(key: Uint8Array): TdesKey {
  if (key.length !== 16 && key.length !== 24) throw new RangeError('3DES key must be 16 or 24 bytes');
  const k1 = desKeySchedule(key.subarray(0, 8));
  const k2 = desKeySchedule(key.subarray(8, 16));
  const k3 = key.length === 24 ? desKeySchedule(key.subarray(16, 24)) : k1;
  return { k1, k2, k3 };
}

/** Triple-DES EDE on one block (FP and IP cancel between the three passes, so they are skipped). */
export function tdesBlock(key: TdesKey, block: Uint8Array, decrypt: boolean): Uint8Array {
  applyTables(IP_TABLES, block, scratch);
  if (decrypt) {
    rounds(key.k3, true);
    rounds(key.k2, false);
    rounds(key.k1, true);
  } else {
    rounds(key.k1, false);
    rounds(key.k2, true);
    rounds(key.k3, false);
  }
  return output();
}
