import {
  createSimulatedCard,
  issueTestCard,
  type SimulatedCardOptions,
  type TestCard,
} from '@cancuoc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCommandApdu, parseCommandApdu } from '../src/apdu.js';
import { TDES_SUITE } from '../src/internal/crypto.js';
import { SecureMessaging } from '../src/internal/secure-messaging.js';
import { readCard } from '../src/read-card.js';
import type { Transport } from '../src/transport.js';
import { passesPassiveAuthentication } from './helpers/passive.js';

function simulate(card: TestCard, options: Partial<SimulatedCardOptions> = {}) {
  return createSimulatedCard({
    files: card.files,
    mrz: card.mrz,
    can: card.can,
    keys: { chipAuthentication: card.keys.ca, activeAuthentication: card.keys.aa },
    ...options,
  });
}

/** Records the INS byte of every command on the wire (secure messaging leaves the header plain). */
function recording(transport: Transport): Transport & { readonly ins: number[] } {
  const ins: number[] = [];
  return {
    ins,
    transmit: (apdu) => {
      ins.push(apdu[1] as number);
      return transport.transmit(apdu);
    },
  };
}

describe('files over 32 KB: READ BINARY B1 with an offset DO54', () => {
  let big: TestCard;
  let dg2: Uint8Array;
  beforeAll(async () => {
    // A 1500 × 2000 face: a DG2 of about 100 KB, as foreign passports with large faces carry.
    big = await issueTestCard({}, { face: { width: 1500, height: 2000 } });
    dg2 = big.files.dataGroups[2] as Uint8Array;
  }, 60_000);

  it('has a test DG2 past the reach of even-INS offsets', () => {
    expect(dg2.length).toBeGreaterThan(90_000);
  });

  it('reads a 100 KB DG2 under PACE with extended lengths in two APDUs, the second B1', async () => {
    const wire = recording(simulate(big));
    const result = await readCard(wire, { access: { can: big.can } });
    expect(result).toMatchObject({ protocol: 'PACE', extendedLength: true, chipAuthentication: 'passed' });
    expect(result.dataGroups[2]).toEqual(dg2);
    expect(result.files.find((f) => f.file === 'DG2')).toEqual({ file: 'DG2', bytes: dg2.length, apdus: 2 });
    expect(wire.ins.filter((i) => i === 0xb1)).toHaveLength(1);
    expect(await passesPassiveAuthentication(result, big)).toBe(true);
  });

  it('reads it under PACE with short APDUs, B0 up to offset 32 767 then B1, one APDU per 220 bytes', async () => {
    const wire = recording(simulate(big, { extendedLength: false }));
    const progress: number[] = [];
    const result = await readCard(wire, {
      access: big.mrz,
      onProgress: (p) => p.file === 'DG2' && progress.push(p.bytesRead),
    });
    expect(result.extendedLength).toBe(false);
    expect(result.dataGroups[2]).toEqual(dg2);
    // AES secure messaging: 223 file bytes per B0 answer, 220 per B1 answer (DO53 tag and length).
    const even = Math.ceil(0x8000 / 223);
    const odd = Math.ceil((dg2.length - even * 223) / 220);
    expect(result.files.find((f) => f.file === 'DG2')?.apdus).toBe(even + odd);
    expect(progress.at(-1)).toBe(dg2.length);
    expect(progress.every((n, i) => i === 0 || n > (progress[i - 1] as number))).toBe(true);
    expect(wire.ins.filter((i) => i === 0xb1)).toHaveLength(odd);
    expect(await passesPassiveAuthentication(result, big)).toBe(true);
  });

  it('reads it with BAC (3DES secure messaging), extended and short', async () => {
    const extended = await readCard(simulate(big), { access: big.mrz, protocol: 'BAC' });
    expect(extended).toMatchObject({ protocol: 'BAC', extendedLength: true });
    expect(extended.dataGroups[2]).toEqual(dg2);
    expect(extended.files.find((f) => f.file === 'DG2')?.apdus).toBe(2);

    const short = await readCard(simulate(big, { extendedLength: false }), {
      access: big.mrz,
      protocol: 'BAC',
    });
    expect(short.dataGroups[2]).toEqual(dg2);
    // 3DES: 231 file bytes per B0 answer, 228 per B1 answer.
    const even = Math.ceil(0x8000 / 231);
    const odd = Math.ceil((dg2.length - even * 231) / 228);
    expect(short.files.find((f) => f.file === 'DG2')?.apdus).toBe(even + odd);
  });

  it.each([
    ['runs past the answer', 50],
    ['leaves bytes after it', -7],
  ])('refuses a DO53 whose length %s with ERR_READER_RESPONSE_MALFORMED', async (_, lie) => {
    const card = simulate(big, { faults: { oddReadBinaryLengthLie: lie } });
    await expect(readCard(card, { access: { can: big.can } })).rejects.toMatchObject({
      code: 'ERR_READER_RESPONSE_MALFORMED',
    });
  });

  it('refuses a DO53 that announces no bytes at all', async () => {
    const card = simulate(big, { extendedLength: false, faults: { oddReadBinaryLengthLie: -10_000 } });
    await expect(readCard(card, { access: { can: big.can } })).rejects.toMatchObject({
      code: 'ERR_READER_RESPONSE_MALFORMED',
    });
  });

  it('reports ERR_READER_NOT_SUPPORTED with the file name when the card has no B1', async () => {
    const card = simulate(big, { faults: { noOddReadBinary: true } });
    await expect(readCard(card, { access: { can: big.can } })).rejects.toMatchObject({
      code: 'ERR_READER_NOT_SUPPORTED',
      details: { sw: '6D00', file: 'DG2' },
    });
  });

  it('refuses a file longer than maxFileLength before reading past its header', async () => {
    const card = simulate(big);
    await expect(readCard(card, { access: { can: big.can }, maxFileLength: 0x8000 })).rejects.toMatchObject({
      code: 'ERR_READER_FILE_TOO_LARGE',
      details: { file: 'DG2', length: dg2.length, max: 0x8000 },
    });
  });
});

