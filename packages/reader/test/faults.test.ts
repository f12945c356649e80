import { createSimulatedCard } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { readCard } from '../src/read-card.js';
import { bacOnlyFiles, can, card, files, keys, mrz } from './helpers/card.js';

describe('faults of the software card map to typed errors', () => {
  it('a card removed mid-read gives ERR_READER_CARD_REMOVED', async () => {
    for (const after of [0, 3, 9, 14]) {
      await expect(
        readCard(card({ faults: { dropAfter: after } }), { access: { can } }),
      ).rejects.toMatchObject({
        code: 'ERR_READER_CARD_REMOVED',
      });
    }
  });

  it('a wrong MAC in a response gives ERR_READER_SM_MAC', async () => {
    // APDU 1-2 EF.CardAccess, 3-7 PACE, 8 SELECT application, 9 READ EF.COM
    await expect(readCard(card({ faults: { wrongMacAt: 9 } }), { access: { can } })).rejects.toMatchObject({
      code: 'ERR_READER_SM_MAC',
    });
  });

  it('a wrong MAC right after chip authentication gives ERR_READER_CA_FAILED', async () => {
    const probe = await readCard(card(), { access: { can }, activeAuthentication: false });
    // EF.CardAccess 1, PACE 5, SELECT 1, then EF.COM and DG14, CA 2: the next APDU reads DG15.
    const afterCa = probe.files.slice(0, 2).reduce((n, f) => n + f.apdus, 7) + 3;
    await expect(
      readCard(card({ faults: { wrongMacAt: afterCa } }), {
        access: { can },
        activeAuthentication: false,
        onAuthenticationFailure: 'throw',
      }),
    ).rejects.toMatchObject({ code: 'ERR_READER_CA_FAILED' });
    // Reported by default: access is established again and the card read to the end.
    const reported = await readCard(card({ faults: { wrongMacAt: afterCa } }), {
      access: { can },
      activeAuthentication: false,
    });
    expect(reported.chipAuthentication).toBe('failed');
    expect(reported.authenticationFailures?.chipAuthentication).toMatchObject({
      code: 'ERR_READER_CA_FAILED',
      accessReestablished: true,
    });
    expect(reported.dataGroups[2]).toEqual(files.dataGroups[2]);
  });

  it('6988 from the card gives ERR_READER_SM_MAC', async () => {
    await expect(
      readCard(card({ faults: { statusAt: { apdu: 10, sw: 0x6988 } } }), { access: { can } }),
    ).rejects.toMatchObject({ code: 'ERR_READER_SM_MAC', details: { sw: '6988' } });
  });

  it('6982 and 6A82 from the card give ERR_READER_ACCESS_DENIED and ERR_READER_FILE_NOT_FOUND', async () => {
    await expect(
      // APDU 14 reads DG1 (1 EF.CardAccess, 2-6 PACE, 7 SELECT, 8-9 EF.COM and DG14, 10-11 CA …).
      readCard(card({ faults: { statusAt: { apdu: 14, sw: 0x6982 } } }), { access: { can } }),
    ).rejects.toMatchObject({ code: 'ERR_READER_ACCESS_DENIED' });
    await expect(readCard(card(), { access: { can }, files: [1, 7] })).rejects.toMatchObject({
      code: 'ERR_READER_FILE_NOT_FOUND',
      details: { file: 'DG7' },
    });
  });

  it('a card that never answers gives ERR_READER_TIMEOUT', async () => {
    await expect(
      readCard(card({ faults: { hangAt: 5 } }), { access: { can }, timeoutMs: 50 }),
    ).rejects.toMatchObject({ code: 'ERR_READER_TIMEOUT', details: { timeoutMs: 50 } });
  });

  it('an AbortSignal cancels a pending read with ERR_READER_ABORTED', async () => {
    const controller = new AbortController();
    const pending = readCard(card({ faults: { hangAt: 5 } }), { access: { can }, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_READER_ABORTED' });
    const aborted = new AbortController();
    aborted.abort();
    await expect(readCard(card(), { access: { can }, signal: aborted.signal })).rejects.toMatchObject({
      code: 'ERR_READER_ABORTED',
    });
  });

  it('cancels from a progress callback between two reads', async () => {
    const controller = new AbortController();
    await expect(
      readCard(card({ maxResponseLength: 512 }), {
        access: { can },
        signal: controller.signal,
        onProgress: (p) => {
          if (p.file === 'DG2') controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'ERR_READER_ABORTED' });
  });

  it('a card that answers 6Cxx to an over-long Le is read with the exact length', async () => {
    const result = await readCard(
      card({ extendedLength: false, maxResponseLength: 128, faults: { strictLe: true } }),
      {
        access: { can },
      },
    );
    const dg2 = result.files.find((f) => f.file === 'DG2')!;
    expect(dg2.bytes).toBeGreaterThan(15000);
  });

  it('a card without short EF identifiers is read with SELECT then READ BINARY', async () => {
    const result = await readCard(card({ faults: { noShortFileIds: true } }), { access: { can } });
    expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
    // One refused SFI read, then SELECT + reads for every file.
    expect(result.files.find((f) => f.file === 'DG1')!.apdus).toBe(2);
  });

  it('a card that refuses an Le past the end of a file is read header first', async () => {
    for (const extendedLength of [true, false]) {
      const result = await readCard(card({ extendedLength, faults: { wrongLengthPastEnd: true } }), {
        access: { can },
      });
      expect(result.dataGroups[13]).toEqual(files.dataGroups[13]);
      expect(result.sod).toEqual(files.sod);
    }
  });

  it('a card refusing extended lengths under secure messaging is asked one extended Le, then short ones', async () => {
    const chip = card({ faults: { extendedLengthRefusedUnderSm: true } });
    const log: Uint8Array[] = [];
    const logged = {
      transmit: (apdu: Uint8Array) => {
        log.push(apdu);
        return chip.transmit(apdu);
      },
    };
    const result = await readCard(logged, { access: { can } });
    expect(result.extendedLength).toBe(false);
    expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
    // Extended Le under SM: a 7-byte header (CLA INS P1 P2 00 Lc1 Lc2) and Lc > 255 never occurs in
    // READ BINARY, so an extended READ BINARY is one whose fifth byte is 00 after PACE.
    const readBinary = log.filter((a) => a[1] === 0xb0);
    const extendedReads = readBinary.filter((a) => a.length > 5 && a[4] === 0x00);
    // One in plain for EF.CardAccess (accepted), one under secure messaging (refused with 6700).
    expect(extendedReads.length).toBe(2);
    const [com, ...rest] = result.files;
    expect(com!.file).toBe('EF.COM');
    expect(com!.apdus).toBe(1 + Math.ceil(com!.bytes / 223));
    for (const f of rest) expect(f.apdus, f.file).toBe(Math.ceil(f.bytes / 223));
    expect(result.apdus).toBe(chip.apdus);
  });

  it('a USB reader that cannot send extended APDUs (the transmit fails) is read with short ones', async () => {
    for (const [name, access, base] of [
      ['PACE', { can }, card()],
      ['BAC', mrz, createSimulatedCard({ files: bacOnlyFiles, mrz, can, keys })],
    ] as const) {
      const inner = base;
      const shortOnly = {
        async transmit(apdu: Uint8Array) {
          if (apdu.length >= 7 && apdu[4] === 0)
            throw new Error('SCardTransmit: Transaction failed (0x80100016)');
          return inner.transmit(apdu);
        },
      };
      const result = await readCard(shortOnly, { access });
      expect(result.extendedLength, name).toBe(false);
      expect(result.dataGroups[2], name).toEqual(files.dataGroups[2]);
    }
  });

  it('a transport that throws a plain error gives ERR_READER_TRANSPORT', async () => {
    const transport = {
      transmit: async () => {
        throw new Error('USB stall');
      },
    };
    await expect(readCard(transport, { access: { can } })).rejects.toMatchObject({
      code: 'ERR_READER_TRANSPORT',
      details: { reason: 'USB stall' },
    });
  });

  it('rejects a malformed access key with ERR_READER_ACCESS_INVALID before talking to the card', async () => {
    const c = card();
    await expect(readCard(c, { access: { can: '12345' } })).rejects.toMatchObject({
      code: 'ERR_READER_ACCESS_INVALID',
    });
    await expect(
      readCard(c, {
        access: { documentNumber: '098012345', dateOfBirth: '1998-03-12', dateOfExpiry: '380312' },
      }),
    ).rejects.toMatchObject({ code: 'ERR_READER_ACCESS_INVALID' });
    expect(c.apdus).toBe(0);
  });
});

describe('T=0 style answers', () => {
  it('collects 61xx answers with GET RESPONSE', async () => {
    const inner = card({ maxResponseLength: 1024 });
    let pending = { data: new Uint8Array(0), sw: new Uint8Array(0) };
    let getResponses = 0;
    const more = (n: number) => [0x61, Math.min(n, 256) & 0xff];
    const t0 = {
      async transmit(apdu: Uint8Array): Promise<Uint8Array> {
        if (apdu[1] === 0xc0) {
          getResponses++;
          const chunk = pending.data.slice(0, apdu[4] || 256);
          pending.data = pending.data.slice(chunk.length);
          const tail = pending.data.length ? more(pending.data.length) : [...pending.sw];
          return Uint8Array.from([...chunk, ...tail]);
        }
        const full = await inner.transmit(apdu);
        if (full.length <= 102) return full;
        pending = { data: full.slice(100, -2), sw: full.slice(-2) };
        return Uint8Array.from([...full.slice(0, 100), ...more(pending.data.length)]);
      },
    };
    const result = await readCard(t0, { access: { can } });
    expect(getResponses).toBeGreaterThan(10);
    expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
  });
});
