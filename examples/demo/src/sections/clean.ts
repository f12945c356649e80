import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@cancuoc/cli';
import { generateResidents, residentsToCsv } from '@cancuoc/testkit';
import { heading, line } from '../print.js';

/** A small dirty resident list cleaned with `cancuoc clean`; its summary table printed. */
export async function cleanSection(): Promise<void> {
  heading('testkit + clean + cli: a dirty list of 300 residents through `cancuoc clean`');
  // Synthetic people with the usual dirt (typos, old addresses, VNI/TCVN3 text, impossible dates,
  // wrong ID digits, duplicates …); the truth stays here, only the dirty records go to the file.
  const rows = [...generateResidents({ count: 300, seed: 2025 })];
  const injected = rows.reduce((n, r) => n + r.truth.defects.length, 0);
  line('generated', `${rows.length} records, ${injected} defects injected`);
  const dir = await mkdtemp(join(tmpdir(), 'cancuoc-demo-'));
  try {
    await writeFile(join(dir, 'danh-sach.csv'), [...residentsToCsv(rows)].join(''));
    let table = '';
    const code = await run(
      [
        'clean',
        'danh-sach.csv',
        '--profile',
        'hospital',
        '--report',
        'loi.csv',
        '--duplicates',
        'trung.csv',
        '--workers',
        '0',
      ],
      {
        cwd: dir,
        stdout: { write: (s: string) => (table += s) },
        stderr: { write: () => true },
        env: { ...process.env, LANG: 'en' },
      },
    );
    // Counts and rule codes only: the table carries no ID number or name.
    for (const row of table.trimEnd().split('\n')) console.log(`  ${row}`);
    const issues = (await readFile(join(dir, 'loi.csv'), 'utf8')).trim().split('\n').length - 1;
    line('exit code', `${code} (1 = findings), ${issues} lines in the issue report`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
