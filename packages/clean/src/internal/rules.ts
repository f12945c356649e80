import { foldDiacritics } from '@cancuoc/core';
import type { CleanedRecord, CleanField, InputRecord, Profile, RecordIssue } from '../types.js';

/** Runs every per-record rule (first cut: required fields and names; more rules follow). */
export function runRules(input: InputRecord, row: number, profile: Profile): CleanedRecord {
  const values: InputRecord = { ...input };
  const issues: RecordIssue[] = [];
  const name = values.fullName;
  if (name !== undefined && name !== '') {
    const fixed = name.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (fixed !== name) {
      issues.push({
        row,
        field: 'fullName',
        code: 'CLEAN_NAME_NORMALIZED',
        severity: 'fixed',
        messageVi: 'Đã chuẩn hoá họ tên',
        messageEn: 'The name was normalised',
        before: name,
        after: fixed,
      });
      values.fullName = fixed;
    }
  }
  const required: readonly CleanField[] =
    typeof profile === 'object' ? profile.required : ['fullName', 'birthDate'];
  for (const f of required) {
    if (values[f] === undefined || values[f] === '') {
      issues.push({
        row,
        field: f,
        code: 'ERR_SCHEMA_REQUIRED',
        severity: 'error',
        messageVi: 'Thiếu trường bắt buộc',
        messageEn: 'A required field is missing',
      });
    }
  }
  const keys: CleanedRecord['keys'] = {};
  if (values.personalId) keys.personalId = values.personalId;
  if (values.fullName) keys.foldedName = foldDiacritics(values.fullName).toLowerCase();
  if (values.birthDate) keys.birthDate = values.birthDate;
  return { row, values, issues, keys };
}
