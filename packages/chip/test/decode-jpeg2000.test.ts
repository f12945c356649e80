import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeJpeg2000 } from '../src/image/index.js';
import { parseDg2 } from '../src/index.js';
import { hasVectors, vector } from './vectors.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!hasVectors)('decodeJpeg2000 (@cancuoc/chip/image)', () => {
  it('decodes the BSI 2008 and ICAO 39794-5 portraits to 413 × 531 RGBA', async () => {
    const bsi = parseDg2(vector('lds/bsi2008/DG2.bin')).faces[0]!;
    const icao = parseDg2(vector('dg2/ICAO_39794_5_AP_DG2_AllFields.dat')).faces[0]!;
    const a = await decodeJpeg2000(bsi.image);
    const b = await decodeJpeg2000(icao.image);
    for (const img of [a, b]) {
      expect(img).toMatchObject({ width: 413, height: 531, componentCount: 3, bitsPerSample: 8 });
      expect(img.rgba.length).toBe(413 * 531 * 4);
      // A photograph, not a flat fill: many distinct values, opaque alpha.
      expect(new Set(img.rgba.filter((_, i) => i % 4 === 0)).size).toBeGreaterThan(100);
      expect(img.rgba[3]).toBe(255);
    }
    // The same decode twice gives the same pixels.
    expect(sha((await decodeJpeg2000(bsi.image)).rgba)).toBe(sha(a.rgba));
  });

  it('rejects bytes that are not JPEG 2000', async () => {
    await expect(decodeJpeg2000(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).rejects.toMatchObject({
      code: 'ERR_DG2_IMAGE',
    });
    await expect(decodeJpeg2000(new Uint8Array())).rejects.toMatchObject({ code: 'ERR_DG2_IMAGE' });
  });

  it('answers a truncated codestream with pixels or ERR_DG2_IMAGE, never a crash', async () => {
    const face = parseDg2(vector('lds/bsi2008/DG2.bin')).faces[0]!;
    for (const cut of [40, 200, 3000]) {
      try {
        const img = await decodeJpeg2000(face.image.subarray(0, cut));
        expect(img.rgba.length).toBe(img.width * img.height * 4);
      } catch (e) {
        expect(e).toMatchObject({ code: 'ERR_DG2_IMAGE' });
      }
    }
  });
});
