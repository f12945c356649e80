import { isCancuocError } from '@cancuoc/core';
import { hostileBytes } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import {
  parseCardAccess,
  parseCom,
  parseDg1,
  parseDg2,
  parseDg13,
  parseDg14,
  parseDg15,
  parseSod,
  safeParseCardAccess,
  safeParseCardSecurity,
  safeParseCom,
  safeParseDg1,
  safeParseDg2,
  safeParseDg13,
  safeParseDg14,
  safeParseDg15,
  safeParseMrz,
  safeParseSod,
} from '../src/index.js';
import { hasVectors, unhex, vector, vectorJson } from './vectors.js';

const CCCD_CARD_ACCESS =
  '3134300d060804007f0007020202020101300f060a04007f000702020302020201013012060a04007f0007020204020202010202010d';

describe('parseCom', () => {
  it('reads the 9303 worked example', () => {
    // ICAO 9303-11 Appendix D.4: EF.COM read by secure messaging.
    const com = parseCom(unhex('60145F0104303130365F36063034303030305C026175'));
    expect(com).toEqual({
      ldsVersion: '1.6',
      unicodeVersion: '4.0.0',
      dataGroups: [1, 2],
      tags: [0x61, 0x75],
    });
  });
  it.skipIf(!hasVectors)('reads the BSI 2008 EF.COM', () => {
    expect(parseCom(vector('lds/bsi2008/EF_COM.bin'))).toMatchObject({
      ldsVersion: '1.7',
      dataGroups: [1, 2, 3, 14],
    });
  });
  it('rejects another file with ERR_CHIP_FILE_TAG', () => {
    expect(() => parseCom(unhex('61035F1F00'))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_FILE_TAG' }),
    );
  });
  it('rejects a tag list that ends in a lone 5F instead of keeping 0x5F as a tag', () => {
    // gmrtd com_test.go: tag list 61 75 63 6B 6C 6D 5F, the last byte opens a two-byte tag.
    expect(() => parseCom(unhex('60195F0104303130375F36063034303030305C076175636B6C6D5F'))).toThrowError(
      expect.objectContaining({
        code: 'ERR_CHIP_STRUCTURE',
        details: { reason: 'tag list ends inside a tag' },
      }),
    );
    expect(() => parseCom(unhex('60135F0104303130375F36063034303030305C015F'))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_STRUCTURE' }),
    );
  });
  it('reads a two-byte tag in the tag list as one tag', () => {
    const com = parseCom(unhex('60165F0104303130375F36063034303030305C0461755F1F'));
    expect(com.tags).toEqual([0x61, 0x75, 0x5f1f]);
    expect(com.dataGroups).toEqual([1, 2]);
  });
  it('rejects a missing tag list', () => {
    expect(() => parseCom(unhex('60075F010430313037'))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_STRUCTURE' }),
    );
  });
});

describe('parseCardAccess', () => {
  it('decodes the CCCD EF.CardAccess (PACE GM brainpoolP256r1, CA ECDH AES-128, TA)', () => {
    const info = parseCardAccess(unhex(CCCD_CARD_ACCESS));
    expect(info.pace).toEqual([
      {
        type: 'pace',
        protocol: '0.4.0.127.0.7.2.2.4.2.2',
        version: 2,
        mapping: 'GM',
        keyAgreement: 'ECDH',
        cipher: 'AES-128',
        parameterId: 13,
        parameterName: 'brainpoolP256r1',
      },
    ]);
    expect(info.chipAuthentication[0]).toMatchObject({
      protocol: '0.4.0.127.0.7.2.2.3.2.2',
      version: 1,
      cipher: 'AES-128',
    });
    expect(info.terminalAuthentication[0]).toMatchObject({ version: 1 });
  });
  it('decodes the 9303-11 G.1 PACEInfo', () => {
    const info = parseCardAccess(unhex('31143012060A04007F0007020204020202010202010D'));
    expect(info.pace[0]).toMatchObject({ mapping: 'GM', parameterId: 13 });
  });
  it('rejects a PACEInfo version other than 2', () => {
    expect(() => parseCardAccess(unhex('31143012060A04007F0007020204020202010102010D'))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_VALUE' }),
    );
  });
});

