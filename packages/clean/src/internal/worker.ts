/** Worker-thread entry of the pool (piscina): cleans one batch of rows and serialises its outputs. */
import { type FileBatchResult, type FileBatchTask, processFileBatch } from './clean-batch.js';

export default function cleanBatchInWorker(task: FileBatchTask): FileBatchResult {
  return processFileBatch(task);
}
