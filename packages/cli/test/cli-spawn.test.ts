import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The command as a real process, from its sources through tsx: exit codes and terminal handling
// that in-process runs cannot show.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const node = ['--conditions=@cancuoc/source', '--import', 'tsx', bin];
const hasScript = existsSync('/usr/bin/script');

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

function spawn(file: string, args: readonly string[], env: Record<string, string> = {}): Promise<Spawned> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'en_US.UTF-8', ...env },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const cancuoc = (args: readonly string[], env?: Record<string, string>) =>
  spawn(process.execPath, [...node, ...args], env);

/** Runs the command on a pseudo-terminal (util-linux `script`), as a person at a desk would. */
const onTerminal = (args: readonly string[], env?: Record<string, string>) =>
  spawn(
    '/usr/bin/script',
    ['-qec', [process.execPath, ...node, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'],
    env,
  );

describe('cancuoc as a process', { timeout: 180_000 }, () => {
  it('exits 0, 1, 2 and 3 as documented', async () => {
    const [ok, findings, usage, input] = await Promise.all([
      cancuoc(['id', '001099012345']),
      cancuoc(['id', '001099012345', '12']),
      cancuoc(['frobnicate']),
      cancuoc(['chip', '/nonexistent/folder']),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('personal ID number');
    expect(findings.code).toBe(1);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown command 'frobnicate'");
    expect(input.code).toBe(3);
    expect(input.stderr).toContain('ERR_CLI_FILE_NOT_FOUND: File or folder not found');
    expect(input.stderr).toContain('Không tìm thấy');
  });

  it('writes no colour into a pipe', async () => {
    const r = await cancuoc(['id', '001099012345', '--lang', 'vi']);
    expect(r.stdout).toContain('số định danh cá nhân');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it.skipIf(!hasScript)('colours a terminal unless NO_COLOR is set', async () => {
    const [tty, noColor] = await Promise.all([
      onTerminal(['id', '001099012345'], { TERM: 'xterm' }),
      onTerminal(['id', '001099012345'], { TERM: 'xterm', NO_COLOR: '1' }),
    ]);
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain('\u001b[32mpersonal ID number');
    expect(noColor.stdout).toContain('personal ID number');
    expect(noColor.stdout).not.toContain('\u001b[');
  });
});
