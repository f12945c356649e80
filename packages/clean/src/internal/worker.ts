/** Worker-thread entry of the pool (piscina): cleans one batch of rows and serialises its outputs. */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { keyBatchBuffers } from '../duplicates/key-batch.js';
import { type Found, type SimilarNamesTask, similarNamesOfShard } from '../duplicates/memory-store.js';
import { type FileBatchResult, type FileBatchTask, processFileBatch } from './clean-batch.js';

export default function cleanBatchInWorker(
  task: FileBatchTask | SimilarNamesTask,
): FileBatchResult | Found[] {
  // After the last batch, the same threads find similar names for the duplicate index.
  if ('similarNames' in task) return similarNamesOfShard(task);
  const result = processFileBatch(task);
  // The UTF-8 outputs and the duplicate keys are moved to the reading thread, not copied.
  const buffers: ArrayBuffer[] = result.keys ? keyBatchBuffers(result.keys) : [];
  for (const b of [result.outBytes, result.reportBytes, result.reportLines])
    if (b !== undefined) buffers.push(b.buffer as ArrayBuffer);
  if (buffers.length === 0) return result;
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return result;
    },
  } as never) as unknown as FileBatchResult;
}
