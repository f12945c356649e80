/**
 * Keeps secrets out of error causes: the token, the ID token and the password hash travel in the
 * query string (the gateway's design), so a network library's message could quote them.
 */

/** Replaces every occurrence of each secret (at least 4 characters long) with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  // A URL with its query string is never useful in a log: drop the query.
  return out.replace(/(https?:\/\/[^\s?#"']*)\?[^\s"']*/g, '$1?[redacted]');
}

/** A plain `Error` describing `error` (and its cause chain), with secrets removed. */
export function safeCause(error: unknown, secrets: readonly string[]): Error {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      parts.push(`${current.name}: ${current.message}`);
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(typeof current === 'string' ? current : Object.prototype.toString.call(current));
      break;
    }
  }
  const cause = new Error(redact(parts.join(' ← '), secrets).slice(0, 500));
  cause.name = error instanceof Error ? error.name : 'Error';
  cause.stack = `${cause.name}: ${cause.message}`;
  return cause;
}
