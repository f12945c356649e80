/** Tiny output helpers for the demo: headings and aligned key/value lines. */

/** The part of a Node output stream that decides whether to write colours. */
export interface OutputStream {
  readonly isTTY?: boolean;
  hasColors?(): boolean;
}

/**
 * Whether to write ANSI styles: never when `NO_COLOR` is set (https://no-color.org) or the output
 * is not a terminal (a file, a pipe, CI logs); otherwise what the terminal supports (Node's
 * `hasColors`, which also reads `FORCE_COLOR`, `NODE_DISABLE_COLORS` and `TERM=dumb`).
 */
export function colourEnabled(
  stream: OutputStream = process.stdout,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (stream.isTTY !== true) return false;
  return typeof stream.hasColors === 'function' ? stream.hasColors() : true;
}

/** A section heading, bold on a colour terminal. */
export function formatHeading(title: string, colour: boolean): string {
  return colour ? `\n\x1b[1m== ${title}\x1b[0m` : `\n== ${title}`;
}

export function heading(title: string): void {
  console.log(formatHeading(title, colourEnabled()));
}

export function line(label: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  console.log(`  ${label.padEnd(28)} ${text}`);
}