describe.skipIf(!hasVectors)('BSI 2008 and ETSI data groups', () => {
  it('parses DG1 (TD3 Mustermann)', () => {
    const { mrz } = parseDg1(vector('lds/bsi2008/DG1.bin'));
    expect(mrz).toMatchObject({
      format: 'TD3',
      documentNumber: 'C11T002JM',
      surname: 'MUSTERMANN',
      givenNames: 'ERIKA',
    });
  });

  it('parses DG2 (19794-5 with a JPEG 2000 portrait at offset 84)', () => {
    const bytes = vector('lds/bsi2008/DG2.bin');
    const [face] = parseDg2(bytes).faces;
    expect(face).toMatchObject({
      format: 'iso19794-5',
      mimeType: 'image/jp2',
      offset: 84,
      width: 413,
      height: 531,
    });
    expect(face!.image.length).toBe(14999);
  });

  type Dg2Vectors = {
    samples: { file: string; expectedImage?: string; imageInDg2?: { offset: number; length: number } }[];
    negative: { hex?: string | null; derivedFrom?: string; patch?: { offset: number; to: string }[] }[];
  };
  // Read at collection time, so guarded: without shared/vectors the block is skipped, not broken.
  const dg2: Dg2Vectors = hasVectors
    ? vectorJson<Dg2Vectors>('dg2/dg2-vectors.json')
    : { samples: [], negative: [] };
  for (const s of dg2.samples.filter((x) => x.imageInDg2)) {
    it(`extracts the image of ${s.file} byte for byte`, () => {
      const [face] = parseDg2(vector(`dg2/${s.file}`)).faces;
      expect(face!.offset).toBe(s.imageInDg2!.offset);
      expect(Buffer.from(face!.image).equals(Buffer.from(vector(`dg2/${s.expectedImage}`)))).toBe(true);
    });
  }
  for (const [i, n] of dg2.negative.entries()) {
    if (n.hex === null) continue;
    it(`rejects DG2 negative case ${i}`, () => {
      let bytes: Uint8Array;
      if (typeof n.hex === 'string') bytes = unhex(n.hex);
      else {
        bytes = new Uint8Array(vector(`dg2/${n.derivedFrom}`));
        for (const p of n.patch ?? []) bytes[p.offset] = Number.parseInt(p.to, 16);
      }
      expect(() => parseDg2(bytes)).toThrowError(
        expect.objectContaining({ code: expect.stringMatching(/^ERR_/) }),
      );
    });
  }

  it('parses DG14 with an explicit brainpoolP224r1 chip authentication key', () => {
    const dg14 = parseDg14(vector('lds/bsi2008/DG14.bin'));
    const key = dg14.chipAuthenticationPublicKeys[0]!;
    expect(key.keyAgreement).toBe('ECDH');
    expect(key.publicKey).toMatchObject({ kind: 'ec', curve: 'brainpoolP224r1', explicitParameters: true });
    expect(dg14.chipAuthentication[0]).toMatchObject({
      protocol: '0.4.0.127.0.7.2.2.3.2.1',
      cipher: '3DES',
      version: 1,
    });
    expect(dg14.terminalAuthentication).toHaveLength(1);
  });

  it('rejects a ChipAuthenticationInfo version 16 (ETSI F06)', () => {
    expect(() => parseDg14(vector('sod/negative/etsi-dg14.cainfo-version-not-1.bin'))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_VALUE' }),
    );
  });

  it('parses DG15 RSA-1024 keys', () => {
    for (const f of [
      'lds/bsi2008/DG15.bin',
      'sod/etsi-tr103200-eacaa/DG15.bin',
      'sod/bsi-tr03105-5-refdataset/DG15.bin',
    ]) {
      expect(parseDg15(vector(f)).publicKey).toMatchObject({ kind: 'rsa', bits: 1024 });
    }
  });

  it('rejects a DG15 with tag 70 (ETSI I01)', () => {
    expect(() => parseDg15(vector('sod/negative/etsi-dg15.tag-70-instead-of-6F.bin'))).toThrowError(
      expect.objectContaining({ code: 'ERR_CHIP_FILE_TAG' }),
    );
  });
});

describe('safe parsers', () => {
  it('return results instead of throwing', () => {
    const ok = safeParseCom(unhex('60145F0104303130365F36063034303030305C026175'));
    expect(ok.success && ok.data.dataGroups).toEqual([1, 2]);
    expect(safeParseMrz('I<UTO').success).toBe(false);
    const bad = safeParseSod(unhex('770101'));
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.code).toMatch(/^ERR_/);
    for (const safe of [
      safeParseDg1,
      safeParseDg2,
      safeParseDg13,
      safeParseDg14,
      safeParseDg15,
      safeParseCardAccess,
      safeParseCardSecurity,
    ]) {
      const r = (safe as (x: never) => { success: boolean })(new Uint8Array([0x30, 0x81]) as never);
      expect(r.success).toBe(false);
    }
  });
});

describe('every parser on hostile bytes', () => {
  const parsers = {
    parseCom,
    parseCardAccess,
    parseDg1,
    parseDg2,
    parseDg13,
    parseDg14,
    parseDg15,
    parseSod,
  };
  for (const [name, parse] of Object.entries(parsers)) {
    it(`${name} answers hostile bytes with a CancuocError`, () => {
      for (const bytes of hostileBytes) {
        try {
          parse(bytes);
        } catch (e) {
          expect(isCancuocError(e), `${name}: ${String(e)}`).toBe(true);
        }
      }
    });
  }
});
