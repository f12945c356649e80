/**
 * `@cancuoc/clean/distributed`: the cleaning rules past one machine, on existing engines — BullMQ
 * on Redis dispatches partitions of the input to workers on any number of machines, PostgreSQL
 * keeps the cleaned rows, the issues and the duplicate index. Node only; `bullmq`, `ioredis` and
 * `pg` are optional peer dependencies.
 *
 * @packageDocumentation
 */

/** The coordinator: submit a file, wait for it, export the results. */
export {
  type CleanCoordinator,
  createCleanCoordinator,
  type ExportOptions,
  type SubmitOptions,
} from './create-clean-coordinator.js';
/** Error codes of the distributed mode. */
export { type DistributedErrorCode, distributedErrorMessages } from './errors.js';
/** A worker: cleans partitions and groups duplicates. */
export { type CleanWorker, type CleanWorkerOptions, startCleanWorker } from './start-clean-worker.js';
/** Connection settings, progress and summary. */
export type { CleanJobProgress, CleanJobSummary, ClusterOptions, RedisOptions } from './types.js';
