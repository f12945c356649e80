/**
 * When a failed PACE may be followed by BAC (ICAO 9303-11 §4.2: chips that offer PACE also offer
 * BAC, and the inspection system uses BAC when PACE is not available). Only a refusal of the
 * protocol itself qualifies: a wrong password would fail BAC too and spend the card's retries,
 * and a lost card, a cancel or a timeout ends the read.
 */
import { isCancuocError } from '@cancuoc/core';
import type { ReaderErrorCode } from '../errors.js';
import { isPaceTokenMismatch } from './pace.js';

/** Why PACE was given up for BAC: the error code and, when the card refused a command, its status word. */
export interface PaceFallback {
  readonly code: ReaderErrorCode;
  /** Status word as 4 hexadecimal digits (`6A80`), when the card answered with one. */
  readonly statusWord?: string;
}

// Status words refusing MSE:Set AT or GENERAL AUTHENTICATE (6A80, 6A86, 6A88, 6D00, 6E00, 6985,
// 6700 …, every one but the password ones below), an unsupported variant, and card answers that
// do not parse as PACE data.
const PROTOCOL_REFUSALS = new Set<string>([
  'ERR_READER_WRONG_PARAMETERS',
  'ERR_READER_NOT_SUPPORTED',
  'ERR_READER_CONDITIONS_NOT_SATISFIED',
  'ERR_READER_WRONG_LENGTH',
  'ERR_READER_STATUS',
  'ERR_READER_PROTOCOL_UNSUPPORTED',
  'ERR_READER_RESPONSE_MALFORMED',
  'ERR_READER_PACE_FAILED',
  // 6A82, 6987 and 6988 answered to PACE, which runs before any secure messaging.
  'ERR_READER_FILE_NOT_FOUND',
  'ERR_READER_SM_MISSING',
  'ERR_READER_SM_MAC',
]);

/**
 * The fallback record for a PACE failure that allows BAC, or `undefined` when the error must be
 * reported as it is (wrong CAN/MRZ, 63xx, 6982, 6983, token mismatch, card removed, timeout, abort,
 * transport failure, anything that is not a reader error).
 */
export function paceFallbackOf(error: unknown): PaceFallback | undefined {
  if (!isCancuocError(error) || !PROTOCOL_REFUSALS.has(error.code) || isPaceTokenMismatch(error))
    return undefined;
  const sw = error.details.sw;
  // 63xx (authentication failed, x tries left) and 6983 (password blocked) are about the password.
  if (typeof sw === 'string' && (sw.startsWith('63') || sw === '6983')) return undefined;
  return {
    code: error.code as ReaderErrorCode,
    ...(typeof sw === 'string' ? { statusWord: sw } : {}),
  };
}
