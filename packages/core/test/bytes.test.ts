import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concatBytes,
  equalBytes,
  fromBase64,
  fromHex,
  isCancuocError,
  isHex,
  toBase64,
  toHex,
  utf8Decode,
  utf8Encode,
} from '../src/index.js';

describe('hex', () => {
  it('encodes and decodes known values', () => {
    expect(toHex(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('0001abff');
    expect(fromHex('A0 00 00 02 47 10 01')).toEqual(new Uint8Array([0xa0, 0, 0, 2, 0x47, 0x10, 0x01]));
    expect(fromHex('de:ad')).toEqual(new Uint8Array([0xde, 0xad]));
    expect(fromHex('')).toEqual(new Uint8Array());
  });
  it('rejects odd lengths and bad characters with ERR_BYTES_HEX', () => {
    for (const bad of ['abc', 'zz', '0g', '\u0000\u0000']) {
      try {
        fromHex(bad);
        expect.unreachable();
      } catch (e) {
        expect(isCancuocError(e) && e.code).toBe('ERR_BYTES_HEX');
      }
    }
  });
  it('round-trips arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (b) => {
        expect(fromHex(toHex(b))).toEqual(b);
      }),
    );
  });
  it('isHex answers without throwing', () => {
    expect(isHex('0a0B')).toBe(true);
    expect(isHex('0a0')).toBe(false);
    expect(isHex('')).toBe(false);
    expect(isHex('xx')).toBe(false);
  });
});

describe('base64', () => {
  it('matches the RFC 4648 §10 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, b64] of vectors) {
      expect(toBase64(utf8Encode(plain))).toBe(b64);
      expect(utf8Decode(fromBase64(b64))).toBe(plain);
    }
  });
  it('writes and reads base64url without padding', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xfe]);
    expect(toBase64(bytes)).toBe('+//+');
    expect(toBase64(bytes, { url: true })).toBe('-__-');
    expect(fromBase64('-__-')).toEqual(bytes);
  });
  it('round-trips arbitrary bytes in both alphabets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        expect(fromBase64(toBase64(b))).toEqual(b);
        expect(fromBase64(toBase64(b, { url: true }))).toEqual(b);
      }),
    );
  });
  it('agrees with the platform encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        expect(toBase64(b)).toBe(globalThis.Buffer.from(b).toString('base64'));
      }),
    );
  });
  it('rejects characters outside both alphabets', () => {
    expect(() => fromBase64('ab$d')).toThrowError(expect.objectContaining({ code: 'ERR_BYTES_BASE64' }));
    expect(() => fromBase64('abcde')).toThrowError(expect.objectContaining({ code: 'ERR_BYTES_BASE64' }));
  });
});

describe('utf8 and byte utilities', () => {
  it('rejects invalid UTF-8 with ERR_TEXT_UTF8', () => {
    expect(() => utf8Decode(new Uint8Array([0xc3, 0x28]))).toThrowError(
      expect.objectContaining({ code: 'ERR_TEXT_UTF8' }),
    );
  });
  it('concatenates and compares', () => {
    const a = new Uint8Array([1, 2]);
    const b = new Uint8Array([3]);
    expect(concatBytes(a, b)).toEqual(new Uint8Array([1, 2, 3]));
    expect(equalBytes(a, new Uint8Array([1, 2]))).toBe(true);
    expect(equalBytes(a, new Uint8Array([1, 3]))).toBe(false);
    expect(equalBytes(a, b)).toBe(false);
  });
});
