import { isCancuocError } from '@cancuoc/core';
import { hostileBytes } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCommandApdu, formatResponseApdu, parseCommandApdu, parseResponseApdu } from '../src/apdu.js';
import { TDES_SUITE } from '../src/internal/crypto.js';
import { SecureMessaging } from '../src/internal/secure-messaging.js';

const byte = fc.integer({ min: 0, max: 255 });
const command = fc.record(
  {
    cla: byte,
    ins: byte,
    p1: byte,
    p2: byte,
    data: fc.uint8Array({ minLength: 1, maxLength: 600 }),
    le: fc.integer({ min: 1, max: 65536 }),
  },
  { requiredKeys: ['cla', 'ins', 'p1', 'p2'] },
);

describe('APDU codec', () => {
  it('encodes the ICAO examples in short form', () => {
    expect(formatCommandApdu({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 })).toEqual(
      Uint8Array.of(0, 0x84, 0, 0, 8),
    );
    expect(formatCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 })).toEqual(
      Uint8Array.of(0, 0xb0, 0, 0, 0),
    );
    expect(formatCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 65536 })).toEqual(
      Uint8Array.of(0, 0xb0, 0, 0, 0, 0, 0),
    );
    expect(formatCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1024 })).toEqual(
      Uint8Array.of(0, 0xb0, 0, 0, 0, 4, 0),
    );
  });

  it('rejects out-of-range fields with RangeError', () => {
    expect(() => formatCommandApdu({ cla: 256, ins: 0, p1: 0, p2: 0 })).toThrow(RangeError);
    expect(() => formatCommandApdu({ cla: 0, ins: 0, p1: 0, p2: 0, le: 0 })).toThrow(RangeError);
    expect(() => formatCommandApdu({ cla: 0, ins: 0, p1: 0, p2: 0, data: new Uint8Array(70000) })).toThrow(
      RangeError,
    );
  });

  it('round-trips any command through format and parse, short and extended', () => {
    fc.assert(
      fc.property(command, fc.boolean(), (c, extended) => {
        const parsed = parseCommandApdu(formatCommandApdu(c, { extended }));
        expect(parsed.cla).toBe(c.cla);
        expect(parsed.ins).toBe(c.ins);
        expect(parsed.data ?? undefined).toEqual(c.data);
        expect(parsed.le).toBe(c.le);
      }),
    );
  });

  it('round-trips responses and reports short ones as ERR_READER_RESPONSE_MALFORMED', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 0xffff }), (data, sw) => {
        expect(parseResponseApdu(formatResponseApdu({ data, sw }))).toEqual({ data, sw });
      }),
    );
    for (const bad of [new Uint8Array(0), Uint8Array.of(0x90)]) {
      expect(() => parseResponseApdu(bad)).toThrow(
        expect.objectContaining({ code: 'ERR_READER_RESPONSE_MALFORMED' }),
      );
    }
  });

  it('parses arbitrary and hostile bytes as a command or a CancuocError, nothing else', () => {
    const check = (bytes: Uint8Array) => {
      try {
        parseCommandApdu(bytes);
      } catch (e) {
        expect(isCancuocError(e)).toBe(true);
      }
    };
    for (const b of hostileBytes) check(b);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), check));
  });
});

describe('secure messaging (property)', () => {
  const keys = (suite: 'AES' | '3DES') => ({
    suite: suite === 'AES' ? ({ family: 'AES', keyLength: 16 } as const) : TDES_SUITE,
    ksEnc: Uint8Array.from({ length: 16 }, (_, i) => i + 1),
    ksMac: Uint8Array.from({ length: 16 }, (_, i) => 200 - i),
    ssc: new Uint8Array(suite === 'AES' ? 16 : 8),
  });

  it('a protected command opens on the card side and a protected response opens on the terminal side', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('AES' as const, '3DES' as const),
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 1, max: 65536 }),
        (suite, data, answer, le) => {
          const terminal = new SecureMessaging(keys(suite));
          const card = new SecureMessaging(keys(suite));
          const c = { cla: 0, ins: 0xb0, p1: 1, p2: 2, ...(data.length ? { data } : {}), le };
          const wrapped = terminal.protectCommand(c, false);
          const wire = formatCommandApdu(wrapped.command, { extended: wrapped.extended });
          const opened = card.unprotectCommand(parseCommandApdu(wire));
          expect(opened).toEqual(c);
          const response = card.protectResponse({ data: answer, sw: 0x9000 });
          expect(terminal.unprotectResponse(response)).toEqual({ data: answer, sw: 0x9000 });
          expect(terminal.ssc).toEqual(card.ssc);
        },
      ),
    );
  });

  it('any single flipped bit of a protected response is caught', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.nat(), (answer, where) => {
        const terminal = new SecureMessaging(keys('AES'));
        const card = new SecureMessaging(keys('AES'));
        const wrapped = terminal.protectCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 100 }, false);
        card.unprotectCommand(parseCommandApdu(formatCommandApdu(wrapped.command)));
        const response = card.protectResponse({ data: answer, sw: 0x9000 });
        const bytes = response.data.slice();
        const i = where % bytes.length;
        bytes[i] = (bytes[i] as number) ^ 0x01;
        try {
          terminal.unprotectResponse({ data: bytes, sw: 0x9000 });
          expect.unreachable('a tampered response was accepted');
        } catch (e) {
          expect(['ERR_READER_SM_MAC', 'ERR_READER_SM_MISSING']).toContain((e as { code?: string }).code);
        }
      }),
    );
  });
});
