import { isCancuocError } from '@cancuoc/core';
import {
  createSampleCardFiles,
  createSimulatedCard,
  issueTestCard,
  type SimulatedCardFaults,
  type TestCard,
} from '@cancuoc/testkit';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatStatusWord, parseCommandApdu, parseResponseApdu, type Transport } from '../src/index.js';
import { readCard } from '../src/read-card.js';
import { can, card, files, keys, mrz, mrzLines } from './helpers/card.js';
import { passesPassiveAuthentication } from './helpers/passive.js';

/** Records the instruction byte of every command the reader sends. */
function recording(transport: Transport): Transport & { ins: number[] } {
  const ins: number[] = [];
  return {
    ins,
    transmit: (apdu) => {
      ins.push(apdu[1] as number);
      return transport.transmit(apdu);
    },
  };
}

const refused = (faults: SimulatedCardFaults) => card({ faults });

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isCancuocError(error) ? error.code : `not a CancuocError: ${String(error)}`;
  }
}

describe('PACE → BAC fallback (ICAO 9303-11 §4.2)', () => {
  it('opens the chip with BAC when MSE:Set AT is refused with 6A80, re-selecting the application first', async () => {
    const sim = refused({ paceRefused: { sw: 0x6a80 } });
    const link = recording(sim);
    const progress: string[] = [];
    const result = await readCard(link, { access: mrz, onProgress: (p) => progress.push(p.file) });
    expect(result.protocol).toBe('BAC');
    expect(result.paceProtocol).toBeUndefined();
    expect(result.paceFallback).toEqual({ code: 'ERR_READER_WRONG_PARAMETERS', statusWord: '6A80' });
    expect(sim.accessAttempts).toEqual({ pace: 1, bac: 1 });
    // EF.CardAccess, MSE:Set AT (refused), SELECT eMRTD application, GET CHALLENGE, EXTERNAL AUTHENTICATE.
    expect(link.ins.slice(0, 5)).toEqual([0xb0, 0x22, 0xa4, 0x84, 0x82]);
    // The failed attempt counts: every APDU the card saw is in the result.
    expect(result.apdus).toBe(sim.apdus);
    expect(result.apdus).toBe(link.ins.length);
    expect(result.chipAuthentication).toBe('passed');
    expect(result.activeAuthentication).toBe('passed');
    expect(result.extendedLength).toBe(true);
    for (const n of [1, 2, 13, 14, 15]) expect(result.dataGroups[n]).toEqual(files.dataGroups[n]);
    expect(result.sod).toEqual(files.sod);
    expect(new Set(progress)).toEqual(new Set(['EF.COM', 'DG1', 'DG2', 'DG13', 'DG14', 'DG15', 'EF.SOD']));
    expect(result.timings.transportMs).toBeLessThanOrEqual(result.timings.totalMs);
  });

  it('reads the same files as a forced BAC read, with the failed PACE as the only extra APDUs', async () => {
    const fallback = await readCard(refused({ paceRefused: {} }), { access: mrz });
    const forced = await readCard(card(), { access: mrz, protocol: 'BAC' });
    expect(fallback.files).toEqual(forced.files);
    // Forced BAC probes extended length with a GET CHALLENGE; the fallback learnt it from
    // EF.CardAccess (1 READ BINARY) and spent 1 refused MSE:Set AT.
    const cardAccessReads = 1;
    expect(fallback.apdus).toBe(forced.apdus - 1 + cardAccessReads + 1);
  });

  it.each([
    { sw: '6A80', code: 'ERR_READER_WRONG_PARAMETERS' },
    { sw: '6A86', code: 'ERR_READER_WRONG_PARAMETERS' },
    { sw: '6A88', code: 'ERR_READER_STATUS' },
    { sw: '6D00', code: 'ERR_READER_NOT_SUPPORTED' },
    { sw: '6E00', code: 'ERR_READER_NOT_SUPPORTED' },
    { sw: '6985', code: 'ERR_READER_CONDITIONS_NOT_SATISFIED' },
    { sw: '6700', code: 'ERR_READER_WRONG_LENGTH' },
  ])('falls back when MSE:Set AT answers $sw as $code', async ({ sw, code }) => {
    const sim = refused({ paceRefused: { sw: Number.parseInt(sw, 16) } });
    const result = await readCard(sim, { access: mrz });
    expect(result.protocol).toBe('BAC');
    expect(result.paceFallback).toEqual({ code, statusWord: sw });
    expect(sim.accessAttempts).toEqual({ pace: 1, bac: 1 });
  });

  it('falls back when a GENERAL AUTHENTICATE step is refused, at any step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
        fc.constantFrom(0x6a80, 0x6a86, 0x6985, 0x6d00, 0x6f00),
        async (step, sw) => {
          const sim = refused({ paceRefused: { sw, step } });
          const result = await readCard(sim, { access: mrz, chipAuthentication: false, files: [1] });
          expect(result.protocol).toBe('BAC');
          expect(result.paceFallback?.statusWord).toBe(formatStatusWord(sw));
          expect(result.dataGroups[1]).toEqual(files.dataGroups[1]);
          expect(sim.accessAttempts).toEqual({ pace: 1, bac: 1 });
        },
      ),
      { numRuns: 12 },
    );
  });

  it('never spends a BAC attempt after a password status word, and falls back on every other refusal', async () => {
    // 6200–6FFF at MSE:Set AT (step 0) or a GENERAL AUTHENTICATE step (61xx asks for GET RESPONSE).
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 0x6200, max: 0x6fff }),
          fc.constantFrom(0x6300, 0x63c1, 0x6982, 0x6983, 0x6a82, 0x6987, 0x6988, 0x6282, 0x6c10),
        ),
        fc.constantFrom(0, 1, 2, 3, 4) as fc.Arbitrary<0 | 1 | 2 | 3 | 4>,
        async (sw, step) => {
          const sim = refused({ paceRefused: { sw, step } });
          const hex = formatStatusWord(sw);
          const reading = readCard(sim, { access: mrz, files: [1] });
          if (hex.startsWith('63') || hex === '6982' || hex === '6983') {
            expect(await codeOf(reading)).toMatch(/^ERR_READER_(ACCESS_KEY_WRONG|ACCESS_DENIED|STATUS)$/);
            expect(sim.accessAttempts).toEqual({ pace: 1, bac: 0 });
          } else {
            const result = await reading;
            expect(result.protocol).toBe('BAC');
            expect(result.paceFallback?.statusWord).toBe(hex);
            expect(result.apdus).toBe(sim.apdus);
            expect(sim.accessAttempts).toEqual({ pace: 1, bac: 1 });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('falls back when the chip answers PACE with a malformed mapping point', async () => {
    const sim = refused({ paceInvalidPoint: true });
    const result = await readCard(sim, { access: mrz, files: [1] });
    expect(result.protocol).toBe('BAC');
    expect(result.paceFallback).toEqual({ code: 'ERR_READER_PACE_FAILED' });
  });

  it('uses BAC with the MRZ when the card announces only PACE variants the reader does not run', async () => {
    const unsupported = createSampleCardFiles({
      mrz: mrzLines,
      keys,
      paceOid: '0.4.0.127.0.7.2.2.4.4.3',
      dg2Size: 500,
    });
    const sim = createSimulatedCard({ files: unsupported, mrz, can, keys });
    const result = await readCard(sim, { access: mrz });
    expect(result.protocol).toBe('BAC');
    expect(result.paceFallback).toEqual({ code: 'ERR_READER_PROTOCOL_UNSUPPORTED' });
    expect(sim.accessAttempts).toEqual({ pace: 0, bac: 1 });
  });

  it('reports no fallback when PACE works', async () => {
    const result = await readCard(card(), { access: mrz, files: [1] });
    expect(result.protocol).toBe('PACE');
    expect(result).not.toHaveProperty('paceFallback');
  });
});

