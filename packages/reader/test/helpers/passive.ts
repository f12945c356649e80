import { createTrustStore, verifyPassive } from '@cancuoc/chip';
import type { TestCard } from '@cancuoc/testkit';
import type { CardReadResult } from '../../src/read-card.js';

/** Whether the files a read returned pass passive authentication against the test card's CSCA. */
export async function passesPassiveAuthentication(result: CardReadResult, card: TestCard): Promise<boolean> {
  const trust = await createTrustStore({ certificates: [card.pki.csca.pem] });
  const report = await verifyPassive({
    sod: result.sod,
    dataGroups: result.dataGroups,
    trust,
    at: 'signing-time',
  });
  return report.verified;
}
