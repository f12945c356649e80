import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type Dg13,
  type PassiveAuthenticationReport,
  parseCom,
  parseDg1,
  parseDg2,
  parseDg13,
  parseDg14,
  parseDg15,
  parseSod,
  verifyPassive,
} from '@cancuoc/chip';
import { isCancuocError } from '@cancuoc/core';
import { cliError } from '../errors.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import type { Context } from '../internal/context.js';
import { readUserFile } from '../internal/files.js';
import { printFields, shownDate, shownId } from '../internal/show.js';
import { loadTrust } from '../internal/trust.js';

// DG2 with a large face is ~100 KB; no chip file comes near this.
const MAX_CHIP_FILE_BYTES = 4 * 1024 * 1024;

/** The chip files of a folder, by role. */
export interface ChipFolder {
  com?: Uint8Array;
  sod?: Uint8Array;
  cardAccess?: Uint8Array;
  dataGroups: Record<number, Uint8Array>;
  ignored: string[];
}

/**
 * The role of a file name: `EF.COM`/`COM`, `EF.SOD`/`SOD`, `EF.CardAccess`/`CardAccess`,
 * `DG1`…`DG16` (also `EF.DG1`, `EF_DG1`), any case, with or without `.bin`, `.der` or `.dat`.
 */
export function chipFileRole(name: string): 'com' | 'sod' | 'cardAccess' | number | undefined {
  const base = name
    .toLowerCase()
    .replace(/\.(bin|der|dat)$/, '')
    .replace(/^ef[._-]?/, '');
  if (base === 'com') return 'com';
  if (base === 'sod') return 'sod';
  if (base === 'cardaccess') return 'cardAccess';
  const dg = /^dg(\d{1,2})$/.exec(base);
  if (dg) {
    const n = Number(dg[1]);
    if (n >= 1 && n <= 16) return n;
  }
  return undefined;
}

async function readChipFolder(cwd: string, folder: string): Promise<ChipFolder> {
  const dir = resolve(cwd, folder);
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory())
      throw cliError('ERR_CLI_FILE_READ', { path: folder, reason: 'not a folder' });
    names = (await readdir(dir)).sort();
  } catch (e) {
    if (isCancuocError(e)) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw cliError('ERR_CLI_FILE_NOT_FOUND', { path: folder });
    throw cliError('ERR_CLI_FILE_READ', {
      path: folder,
      reason: (e as NodeJS.ErrnoException).code ?? 'error',
    });
  }
  const out: ChipFolder = { dataGroups: {}, ignored: [] };
  for (const name of names) {
    const role = chipFileRole(name);
    if (role === undefined) {
      out.ignored.push(name);
      continue;
    }
    const bytes = await readUserFile(dir, join(dir, name), MAX_CHIP_FILE_BYTES, ['chip file', 'tệp chip']);
    if (typeof role === 'number') out.dataGroups[role] = bytes;
    else out[role] = bytes;
  }
  if (!out.com && !out.sod && Object.keys(out.dataGroups).length === 0) {
    throw cliError('ERR_CLI_FOLDER_EMPTY', { path: folder });
  }
  if (!out.sod) throw cliError('ERR_CLI_CHIP_NO_SOD', { path: folder });
  return out;
}

interface Parsed {
  file: string;
  ok: boolean;
  summary?: Record<string, unknown>;
  error?: { code: string; message: string; messageVi: string };
}

function attempt(file: string, parse: () => Record<string, unknown>): Parsed {
  try {
    return { file, ok: true, summary: parse() };
  } catch (e) {
    if (isCancuocError(e))
      return { file, ok: false, error: { code: e.code, message: e.message, messageVi: e.messageVi } };
    throw e;
  }
}

/** The holder's data of DG13 for display: dates formatted, ID numbers masked unless `reveal`. */
export function dg13Summary(dg13: Dg13, reveal: boolean): Record<string, string | undefined> {
  return {
    personalId: shownId(dg13.personalId, reveal),
    legacyId: shownId(dg13.legacyId, reveal),
    fullName: dg13.fullName,
    dateOfBirth: shownDate(dg13.dateOfBirth),
    sex: dg13.sex,
    nationality: dg13.nationality,
    ethnicity: dg13.ethnicity,
    religion: dg13.religion,
    placeOfOrigin: dg13.placeOfOrigin,
    permanentResidence: dg13.permanentResidence,
    dateOfIssue: shownDate(dg13.dateOfIssue),
    dateOfExpiry: shownDate(dg13.dateOfExpiry),
  };
}

