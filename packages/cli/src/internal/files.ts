import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cliError } from '../errors.js';

/** Whether `path` names an existing file or folder. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a whole file the user named, refusing more than `limit` bytes (a chip file, a key set and
 * an image are small; a path to a disk image by mistake must not fill memory).
 *
 * @throws CancuocError `ERR_CLI_FILE_NOT_FOUND`, `ERR_CLI_FILE_READ`, `ERR_CLI_FILE_TOO_LARGE`.
 */
export async function readUserFile(
  cwd: string,
  path: string,
  limit: number,
  what: readonly [string, string],
): Promise<Uint8Array> {
  const full = resolve(cwd, path);
  let size: number;
  try {
    const s = await stat(full);
    if (!s.isFile()) throw cliError('ERR_CLI_FILE_READ', { path, reason: 'not a file' });
    size = s.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw cliError('ERR_CLI_FILE_NOT_FOUND', { path });
    if ((e as { code?: string }).code === 'ERR_CLI_FILE_READ') throw e;
    throw cliError('ERR_CLI_FILE_READ', { path, reason: (e as NodeJS.ErrnoException).code ?? 'error' });
  }
  if (size > limit) throw cliError('ERR_CLI_FILE_TOO_LARGE', { path, limit, what: what[0], whatVi: what[1] });
  try {
    return new Uint8Array(await readFile(full));
  } catch (e) {
    throw cliError('ERR_CLI_FILE_READ', { path, reason: (e as NodeJS.ErrnoException).code ?? 'error' });
  }
}
