/**
 * A worker process for `distributed.test.ts`: a real `startCleanWorker` in its own process, driven
 * over the IPC channel. CLEAN_WORKER_MODE decides what its first batch does: `hold` reports the
 * partition and waits for `go` (so the test can see two workers inside partitions at once),
 * `crash` reports it and hangs inside the partition's open transaction until the test SIGKILLs it.
 */
import { startCleanWorker } from '../src/distributed/index.js';

const send = (message: object) => process.send?.(message);
const mode = process.env.CLEAN_WORKER_MODE ?? 'run';
let first = true;
let go: () => void = () => {};
const released = new Promise<void>((resolve) => {
  go = resolve;
});

const worker = await startCleanWorker({
  redis: process.env.CLEAN_REDIS_URL ?? '',
  postgres: process.env.CLEAN_PG_URL ?? '',
  queueName: process.env.CLEAN_QUEUE ?? 'cancuoc-clean',
  workerId: process.env.CLEAN_WORKER_ID ?? 'worker',
  batchSize: 50,
  // Short, so that a killed worker's partition comes back soon; long enough for a loaded machine.
  lockDuration: 4000,
  onBatch: async ({ partition }) => {
    if (!first || mode === 'run') return;
    first = false;
    if (mode === 'crash') {
      send({ type: 'mid-partition', partition });
      await new Promise(() => {});
    }
    send({ type: 'holding', partition });
    await released;
  },
});
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'go') go();
  if (message?.type === 'close') void worker.close().then(() => process.exit(0));
});
send({ type: 'ready' });
