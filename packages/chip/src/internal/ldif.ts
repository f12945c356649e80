/**
 * The ICAO PKD distributes master lists, certificates and CRLs as LDIF (RFC 2849): entries of
 * `name:: base64` attributes, long lines folded with a leading space. Only the binary values the
 * trust store needs are read: CSCA master lists (`pkdMasterListContent`) and CRLs
 * (`certificateRevocationList;binary`).
 */
import { fromBase64 } from '@cancuoc/core';

export interface LdifContents {
  readonly masterLists: Uint8Array[];
  readonly crls: Uint8Array[];
}

/** Extracts master lists and CRLs from LDIF text. */
export function readLdif(text: string): LdifContents {
  // RFC 2849 §2: a line starting with one space continues the previous line.
  const lines = text.replace(/\r\n/g, '\n').replace(/\n /g, '').split('\n');
  const masterLists: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  for (const line of lines) {
    const m = /^([A-Za-z][A-Za-z0-9;-]*)::\s*([A-Za-z0-9+/=]+)\s*$/.exec(line);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    if (name === 'pkdmasterlistcontent') masterLists.push(fromBase64(m[2]!));
    else if (name.startsWith('certificaterevocationlist')) crls.push(fromBase64(m[2]!));
  }
  return { masterLists, crls };
}
