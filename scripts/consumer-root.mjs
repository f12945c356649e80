// A folder whose node_modules/@cancuoc/* link to the workspace packages, so that the bare names
// resolve exactly as in a consumer project (package.json "exports", "import" condition, built
// dist); shared by bundle-size.mjs and cold-import.mjs. The caller removes it when done.
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function workspaceRoot(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'node_modules', '@cancuoc'), { recursive: true });
  for (const name of readdirSync(join(repo, 'packages'))) {
    symlinkSync(join(repo, 'packages', name), join(dir, 'node_modules', '@cancuoc', name), 'dir');
  }
  return dir;
}
