import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Starts bench/gateway-server.ts in a child process and returns its URL and a stop function. */
export async function startGatewayProcess(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@cancuoc/source',
      fileURLToPath(new URL('./gateway-server.ts', import.meta.url)),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8');
  while (!out.includes('\n')) {
    const [chunk] = (await once(child.stdout, 'data')) as [string];
    out += chunk;
  }
  return { url: out.trim().split('\n')[0] ?? '', stop: () => child.kill('SIGTERM') };
}

/** The q-quantile (0–1) of sorted samples. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** One line describing the machine, for docs/benchmarks.md. */
export function machine(): string {
  return `Node ${process.version}, ${cpus().length} vCPU (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
}