describe('secure messaging of odd-INS commands', () => {
  const keys = { suite: TDES_SUITE, ksEnc: new Uint8Array(16).fill(1), ksMac: new Uint8Array(16).fill(2) };
  it('protects B1 data in DO85 (no padding indicator) both ways, and B0 answers stay in DO87', () => {
    const terminal = new SecureMessaging({ ...keys, ssc: new Uint8Array(8) });
    const card = new SecureMessaging({ ...keys, ssc: new Uint8Array(8) });
    const offset = Uint8Array.of(0x54, 0x02, 0x80, 0x00);
    const wrapped = terminal.protectCommand(
      { cla: 0, ins: 0xb1, p1: 0, p2: 0, data: offset, le: 200 },
      false,
    );
    expect(wrapped.command.data?.[0]).toBe(0x85);
    const opened = card.unprotectCommand(parseCommandApdu(formatCommandApdu(wrapped.command)));
    expect(opened).toMatchObject({ ins: 0xb1, data: offset, le: 200 });
    const answer = Uint8Array.of(0x53, 0x03, 1, 2, 3);
    const response = card.protectResponse({ data: answer, sw: 0x9000 }, 0xb1);
    expect(response.data[0]).toBe(0x85);
    expect(terminal.unprotectResponse(response)).toEqual({ data: answer, sw: 0x9000 });
    const even = card.protectResponse({ data: answer, sw: 0x9000 }, 0xb0);
    expect(even.data[0]).toBe(0x87);
  });

  it('makes the card refuse an odd-INS command that carries DO87', () => {
    const terminal = new SecureMessaging({ ...keys, ssc: new Uint8Array(8) });
    const card = new SecureMessaging({ ...keys, ssc: new Uint8Array(8) });
    const wrapped = terminal.protectCommand(
      { cla: 0, ins: 0xb0, p1: 0, p2: 0, data: Uint8Array.of(0x54, 0x01, 0x01), le: 8 },
      false,
    );
    const forged = { ...wrapped.command, ins: 0xb1 };
    expect(card.unprotectCommand(forged)).toBeUndefined();
  });
});
