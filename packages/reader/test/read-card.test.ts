import { createSimulatedCard } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { readCard } from '../src/read-card.js';
import { bacOnlyFiles, can, card, files, keys, mrz } from './helpers/card.js';

describe('readCard against the software card', () => {
  it('reads every file with PACE-CAN, then chip and active authentication', async () => {
    const progress: Array<{ file: string; bytesRead: number; totalBytes: number }> = [];
    const result = await readCard(card(), { access: { can }, onProgress: (p) => progress.push(p) });
    expect(result.protocol).toBe('PACE');
    expect(result.paceProtocol).toBe('0.4.0.127.0.7.2.2.4.2.2');
    expect(result.chipAuthentication).toBe('passed');
    expect(result.activeAuthentication).toBe('passed');
    expect(result.com).toEqual(files.com);
    expect(result.sod).toEqual(files.sod);
    for (const n of [1, 2, 13, 14, 15]) expect(result.dataGroups[n]).toEqual(files.dataGroups[n]);
    expect(result.extendedLength).toBe(true);
    const dg2 = progress.filter((p) => p.file === 'DG2');
    expect(dg2.at(-1)).toEqual({
      file: 'DG2',
      bytesRead: files.dataGroups[2]!.length,
      totalBytes: files.dataGroups[2]!.length,
    });
    expect(result.files.map((f) => f.file)).toEqual([
      'EF.COM',
      'DG14',
      'DG15',
      'DG1',
      'DG2',
      'DG13',
      'EF.SOD',
    ]);
  });

  it('reads with PACE-MRZ', async () => {
    const result = await readCard(card(), { access: mrz });
    expect(result.protocol).toBe('PACE');
    expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
  });

  it('falls back to BAC when the card has no EF.CardAccess', async () => {
    const result = await readCard(createSimulatedCard({ files: bacOnlyFiles, mrz, can, keys }), {
      access: mrz,
    });
    expect(result.protocol).toBe('BAC');
    expect(result.chipAuthentication).toBe('passed');
    expect(result.activeAuthentication).toBe('passed');
    expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
  });

  it('reads with short lengths only when the card refuses extended APDUs', async () => {
    const result = await readCard(card({ extendedLength: false }), { access: { can } });
    expect(result.extendedLength).toBe(false);
    expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
    const dg2 = result.files.find((f) => f.file === 'DG2')!;
    expect(dg2.apdus).toBe(Math.ceil(dg2.bytes / 223));
  });

  it('reads DG2 in as few APDUs as the maximum response length allows', async () => {
    const result = await readCard(card({ maxResponseLength: 1024 }), { access: { can } });
    const dg2 = result.files.find((f) => f.file === 'DG2')!;
    expect(dg2.apdus).toBe(Math.ceil(dg2.bytes / 1024));
  });

  it('refuses DG3 without EAC with ERR_READER_ACCESS_DENIED', async () => {
    const withDg3 = { ...files, dataGroups: { ...files.dataGroups, 3: Uint8Array.of(0x63, 0x01, 0x00) } };
    await expect(
      readCard(card({ files: withDg3 }), { access: { can }, files: [1, 3] }),
    ).rejects.toMatchObject({
      code: 'ERR_READER_ACCESS_DENIED',
      details: { sw: '6982', file: 'DG3' },
    });
  });

  it('reports a wrong CAN as ERR_READER_ACCESS_KEY_WRONG', async () => {
    await expect(readCard(card(), { access: { can: '999999' } })).rejects.toMatchObject({
      code: 'ERR_READER_ACCESS_KEY_WRONG',
    });
  });

  it('reports wrong MRZ data under BAC as ERR_READER_ACCESS_KEY_WRONG', async () => {
    const c = createSimulatedCard({ files: bacOnlyFiles, mrz, can, keys });
    await expect(readCard(c, { access: { ...mrz, dateOfBirth: '980313' } })).rejects.toMatchObject({
      code: 'ERR_READER_ACCESS_KEY_WRONG',
    });
  });

  it('skips chip and active authentication when asked', async () => {
    const result = await readCard(card(), {
      access: { can },
      chipAuthentication: false,
      activeAuthentication: false,
    });
    expect(result.chipAuthentication).toBe('skipped');
    expect(result.activeAuthentication).toBe('skipped');
    expect(result.dataGroups[14]).toEqual(files.dataGroups[14]);
  });

  it('runs ECDSA active authentication with chip authentication off (DG14 names the hash)', async () => {
    const result = await readCard(card(), { access: { can }, chipAuthentication: false, files: [1] });
    expect(result.chipAuthentication).toBe('skipped');
    expect(result.activeAuthentication).toBe('passed');
    expect(result.files.map((f) => f.file)).toEqual(['EF.COM', 'DG14', 'DG15', 'DG1', 'EF.SOD']);
    // DG14 and DG15 come back because active authentication used them (verifyCard checks them).
    expect(Object.keys(result.dataGroups)).toEqual(['1', '14', '15']);
  });
});
