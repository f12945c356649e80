import { resolve } from 'node:path';
import { isCancuocError } from '@cancuoc/core';
import { type IdentityQr, readIdentityQr } from '@cancuoc/qr';
import { cliError } from '../errors.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { type Context, errorJson } from '../internal/context.js';
import { exists, readUserFile } from '../internal/files.js';
import { printFields, shownDate, shownId } from '../internal/show.js';

// A phone photo is a few MB; 64 MB is far beyond any photo of a card.
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

function identityJson(qr: IdentityQr, reveal: boolean): unknown {
  if (qr.kind === 'card') {
    const card = qr.card;
    return {
      kind: 'card',
      card: {
        ...card,
        personalId: shownId(card.personalId, reveal),
        legacyId: shownId(card.legacyId, reveal),
      },
    };
  }
  const insurance = qr.insurance;
  return {
    kind: 'insurance',
    insurance: { ...insurance, cardCode: shownId(insurance.cardCode, reveal), card: undefined },
  };
}

function printIdentity(ctx: Context, qr: IdentityQr, reveal: boolean): void {
  if (qr.kind === 'card') {
    const c = qr.card;
    ctx.out(ctx.color.green(ctx.t('Citizen ID card QR code', 'Mã QR thẻ căn cước')));
    printFields(ctx, [
      ['personal ID', 'số định danh', shownId(c.personalId, reveal)],
      ['legacy ID (CMND)', 'số CMND', shownId(c.legacyId, reveal)],
      ['full name', 'họ và tên', c.fullName],
      ['date of birth', 'ngày sinh', shownDate(c.dateOfBirth)],
      ['sex', 'giới tính', c.sex === 'male' ? ctx.t('male', 'Nam') : ctx.t('female', 'Nữ')],
      ['permanent residence', 'nơi thường trú', c.permanentResidence],
      ['date of issue', 'ngày cấp', shownDate(c.dateOfIssue)],
      ['extra fields', 'trường bổ sung', c.extra.length > 0 ? String(c.extra.length) : undefined],
    ]);
    for (const w of c.warnings) ctx.out(`  ${ctx.color.yellow(w.code)}: ${ctx.t(w.message, w.messageVi)}`);
    return;
  }
  const i = qr.insurance;
  ctx.out(ctx.color.green(ctx.t('Health insurance (BHYT) card QR code', 'Mã QR thẻ BHYT')));
  printFields(ctx, [
    ['card code', 'mã thẻ', shownId(i.cardCode, reveal)],
    ['full name', 'họ và tên', i.fullName],
    ['date of birth', 'ngày sinh', shownDate(i.dateOfBirth)],
    ['sex', 'giới tính', i.sex === 'male' ? ctx.t('male', 'Nam') : ctx.t('female', 'Nữ')],
    ['address', 'địa chỉ', i.address],
    ['primary-care facility', 'nơi KCB ban đầu', i.primaryCareFacility.code ?? i.primaryCareFacility.text],
    ['valid from', 'giá trị từ', shownDate(i.validFrom)],
    ['valid to', 'giá trị đến', shownDate(i.validTo)],
  ]);
}

/**
 * `cancuoc qr <image|text>`: decodes the QR codes of an image file (PNG, JPEG, BMP, GIF, PGM/PPM)
 * or takes the argument as a scanned payload, and parses citizen ID card and BHYT card QR codes.
 * Exit 1 when no identity QR code is found or it does not parse; 3 when the image is unreadable.
 */
export async function qrCommand(
  ctx: Context,
  input: string,
  options: { reveal?: boolean },
): Promise<ExitCode> {
  const reveal = options.reveal === true;
  let texts: string[];
  let source: 'image' | 'text';
  if (await exists(resolve(ctx.cwd, input))) {
    source = 'image';
    const bytes = await readUserFile(ctx.cwd, input, MAX_IMAGE_BYTES, ['picture', 'tệp ảnh']);
    // Loaded here so that `cancuoc id` never pays for the WebAssembly decoder.
    const { decodeQrImage } = await import('@cancuoc/qr/image');
    // ERR_QR_IMAGE_FORMAT (not an image) escapes to `run`: an input error, exit 3.
    texts = (await decodeQrImage(bytes)).map((qr) => qr.text);
  } else if (
    /\.(png|jpe?g|bmp|gif|pgm|ppm|webp)$/i.test(input) &&
    !input.includes('|') &&
    !input.includes('://')
  ) {
    // Looks like a path, not a payload: a missing file is an input error, not a finding.
    throw cliError('ERR_CLI_FILE_NOT_FOUND', { path: input });
  } else {
    source = 'text';
    texts = [input];
  }
  const results = texts.map((text) => {
    try {
      return { ok: true as const, qr: readIdentityQr(text) };
    } catch (e) {
      if (isCancuocError(e)) return { ok: false as const, error: e };
      throw e;
    }
  });
  if (ctx.json) {
    ctx.printJson({
      source,
      codes: results.map((r) => (r.ok ? identityJson(r.qr, reveal) : { error: errorJson(r.error) })),
    });
  } else if (results.length === 0) {
    ctx.out(ctx.color.red(ctx.t('No QR code found in the image', 'Không tìm thấy mã QR trong ảnh')));
  } else {
    for (const r of results) {
      if (r.ok) printIdentity(ctx, r.qr, reveal);
      else {
        ctx.out(`${ctx.color.red(r.error.code)}: ${ctx.t(r.error.message, r.error.messageVi)}`);
        ctx.out(`  ${ctx.t(r.error.messageVi, r.error.message)}`);
      }
    }
  }
  return results.length > 0 && results.every((r) => r.ok) ? EXIT_CODES.ok : EXIT_CODES.findings;
}
