/**
 * Exit codes of the `cancuoc` command, the same for every subcommand: scripts branch on them.
 *
 * @example
 * ```ts
 * const code = await run(['id', '001099012345']);
 * if (code === EXIT_CODES.findings) console.error('invalid number');
 * ```
 */
export const EXIT_CODES = Object.freeze({
  /** Everything checked out. */
  ok: 0,
  /** Findings: an invalid ID, a failed verification, issues found in a list. */
  findings: 1,
  /** Usage: unknown command or option, missing argument. */
  usage: 2,
  /** Input error: a file that cannot be read, a missing optional module, an unusable key. */
  input: 3,
} as const);

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
