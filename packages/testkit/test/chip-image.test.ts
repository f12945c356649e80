import { describe, expect, it } from 'vitest';
import {
  createTestPki,
  issueTestCard,
  signActiveAuthentication,
  testPerson,
  vietnameseTd1,
} from '../src/index.js';

describe('issueTestCard (the shape the software card and the reader build on)', () => {
  it('returns files, MRZ, CAN, keys and the PKI', async () => {
    const card = await issueTestCard();
    expect(Object.keys(card.files).sort()).toEqual(['cardAccess', 'com', 'dataGroups', 'sod']);
    expect(Object.keys(card.files.dataGroups).map(Number)).toEqual([1, 2, 13, 14, 15]);
    expect(card.files.sod[0]).toBe(0x77);
    expect(card.files.com[0]).toBe(0x60);
    expect(card.mrz).toMatchObject({
      documentNumber: '099012345',
      dateOfBirth: '990115',
      dateOfExpiry: '390115',
    });
    expect(card.mrz.lines.map((l) => l.length)).toEqual([30, 30, 30]);
    expect(card.can).toBe('012345');
    expect(card.keys.ca).toMatchObject({ kind: 'ec', parameterId: 12 });
    expect(card.keys.ca.privateKey.length).toBe(32);
    expect(card.keys.aa.kind).toBe('rsa');
    expect(card.pki.csca.pem).toContain('BEGIN CERTIFICATE');
  });

  it('signs active authentication challenges with the returned key', async () => {
    const card = await issueTestCard(
      {},
      { activeAuthentication: 'ecdsa', pki: await createTestPki({ algorithm: 'ecdsa-p256' }) },
    );
    const sig = await signActiveAuthentication(card.keys.aa, new Uint8Array(8));
    expect(sig.length).toBe(64);
  });

  it('writes 991231 for a card without expiry', () => {
    expect(vietnameseTd1({ ...testPerson, dateOfExpiry: null }).dateOfExpiry).toBe('991231');
  });
});
