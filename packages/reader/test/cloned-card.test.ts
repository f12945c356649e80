import { createTrustStore, type TrustStore, verifyCard } from '@cancuoc/chip';
import {
  createSimulatedCard,
  issueTestCard,
  type SimulatedCardFaults,
  type TestCard,
} from '@cancuoc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCard } from '../src/read-card.js';

let genuine: TestCard;
let trust: TrustStore;

beforeAll(async () => {
  genuine = await issueTestCard({}, { activeAuthentication: 'ecdsa' });
  trust = await createTrustStore({ certificates: [genuine.pki.csca.pem] });
}, 60_000);

/** The genuine card's files on a software chip, with faults (a copy when `cloned`). */
function chip(faults: SimulatedCardFaults = {}, keys = true) {
  return createSimulatedCard({
    files: genuine.files,
    mrz: genuine.mrz,
    can: genuine.can,
    ...(keys ? { keys: { chipAuthentication: genuine.keys.ca, activeAuthentication: genuine.keys.aa } } : {}),
    faults,
  });
}

describe('a copy of a genuine card on a blank chip', () => {
  it('is read to the end with chip and active authentication reported failed, access re-established', async () => {
    const card = await readCard(chip({ cloned: true }), { access: { can: genuine.can } });
    expect(card.chipAuthentication).toBe('failed');
    expect(card.activeAuthentication).toBe('failed');
    expect(card.authenticationFailures).toEqual({
      chipAuthentication: expect.objectContaining({
        code: 'ERR_READER_NOT_SUPPORTED',
        statusWord: '6D00',
        accessReestablished: true,
      }),
      activeAuthentication: expect.objectContaining({
        code: 'ERR_READER_NOT_SUPPORTED',
        statusWord: '6D00',
        accessReestablished: true,
      }),
    });
    for (const [n, bytes] of Object.entries(genuine.files.dataGroups))
      expect(card.dataGroups[Number(n)], `DG${n}`).toEqual(bytes);
    expect(card.sod).toEqual(genuine.files.sod);
  });

  it('passes passive authentication but verifyCard says it is not genuine', async () => {
    const card = await readCard(chip({ cloned: true }), { access: { can: genuine.can } });
    const report = await verifyCard({ ...card, trust, at: 'signing-time' });
    expect(report.passive.verified).toBe(true);
    expect(report).toMatchObject({
      genuine: false,
      chipAuthentication: 'failed',
      activeAuthentication: 'failed',
    });
    expect(report.reasons.join('\n')).toMatch(/copy/);
  });

  it('the genuine card is genuine', async () => {
    const card = await readCard(chip(), { access: { can: genuine.can } });
    expect(card).toMatchObject({ chipAuthentication: 'passed', activeAuthentication: 'passed' });
    expect(card.authenticationFailures).toBeUndefined();
    const report = await verifyCard({ ...card, trust, at: 'signing-time' });
    expect(report).toMatchObject({
      genuine: true,
      chipAuthentication: 'passed',
      activeAuthentication: 'passed',
    });
  });

  it("throws today's error with onAuthenticationFailure: 'throw'", async () => {
    await expect(
      readCard(chip({ cloned: true }), { access: { can: genuine.can }, onAuthenticationFailure: 'throw' }),
    ).rejects.toMatchObject({ code: 'ERR_READER_NOT_SUPPORTED', details: { sw: '6D00' } });
  });

  it('keeps the session when the chip refuses under secure messaging', async () => {
    const refused = { keepSession: true };
    const copy = chip({ chipAuthenticationRefused: refused, activeAuthenticationRefused: refused });
    const card = await readCard(copy, { access: { can: genuine.can } });
    expect(card.authenticationFailures?.chipAuthentication).toMatchObject({
      statusWord: '6D00',
      accessReestablished: false,
    });
    expect(card.authenticationFailures?.activeAuthentication?.accessReestablished).toBe(false);
    expect(card.dataGroups[13]).toEqual(genuine.files.dataGroups[13]);
    // No second PACE: one MSE:Set AT for PACE.
    expect(copy.accessAttempts.pace).toBe(1);
  });

  it('re-establishes BAC when the card was opened with BAC', async () => {
    const copy = chip({ cloned: true });
    const card = await readCard(copy, { access: genuine.mrz, protocol: 'BAC' });
    expect(card.protocol).toBe('BAC');
    expect(card.chipAuthentication).toBe('failed');
    expect(card.dataGroups[2]).toEqual(genuine.files.dataGroups[2]);
    expect(copy.accessAttempts.bac).toBe(3);
  });

  it('reports a chip holding another chip-authentication key as failed (it cannot answer with the new keys)', async () => {
    const other = {
      ...genuine.keys.ca,
      privateKey: genuine.keys.ca.privateKey.map((b, i) => (i === 31 ? b ^ 1 : b)),
    };
    const copy = createSimulatedCard({
      files: genuine.files,
      mrz: genuine.mrz,
      can: genuine.can,
      keys: { chipAuthentication: other, activeAuthentication: genuine.keys.aa },
    });
    const card = await readCard(copy, { access: { can: genuine.can } });
    expect(card.chipAuthentication).toBe('failed');
    expect(card.authenticationFailures?.chipAuthentication).toMatchObject({
      code: 'ERR_READER_CA_FAILED',
      accessReestablished: true,
    });
    expect(card.activeAuthentication).toBe('passed');
    const report = await verifyCard({ ...card, trust, at: 'signing-time' });
    expect(report.genuine).toBe(false);
  });
});

