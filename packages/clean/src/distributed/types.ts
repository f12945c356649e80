import type pg from 'pg';
import type { Severity } from '../types.js';
import type { RedisOptions } from './peers.js';

export type { RedisOptions } from './peers.js';

/** Where the distributed mode keeps its queue and its results. */
export interface ClusterOptions {
  /** Redis for BullMQ: a `redis://host:6379/0` URL or ioredis connection options. */
  readonly redis: string | RedisOptions;
  /** PostgreSQL for results: a `postgresql://` connection string or an existing `pg` pool (never ended by us). */
  readonly postgres: string | pg.Pool;
  /** The BullMQ queue name (default `cancuoc-clean`); coordinator and workers must agree. */
  readonly queueName?: string;
}

/** What a finished job found (also stored in `cancuoc_clean_jobs.summary`). */
export interface CleanJobSummary {
  jobId: string;
  rows: number;
  partitions: number;
  /** The workers that wrote the partitions (`workerId`s). */
  workers: string[];
  issues: number;
  bySeverity: Partial<Record<Severity, number>>;
  byCode: Record<string, number>;
  byField: Record<string, number>;
  duplicateGroups: number;
  byReason: Record<string, number>;
}

/** Progress of a job while it runs. */
export interface CleanJobProgress {
  partitions: number;
  partitionsDone: number;
  rows: number;
  rowsDone: number;
  /** Rows per second since `wait` was called. */
  recordsPerSecond: number;
  /** Seconds left at that rate (`undefined` before the first partition ends). */
  etaSeconds: number | undefined;
}

/** @internal The data of one partition job in Redis: offsets only, never personal data. */
export interface PartitionJobData {
  jobId: string;
  index: number;
  start: number;
  end: number;
  firstRow: number;
  rows: number;
}

/** @internal The data of the final grouping job. */
export interface GroupJobData {
  jobId: string;
}

export const DEFAULT_QUEUE = 'cancuoc-clean';

/** @internal */
export function checkQueueName(name: string | undefined): string {
  const q = name ?? DEFAULT_QUEUE;
  if (typeof q !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(q))
    throw new TypeError('queueName must be 1–100 letters, digits, dots, dashes or underscores');
  return q;
}
