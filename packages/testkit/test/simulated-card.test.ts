import { parseResponseApdu } from '@cancuoc/reader';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSampleCardFiles, createSimulatedCard, hostileBytes } from '../src/index.js';

const mrz = { documentNumber: '098012345', dateOfBirth: '980312', dateOfExpiry: '380312' };
const mrzLines =
  'IDVNM0980123452001098012345<<4' + '9803122M3803128VNM<<<<<<<<<<<6' + 'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<';
const files = createSampleCardFiles({ mrz: mrzLines, dg2Size: 500 });
const card = () => createSimulatedCard({ files, mrz, can: '012345' });
const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => Number.parseInt(b, 16)));

describe('createSimulatedCard', () => {
  it('answers SELECT of the eMRTD AID and refuses data without access control', async () => {
    const c = card();
    expect(parseResponseApdu(await c.transmit(hex('00A4040C07A0000002471001'))).sw).toBe(0x9000);
    expect(parseResponseApdu(await c.transmit(hex('00B09E0000'))).sw).toBe(0x6982); // EF.COM before BAC/PACE
    expect(parseResponseApdu(await c.transmit(hex('00A4040C07A0000002471002'))).sw).toBe(0x6a82);
  });

  it('serves EF.CardAccess in plain, short and extended, within the maximum response length', async () => {
    const c = createSimulatedCard({ files, mrz, can: '012345', maxResponseLength: 16 });
    const short = parseResponseApdu(await c.transmit(hex('00B09C0000')));
    expect(short.data).toEqual(files.cardAccess!.slice(0, 16));
    const noExtended = createSimulatedCard({ files, mrz, can: '012345', extendedLength: false });
    expect(parseResponseApdu(await noExtended.transmit(hex('00B09C00000000'))).sw).toBe(0x6700);
  });

  it('answers a plain GET CHALLENGE with 8 random bytes', async () => {
    const r = parseResponseApdu(await card().transmit(hex('0084000008')));
    expect(r.sw).toBe(0x9000);
    expect(r.data.length).toBe(8);
  });

  it('answers hostile and random command bytes with a status word, never an exception', async () => {
    const c = card();
    for (const bytes of hostileBytes)
      expect(parseResponseApdu(await c.transmit(bytes)).sw).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const r = await c.transmit(bytes);
        expect(r.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });

  it('refuses PACE on demand while BAC works after a new SELECT, and counts access attempts', async () => {
    const c = createSimulatedCard({ files, mrz, can: '012345', faults: { paceRefused: { sw: 0x6d00 } } });
    // MSE:Set AT for id-PACE-ECDH-GM-AES-CBC-CMAC-128 with the MRZ password (reference 1).
    const mse = hex('0022C1A40F800A04007F00070202040202830101');
    expect(parseResponseApdu(await c.transmit(mse)).sw).toBe(0x6d00);
    expect(parseResponseApdu(await c.transmit(hex('0084000008'))).sw).toBe(0x6985); // no BAC before SELECT
    expect(parseResponseApdu(await c.transmit(hex('00A4040C07A0000002471001'))).sw).toBe(0x9000);
    expect(parseResponseApdu(await c.transmit(hex('0084000008'))).sw).toBe(0x9000);
    expect(parseResponseApdu(await c.transmit(hex(`0082000028${'00'.repeat(40)}28`))).sw).toBe(0x6300);
    expect(c.accessAttempts).toEqual({ pace: 1, bac: 1 });
  });

  it('refuses a chosen GENERAL AUTHENTICATE step of PACE', async () => {
    const c = createSimulatedCard({
      files,
      mrz,
      can: '012345',
      faults: { paceRefused: { sw: 0x6a80, step: 1 } },
    });
    expect(parseResponseApdu(await c.transmit(hex('0022C1A40F800A04007F00070202040202830101'))).sw).toBe(
      0x9000,
    );
    expect(parseResponseApdu(await c.transmit(hex('10860000027C0000'))).sw).toBe(0x6a80);
    expect(c.accessAttempts).toEqual({ pace: 1, bac: 0 });
  });

  it('leaves the field after dropAfter APDUs', async () => {
    const c = createSimulatedCard({ files, mrz, can: '012345', faults: { dropAfter: 1 } });
    await c.transmit(hex('0084000008'));
    await expect(c.transmit(hex('0084000008'))).rejects.toMatchObject({ code: 'CARD_REMOVED' });
    expect(c.removed).toBe(true);
    expect(c.apdus).toBe(2);
  });
});