describe('remote verification with a server challenge (eKYC)', () => {
  const challenge = () => globalThis.crypto.getRandomValues(new Uint8Array(8));

  it('a fresh proof is genuine', async () => {
    const server = challenge();
    const card = await readCard(chip(), {
      access: { can: genuine.can },
      activeAuthenticationChallenge: server,
    });
    expect(card.activeAuthenticationProof?.challenge).toEqual(server);
    const report = await verifyCard({ ...card, trust, at: 'signing-time', challenge: server });
    expect(report).toMatchObject({ genuine: true, activeAuthentication: 'passed' });
  });

  it('a replayed read answering an old challenge is not genuine', async () => {
    const old = challenge();
    const card = await readCard(chip(), { access: { can: genuine.can }, activeAuthenticationChallenge: old });
    const fresh = challenge();
    const report = await verifyCard({ ...card, trust, at: 'signing-time', challenge: fresh });
    expect(report).toMatchObject({ genuine: false, activeAuthentication: 'failed' });
    expect(report.reasons.join('\n')).toMatch(/replayed/);
    // The old proof relabelled with the new challenge does not verify either.
    const relabelled = { challenge: fresh, signature: card.activeAuthenticationProof!.signature };
    const again = await verifyCard({
      ...card,
      activeAuthenticationProof: relabelled,
      trust,
      at: 'signing-time',
      challenge: fresh,
    });
    expect(again).toMatchObject({ genuine: false, activeAuthentication: 'failed' });
  });

  it('a tampered signature is not genuine', async () => {
    const server = challenge();
    const card = await readCard(chip(), {
      access: { can: genuine.can },
      activeAuthenticationChallenge: server,
    });
    const signature = card.activeAuthenticationProof!.signature.slice();
    signature[5] = (signature[5] as number) ^ 0x40;
    const report = await verifyCard({
      ...card,
      activeAuthenticationProof: { challenge: server, signature },
      trust,
      at: 'signing-time',
      challenge: server,
    });
    expect(report).toMatchObject({ genuine: false, activeAuthentication: 'failed' });
  });

  it("ignores the client's reported statuses: a copy that claims 'passed' without a proof is not genuine", async () => {
    const card = await readCard(chip({ cloned: true }), { access: { can: genuine.can } });
    const report = await verifyCard({
      ...card,
      chipAuthentication: 'passed',
      activeAuthentication: 'passed',
      trust,
      at: 'signing-time',
      challenge: challenge(),
    });
    expect(report).toMatchObject({
      genuine: false,
      chipAuthentication: 'not-checked',
      activeAuthentication: 'failed',
    });
  });

  it('refuses a challenge that is not 8 bytes before talking to the card', async () => {
    const copy = chip();
    await expect(
      readCard(copy, { access: { can: genuine.can }, activeAuthenticationChallenge: new Uint8Array(7) }),
    ).rejects.toThrow(TypeError);
    expect(copy.apdus).toBe(0);
  });
});
