import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Error codes of the duplicate index. */
export type DuplicateErrorCode = 'ERR_CLEAN_DUPLICATE_STORE';

/**
 * English and Vietnamese messages of every {@link DuplicateErrorCode}.
 *
 * @example
 * ```ts
 * duplicateErrorMessages.ERR_CLEAN_DUPLICATE_STORE.vi // 'Lỗi kho chỉ mục trùng lặp: {reason}'
 * ```
 */
export const duplicateErrorMessages: ErrorCatalog<DuplicateErrorCode> = {
  ERR_CLEAN_DUPLICATE_STORE: {
    en: 'The duplicate index store failed: {reason}',
    vi: 'Lỗi kho chỉ mục trùng lặp: {reason}',
  },
};

/** @internal */
export const duplicateError = createErrorFactory(duplicateErrorMessages, 'CleanError');
