/** Tiny output helpers for the demo: headings and aligned key/value lines. */
export function heading(title: string): void {
  console.log(`\n\x1b[1m== ${title}\x1b[0m`);
}

export function line(label: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  console.log(`  ${label.padEnd(28)} ${text}`);
}
