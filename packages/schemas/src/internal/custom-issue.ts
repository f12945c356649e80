/**
 * How refinements report a coded problem to zod: a `custom` issue whose `params` carry the
 * cancuoc code (or a whole cancuoc `Issue` from another package), which `mapZodIssues` turns
 * back into a bilingual `Issue`.
 */
import { type ErrorDetails, formatMessage, type Issue } from '@cancuoc/core';
import type * as z from 'zod/mini';
import { type SchemasErrorCode, schemasErrorMessages } from '../errors.js';

/** The `params` of a custom zod issue raised by our refinements. */
export interface CodedParams {
  readonly cancuocCode?: SchemasErrorCode;
  readonly cancuocDetails?: ErrorDetails;
  /** An issue built by another cancuoc package (e.g. `ERR_ID_SEX_MISMATCH`), passed through. */
  readonly cancuocIssue?: Issue;
}

/**
 * Pushes one of our coded issues straight onto a check payload: the cheap path used by the
 * single-function `.check()`s of hot fields (one check instead of a chain keeps
 * `ResidentRecord.safeParse` above 200 k records/s).
 */
export function pushCodedIssue(
  payload: z.core.ParsePayload,
  code: SchemasErrorCode,
  path: PropertyKey[] = [],
  details: ErrorDetails = {},
): void {
  const params: CodedParams = { cancuocCode: code, cancuocDetails: details };
  payload.issues.push({
    code: 'custom',
    input: payload.value,
    path,
    message: formatMessage(schemasErrorMessages[code].en, details),
    params: params as Record<string, unknown>,
    continue: true,
  } as z.core.$ZodRawIssue);
}

/** Passes an issue built by another cancuoc package through zod, keeping its code and messages. */
export function pushForeignIssue(payload: z.core.ParsePayload, issue: Issue, path: PropertyKey[]): void {
  const params: CodedParams = { cancuocIssue: issue };
  payload.issues.push({
    code: 'custom',
    input: payload.value,
    path,
    message: issue.message,
    params: params as Record<string, unknown>,
    continue: true,
  } as z.core.$ZodRawIssue);
}
