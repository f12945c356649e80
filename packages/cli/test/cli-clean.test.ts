import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateResidents, residentsToCsv } from '@cancuoc/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMapping } from '../src/commands/clean.js';
import { cli, tempDir } from './helpers.js';

let dir: string;
let remove: () => Promise<void>;
const ROWS = 400;

interface Summary {
  records: number;
  byStatus: { clean: number; fixed: number; warning: number; error: number };
  byCode: { code: string; count: number }[];
  duplicates: { groups: number };
}

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  const dirty = [
    ...generateResidents({ count: ROWS, seed: 21, dirt: { duplicate: 0.05, impossibleDate: 0.05 } }),
  ];
  await writeFile(join(dir, 'dirty.csv'), [...residentsToCsv(dirty)].join(''));
  await writeFile(
    join(dir, 'english.csv'),
    [...residentsToCsv(dirty.slice(0, 50), { headers: 'en', delimiter: ';' })].join(''),
  );
  await writeFile(join(dir, 'binary.csv'), new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0, 7, 0]));
}, 60_000);
afterAll(() => remove());

describe('cancuoc clean', () => {
  it('cleans a generated list into every output and exits 1 on findings, with a summary table', async () => {
    const r = await cli(
      [
        'clean',
        'dirty.csv',
        '--profile',
        'hospital',
        '--out',
        'clean.csv',
        '--report',
        'issues.csv',
        '--duplicates',
        'dups.csv',
        '--summary',
        'summary.html',
        '--summary-json',
        'summary.json',
        '--workers',
        '0',
      ],
      { cwd: dir },
    );
    expect(r.stderr).not.toContain('Error');
    expect(r.code).toBe(1);
    const summary = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as Summary;
    expect(summary.records).toBe(ROWS);
    expect(summary.byStatus.error).toBeGreaterThan(0);
    expect(summary.duplicates.groups).toBeGreaterThan(0);
    // The table at the end: the record counts of the summary.
    expect(r.stdout).toContain(`│ read`);
    expect(r.stdout).toMatch(new RegExp(`read\\s+│\\s+${ROWS}\\s`));
    expect(r.stdout).toMatch(new RegExp(`with errors\\s+│\\s+${summary.byStatus.error}\\s`));
    expect(r.stdout).toContain('issue report: issues.csv');
    const cleaned = (await readFile(join(dir, 'clean.csv'), 'utf8')).trim().split('\n');
    expect(cleaned.length).toBe(ROWS + 1);
    expect(await readFile(join(dir, 'summary.html'), 'utf8')).toContain('<html');
    expect((await readFile(join(dir, 'issues.csv'), 'utf8')).split('\n')[0]).toContain('row');
    expect((await readFile(join(dir, 'dups.csv'), 'utf8')).split('\n')[0]).toContain('group');
    // Not a terminal: plain progress lines on stderr, ending at 100 %.
    expect(r.stderr).toContain('progress 100%');
    expect(r.stderr).not.toContain('\u001b[');
  });

  it('prints the summary as JSON with --json, and the exit code follows the findings', async () => {
    const r = await cli(['clean', 'english.csv', '--json', '--workers', '0'], { cwd: dir });
    const summary = JSON.parse(r.stdout) as Summary;
    expect(summary.records).toBe(50);
    const findings = summary.byStatus.error + summary.byStatus.warning + summary.duplicates.groups;
    expect(r.code).toBe(findings > 0 ? 1 : 0);
    // No progress lines in JSON mode off a terminal.
    expect(r.stderr).toBe('');
  });

  it('draws a progress bar on a terminal', async () => {
    const r = await cli(['clean', 'dirty.csv', '--workers', '0'], {
      cwd: dir,
      tty: true,
      env: { LANG: 'en', NO_COLOR: '1' },
    });
    expect(r.stderr).toMatch(/100% \| \d+ records/);
    expect(r.stderr).toContain('█');
    // NO_COLOR: the table has no colour codes.
    expect(r.stdout).not.toMatch(/\u001b\[3\dm/);
  });

  it('speaks Vietnamese in the table with --lang vi', async () => {
    const r = await cli(['clean', 'dirty.csv', '--workers', '0', '--lang', 'vi'], { cwd: dir });
    expect(r.stdout).toContain('đã đọc');
    expect(r.stderr).toContain('tiến độ 100%');
  });

  it('exits 3 for a missing or unreadable input and a bad --map, 2 for bad option values', async () => {
    const missing = await cli(['clean', 'nope.csv'], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('ERR_CLI_FILE_NOT_FOUND');
    const binary = await cli(['clean', 'binary.csv', '--workers', '0'], { cwd: dir });
    expect(binary.code).toBe(3);
    expect(binary.stderr).toMatch(/ERR_CLEAN_/);
    expect(binary.stderr.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(2);
    const map = await cli(['clean', 'dirty.csv', '--map', 'shoeSize=Cỡ giày'], { cwd: dir });
    expect(map.code).toBe(3);
    expect(map.stderr).toContain('ERR_CLI_MAPPING');
    expect((await cli(['clean', 'dirty.csv', '--workers', 'many'], { cwd: dir })).code).toBe(2);
    expect((await cli(['clean', 'dirty.csv', '--duplicate-store', 'redis'], { cwd: dir })).code).toBe(2);
  });

  it('reads field=Header mappings', () => {
    expect(parseMapping(['personalId=Số CCCD', 'fullName = Họ tên '])).toEqual({
      personalId: 'Số CCCD',
      fullName: 'Họ tên',
    });
    expect(() => parseMapping(['=Số CCCD'])).toThrow(/ERR_CLI_MAPPING|mapping/);
    expect(() => parseMapping(['personalId='])).toThrow();
    expect(() => parseMapping(['personalId'])).toThrow();
  });
});
