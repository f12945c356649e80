import { parseResident, type ResidentRecord } from '@cancuoc/schemas';
import type { EidIdentity } from './eid-identity.js';
import { eidError } from './errors.js';

/**
 * Turns an e-ID identity into a `ResidentRecord` of `@cancuoc/schemas` (personal ID, full name,
 * date of birth, sex from the ID number, nationality VNM: VNeID accounts are citizens'),
 * validated by the schema.
 *
 * @throws CancuocError `ERR_EID_CLAIMS` when the provider did not release the personal ID, the
 *   name or the birth date (the national portal sends them through userinfo), or the schema's
 *   error when the record does not validate.
 * @example
 * ```ts
 * const { identity } = await client.handleCallback(request.url, loginState);
 * const resident = eidIdentityToResident(identity); // { personalId, fullName, dateOfBirth, sex, nationality: 'VNM' }
 * ```
 */
export function eidIdentityToResident(identity: EidIdentity): ResidentRecord {
  const missing = (['personalId', 'fullName', 'dateOfBirth', 'sex'] as const).filter(
    (k) => identity[k] === undefined,
  );
  if (missing.length > 0) throw eidError('ERR_EID_CLAIMS', { reason: `missing ${missing.join(', ')}` });
  return parseResident({
    personalId: identity.personalId,
    fullName: identity.fullName,
    dateOfBirth: identity.dateOfBirth,
    sex: identity.sex,
    nationality: 'VNM',
  });
}
