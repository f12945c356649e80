/** Access to the shared external test vectors (../shared/vectors beside the clone); tests skip when absent. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../shared/vectors/', import.meta.url));

/** Whether the shared vectors are present. */
export const hasVectors = existsSync(`${root}SOURCE.md`);
if (!hasVectors) console.warn(`shared/vectors not found at ${root}: vector tests are skipped`);

/** Bytes of a vector file. */
export function vector(path: string): Uint8Array {
  return new Uint8Array(readFileSync(root + path));
}

/** A JSON vector file. */
export function vectorJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(root + path, 'utf8')) as T;
}

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();
export const unhex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.replace(/\s+/g, ''), 'hex'));
