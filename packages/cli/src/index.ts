/**
 * `@cancuoc/cli`: the `cancuoc` command (clean resident lists, decode ID numbers, QR codes and chip
 * files, read cards over PC/SC, verify e-ID tokens, run the browser bridge), and `run` to call it
 * from scripts and tests.
 *
 * @packageDocumentation
 */

/** Error codes of the command's own input checks and their English and Vietnamese messages. */
export { type CliErrorCode, cliErrorMessages } from './errors.js';
/** The exit codes, the same for every subcommand. */
export { EXIT_CODES, type ExitCode } from './exit-codes.js';
/** The output streams and environment `run` writes to and reads. */
export type { CliOutput, RunOptions } from './internal/context.js';
/** Run the command in-process. */
export { run } from './run.js';
