import { createSampleCardFiles, createSimulatedCard } from '@cancuoc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCard } from '../src/read-card.js';
import { can, mrz, mrzLines } from './helpers/card.js';

describe('readCard (property): any file size, any card limit', () => {
  it('returns the exact files in the fewest READ BINARY the card allows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 16, max: 8192 }),
        fc.boolean(),
        async (dg2Size, maxResponseLength, extendedLength) => {
          const files = createSampleCardFiles({ mrz: mrzLines, dg2Size });
          const chip = createSimulatedCard({ files, mrz, can, maxResponseLength, extendedLength });
          const result = await readCard(chip, { access: { can } });
          expect(result.dataGroups[2]).toEqual(files.dataGroups[2]);
          expect(result.sod).toEqual(files.sod);
          // Short APDUs carry at most 223 plaintext bytes under AES secure messaging.
          const chunk = Math.min(maxResponseLength, extendedLength ? 65280 : 223);
          for (const f of result.files) expect(f.apdus, f.file).toBe(Math.ceil(f.bytes / chunk));
        },
      ),
      { numRuns: 25 },
    );
  });
});
