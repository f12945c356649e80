/** Worker-thread entry of the pool (piscina): cleans one batch of rows. */

import type { CleanedRecord } from '../types.js';
import { type BatchTask, cleanBatch } from './clean-batch.js';

export default function cleanBatchInWorker(task: BatchTask): CleanedRecord[] {
  return cleanBatch(task);
}
