import { basename } from 'node:path';
import { createTrustStore, type TrustStore } from '@cancuoc/chip';
import { isCancuocError } from '@cancuoc/core';
import { cliError } from '../errors.js';
import { readUserFile } from './files.js';

// The German master list is 0.9 MB; an ICAO PKD LDIF is tens of MB.
const MAX_TRUST_BYTES = 256 * 1024 * 1024;

/**
 * Builds the trust store from `--trust` files: PEM or DER CSCA certificates (`.pem`, `.crt`,
 * `.cer`, `.der`), ICAO master lists (`.ml`, verified against the certificates given with them)
 * and ICAO PKD LDIF files (`.ldif`).
 *
 * @throws CancuocError `ERR_CLI_TRUST_UNUSABLE` and the file errors.
 */
export async function loadTrust(
  cwd: string,
  paths: readonly string[],
  extraCertificates: readonly string[] = [],
): Promise<TrustStore> {
  const certificates: (Uint8Array | string)[] = [...extraCertificates];
  const masterLists: Uint8Array[] = [];
  const ldif: string[] = [];
  for (const path of paths) {
    const bytes = await readUserFile(cwd, path, MAX_TRUST_BYTES, ['trust file', 'tệp tin cậy']);
    const name = basename(path).toLowerCase();
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64));
    if (name.endsWith('.ml')) masterLists.push(bytes);
    else if (name.endsWith('.ldif')) ldif.push(new TextDecoder().decode(bytes));
    else if (text.includes('-----BEGIN')) certificates.push(new TextDecoder().decode(bytes));
    else certificates.push(bytes);
  }
  try {
    return await createTrustStore({ certificates, masterLists, ldif });
  } catch (e) {
    if (isCancuocError(e)) {
      throw cliError('ERR_CLI_TRUST_UNUSABLE', { path: paths.join(', '), reason: e.code }, { cause: e });
    }
    throw e;
  }
}
