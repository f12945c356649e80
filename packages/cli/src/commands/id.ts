import { type CancuocError, isCancuocError } from '@cancuoc/core';
import {
  detectIdKind,
  type IdKind,
  parseInsuranceCode,
  parseLegacyId,
  parsePassportNumber,
  parsePersonalId,
  parseTaxCode,
} from '@cancuoc/id-number';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { type Context, errorJson } from '../internal/context.js';

const KIND_NAMES: Record<IdKind, [string, string]> = {
  'personal-id': ['personal ID number', 'số định danh cá nhân'],
  'tax-code': ['tax code', 'mã số thuế'],
  'insurance-code': ['health insurance (BHYT) card code', 'mã thẻ BHYT'],
  'social-insurance-number': ['social insurance number', 'mã số BHXH'],
  'legacy-id': ['legacy ID card (CMND) number', 'số CMND'],
  passport: ['passport number', 'số hộ chiếu'],
};

function decode(kind: IdKind, input: string, normalize: boolean): unknown {
  const options = { normalize };
  switch (kind) {
    case 'personal-id':
      return parsePersonalId(input, options);
    case 'tax-code':
      return parseTaxCode(input, options);
    case 'insurance-code':
    case 'social-insurance-number':
      return parseInsuranceCode(input, options);
    case 'legacy-id':
      return parseLegacyId(input, options);
    case 'passport':
      return parsePassportNumber(input, options);
  }
}

/** Why a string is none of the identifiers: the error of the parser its length points to. */
function whyNot(input: string, normalize: boolean): CancuocError | undefined {
  const length = input.replace(normalize ? /[\s.-]/g : /(?!)/g, '').length;
  const parser =
    length === 10 || length === 13 || length === 14
      ? parseTaxCode
      : length === 15 || length === 20
        ? parseInsuranceCode
        : length === 9
          ? parseLegacyId
          : length === 8
            ? parsePassportNumber
            : parsePersonalId;
  try {
    parser(input, { normalize });
  } catch (e) {
    if (isCancuocError(e)) return e;
  }
  return undefined;
}

function describe(ctx: Context, kind: IdKind, data: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const t = ctx.t.bind(ctx);
  if (kind === 'personal-id' || (kind === 'tax-code' && data.format === 'personal-id')) {
    const id = (kind === 'personal-id' ? data : data.personalId) as ReturnType<typeof parsePersonalId>;
    const place = id.birthPlace;
    if (place.kind === 'province') {
      const now = place.merged
        ? t(` (now ${place.currentProvince.name})`, ` (nay là ${place.currentProvince.name})`)
        : '';
      lines.push(`${t('birth registered in', 'nơi đăng ký khai sinh')}: ${place.name}${now} [${place.code}]`);
    } else {
      lines.push(
        `${t('birth registered abroad', 'đăng ký khai sinh ở nước ngoài')}: ${place.name} [${place.code}]`,
      );
    }
    lines.push(`${t('sex', 'giới tính')}: ${id.sex === 'male' ? t('male', 'Nam') : t('female', 'Nữ')}`);
    lines.push(
      `${t('birth year', 'năm sinh')}: ${id.birthYear} (${t('century from', 'thế kỷ từ năm')} ${id.century})`,
    );
  } else if (kind === 'tax-code') {
    lines.push(`${t('format', 'dạng')}: ${String(data.format)}`);
    if (data.branch) lines.push(`${t('branch', 'đơn vị phụ thuộc')}: ${String(data.branch)}`);
  } else if (kind === 'insurance-code' || kind === 'social-insurance-number') {
    if (data.format !== 'social-insurance-number') {
      lines.push(`${t('beneficiary group', 'mã đối tượng')}: ${String(data.beneficiaryGroup)}`);
      lines.push(`${t('benefit level', 'mức hưởng')}: ${String(data.benefitLevel)}`);
      lines.push(`${t('province code', 'mã tỉnh')}: ${String(data.provinceCode)}`);
      if (data.facilityCode)
        lines.push(`${t('primary-care facility', 'nơi KCB ban đầu')}: ${String(data.facilityCode)}`);
    }
  } else if (kind === 'legacy-id') {
    lines.push(`${t('format', 'dạng')}: ${String(data.format)}`);
  } else if (kind === 'passport') {
    lines.push(`${t('series', 'loại')}: ${String(data.series)}`);
  }
  return lines;
}

/**
 * `cancuoc id <number…>`: says what each number is and decodes it. Exit 1 when any is none of the
 * identifiers. Prints only what was typed and what the SDK decodes from it.
 */
export function idCommand(
  ctx: Context,
  numbers: readonly string[],
  options: { normalize?: boolean },
): ExitCode {
  const normalize = options.normalize === true;
  const results = numbers.map((input) => {
    const detection = detectIdKind(input, { normalize });
    if (detection.kind === 'unknown') {
      const error = whyNot(input, normalize);
      return { input, kind: 'unknown' as const, candidates: [], ...(error ? { error } : {}) };
    }
    const data = decode(detection.kind, input, normalize) as Record<string, unknown>;
    return { input, kind: detection.kind, candidates: detection.candidates, data };
  });
  if (ctx.json) {
    ctx.printJson(results.map((r) => ('error' in r && r.error ? { ...r, error: errorJson(r.error) } : r)));
  } else {
    for (const r of results) {
      if (r.kind === 'unknown') {
        ctx.out(
          `${r.input}  ${ctx.color.red(ctx.t('not a valid identifier', 'không phải số định danh hợp lệ'))}`,
        );
        if ('error' in r && r.error) {
          ctx.out(`  ${r.error.code}: ${ctx.t(r.error.message, r.error.messageVi)}`);
          ctx.out(`  ${ctx.t(r.error.messageVi, r.error.message)}`);
        }
        continue;
      }
      const [en, vi] = KIND_NAMES[r.kind];
      ctx.out(`${r.input}  ${ctx.color.green(ctx.t(en, vi))}`);
      for (const line of describe(ctx, r.kind, r.data)) ctx.out(`  ${line}`);
      const others = r.candidates.slice(1);
      if (others.length > 0) {
        ctx.out(
          `  ${ctx.t('also valid as', 'cũng hợp lệ là')}: ${others.map((k) => ctx.t(...KIND_NAMES[k])).join(', ')}`,
        );
      }
    }
  }
  return results.some((r) => r.kind === 'unknown') ? EXIT_CODES.findings : EXIT_CODES.ok;
}