/** Parses every file of a chip read and summarises it (IDs masked unless `reveal`). */
export function parseChipFiles(files: ChipFolder, reveal: boolean): Parsed[] {
  const parsed: Parsed[] = [];
  if (files.com) {
    const com = files.com;
    parsed.push(
      attempt('EF.COM', () => {
        const c = parseCom(com);
        return { ldsVersion: c.ldsVersion, dataGroups: c.dataGroups };
      }),
    );
  }
  for (const [n, bytes] of Object.entries(files.dataGroups)) {
    const file = `DG${n}`;
    const dg = Number(n);
    if (dg === 1) {
      parsed.push(
        attempt(file, () => {
          const { mrz } = parseDg1(bytes);
          return {
            format: mrz.format,
            documentNumber: shownId(mrz.documentNumber, reveal),
            name: mrz.name,
            dateOfBirth: shownDate(mrz.dateOfBirth),
            dateOfExpiry: shownDate(mrz.dateOfExpiry),
            sex: mrz.sex,
            nationality: mrz.nationality,
          };
        }),
      );
    } else if (dg === 2) {
      parsed.push(
        attempt(file, () => {
          const faces = parseDg2(bytes).faces;
          // The face image itself is never written anywhere: its type, size and byte count only.
          return {
            faces: faces.map((f) => ({
              mimeType: f.mimeType,
              width: f.width,
              height: f.height,
              bytes: f.image.length,
            })),
          };
        }),
      );
    } else if (dg === 13) {
      parsed.push(attempt(file, () => dg13Summary(parseDg13(bytes), reveal)));
    } else if (dg === 14) {
      parsed.push(
        attempt(file, () => {
          parseDg14(bytes);
          return { bytes: bytes.length };
        }),
      );
    } else if (dg === 15) {
      parsed.push(
        attempt(file, () => {
          const key = parseDg15(bytes).publicKey;
          return { publicKey: key.kind === 'rsa' ? `RSA ${key.bits}` : `EC ${key.curve ?? ''}`.trim() };
        }),
      );
    } else {
      parsed.push({ file, ok: true, summary: { bytes: bytes.length } });
    }
  }
  if (files.sod) {
    const sodBytes = files.sod;
    parsed.push(
      attempt('EF.SOD', () => {
        const sod = parseSod(sodBytes);
        return {
          signatureAlgorithm: sod.signatureAlgorithm.oid,
          hashAlgorithm: sod.ldsSecurityObject.hashAlgorithm,
          dataGroups: Object.keys(sod.ldsSecurityObject.dataGroupHashes).map(Number),
          signingTime: sod.signingTime?.toISOString(),
        };
      }),
    );
  }
  return parsed;
}

function printParsed(ctx: Context, parsed: readonly Parsed[]): void {
  for (const p of parsed) {
    if (!p.ok) {
      ctx.out(`${p.file}: ${ctx.color.red(p.error!.code)} ${ctx.t(p.error!.message, p.error!.messageVi)}`);
      continue;
    }
    ctx.out(`${p.file}: ${ctx.color.green(ctx.t('read', 'đọc được'))}`);
    const rows = Object.entries(p.summary ?? {})
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, k, typeof v === 'object' ? JSON.stringify(v) : String(v)] as const);
    printFields(ctx, rows);
  }
}

/** Prints a passive authentication report; returns whether it holds. */
export function printPassive(ctx: Context, report: PassiveAuthenticationReport): void {
  const verdict = report.verified
    ? ctx.color.green(ctx.t('VERIFIED', 'ĐÃ XÁC THỰC'))
    : ctx.color.red(ctx.t('NOT VERIFIED', 'KHÔNG XÁC THỰC ĐƯỢC'));
  ctx.out(`${ctx.t('Passive authentication', 'Xác thực thụ động')}: ${verdict}`);
  ctx.out(
    `  ${ctx.t('signature', 'chữ ký')}: ${report.signature} · ${ctx.t('certificate chain', 'chuỗi chứng thư')}: ${report.chain}`,
  );
  ctx.out(
    `  ${ctx.t('data groups', 'nhóm dữ liệu')}: ${Object.entries(report.dataGroups)
      .map(([n, s]) => `DG${n} ${s}`)
      .join(', ')}`,
  );
  for (const reason of report.reasons) ctx.out(`  - ${reason}`);
}

/**
 * `cancuoc chip <folder> [--trust file…]`: parses the chip files saved in a folder and verifies
 * them passively against the trusted CSCA certificates. Exit 1 when passive authentication does
 * not hold (or a file does not parse); 3 when the folder, a file or a trust file is unusable.
 */
export async function chipCommand(
  ctx: Context,
  folder: string,
  options: { trust?: string[]; signingTime?: boolean; reveal?: boolean },
): Promise<ExitCode> {
  const files = await readChipFolder(ctx.cwd, folder);
  const trust = await loadTrust(ctx.cwd, options.trust ?? []);
  const parsed = parseChipFiles(files, options.reveal === true);
  const report = await verifyPassive({
    sod: files.sod!,
    dataGroups: files.dataGroups,
    trust,
    ...(options.signingTime ? { at: 'signing-time' as const } : {}),
  });
  const reasons =
    trust.size === 0
      ? [...report.reasons, 'no trusted CSCA certificate was given (--trust csca.pem or masterlist.ml)']
      : report.reasons;
  if (ctx.json) {
    ctx.printJson({ files: parsed, ignored: files.ignored, passive: { ...report, reasons } });
  } else {
    printParsed(ctx, parsed);
    if (files.ignored.length > 0) ctx.out(`${ctx.t('ignored', 'bỏ qua')}: ${files.ignored.join(', ')}`);
    printPassive(ctx, { ...report, reasons });
    ctx.out(
      ctx.color.dim(
        ctx.t(
          'Passive authentication proves the data was signed by the issuer; it cannot tell a copied chip from the original (use `cancuoc read`).',
          'Xác thực thụ động chứng minh dữ liệu do cơ quan cấp ký; nó không phân biệt được chip sao chép với chip gốc (dùng `cancuoc read`).',
        ),
      ),
    );
  }
  return report.verified && parsed.every((p) => p.ok) ? EXIT_CODES.ok : EXIT_CODES.findings;
}
