import { isCancuocError } from '@cancuoc/core';
import { type EidIdentity, verifyEidToken } from '@cancuoc/eid';
import { cliError } from '../errors.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { type Context, errorJson } from '../internal/context.js';
import { readUserFile } from '../internal/files.js';
import { printFields, shownDate, shownId } from '../internal/show.js';

/** Options of `cancuoc token verify`. */
export interface TokenVerifyOptions {
  issuer: string;
  audience: string[];
  jwks: string;
  nonce?: string;
  acr?: string;
  reveal?: boolean;
}

// A JWKS is a few KB; the national provider's has a handful of keys.
const MAX_JWKS_BYTES = 1024 * 1024;

// Codes that say the key set could not be had: the input (a URL or file) is the problem.
const KEY_SET_CODES = new Set(['ERR_EID_JWKS_UNAVAILABLE', 'ERR_EID_JWKS_TIMEOUT', 'ERR_EID_JWKS_INVALID']);

function identityJson(identity: EidIdentity, reveal: boolean): unknown {
  // The raw claims repeat the personal ID (SoDinhDanh): left out unless revealed.
  const { claims, ...rest } = identity;
  return { ...rest, personalId: shownId(identity.personalId, reveal), ...(reveal ? { claims } : {}) };
}

/**
 * `cancuoc token verify <token> --issuer … --audience … --jwks <url|file>`: verifies a national
 * e-ID ID token (signature, algorithm, issuer, audience, times, nonce, acr) and shows whom it names.
 * Exit 1 when the token fails a check; 3 when the key set cannot be read. The token itself is
 * never printed.
 */
export async function tokenVerifyCommand(
  ctx: Context,
  token: string,
  options: TokenVerifyOptions,
): Promise<ExitCode> {
  const reveal = options.reveal === true;
  let keys: { jwksUri: string } | { jwks: { keys: unknown[] } };
  if (/^https?:\/\//i.test(options.jwks)) keys = { jwksUri: options.jwks };
  else {
    const bytes = await readUserFile(ctx.cwd, options.jwks, MAX_JWKS_BYTES, ['key set', 'tệp khóa']);
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw cliError('ERR_CLI_JWKS_UNUSABLE', { path: options.jwks, reason: 'not JSON' });
    }
    if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as { keys?: unknown }).keys)) {
      throw cliError('ERR_CLI_JWKS_UNUSABLE', { path: options.jwks, reason: 'no "keys" array' });
    }
    keys = { jwks: parsed as { keys: unknown[] } };
  }
  let identity: EidIdentity;
  try {
    identity = await verifyEidToken(token, {
      issuer: options.issuer,
      audience: options.audience,
      ...(keys as object),
      ...(options.nonce ? { nonce: options.nonce } : {}),
      ...(options.acr ? { requiredAcr: options.acr } : {}),
    });
  } catch (e) {
    if (!isCancuocError(e)) throw e;
    if (KEY_SET_CODES.has(e.code)) throw e; // exit 3 through `run`
    if (ctx.json) ctx.printJson({ valid: false, error: errorJson(e) });
    else {
      ctx.out(`${ctx.color.red(ctx.t('INVALID TOKEN', 'TOKEN KHÔNG HỢP LỆ'))}  ${e.code}`);
      ctx.out(`  ${ctx.t(e.message, e.messageVi)}`);
      ctx.out(`  ${ctx.t(e.messageVi, e.message)}`);
    }
    return EXIT_CODES.findings;
  }
  if (ctx.json) ctx.printJson({ valid: true, identity: identityJson(identity, reveal) });
  else {
    ctx.out(ctx.color.green(ctx.t('VALID TOKEN', 'TOKEN HỢP LỆ')));
    printFields(ctx, [
      ['subject', 'định danh tài khoản (sub)', identity.sub],
      ['issuer', 'bên phát hành', identity.issuer],
      ['assurance level', 'mức độ bảo đảm', identity.acr],
      ['personal ID', 'số định danh', shownId(identity.personalId, reveal)],
      ['full name', 'họ và tên', identity.fullName],
      ['date of birth', 'ngày sinh', shownDate(identity.dateOfBirth)],
      ['expires at', 'hết hạn lúc', identity.expiresAt?.toISOString()],
    ]);
  }
  return EXIT_CODES.ok;
}
