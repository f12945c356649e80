import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatCardQr } from '@cancuoc/qr';
import { greyToPng, renderQrImage } from '@cancuoc/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const CARD_QR = formatCardQr({
  personalId: '001099012345',
  legacyId: '012345678',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: { year: 1999, month: 1, day: 15 },
  sex: 'male',
  permanentResidence: 'Số 1 Phố Thử, Hà Nội',
  dateOfIssue: { year: 2021, month: 5, day: 10 },
});

describe('cancuoc id', () => {
  it('decodes a personal ID: province, sex, birth year, and exits 0', async () => {
    const r = await cli(['id', '001099012345']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('personal ID number');
    expect(r.stdout).toContain('Hà Nội [001]');
    expect(r.stdout).toContain('birth year: 1999');
    expect(r.stderr).toBe('');
  });

  it('says when a birth province has since been merged (2025)', async () => {
    const r = await cli(['id', '024098012345']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bắc Giang (now Bắc Ninh)');
  });

  it('decodes tax codes, BHYT codes and CMND numbers in one call', async () => {
    const r = await cli(['id', '0100233488', 'GD4790123456789', '012345678', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { kind: string; data: Record<string, unknown> }[];
    expect(out.map((o) => o.kind)).toEqual(['tax-code', 'insurance-code', 'legacy-id']);
    expect(out[1]!.data).toMatchObject({ beneficiaryGroup: 'GD', benefitLevel: 4, provinceCode: '79' });
  });

  it('exits 1 for an invalid number and explains why in both languages', async () => {
    const r = await cli(['id', '001099012345', '003099']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('003099  not a valid identifier');
    expect(r.stdout).toContain('ERR_ID_LENGTH');
    expect(r.stdout).toContain('phải có 12 ký tự');
  });

  it('gives the error code and both messages in --json', async () => {
    const r = await cli(['id', '0100233480-001', '--json']);
    expect(r.code).toBe(1);
    const [out] = JSON.parse(r.stdout) as {
      kind: string;
      error: { code: string; message: string; messageVi: string };
    }[];
    expect(out!.kind).toBe('unknown');
    expect(out!.error.code).toBe('ERR_ID_TAX_CHECK_DIGIT');
    expect(out!.error.messageVi).toMatch(/mã số thuế/);
  });

  it('speaks Vietnamese with --lang vi or a Vietnamese LANG', async () => {
    const byFlag = await cli(['id', '001099012345', '--lang', 'vi']);
    const byEnv = await cli(['id', '001099012345'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(byFlag.stdout).toContain('số định danh cá nhân');
    expect(byFlag.stdout).toContain('giới tính: Nam');
    expect(byEnv.stdout).toBe(byFlag.stdout);
    // --lang wins over the environment.
    expect(
      (await cli(['id', '001099012345', '--lang', 'en'], { env: { LC_ALL: 'vi_VN' } })).stdout,
    ).toContain('sex: male');
  });

  it('accepts spaces and dots only with --normalize', async () => {
    expect((await cli(['id', '001 099 012 345'])).code).toBe(1);
    expect((await cli(['id', '001 099 012 345', '--normalize'])).code).toBe(0);
  });

  it('colours only a terminal, and never with NO_COLOR', async () => {
    const tty = await cli(['id', '001099012345'], { tty: true, env: { LANG: 'en' } });
    const noColor = await cli(['id', '001099012345'], { tty: true, env: { LANG: 'en', NO_COLOR: '1' } });
    const pipe = await cli(['id', '001099012345']);
    expect(tty.stdout).toContain('\u001b[');
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(pipe.stdout).not.toContain('\u001b[');
    expect(noColor.stdout).toBe(pipe.stdout);
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command, a missing argument or an unknown option, with a Vietnamese pointer', async () => {
    for (const argv of [['nope'], ['id'], ['id', '1', '--nope'], ['clean', 'x.csv', '--profile', 'school']]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('cancuoc --help');
      expect(r.stderr).toContain('Sai cách dùng');
    }
  });

  it('prints help with examples and the exit codes, exit 0', async () => {
    const main = await cli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Exit codes / Mã thoát');
    for (const command of ['clean', 'id', 'qr', 'chip', 'read', 'token', 'bridge'])
      expect(main.stdout).toContain(command);
    const sub = await cli(['clean', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Examples / Ví dụ');
    expect(sub.stdout).toContain('--profile');
    expect((await cli(['read', '--help'])).stdout).not.toContain('--simulated');
  });

  it('prints the version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('cancuoc qr', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir());
    await writeFile(join(dir, 'card.png'), greyToPng(renderQrImage(CARD_QR, { moduleSize: 6 })));
    await writeFile(
      join(dir, 'blank.png'),
      greyToPng({ width: 64, height: 64, data: new Uint8Array(64 * 64).fill(255) }),
    );
    await writeFile(join(dir, 'not-an-image.png'), 'hello, I am text');
  });
  afterAll(() => remove());

  it('parses a card QR payload given as text, masking the ID numbers', async () => {
    const r = await cli(['qr', CARD_QR]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Citizen ID card QR code');
    expect(r.stdout).toContain('001******345');
    expect(r.stdout).not.toContain('001099012345');
    expect(r.stdout).not.toContain('012345678');
    expect(r.stdout).toContain('Nguyễn Văn An');
  });

  it('shows the numbers in full only with --reveal', async () => {
    const r = await cli(['qr', CARD_QR, '--reveal', '--json']);
    const out = JSON.parse(r.stdout) as {
      source: string;
      codes: { kind: string; card: { personalId: string } }[];
    };
    expect(out.source).toBe('text');
    expect(out.codes[0]!.card.personalId).toBe('001099012345');
  });

  it('decodes the QR code of an image file', async () => {
    const r = await cli(['qr', 'card.png', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      source: string;
      codes: { kind: string; card: { personalId: string; fullName: string } }[];
    };
    expect(out.source).toBe('image');
    expect(out.codes).toHaveLength(1);
    expect(out.codes[0]!.card).toMatchObject({ personalId: '001******345', fullName: 'Nguyễn Văn An' });
  });

  it('exits 1 when the image has no QR code or the payload is not an identity QR', async () => {
    const blank = await cli(['qr', join(dir, 'blank.png')]);
    expect(blank.stderr).toBe('');
    expect(blank.code).toBe(1);
    expect(blank.stdout).toContain('No QR code found');
    const other = await cli(['qr', 'https://example.com/x']);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('ERR_QR_UNKNOWN_KIND');
  });

  it('exits 3 with a bilingual message for a file that is not an image, or a missing one', async () => {
    const bad = await cli(['qr', join(dir, 'not-an-image.png')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('ERR_QR_IMAGE_FORMAT');
    expect(bad.stderr.split('\n').length).toBeGreaterThanOrEqual(3);
    const missing = await cli(['qr', join(dir, 'missing.jpg'), '--lang', 'vi']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('ERR_CLI_FILE_NOT_FOUND: Không tìm thấy tệp');
    expect(missing.stderr).toContain('File or folder not found');
  });
});
