import { decode as decodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import {
  createQrDegradationCorpus,
  greyToJpeg,
  greyToPng,
  renderQrImage,
  rotate,
  scale,
  setContrast,
} from '../src/index.js';

describe('renderQrImage', () => {
  it('draws a QR code with a white quiet zone and black finder patterns', () => {
    const img = renderQrImage('001098012345||NGUYỄN VĂN A|15081998|Nam|Hà Nội|25052021', {
      moduleSize: 2,
      margin: 4,
    });
    expect(img.width).toBe(img.height);
    expect((img.width / 2 - 8 - 21) % 4).toBe(0); // version v: 17 + 4v modules
    const at = (mx: number, my: number) => img.data[(my * 2 + 1) * img.width + mx * 2 + 1];
    expect(at(0, 0)).toBe(255);
    expect(at(3, 3)).toBe(255);
    expect(at(4, 4)).toBe(0); // top-left corner of the top-left finder pattern
    expect(at(10, 10)).toBe(0);
    expect(at(9, 9)).toBe(255); // the finder pattern's white ring
  });
});

describe('image operations', () => {
  const img = renderQrImage('hello', { moduleSize: 3 });

  it('rotates by a quarter turn exactly and grows the canvas for other angles', () => {
    const r = rotate(img, 90);
    expect([r.width, r.height]).toEqual([img.height, img.width]);
    expect(rotate(img, 45).width).toBeGreaterThan(img.width * 1.4);
    const back = rotate(rotate(r, 90), 180);
    let diff = 0;
    for (let i = 0; i < img.data.length; i++) diff += Math.abs(back.data[i]! - img.data[i]!);
    expect(diff / img.data.length).toBeLessThan(1);
  });

  it('scales by area averaging and maps contrast', () => {
    const half = scale(img, 0.5);
    expect(half.width).toBe(Math.round(img.width / 2));
    const faded = setContrast(img, 100, 150);
    expect(Math.min(...faded.data)).toBe(100);
    expect(Math.max(...faded.data)).toBe(150);
  });

  it('encodes PNG losslessly and JPEG with its signature', () => {
    const png = decodePng(greyToPng(img));
    expect([png.width, png.height, png.channels]).toEqual([img.width, img.height, 1]);
    expect(Array.from(png.data as Uint8Array)).toEqual(Array.from(img.data));
    expect(Array.from(greyToJpeg(img).subarray(0, 3))).toEqual([0xff, 0xd8, 0xff]);
  });
});

describe('createQrDegradationCorpus', () => {
  it('gives the same images for the same seed, and other noise for another seed', () => {
    const a = createQrDegradationCorpus(['abc'], { seed: 5, only: ['noise'] });
    const b = createQrDegradationCorpus(['abc'], { seed: 5, only: ['noise'] });
    const c = createQrDegradationCorpus(['abc'], { seed: 6, only: ['noise'] });
    expect(a.map((x) => x.image.data)).toEqual(b.map((x) => x.image.data));
    expect(a[0]!.image.data).not.toEqual(c[0]!.image.data);
  });

  it('covers every degradation for every payload, and filters by kind', () => {
    const all = createQrDegradationCorpus(['a', 'b'], { only: ['clean', 'rotation', 'blur', 'perspective'] });
    expect(new Set(all.map((x) => x.degradation))).toEqual(
      new Set(['clean', 'rotation', 'blur', 'perspective']),
    );
    expect(all.filter((x) => x.degradation === 'rotation').map((x) => x.payloadIndex)).toContain(1);
    expect(all.every((x) => x.image.data.length === x.image.width * x.image.height)).toBe(true);
  });
});
