import type { Bench } from 'tinybench';

/** Prints each task's mean throughput in operations per second. */
export function printOpsPerSecond(bench: Bench): void {
  console.table(
    bench.tasks.map((t) => ({
      task: t.name,
      'ops/s': t.result && 'throughput' in t.result ? Math.round(t.result.throughput.mean) : undefined,
    })),
  );
}
