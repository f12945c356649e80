import { hostileStrings } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BridgeAgentMessage,
  type BridgeClientMessage,
  encodeBridgeMessage,
  parseBridgeAgentMessage,
  parseBridgeClientMessage,
} from '../src/bridge/bridge-protocol.js';

const apdu = Uint8Array.of(0x00, 0xa4, 0x04, 0x0c, 0x07, 0xa0, 0, 0, 0x02, 0x47, 0x10, 0x01);

describe('bridge protocol', () => {
  it('round-trips every page-to-agent message', () => {
    const messages: BridgeClientMessage[] = [
      { v: 1, type: 'hello', token: 'pairing-token-0123456789' },
      { v: 1, type: 'transmit', id: 7, apdu },
      { v: 1, type: 'reset', id: 8 },
      { v: 1, type: 'close' },
    ];
    for (const m of messages) expect(parseBridgeClientMessage(encodeBridgeMessage(m))).toEqual(m);
  });

  it('round-trips every agent-to-page message', () => {
    const messages: BridgeAgentMessage[] = [
      { v: 1, type: 'ready', atr: Uint8Array.of(0x3b, 0x8f, 0x80) },
      { v: 1, type: 'ready', atr: null },
      { v: 1, type: 'response', id: 7, apdu: Uint8Array.of(0x90, 0x00) },
      { v: 1, type: 'atr', id: 8, atr: null },
      { v: 1, type: 'error', id: 9, error: 'card-removed', message: 'card removed' },
      { v: 1, type: 'error', error: 'token', message: 'wrong pairing token' },
    ];
    for (const m of messages) expect(parseBridgeAgentMessage(encodeBridgeMessage(m))).toEqual(m);
  });

  it('carries APDUs as base64 text', () => {
    expect(JSON.parse(encodeBridgeMessage({ v: 1, type: 'transmit', id: 1, apdu }))).toEqual({
      v: 1,
      type: 'transmit',
      id: 1,
      apdu: 'AKQEDAegAAACRxAB',
    });
  });

  it('refuses another protocol version with ERR_READER_BRIDGE_PROTOCOL', () => {
    expect(() => parseBridgeClientMessage('{"v":2,"type":"hello","token":"x"}')).toThrow(
      expect.objectContaining({
        code: 'ERR_READER_BRIDGE_PROTOCOL',
        details: { reason: 'protocol version 2 is not 1' },
      }),
    );
  });

  it.each([
    ['not text', new Uint8Array(4)],
    ['not JSON', '{"v":1,'],
    ['an array', '[1]'],
    ['null', 'null'],
    ['no version', '{"type":"close"}'],
    ['an unknown type', '{"v":1,"type":"eject"}'],
    ['a hello without a token', '{"v":1,"type":"hello"}'],
    ['a transmit without an id', '{"v":1,"type":"transmit","apdu":"AA=="}'],
    ['a negative id', '{"v":1,"type":"reset","id":-1}'],
    ['a fractional id', '{"v":1,"type":"reset","id":1.5}'],
    ['an APDU that is not base64', '{"v":1,"type":"transmit","id":1,"apdu":"%%%"}'],
    ['an APDU that is a number', '{"v":1,"type":"transmit","id":1,"apdu":12}'],
  ])('refuses a page message that is %s', (_, frame) => {
    expect(() => parseBridgeClientMessage(frame)).toThrow(
      expect.objectContaining({ code: 'ERR_READER_BRIDGE_PROTOCOL' }),
    );
  });

  it.each([
    ['an error with an unknown reason', '{"v":1,"type":"error","error":"boom","message":""}'],
    ['a response without an APDU', '{"v":1,"type":"response","id":1}'],
    ['a ready with an ATR that is not base64', '{"v":1,"type":"ready","atr":"***"}'],
  ])('refuses an agent message that is %s', (_, frame) => {
    expect(() => parseBridgeAgentMessage(frame)).toThrow(
      expect.objectContaining({ code: 'ERR_READER_BRIDGE_PROTOCOL' }),
    );
  });

  it('throws only ERR_READER_BRIDGE_PROTOCOL on hostile strings', () => {
    for (const text of hostileStrings) {
      for (const parse of [parseBridgeClientMessage, parseBridgeAgentMessage]) {
        try {
          parse(text);
        } catch (error) {
          expect(error).toMatchObject({ code: 'ERR_READER_BRIDGE_PROTOCOL' });
        }
      }
    }
  });

  it('round-trips any APDU and id (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(), (bytes, id) => {
        const m: BridgeClientMessage = { v: 1, type: 'transmit', id, apdu: bytes };
        expect(parseBridgeClientMessage(encodeBridgeMessage(m))).toEqual(m);
        const r: BridgeAgentMessage = { v: 1, type: 'response', id, apdu: bytes };
        expect(parseBridgeAgentMessage(encodeBridgeMessage(r))).toEqual(r);
      }),
    );
  });

  it('never throws anything but a typed error on arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        for (const parse of [parseBridgeClientMessage, parseBridgeAgentMessage]) {
          try {
            parse(text);
          } catch (error) {
            expect(error).toMatchObject({ code: 'ERR_READER_BRIDGE_PROTOCOL' });
          }
        }
      }),
    );
  });
});
