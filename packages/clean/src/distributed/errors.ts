import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Error codes of `@cancuoc/clean/distributed`. */
export type DistributedErrorCode =
  | 'ERR_CLEAN_PEER_MISSING'
  | 'ERR_CLEAN_JOB_UNKNOWN'
  | 'ERR_CLEAN_JOB_FAILED'
  | 'ERR_CLEAN_INPUT_FORMAT';

/**
 * English and Vietnamese messages of every {@link DistributedErrorCode}.
 *
 * @example
 * ```ts
 * distributedErrorMessages.ERR_CLEAN_PEER_MISSING.en // 'The distributed mode needs the optional package …'
 * ```
 */
export const distributedErrorMessages: ErrorCatalog<DistributedErrorCode> = {
  ERR_CLEAN_PEER_MISSING: {
    en: 'The distributed mode needs the optional package "{name}" (npm install bullmq ioredis pg)',
    vi: 'Chế độ phân tán cần cài gói tùy chọn "{name}" (npm install bullmq ioredis pg)',
  },
  ERR_CLEAN_JOB_UNKNOWN: {
    en: 'No cleaning job {jobId} in the database',
    vi: 'Không có lượt làm sạch {jobId} trong cơ sở dữ liệu',
  },
  ERR_CLEAN_JOB_FAILED: {
    en: 'The cleaning job {jobId} failed: {reason}',
    vi: 'Lượt làm sạch {jobId} thất bại: {reason}',
  },
  ERR_CLEAN_INPUT_FORMAT: {
    en: 'The input cannot be split for the distributed mode: {reason}',
    vi: 'Không chia được tệp đầu vào cho chế độ phân tán: {reasonVi}',
  },
};

/** @internal */
export const distributedError = createErrorFactory(distributedErrorMessages, 'CleanError');
