/** The errors raised for result codes that mean the check could not be done. */
import type { CancuocError } from '@cancuoc/core';
import { type InsuranceErrorCode, insuranceError } from '../errors.js';
import type { InsuranceFailureCode } from '../result-codes.js';

/** The typed error of a failure code of the result table. */
export function failureError(code: InsuranceFailureCode): CancuocError<InsuranceErrorCode> {
  switch (code) {
    case '054':
      return insuranceError('ERR_INSURANCE_STAFF_NOT_REGISTERED', { gatewayCode: code });
    case '055':
      return insuranceError('ERR_INSURANCE_STAFF_NAME_MISMATCH', { gatewayCode: code });
    case '205':
      return insuranceError('ERR_INSURANCE_PARAMETERS', { gatewayCode: code });
    case '401':
      return insuranceError('ERR_INSURANCE_AUTH', { gatewayCode: code });
    case '100':
      return insuranceError('ERR_INSURANCE_CARD_DATA', { gatewayCode: code });
    default:
      return insuranceError('ERR_INSURANCE_SERVER', {
        reason: `result code ${code}`,
        reasonVi: `mã kết quả ${code}`,
        gatewayCode: code,
      });
  }
}
