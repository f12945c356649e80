import { createTrustStore, verifyCard, verifyPassive } from '@cancuoc/chip';
import { readCard } from '@cancuoc/reader';
import { createSimulatedCard, issueTestCard } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';

// The example at the top of packages/testkit/README.md, kept true by running it.
describe('testkit README example', () => {
  it('reads a software card over PACE-CAN and verifies it passively against the test CSCA', async () => {
    const card = await issueTestCard();
    const transport = createSimulatedCard({
      files: card.files,
      mrz: card.mrz,
      can: card.can,
      keys: { chipAuthentication: card.keys.ca, activeAuthentication: card.keys.aa },
    });
    const read = await readCard(transport, { access: { can: card.can } });
    const trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
    const report = await verifyCard({ ...read, trust });
    expect(read.protocol).toBe('PACE');
    expect(report.genuine).toBe(true);
    expect(report.passive.chain).toBe('trusted');

    const copy = createSimulatedCard({
      files: card.files,
      mrz: card.mrz,
      can: card.can,
      faults: { cloned: true },
    });
    const copied = await readCard(copy, { access: { can: card.can } });
    expect(copied.chipAuthentication).toBe('failed');
    expect((await verifyCard({ ...copied, trust })).genuine).toBe(false);

    const otherPki = await issueTestCard();
    const foreign = await createTrustStore({ certificates: [otherPki.pki.csca.pem] });
    const untrusted = await verifyPassive({ sod: read.sod, dataGroups: read.dataGroups, trust: foreign });
    expect(untrusted.verified).toBe(false);
    expect(untrusted.chain).toBe('untrusted');
  });
});
