import type { CancuocError } from '@cancuoc/core';
import { formatStatusWord } from '../apdu.js';
import { fail, type ReaderErrorCode } from '../errors.js';

/** Whether a status word means success (9000, or 62xx/63xx warnings with data, ISO/IEC 7816-4 §5.6). */
export function isSuccess(sw: number): boolean {
  return sw === 0x9000 || sw === 0x6282;
}

/**
 * Maps a failing status word to its typed error (ISO/IEC 7816-4 §5.6, 9303-11 §9.8.6).
 * `file` names the file being read, for messages (never personal data).
 */
export function statusError(sw: number, file = 'the requested file'): CancuocError<ReaderErrorCode> {
  const hex = formatStatusWord(sw);
  const details = { sw: hex, file };
  switch (sw) {
    case 0x6982:
      return fail('ERR_READER_ACCESS_DENIED', details);
    case 0x6985:
    case 0x6986:
      return fail('ERR_READER_CONDITIONS_NOT_SATISFIED', details);
    case 0x6987:
      return fail('ERR_READER_SM_MISSING', details);
    case 0x6988:
      return fail('ERR_READER_SM_MAC', details);
    case 0x6a82:
      return fail('ERR_READER_FILE_NOT_FOUND', details);
    case 0x6700:
      return fail('ERR_READER_WRONG_LENGTH', details);
    case 0x6a86:
    case 0x6a80:
    case 0x6b00:
    case 0x6a87:
      return fail('ERR_READER_WRONG_PARAMETERS', details);
    case 0x6d00:
    case 0x6e00:
    case 0x6a81:
      return fail('ERR_READER_NOT_SUPPORTED', details);
    default:
      if ((sw & 0xff00) === 0x6c00) return fail('ERR_READER_WRONG_LENGTH', { ...details, exact: sw & 0xff });
      return fail('ERR_READER_STATUS', details);
  }
}
