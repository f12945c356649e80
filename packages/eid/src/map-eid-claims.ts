import { maskId, normalizeText, type PartialDate, safeParsePartialDate } from '@cancuoc/core';
import { checkConsistency, safeParsePersonalId } from '@cancuoc/id-number';
import type { EidIdentity } from './eid-identity.js';
import { eidError } from './errors.js';

// The national portal's userinfo (shared/reference/integrations.md §1.1): SoDinhDanh (12-digit
// ID), HoVaTen, NgayThangNamSinh (yyyyMMdd), LoaiTaiKhoan, loginIdp, TechID. The VNeID Keycloak
// realm puts the 12-digit ID in preferred_username instead (same section).
const PERSONAL_ID = /^\d{12}$/;

function optionalString(claims: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = claims[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string')
    throw eidError('ERR_EID_CLAIMS', { reason: `${name} is not a string`, claim: name });
  return value;
}

function parseBirthDate(text: string, claim: string): PartialDate {
  // NgayThangNamSinh is yyyyMMdd; OIDC `birthdate` is YYYY-MM-DD or YYYY (OIDC Core §5.1).
  const r = safeParsePartialDate(text.trim(), { format: claim === 'birthdate' ? 'iso' : 'yyyyMMdd' });
  if (!r.success) {
    throw eidError('ERR_EID_CLAIMS', { reason: `${claim} is not a date`, claim }, { cause: r.error });
  }
  return r.data;
}

/** Options of {@link mapEidClaims}. */
export interface MapEidClaimsOptions {
  /** The issuer to record (default: the `iss` claim). */
  readonly issuer?: string;
}

/**
 * Maps e-ID claims (ID token and/or userinfo) to a typed {@link EidIdentity}, validating the
 * personal ID number (số định danh cá nhân) and the birth date.
 *
 * @throws CancuocError `ERR_EID_CLAIMS` (missing `sub`, a claim of the wrong type, a bad date),
 *   `ERR_EID_PERSONAL_ID` (an ID number that is not a valid personal ID).
 * @example
 * ```ts
 * const identity = mapEidClaims({ sub: 'u-1', SoDinhDanh: '001099001234', HoVaTen: 'Nguyễn Văn Thử', NgayThangNamSinh: '19990515' });
 * identity.dateOfBirth // { year: 1999, month: 5, day: 15 }
 * ```
 */
export function mapEidClaims(
  claims: Readonly<Record<string, unknown>>,
  options: MapEidClaimsOptions = {},
): EidIdentity {
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw eidError('ERR_EID_CLAIMS', { reason: 'claims are not an object' });
  }
  const sub = optionalString(claims, 'sub');
  if (sub === undefined) throw eidError('ERR_EID_CLAIMS', { reason: 'sub is missing', claim: 'sub' });

  let personalId = optionalString(claims, 'SoDinhDanh');
  if (personalId === undefined) {
    const username = optionalString(claims, 'preferred_username');
    if (username !== undefined && PERSONAL_ID.test(username)) personalId = username;
  }
  let sex: 'male' | 'female' | undefined;
  if (personalId !== undefined) {
    personalId = personalId.trim();
    const parsed = safeParsePersonalId(personalId);
    if (!parsed.success) {
      throw eidError(
        'ERR_EID_PERSONAL_ID',
        { id: maskId(personalId), reason: parsed.error.code },
        { cause: parsed.error },
      );
    }
    sex = parsed.data.sex;
  }

  const rawName = optionalString(claims, 'HoVaTen') ?? optionalString(claims, 'name');
  const fullName = rawName === undefined ? undefined : normalizeText(rawName);
  const dobText = optionalString(claims, 'NgayThangNamSinh');
  const birthdate = optionalString(claims, 'birthdate');
  const dateOfBirth =
    dobText !== undefined
      ? parseBirthDate(dobText, 'NgayThangNamSinh')
      : birthdate !== undefined
        ? parseBirthDate(birthdate, 'birthdate')
        : undefined;

  if (personalId !== undefined && dateOfBirth !== undefined) {
    // The ID encodes the birth year (Circular 07/2016/TT-BCA Art. 7): a mismatch means the claims
    // describe two different people, so the identity is refused rather than half-trusted.
    const issues = checkConsistency(personalId, { dateOfBirth }).filter((i) => i.severity === 'error');
    if (issues.length > 0) {
      throw eidError(
        'ERR_EID_CLAIMS',
        { reason: 'the birth date does not match the personal ID' },
        { issues },
      );
    }
  }

  const issuer = options.issuer ?? optionalString(claims, 'iss') ?? '';
  const acr = optionalString(claims, 'acr');
  const iat = claims.iat;
  const exp = claims.exp;
  const accountType = optionalString(claims, 'LoaiTaiKhoan');
  const loginIdp = optionalString(claims, 'loginIdp');
  const techId = optionalString(claims, 'TechID');
  const email = optionalString(claims, 'email');
  const phoneNumber = optionalString(claims, 'phone_number');
  return {
    sub,
    issuer,
    ...(personalId === undefined ? {} : { personalId }),
    ...(sex === undefined ? {} : { sex }),
    ...(fullName === undefined || fullName === '' ? {} : { fullName }),
    ...(dateOfBirth === undefined ? {} : { dateOfBirth }),
    ...(accountType === undefined ? {} : { accountType }),
    ...(loginIdp === undefined ? {} : { loginIdp }),
    ...(techId === undefined ? {} : { techId }),
    ...(acr === undefined ? {} : { acr }),
    ...(email === undefined ? {} : { email }),
    ...(phoneNumber === undefined ? {} : { phoneNumber }),
    ...(typeof iat === 'number' && Number.isFinite(iat) ? { issuedAt: new Date(iat * 1000) } : {}),
    ...(typeof exp === 'number' && Number.isFinite(exp) ? { expiresAt: new Date(exp * 1000) } : {}),
    claims: Object.freeze({ ...claims }),
  };
}
