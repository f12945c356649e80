import { parseDg13 } from '@cancuoc/chip';
import { createSimulatedCard, issueTestCard, type TestCard } from '@cancuoc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCard } from '../src/read-card.js';
import { passesPassiveAuthentication } from './helpers/passive.js';

function simulate(card: TestCard, options: { extendedLength?: boolean; maxResponseLength?: number } = {}) {
  return createSimulatedCard({
    files: card.files,
    mrz: card.mrz,
    can: card.can,
    keys: { chipAuthentication: card.keys.ca, activeAuthentication: card.keys.aa },
    ...options,
  });
}

describe('reading a signed test card (issueTestCard) end to end', () => {
  let rsaCard: TestCard;
  let ecCard: TestCard;
  beforeAll(async () => {
    rsaCard = await issueTestCard();
    ecCard = await issueTestCard({}, { activeAuthentication: 'ecdsa', pki: rsaCard.pki });
  }, 60_000);

  it('reads with PACE-CAN, CA and RSA AA, and the files pass passive authentication', async () => {
    const result = await readCard(simulate(rsaCard), { access: { can: rsaCard.can } });
    expect(result).toMatchObject({
      protocol: 'PACE',
      chipAuthentication: 'passed',
      activeAuthentication: 'passed',
    });
    expect(result.cardAccess).toEqual(rsaCard.files.cardAccess);
    for (const [n, bytes] of Object.entries(rsaCard.files.dataGroups))
      expect(result.dataGroups[Number(n)]).toEqual(bytes);
    expect(await passesPassiveAuthentication(result, rsaCard)).toBe(true);
    expect(parseDg13(result.dataGroups[13]!)).toBeDefined();
  });

  it('reads with PACE-MRZ and short APDUs, with ECDSA AA', async () => {
    const result = await readCard(simulate(ecCard, { extendedLength: false }), { access: ecCard.mrz });
    expect(result).toMatchObject({ protocol: 'PACE', extendedLength: false, activeAuthentication: 'passed' });
    expect(result.dataGroups[2]).toEqual(ecCard.files.dataGroups[2]);
  });

  it('reads with BAC when forced, over extended lengths', async () => {
    const result = await readCard(simulate(ecCard, { maxResponseLength: 4096 }), {
      access: ecCard.mrz,
      protocol: 'BAC',
    });
    expect(result).toMatchObject({ protocol: 'BAC', extendedLength: true, chipAuthentication: 'passed' });
    expect(result.sod).toEqual(ecCard.files.sod);
  });
});
