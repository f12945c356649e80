import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { colourEnabled, formatHeading } from '../src/print.js';

const tty = { isTTY: true, hasColors: () => true };

describe('demo output colours', () => {
  it('styles headings only on a colour terminal without NO_COLOR', () => {
    expect(colourEnabled(tty, {})).toBe(true);
    expect(formatHeading('core', true)).toBe('\n\x1b[1m== core\x1b[0m');
  });

  it('writes no ANSI escapes when NO_COLOR is set (any non-empty value)', () => {
    expect(colourEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: 'true' })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: '' })).toBe(true);
    expect(formatHeading('core', false)).toBe('\n== core');
  });

  it('writes no ANSI escapes into a file or a pipe, or where the terminal has no colours', () => {
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled({}, {})).toBe(false);
    expect(colourEnabled({ isTTY: true, hasColors: () => false }, {})).toBe(false);
  });

  it('prints no escape character at all when its stdout is a pipe', () => {
    const script = fileURLToPath(new URL('../src/print.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const out = execFileSync(
      process.execPath,
      [tsx, '-e', `import(${JSON.stringify(script)}).then((m) => m.heading('qr'))`],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' } },
    );
    expect(out).toBe('\n== qr\n');
    expect(out).not.toContain('\x1b');
  });
});
