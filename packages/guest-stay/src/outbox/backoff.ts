/** Retry delays of the outbox worker. */
export interface RetryOptions {
  /** Delay before the second attempt, in ms (default 1 000). */
  readonly initialDelayMs?: number;
  /** Ceiling of the delay, in ms (default 300 000: five minutes). */
  readonly maxDelayMs?: number;
  /** Growth per attempt (default 2). */
  readonly factor?: number;
}

/** @internal The defaults of {@link RetryOptions}, resolved. */
export interface ResolvedRetry {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
}

/** @internal */
export function resolveRetry(options: RetryOptions = {}): ResolvedRetry {
  const resolved = {
    initialDelayMs: options.initialDelayMs ?? 1_000,
    maxDelayMs: options.maxDelayMs ?? 300_000,
    factor: options.factor ?? 2,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`retry.${name} must be a finite number ≥ 0`);
  }
  if (resolved.factor < 1) throw new RangeError('retry.factor must be ≥ 1');
  return resolved;
}

/**
 * @internal The wait after the `attempts`-th failed send: exponential growth capped at
 * `maxDelayMs`, with "equal jitter" (a uniform draw in the upper half) so that the front desks of
 * a chain that failed together do not retry together, and a delay never collapses to zero.
 */
export function backoffDelay(attempts: number, retry: ResolvedRetry, random: () => number): number {
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(retry.maxDelayMs, retry.initialDelayMs * retry.factor ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