describe('no PACE → BAC fallback', () => {
  it('with the CAN: there is no BAC without the MRZ, the PACE error is reported', async () => {
    const sim = refused({ paceRefused: { sw: 0x6a80 } });
    await expect(readCard(sim, { access: { can } })).rejects.toMatchObject({
      code: 'ERR_READER_WRONG_PARAMETERS',
      details: { sw: '6A80' },
    });
    expect(sim.accessAttempts).toEqual({ pace: 1, bac: 0 });
  });

  it('on a wrong MRZ: one authentication attempt, the typed wrong-key error', async () => {
    const sim = card();
    const wrong = { ...mrz, dateOfBirth: '980313' };
    await expect(readCard(sim, { access: wrong })).rejects.toMatchObject({
      code: 'ERR_READER_ACCESS_KEY_WRONG',
    });
    expect(sim.accessAttempts).toEqual({ pace: 1, bac: 0 });
  });

  it.each([
    { sw: '6300', code: 'ERR_READER_STATUS' },
    { sw: '63C2', code: 'ERR_READER_STATUS' },
    { sw: '6983', code: 'ERR_READER_STATUS' },
    { sw: '6982', code: 'ERR_READER_ACCESS_DENIED' },
  ])('when the card answers MSE:Set AT with $sw (the password), as $code', async ({ sw, code }) => {
    const sim = refused({ paceRefused: { sw: Number.parseInt(sw, 16) } });
    expect(await codeOf(readCard(sim, { access: mrz }))).toBe(code);
    expect(sim.accessAttempts).toEqual({ pace: 1, bac: 0 });
  });

  it('when the chip authentication token does not match (the chip knew the password)', async () => {
    const sim = card();
    // Flip a byte of the chip's token T_IC in the last GENERAL AUTHENTICATE answer.
    const tampering: Transport = {
      async transmit(apdu) {
        const response = await sim.transmit(apdu);
        const command = parseCommandApdu(apdu);
        if (command.ins === 0x86 && command.cla === 0x00 && parseResponseApdu(response).sw === 0x9000) {
          response[response.length - 3] = (response[response.length - 3] as number) ^ 0x01;
        }
        return response;
      },
    };
    await expect(readCard(tampering, { access: mrz })).rejects.toMatchObject({
      code: 'ERR_READER_PACE_FAILED',
    });
    expect(sim.accessAttempts).toEqual({ pace: 1, bac: 0 });
  });

  it('when PACE is forced', async () => {
    const sim = refused({ paceRefused: { sw: 0x6a80 } });
    await expect(readCard(sim, { access: mrz, protocol: 'PACE' })).rejects.toMatchObject({
      code: 'ERR_READER_WRONG_PARAMETERS',
    });
    expect(sim.accessAttempts).toEqual({ pace: 1, bac: 0 });
  });

  it('when BAC is forced, PACE is not tried at all', async () => {
    const sim = card();
    const result = await readCard(sim, { access: mrz, protocol: 'BAC', files: [1] });
    expect(result.protocol).toBe('BAC');
    expect(result).not.toHaveProperty('paceFallback');
    expect(sim.accessAttempts).toEqual({ pace: 0, bac: 1 });
  });

  it('when the card leaves the field during PACE', async () => {
    const sim = card({ faults: { dropAfter: 2 } }); // EF.CardAccess, MSE:Set AT, then gone
    await expect(readCard(sim, { access: mrz })).rejects.toMatchObject({ code: 'ERR_READER_CARD_REMOVED' });
    expect(sim.accessAttempts.bac).toBe(0);
  });

  it('when PACE times out or is cancelled', async () => {
    const slow = card({ faults: { hangAt: 2 } }); // MSE:Set AT never answered
    await expect(readCard(slow, { access: mrz, timeoutMs: 50 })).rejects.toMatchObject({
      code: 'ERR_READER_TIMEOUT',
    });
    expect(slow.accessAttempts.bac).toBe(0);
    const cancelled = card({ faults: { hangAt: 2 } });
    const controller = new AbortController();
    const link: Transport = {
      transmit(apdu) {
        const pending = cancelled.transmit(apdu);
        if (cancelled.apdus === 2) queueMicrotask(() => controller.abort()); // during MSE:Set AT
        return pending;
      },
    };
    await expect(readCard(link, { access: mrz, signal: controller.signal })).rejects.toMatchObject({
      code: 'ERR_READER_ABORTED',
    });
    expect(cancelled.accessAttempts).toEqual({ pace: 0, bac: 0 });
    expect(cancelled.apdus).toBe(2);
  });
});

describe('PACE → BAC fallback on a signed test card', () => {
  let testCard: TestCard;
  beforeAll(async () => {
    testCard = await issueTestCard();
  }, 60_000);

  it('reads with BAC after the refused PACE, and passive authentication verifies the files', async () => {
    const sim = createSimulatedCard({
      files: testCard.files,
      mrz: testCard.mrz,
      can: testCard.can,
      keys: { chipAuthentication: testCard.keys.ca, activeAuthentication: testCard.keys.aa },
      faults: { paceRefused: { sw: 0x6a80 } },
    });
    const result = await readCard(sim, { access: testCard.mrz });
    expect(result).toMatchObject({
      protocol: 'BAC',
      paceFallback: { code: 'ERR_READER_WRONG_PARAMETERS', statusWord: '6A80' },
      chipAuthentication: 'passed',
      activeAuthentication: 'passed',
    });
    expect(await passesPassiveAuthentication(result, testCard)).toBe(true);
  });
});
