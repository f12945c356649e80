import * as chip from '@cancuoc/chip';
import { describe, expect, it } from 'vitest';
import * as protocol from '../src/protocol/index.js';

describe('the byte layer of @cancuoc/reader/protocol', () => {
  it('is @cancuoc/chip’s, under the old names kept for the software card', () => {
    expect(protocol.readTlv).toBe(chip.tryReadTlv);
    expect(protocol.readTlvs).toBe(chip.tryTlvChildren);
    expect(protocol.tlv).toBe(chip.encodeTlv);
    expect(protocol.decodeOid).toBe(chip.decodeOid);
    expect(protocol.encodeOid).toBe(chip.encodeOid);
  });
});
