import { findProvinceInText } from '@cancuoc/admin-units';
import { createIssue, type Issue, isCancuocError, type PartialDate, parsePartialDate } from '@cancuoc/core';
import { idNumberErrorMessages } from './errors.js';
import { parsePersonalId, type Sex } from './parse-personal-id.js';

/** Facts about a person to hold against what their ID number encodes. */
export interface ConsistencyFacts {
  /** Date of birth as ISO `yyyy-MM-dd`, any form `@cancuoc/core` parses (`dd/MM/yyyy`, `yyyy`…) or a partial date. */
  readonly dateOfBirth?: string | PartialDate;
  readonly sex?: Sex;
  /**
   * Place of birth registration (nơi đăng ký khai sinh) as free text, e.g. from a Căn cước card:
   * the province it names is compared with the number's birth-place code.
   */
  readonly placeOfBirthRegistration?: string;
}

const SEX_VI: Record<Sex, string> = { male: 'Nam', female: 'Nữ' };

function issueOf(error: unknown, path: string[]): Issue {
  if (!isCancuocError(error)) throw error;
  return {
    path,
    code: error.code,
    message: error.message,
    messageVi: error.messageVi,
    severity: 'error',
    details: error.details,
  };
}

/**
 * Checks a person's date of birth and sex against what their personal ID number encodes (the
 * birth year and the sex). Returns the problems found as zod-style issues, an empty array when
 * everything agrees. Facts left out are not checked.
 *
 * - path `['dateOfBirth']`, code `ERR_ID_BIRTH_YEAR_MISMATCH` (or the `ERR_DATE_*` code of an
 *   unreadable date);
 * - path `['sex']`, code `ERR_ID_SEX_MISMATCH`;
 * - path `['placeOfBirthRegistration']`, code `ERR_ID_BIRTH_PLACE_MISMATCH`, severity `warning`:
 *   the text names a province that is not (and, after the 2025 merger, is not part of the same
 *   province as) the one the number's first three digits stand for. A warning, because the text
 *   is free-form and read by a heuristic (`findProvinceInText` of `@cancuoc/admin-units`);
 * - path `['personalId']` with the parse error's code when the number itself is invalid.
 *
 * @throws TypeError when `id` is not a string or `sex` is neither `'male'` nor `'female'`.
 * @example
 * ```ts
 * checkConsistency('001098012345', { dateOfBirth: '1998-08-15', sex: 'male' }) // []
 * checkConsistency('001098012345', { sex: 'female' })[0]?.code          // 'ERR_ID_SEX_MISMATCH'
 * ```
 */
export function checkConsistency(id: string, facts: ConsistencyFacts): Issue[] {
  if (typeof id !== 'string') throw new TypeError('checkConsistency expects the ID number as a string');
  if (facts.sex !== undefined && facts.sex !== 'male' && facts.sex !== 'female') {
    throw new TypeError("checkConsistency expects sex to be 'male' or 'female'");
  }
  let decoded: ReturnType<typeof parsePersonalId>;
  try {
    decoded = parsePersonalId(id);
  } catch (error) {
    return [issueOf(error, ['personalId'])];
  }
  const issues: Issue[] = [];
  if (facts.dateOfBirth !== undefined) {
    let year: number | undefined;
    if (typeof facts.dateOfBirth === 'string') {
      try {
        year = parsePartialDate(facts.dateOfBirth).year;
      } catch (error) {
        issues.push(issueOf(error, ['dateOfBirth']));
      }
    } else {
      year = facts.dateOfBirth.year;
    }
    if (year !== undefined && year !== decoded.birthYear) {
      issues.push(
        createIssue(idNumberErrorMessages, 'ERR_ID_BIRTH_YEAR_MISMATCH', ['dateOfBirth'], {
          expected: decoded.birthYear,
          actual: year,
        }),
      );
    }
  }
  if (facts.sex !== undefined && facts.sex !== decoded.sex) {
    issues.push(
      createIssue(idNumberErrorMessages, 'ERR_ID_SEX_MISMATCH', ['sex'], {
        expected: decoded.sex,
        actual: facts.sex,
        expectedVi: SEX_VI[decoded.sex],
        actualVi: SEX_VI[facts.sex],
      }),
    );
  }
  const place = facts.placeOfBirthRegistration;
  if (typeof place === 'string' && decoded.birthPlace.kind === 'province') {
    const named = findProvinceInText(place);
    if (named !== undefined && named.code !== decoded.birthPlace.currentProvince.code) {
      issues.push(
        createIssue(
          idNumberErrorMessages,
          'ERR_ID_BIRTH_PLACE_MISMATCH',
          ['placeOfBirthRegistration'],
          { code: decoded.birthPlace.code, expected: decoded.birthPlace.name, actual: named.name },
          'warning',
        ),
      );
    }
  }
  return issues;
}
