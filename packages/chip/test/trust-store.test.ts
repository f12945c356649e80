import { createTestPki } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { createTrustStore } from '../src/index.js';
import { hasVectors, vector } from './vectors.js';

/** An LDIF entry as the ICAO PKD writes them: base64 folded at 76 columns (RFC 2849). */
function ldifEntry(dn: string, attribute: string, bytes: Uint8Array): string {
  const line = `${attribute}:: ${Buffer.from(bytes).toString('base64')}`;
  const folded = [line.slice(0, 76), ...(line.slice(76).match(/.{1,75}/g) ?? []).map((l) => ` ${l}`)].join(
    '\n',
  );
  return `dn: ${dn}\nobjectClass: top\n${folded}\n\n`;
}

describe('createTrustStore', () => {
  it('reads PEM text with several certificates and DER bytes', async () => {
    const a = await createTestPki({ algorithm: 'ecdsa-p256' });
    const b = await createTestPki({ algorithm: 'ecdsa-p256', country: 'LA' });
    const store = await createTrustStore({ certificates: [a.csca.pem + b.csca.pem, b.csca.certificate] });
    expect(store.size).toBe(2); // the repeated certificate counts once
  });

  it('refuses text without a certificate and unreadable DER', async () => {
    await expect(createTrustStore({ certificates: ['hello'] })).rejects.toMatchObject({
      code: 'ERR_TRUST_CERTIFICATE',
    });
    await expect(
      createTrustStore({ certificates: [new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])] }),
    ).rejects.toMatchObject({
      code: 'ERR_TRUST_CERTIFICATE',
    });
  });

  it.skipIf(!hasVectors)(
    'loads the master lists of an ICAO PKD LDIF whose signer is trusted and notes the others',
    async () => {
      const ldif =
        'version: 1\n\n' +
        ldifEntry(
          'cn=DE,o=ml,dc=pkdDownload',
          'pkdMasterListContent',
          vector('masterlists/DE_ML_2026-05-28-08-28-45.ml'),
        ) +
        ldifEntry(
          'cn=NL,o=ml,dc=pkdDownload',
          'pkdMasterListContent',
          vector('masterlists/NL_ML_2026-07-22.ml'),
        );
      // Only the Dutch root is trusted: the German list (first) is skipped, the Dutch one loads.
      const store = await createTrustStore({
        certificates: [vector('masterlists/NL_ROOT_CA.cer')],
        ldif: [ldif],
      });
      expect(store.size).toBeGreaterThanOrEqual(411);
      expect(store.notes).toHaveLength(1);
      expect(store.notes[0]).toMatch(/master list 0 skipped/);
    },
  );

  it('loads CRLs from LDIF and refuses an LDIF with nothing usable', async () => {
    const pki = await createTestPki({ algorithm: 'ecdsa-p256' });
    const crl = await pki.createCrl([7]);
    const store = await createTrustStore({
      certificates: [pki.csca.pem],
      ldif: [ldifEntry('cn=VN,o=crl,dc=pkdDownload', 'certificateRevocationList;binary', crl)],
    });
    expect(store.crls).toHaveLength(1);
    await expect(
      createTrustStore({ certificates: [pki.csca.pem], ldif: ['dn: cn=x\nobjectClass: top\n'] }),
    ).rejects.toMatchObject({
      code: 'ERR_TRUST_MASTER_LIST',
    });
  });
});
