import { fromHex, isCancuocError, toHex } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeOid,
  encodeDerInteger,
  encodeOid,
  encodeTlv,
  encodeTlvLength,
  parseTlv,
  readTlv,
  readTlvHeader,
  tryReadTlv,
  tryTlvChildren,
} from '../src/index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isCancuocError(e)) return e.code;
    throw e;
  }
  return undefined;
}

describe('decodeOid and encodeOid', () => {
  it('refuses a subidentifier whose leading byte is the padding byte 0x80 (X.690 §8.19.2)', () => {
    // 1.3.6 written with its last arc as 80 06 instead of 06.
    expect(decodeOid(fromHex('2B06'))).toBe('1.3.6');
    expect(codeOf(() => decodeOid(fromHex('2B8006')))).toBe('ERR_CHIP_VALUE');
    // The first subidentifier padded the same way.
    expect(codeOf(() => decodeOid(fromHex('802B')))).toBe('ERR_CHIP_VALUE');
    // 0x80 inside a subidentifier is an ordinary digit: 1.3.16384 is 2B 81 80 00.
    expect(decodeOid(fromHex('2B818000'))).toBe('1.3.16384');
  });

  it('refuses empty, truncated and over-long contents', () => {
    expect(codeOf(() => decodeOid(new Uint8Array(0)))).toBe('ERR_CHIP_VALUE');
    expect(codeOf(() => decodeOid(fromHex('2B81')))).toBe('ERR_CHIP_VALUE');
    expect(codeOf(() => decodeOid(new Uint8Array(65).fill(0x01)))).toBe('ERR_CHIP_VALUE');
  });

  it('encodes the protocol OIDs a terminal sends', () => {
    expect(toHex(encodeOid('0.4.0.127.0.7.2.2.4.2.4')).toUpperCase()).toBe('04007F00070202040204');
    expect(toHex(encodeOid('2.999.3')).toUpperCase()).toBe('883703');
  });

  it('refuses text that is not an OID', () => {
    for (const bad of ['', '1', '3.1', '1.40', '1..2', '1.2.a', ' 1.2', '-1.2']) {
      expect(() => encodeOid(bad), bad).toThrow(RangeError);
    }
  });

  it('decodes what it encodes, for any OID within the decoder’s arc limit', () => {
    const oid = fc
      .tuple(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 39 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 6 }),
      )
      .map(([a, b, rest]) => [a, b, ...rest].join('.'));
    fc.assert(fc.property(oid, (text) => decodeOid(encodeOid(text)) === text));
  });
});

describe('encodeTlv and the reader', () => {
  it('writes the fewest length bytes (DER, X.690 §10.1)', () => {
    const cases: [number, string][] = [
      [0, '00'],
      [0x7f, '7f'],
      [0x80, '8180'],
      [0xff, '81ff'],
      [0x100, '820100'],
      [0xffff, '82ffff'],
      [0x10000, '83010000'],
      [0xffffffff, '84ffffffff'],
    ];
    for (const [length, hex] of cases) expect(toHex(encodeTlvLength(length))).toBe(hex);
    expect(() => encodeTlvLength(-1)).toThrow(RangeError);
    expect(() => encodeTlvLength(2 ** 32)).toThrow(RangeError);
    expect(() => encodeTlvLength(Number.NaN)).toThrow(RangeError);
  });

  it('refuses a tag the reader could not read back', () => {
    expect(() => encodeTlv(0)).toThrow(RangeError);
    expect(() => encodeTlv(0x1000000)).toThrow(RangeError);
  });

  it('reads back what it writes, for one- to three-byte tags and any length', () => {
    const tag = fc.constantFrom(0x04, 0x30, 0x5c, 0x87, 0x5f1f, 0x7f61, 0x7f2e, 0x5f8101);
    fc.assert(
      fc.property(tag, fc.uint8Array({ maxLength: 300 }), (t, value) => {
        const node = parseTlv(encodeTlv(t, value));
        return node.tag === t && toHex(node.value) === toHex(value);
      }),
    );
  });

  it('writes minimal DER INTEGERs from numbers, bigints and bytes', () => {
    expect(toHex(encodeDerInteger(0))).toBe('020100');
    expect(toHex(encodeDerInteger(127))).toBe('02017f');
    expect(toHex(encodeDerInteger(128))).toBe('02020080');
    expect(toHex(encodeDerInteger(65537n))).toBe('0203010001');
    expect(toHex(encodeDerInteger(fromHex('000080')))).toBe('02020080');
    expect(toHex(encodeDerInteger(fromHex('00007f')))).toBe('02017f');
    expect(toHex(encodeDerInteger(new Uint8Array(0)))).toBe('020100');
    expect(() => encodeDerInteger(-1)).toThrow(RangeError);
    expect(() => encodeDerInteger(1.5)).toThrow(RangeError);
  });
});

describe('reading data objects inside APDUs and file headers', () => {
  it('reads the element at an offset and leaves the rest', () => {
    const bytes = fromHex('870101990290008e08' + '11'.repeat(8));
    const first = readTlv(bytes);
    const second = readTlv(bytes, first.offset + first.raw.length);
    expect([first.tag, second.tag]).toEqual([0x87, 0x99]);
    expect(second.offset).toBe(3);
    expect(tryTlvChildren(bytes)?.map((t) => t.tag)).toEqual([0x87, 0x99, 0x8e]);
  });

  it('answers undefined, not an exception, for a data object that is truncated or malformed', () => {
    expect(tryReadTlv(fromHex('7C0381'))).toBeUndefined();
    expect(tryReadTlv(fromHex('00'))).toBeUndefined();
    expect(tryReadTlv(fromHex('048500000000'))).toBeUndefined();
    expect(tryReadTlv(new Uint8Array(0))).toBeUndefined();
    expect(tryTlvChildren(fromHex('80010083'))).toBeUndefined();
    expect(tryReadTlv(fromHex('7C03800100'))?.tag).toBe(0x7c);
    expect(() => tryReadTlv('7C00' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('answers undefined for a file header still incomplete, and reads it without its value', () => {
    for (const partial of ['', '75', '7F', '7F61', '7582', '758212']) {
      expect(readTlvHeader(fromHex(partial)), partial).toBeUndefined();
    }
    expect(readTlvHeader(fromHex('75821234'))).toEqual({
      tag: 0x75,
      constructed: true,
      headerLength: 4,
      length: 0x1234,
    });
    expect(readTlvHeader(fromHex('7F6103'))?.length).toBe(3);
    expect(readTlvHeader(fromHex('6080'))?.length).toBeUndefined();
  });

  it('refuses a file header no further bytes can repair', () => {
    expect(codeOf(() => readTlvHeader(fromHex('FF')))).toBe('ERR_TLV_TAG');
    expect(codeOf(() => readTlvHeader(fromHex('7F8181810100')))).toBe('ERR_TLV_TAG');
    expect(codeOf(() => readTlvHeader(fromHex('7585')))).toBe('ERR_TLV_LENGTH');
    expect(codeOf(() => readTlvHeader(fromHex('0480')))).toBe('ERR_TLV_LENGTH');
  });
});
