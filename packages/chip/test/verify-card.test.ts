import { createTrustStore, type TrustStore, verifyCard } from '@cancuoc/chip';
import { issueTestCard, signActiveAuthentication, type TestCard } from '@cancuoc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';

let card: TestCard;
let trust: TrustStore;
const at = 'signing-time' as const;

beforeAll(async () => {
  card = await issueTestCard(); // RSA-1024 AA (ISO/IEC 9796-2), CA on P-256
  trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
}, 60_000);

const base = () => ({ sod: card.files.sod, dataGroups: card.files.dataGroups, trust, at });

describe('verifyCard: one verdict from a local read', () => {
  it('is genuine when passive authentication holds and chip authentication passed', async () => {
    const report = await verifyCard({
      ...base(),
      chipAuthentication: 'passed',
      activeAuthentication: 'skipped',
    });
    expect(report).toMatchObject({
      genuine: true,
      chipAuthentication: 'passed',
      activeAuthentication: 'not-checked',
    });
    expect(report.passive.verified).toBe(true);
  });

  it('is not genuine when neither chip nor active authentication ran although EF.SOD covers DG14 and DG15', async () => {
    const report = await verifyCard({ ...base() });
    expect(report.genuine).toBe(false);
    expect(report.passive.verified).toBe(true);
    expect(report.reasons.join('\n')).toMatch(/neither chip nor active authentication passed/);
  });

  it('is not genuine when one step failed, even if the other passed', async () => {
    const report = await verifyCard({
      ...base(),
      chipAuthentication: 'passed',
      activeAuthentication: 'failed',
    });
    expect(report).toMatchObject({ genuine: false, activeAuthentication: 'failed' });
  });

  it('is not genuine when passive authentication fails, whatever the chip proved', async () => {
    const dg13 = card.files.dataGroups[13]!.slice();
    dg13[dg13.length - 1] = (dg13[dg13.length - 1] as number) ^ 1;
    const report = await verifyCard({
      ...base(),
      dataGroups: { ...card.files.dataGroups, 13: dg13 },
      chipAuthentication: 'passed',
      activeAuthentication: 'passed',
    });
    expect(report.genuine).toBe(false);
    expect(report.passive.dataGroups[13]).toBe('mismatch');
  });

  it('does not count a chip authentication whose DG14 was not given (its key is not tied to EF.SOD)', async () => {
    const { 14: _, ...withoutDg14 } = card.files.dataGroups;
    const report = await verifyCard({ ...base(), dataGroups: withoutDg14, chipAuthentication: 'passed' });
    expect(report).toMatchObject({ genuine: false, chipAuthentication: 'not-checked' });
  });

  it('refuses a proof without the verifier’s challenge (its freshness is unknown)', async () => {
    const challenge = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const signature = await signActiveAuthentication(card.keys.aa, challenge);
    const report = await verifyCard({ ...base(), activeAuthenticationProof: { challenge, signature } });
    expect(report).toMatchObject({ genuine: false, activeAuthentication: 'failed' });
  });

  it('answers misuse with TypeError / RangeError', async () => {
    await expect(verifyCard({ ...base(), chipAuthentication: 'yes' as never })).rejects.toThrow(TypeError);
    await expect(verifyCard({ ...base(), challenge: new Uint8Array(4) })).rejects.toThrow(RangeError);
    await expect(
      verifyCard({ ...base(), activeAuthenticationProof: { challenge: 'x' } as never }),
    ).rejects.toThrow(TypeError);
    await expect(verifyCard(null as never)).rejects.toThrow(TypeError);
  });

  it('answers unreadable EF.SOD bytes with genuine: false, not an exception', async () => {
    const report = await verifyCard({
      ...base(),
      sod: Uint8Array.of(0x77, 0x01, 0x00),
      chipAuthentication: 'passed',
    });
    expect(report.genuine).toBe(false);
  });
});

describe('verifyCard: remote proof (ISO/IEC 9796-2 RSA key)', () => {
  it('accepts a fresh proof, refuses a replayed or tampered one', async () => {
    const challenge = globalThis.crypto.getRandomValues(new Uint8Array(8));
    const signature = await signActiveAuthentication(card.keys.aa, challenge);
    const fresh = await verifyCard({
      ...base(),
      activeAuthenticationProof: { challenge, signature },
      challenge,
    });
    expect(fresh).toMatchObject({
      genuine: true,
      activeAuthentication: 'passed',
      chipAuthentication: 'not-checked',
    });

    const next = globalThis.crypto.getRandomValues(new Uint8Array(8));
    const replayed = await verifyCard({
      ...base(),
      activeAuthenticationProof: { challenge, signature },
      challenge: next,
    });
    expect(replayed).toMatchObject({ genuine: false, activeAuthentication: 'failed' });

    const tampered = signature.slice();
    tampered[10] = (tampered[10] as number) ^ 0x01;
    const bad = await verifyCard({
      ...base(),
      activeAuthenticationProof: { challenge, signature: tampered },
      challenge,
    });
    expect(bad).toMatchObject({ genuine: false, activeAuthentication: 'failed' });
  });

  it('refuses a proof checked against a DG15 that is not the one EF.SOD covers', async () => {
    const other = await issueTestCard({}, { pki: card.pki });
    const challenge = globalThis.crypto.getRandomValues(new Uint8Array(8));
    const signature = await signActiveAuthentication(other.keys.aa, challenge);
    const report = await verifyCard({
      ...base(),
      dataGroups: { ...card.files.dataGroups, 15: other.files.dataGroups[15]! },
      activeAuthenticationProof: { challenge, signature },
      challenge,
    });
    expect(report.genuine).toBe(false);
    expect(report.passive.dataGroups[15]).toBe('mismatch');
  }, 60_000);
});
