// testkit's card-photo corpus (issue 16): seeded, truth kept, within the documented ranges.
import { decode } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { createCardPhoto, createCardPhotoCorpus } from '../src/index.js';

describe('createCardPhotoCorpus', () => {
  it('makes the same bytes for the same seed and other bytes for another seed', () => {
    const a = createCardPhoto(4, { seed: 9 });
    const b = createCardPhoto(4, { seed: 9 });
    const c = createCardPhoto(4, { seed: 10 });
    expect(b.jpeg).toEqual(a.jpeg);
    expect(b.truth).toEqual(a.truth);
    expect(c.jpeg).not.toEqual(a.jpeg);
  });

  it('gives photo i of a corpus alone, as createCardPhoto(i)', () => {
    const corpus = createCardPhotoCorpus({ seed: 3, count: 2, frames: ['1280x720'] });
    expect(corpus.map((p) => p.index)).toEqual([0, 1]);
    expect(createCardPhoto(1, { seed: 3, frames: ['1280x720'] }).jpeg).toEqual(corpus[1]!.jpeg);
  });

  it('keeps the truth within the documented ranges, and a JPEG of the frame', () => {
    for (const index of [0, 1, 2]) {
      const p = createCardPhoto(index, { seed: 21 });
      const { truth } = p;
      expect([1280, 1920]).toContain(p.frame.width);
      expect(p.frame.height).toBe((p.frame.width * 9) / 16);
      expect(truth.qrWidthPx).toBeGreaterThanOrEqual(60);
      expect(truth.qrWidthPx).toBeLessThanOrEqual(260);
      expect(truth.jpegQuality).toBeGreaterThanOrEqual(35);
      expect(truth.jpegQuality).toBeLessThanOrEqual(80);
      expect(truth.degradations.length).toBeGreaterThanOrEqual(1);
      expect(truth.payload).toMatch(/^\d{12}\|(\d{9})?\|[^|]+\|\d{8}\|(Nam|Nữ)\|[^|]+\|\d{8}$/);
      // The QR's corners lie inside the frame.
      for (const [x, y] of truth.qrCorners) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(p.frame.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(p.frame.height);
      }
      const decoded = decode(p.jpeg, { useTArray: true });
      expect([decoded.width, decoded.height]).toEqual([p.frame.width, p.frame.height]);
      expect(p.image.data.length).toBe(p.frame.width * p.frame.height);
    }
  });

  it('writes ID numbers consistent with the birth year and sex', () => {
    for (const index of [5, 6, 7, 8]) {
      const [id, , , birth, sex] = createCardPhoto(index, {
        seed: 2,
        frames: ['1280x720'],
        only: ['none'],
      }).truth.payload.split('|');
      const year = Number(birth!.slice(4));
      const century = Number(id![3]);
      expect(century % 2 === 1).toBe(sex === 'Nữ');
      expect(1900 + 100 * Math.floor(century / 2) + Number(id!.slice(4, 6))).toBe(year);
    }
  });

  it('limits itself to the degradations asked for', () => {
    const p = createCardPhoto(0, { seed: 1, only: ['glare'], frames: ['1280x720'] });
    expect(p.truth.degradations).toEqual(['glare']);
  });

  it('refuses a count that is not a whole number from 0 to 10 000', () => {
    expect(() => createCardPhotoCorpus({ count: -1 })).toThrow(RangeError);
    expect(() => createCardPhotoCorpus({ count: 1.5 })).toThrow(RangeError);
    expect(() => createCardPhotoCorpus({ count: 10_001 })).toThrow(RangeError);
    expect(createCardPhotoCorpus({ count: 0 })).toEqual([]);
  });
});
