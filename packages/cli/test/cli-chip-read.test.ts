import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueTestCard, type TestCard } from '@cancuoc/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chipFileRole } from '../src/commands/chip.js';
import { cli, tempDir } from './helpers.js';

// No real reader in these tests: PC/SC is the real transport factory with the `smartcard` module
// reported absent, whatever this machine has installed.
vi.mock('@cancuoc/reader/pcsc', async (importOriginal) => {
  const real = await importOriginal<typeof import('@cancuoc/reader/pcsc')>();
  return {
    ...real,
    createPcscTransport: (options: Parameters<typeof real.createPcscTransport>[0] = {}) =>
      real.createPcscTransport({ ...options, load: async () => undefined }),
  };
});

let card: TestCard;
let dir: string;
let remove: () => Promise<void>;

async function writeCard(folder: string, names: Record<string, Uint8Array | string>): Promise<string> {
  const path = join(dir, folder);
  await mkdir(path, { recursive: true });
  for (const [name, bytes] of Object.entries(names)) await writeFile(join(path, name), bytes);
  return path;
}

beforeAll(async () => {
  card = await issueTestCard();
  ({ dir, remove } = await tempDir());
  const { com, sod, cardAccess, dataGroups } = card.files;
  // Every accepted spelling of the names: EF. prefix, EF_ prefix, bare, any case, .bin/.dat/.der.
  await writeCard('card', {
    'EF.COM': com,
    'EF.CardAccess': cardAccess,
    'DG1.bin': dataGroups[1]!,
    'dg2.bin': dataGroups[2]!,
    'EF_DG13.dat': dataGroups[13]!,
    'ef.dg14.der': dataGroups[14]!,
    DG15: dataGroups[15]!,
    'EF.SOD': sod,
    'notes.txt': 'not a chip file',
  });
  const tampered = dataGroups[13]!.slice();
  tampered[tampered.length - 1] = tampered.at(-1)! ^ 0x01;
  await writeCard('tampered', { 'EF.SOD': sod, 'DG1.bin': dataGroups[1]!, 'DG13.bin': tampered });
  await writeCard('no-sod', { 'DG1.bin': dataGroups[1]! });
  await writeCard('empty', { 'readme.md': '# nothing' });
  await writeFile(join(dir, 'csca.pem'), card.pki.csca.pem);
  await writeFile(join(dir, 'csca.der'), card.pki.csca.certificate);
  await writeFile(join(dir, 'garbage.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
}, 120_000);
afterAll(() => remove());

describe('chip file names', () => {
  it('knows EF.COM, EF.SOD, EF.CardAccess and DG1–DG16 in their usual spellings', () => {
    expect(chipFileRole('EF.SOD')).toBe('sod');
    expect(chipFileRole('sod.bin')).toBe('sod');
    expect(chipFileRole('EF_COM.dat')).toBe('com');
    expect(chipFileRole('ef.cardaccess')).toBe('cardAccess');
    expect(chipFileRole('DG13.bin')).toBe(13);
    expect(chipFileRole('ef-dg2.der')).toBe(2);
    expect(chipFileRole('DG17.bin')).toBeUndefined();
    expect(chipFileRole('DG0')).toBeUndefined();
    expect(chipFileRole('photo.jpg')).toBeUndefined();
  });
});

describe('cancuoc chip', () => {
  it('parses the files of a card and verifies them against the CSCA, exit 0', async () => {
    const r = await cli(['chip', 'card', '--trust', 'csca.pem'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Passive authentication: VERIFIED');
    expect(r.stdout).toContain('DG13 match');
    expect(r.stdout).toContain('ignored: notes.txt');
    expect(r.stdout).toContain('Nguyễn Văn An');
    expect(r.stdout).toContain('001******345');
    expect(r.stdout).not.toContain(card.person.personalId);
  });

  it('takes a DER certificate and gives the report as JSON', async () => {
    const r = await cli(['chip', join(dir, 'card'), '--trust', join(dir, 'csca.der'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      files: { file: string; ok: boolean; summary: Record<string, unknown> }[];
      ignored: string[];
      passive: { verified: boolean; chain: string; signature: string; dataGroups: Record<string, string> };
    };
    expect(out.passive).toMatchObject({ verified: true, chain: 'trusted', signature: 'valid' });
    expect(out.files.map((f) => f.file).sort()).toEqual([
      'DG1',
      'DG13',
      'DG14',
      'DG15',
      'DG2',
      'EF.COM',
      'EF.SOD',
    ]);
    expect(out.files.every((f) => f.ok)).toBe(true);
    const dg2 = out.files.find((f) => f.file === 'DG2')!.summary as {
      faces: { mimeType: string; bytes: number }[];
    };
    expect(dg2.faces[0]!.mimeType).toBe('image/jpeg');
    expect(out.ignored).toEqual(['notes.txt']);
  });

  it('exits 1 without a trust store, saying why', async () => {
    const r = await cli(['chip', 'card'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('NOT VERIFIED');
    expect(r.stdout).toContain('--trust');
  });

  it('exits 1 when a data group was changed after signing', async () => {
    const r = await cli(['chip', 'tampered', '--trust', 'csca.pem', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      passive: { verified: boolean; dataGroups: Record<string, string> };
    };
    expect(out.passive.verified).toBe(false);
    expect(out.passive.dataGroups['13']).toBe('mismatch');
    expect(out.passive.dataGroups['1']).toBe('match');
  });

  it('exits 3 with a bilingual message for a folder without EF.SOD, without chip files, or missing', async () => {
    const noSod = await cli(['chip', 'no-sod'], { cwd: dir });
    expect(noSod.code).toBe(3);
    expect(noSod.stderr).toContain('ERR_CLI_CHIP_NO_SOD');
    expect(noSod.stderr).toContain('không có EF.SOD');
    expect((await cli(['chip', 'empty'], { cwd: dir })).stderr).toContain('ERR_CLI_FOLDER_EMPTY');
    const missing = await cli(['chip', 'nowhere', '--json'], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'ERR_CLI_FILE_NOT_FOUND' } });
  });

  it('exits 3 for a trust file that is not a certificate', async () => {
    const r = await cli(['chip', 'card', '--trust', 'garbage.pem'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ERR_CLI_TRUST_UNUSABLE');
    expect(r.stderr).toContain('Tệp tin cậy');
  });
});

describe('cancuoc read', () => {
  it('reads the simulated card, verifies it and shows the holder with the ID masked, exit 0', async () => {
    const r = await cli(['read', '--simulated', '--can', '012345']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Card: GENUINE (PACE)');
    expect(r.stdout).toContain('chip authentication: passed');
    expect(r.stdout).toContain('active authentication: passed');
    expect(r.stdout).toContain('full name: Nguyễn Văn An');
    expect(r.stdout).toContain('personal ID: 001******345');
    expect(r.stdout).not.toContain('001099012345');
  });

  it('reads with the MRZ key instead of the CAN and gives JSON', async () => {
    const r = await cli([
      'read',
      '--simulated',
      '--mrz',
      `${card.mrz.documentNumber},${card.mrz.dateOfBirth},${card.mrz.dateOfExpiry}`,
      '--json',
      '--reveal',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      verification: { genuine: boolean };
      holder: { personalId: string; fullName: string };
    };
    expect(out.verification.genuine).toBe(true);
    expect(out.holder).toMatchObject({ personalId: '001099012345', fullName: 'Nguyễn Văn An' });
  });

  it('shows no holder data when the card cannot be verified, exit 1', async () => {
    const r = await cli(['read', '--simulated', 'untrusted', '--can', '012345', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      verification: { genuine: boolean; reasons: string[] };
      holder?: unknown;
    };
    expect(out.verification.genuine).toBe(false);
    expect(out.holder).toBeUndefined();
    expect(out.verification.reasons.join(' ')).toContain('--trust');
    expect(r.stdout).not.toContain('Nguyễn');
  });

  it('exits 3 with the bilingual install hint when the smartcard module is missing', async () => {
    const r = await cli(['read', '--can', '123456']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ERR_READER_PCSC_MISSING');
    expect(r.stderr).toContain('npm install smartcard');
    expect(r.stderr).toContain('Cần cài gói tùy chọn "smartcard"');
  });

  it('exits 3 for a malformed CAN or MRZ key, and 2 without exactly one of them', async () => {
    const can = await cli(['read', '--can', '12ab']);
    expect(can.code).toBe(3);
    expect(can.stderr).toContain('ERR_CLI_ACCESS_KEY');
    expect((await cli(['read', '--mrz', '123,456'])).code).toBe(3);
    const neither = await cli(['read']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--can');
    expect((await cli(['read', '--can', '123456', '--mrz', 'a,b,c'])).code).toBe(2);
  });

  it('exits 3 when the card refuses the access key', async () => {
    const r = await cli(['read', '--simulated', '--can', '999999']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/ERR_READER_/);
  });
});
