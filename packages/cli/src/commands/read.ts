import { type CardVerificationReport, parseDg13, verifyCard } from '@cancuoc/chip';
import { type AccessKey, readCard } from '@cancuoc/reader';
import { cliError } from '../errors.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { openCard } from '../internal/card-source.js';
import type { Context } from '../internal/context.js';
import { printFields } from '../internal/show.js';
import { loadTrust } from '../internal/trust.js';
import { UsageError } from '../internal/usage-error.js';
import { dg13Summary, printPassive } from './chip.js';

/** Options of `cancuoc read`. */
export interface ReadOptions {
  reader?: string;
  can?: string;
  mrz?: string;
  trust?: string[];
  wait?: string;
  reveal?: boolean;
  simulated?: boolean | string;
}

/**
 * The access key of `--can` (6 digits) or `--mrz DOC,BIRTH,EXPIRY` (9-character document number,
 * birth and expiry as YYMMDD).
 *
 * @throws CancuocError `ERR_CLI_ACCESS_KEY`.
 */
export function accessKey(can: string | undefined, mrz: string | undefined): AccessKey {
  if (can !== undefined) {
    if (!/^\d{6}$/.test(can)) {
      throw cliError('ERR_CLI_ACCESS_KEY', {
        reason: 'the CAN is the 6 digits printed on the card (the last 6 of the ID)',
        reasonVi: 'CAN là 6 chữ số in trên thẻ (6 số cuối của số định danh)',
      });
    }
    return { can };
  }
  const parts = (mrz ?? '').split(',').map((s) => s.trim());
  if (
    parts.length !== 3 ||
    !/^[0-9A-Z<]{9}$/.test(parts[0]!) ||
    !/^\d{6}$/.test(parts[1]!) ||
    !/^\d{6}$/.test(parts[2]!)
  ) {
    throw cliError('ERR_CLI_ACCESS_KEY', {
      reason:
        '--mrz takes DOC,BIRTH,EXPIRY: the 9-character document number, then birth and expiry dates as YYMMDD',
      reasonVi:
        '--mrz nhận SỐ_GIẤY_TỜ,NGÀY_SINH,NGÀY_HẾT_HẠN: số giấy tờ 9 ký tự, ngày sinh và ngày hết hạn dạng YYMMDD',
    });
  }
  return { documentNumber: parts[0]!, dateOfBirth: parts[1]!, dateOfExpiry: parts[2]! };
}

function verdictJson(report: CardVerificationReport): unknown {
  return {
    genuine: report.genuine,
    chipAuthentication: report.chipAuthentication,
    activeAuthentication: report.activeAuthentication,
    passive: report.passive,
    reasons: report.reasons,
  };
}

/**
 * `cancuoc read (--can CAN | --mrz DOC,BIRTH,EXPIRY)`: reads the card in a PC/SC reader, verifies
 * it (passive authentication against `--trust`, chip and active authentication) and shows the
 * holder's data only when the card is genuine. Exit 1 when it is not; 3 when the reader, the
 * `smartcard` module or the access key is the problem.
 */
export async function readCommand(ctx: Context, options: ReadOptions): Promise<ExitCode> {
  const access = accessKey(options.can, options.mrz);
  const trustFiles = options.trust ?? [];
  const waitSeconds = options.wait === undefined ? 0 : Number(options.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
    throw new UsageError('--wait takes a number of seconds', '--wait nhận số giây');
  }
  const source = await openCard({
    ...(options.reader ? { reader: options.reader } : {}),
    waitForCardMs: Math.round(waitSeconds * 1000),
    ...(options.simulated ? { simulated: options.simulated } : {}),
  });
  try {
    const trust = await loadTrust(ctx.cwd, trustFiles, source.testCscaPem ? [source.testCscaPem] : []);
    if (!ctx.json && ctx.stderr.isTTY) ctx.err(ctx.t('Reading the card…', 'Đang đọc thẻ…'));
    const card = await readCard(source.transport, { access, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    const report = await verifyCard({ ...card, trust });
    const reasons =
      trust.size === 0
        ? [...report.reasons, 'no trusted CSCA certificate was given (--trust csca.pem or masterlist.ml)']
        : report.reasons;
    const verdict = { ...report, reasons };
    let holder: Record<string, string | undefined> | undefined;
    if (report.genuine && card.dataGroups[13]) {
      holder = dg13Summary(parseDg13(card.dataGroups[13]), options.reveal === true);
    }
    if (ctx.json) {
      ctx.printJson({
        protocol: card.protocol,
        verification: verdictJson(verdict),
        ...(holder ? { holder } : {}),
      });
    } else {
      const genuine = report.genuine
        ? ctx.color.green(ctx.t('GENUINE', 'THẺ THẬT'))
        : ctx.color.red(ctx.t('NOT VERIFIED: data not shown', 'KHÔNG XÁC THỰC ĐƯỢC: không hiển thị dữ liệu'));
      ctx.out(`${ctx.t('Card', 'Thẻ')}: ${genuine} (${card.protocol})`);
      ctx.out(
        `  ${ctx.t('chip authentication', 'xác thực chip')}: ${report.chipAuthentication} · ${ctx.t('active authentication', 'xác thực chủ động')}: ${report.activeAuthentication}`,
      );
      printPassive(ctx, { ...report.passive, reasons });
      if (holder) {
        ctx.out(ctx.t('Holder', 'Người được cấp thẻ'));
        printFields(ctx, [
          ['personal ID', 'số định danh', holder.personalId],
          ['legacy ID (CMND)', 'số CMND', holder.legacyId],
          ['full name', 'họ và tên', holder.fullName],
          ['date of birth', 'ngày sinh', holder.dateOfBirth],
          [
            'sex',
            'giới tính',
            holder.sex === 'male' ? ctx.t('male', 'Nam') : holder.sex ? ctx.t('female', 'Nữ') : undefined,
          ],
          ['nationality', 'quốc tịch', holder.nationality],
          ['ethnicity', 'dân tộc', holder.ethnicity],
          ['religion', 'tôn giáo', holder.religion],
          ['place of origin', 'quê quán', holder.placeOfOrigin],
          ['permanent residence', 'nơi thường trú', holder.permanentResidence],
          ['date of issue', 'ngày cấp', holder.dateOfIssue],
          ['date of expiry', 'có giá trị đến', holder.dateOfExpiry],
        ]);
      }
    }
    return report.genuine ? EXIT_CODES.ok : EXIT_CODES.findings;
  } finally {
    await source.close();
  }
}
