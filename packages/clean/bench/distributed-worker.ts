/**
 * One worker process of `distributed.bench.ts`: a real `startCleanWorker` in its own process,
 * closed over the IPC channel; reports its peak RSS as it exits.
 */
import { startCleanWorker } from '../src/distributed/index.js';

const worker = await startCleanWorker({
  redis: process.env.CLEAN_REDIS_URL ?? '',
  postgres: process.env.CLEAN_PG_URL ?? '',
  queueName: process.env.CLEAN_QUEUE ?? 'cancuoc-clean',
  workerId: process.env.CLEAN_WORKER_ID ?? 'worker',
});
process.on('message', (message: { type?: string }) => {
  if (message?.type !== 'close') return;
  void worker.close().then(() => {
    process.send?.({ type: 'closed', maxRssKb: process.resourceUsage().maxRSS });
    process.exit(0);
  });
});
process.send?.({ type: 'ready' });
