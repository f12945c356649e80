import { isCancuocError } from '@cancuoc/core';
import {
  createQrDegradationCorpus,
  type GreyImage,
  greyToJpeg,
  greyToPng,
  greyToRgba,
  hostileBytes,
  renderQrImage,
} from '@cancuoc/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeQrImage } from '../src/image/index.js';
import { parseCardQr } from '../src/index.js';

const CARD =
  '001198012345|012345678|ĐẶNG THỊ NGỌC ÁNH|15081998|Nữ|Số 1 Phố Huế, Phường Hai Bà Trưng, Hà Nội|25052021';
const INSURANCE =
  'GD4790123456789|4e677579e1bb856e2056c4836e2041|01/01/1990|1|-|79 - 001|01/01/2024|31/12/2024|15/12/2023|$';

afterEach(() => {
  vi.unstubAllGlobals();
});

function sideBySide(a: GreyImage, b: GreyImage): GreyImage {
  const width = a.width + b.width;
  const height = Math.max(a.height, b.height);
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    if (y < a.height) data.set(a.data.subarray(y * a.width, (y + 1) * a.width), y * width);
    if (y < b.height) data.set(b.data.subarray(y * b.width, (y + 1) * b.width), y * width + a.width);
  }
  return { data, width, height };
}

describe('decodeQrImage', () => {
  const image = renderQrImage(CARD);

  // First test of the file (each file runs in its own process): this is the decoder's first load.
  it('loads the decoder from the installed package, never from the network', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network is not allowed')));
    vi.stubGlobal('fetch', fetchSpy);
    expect((await decodeQrImage(image))[0]?.text).toBe(CARD);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('decodes raw grey pixels into the UTF-8 payload with its corners', async () => {
    const [qr, ...rest] = await decodeQrImage(image);
    expect(rest).toEqual([]);
    expect(qr?.text).toBe(CARD);
    expect(parseCardQr(qr!.text).fullName).toBe('ĐẶNG THỊ NGỌC ÁNH');
    expect(new TextDecoder().decode(qr!.bytes)).toBe(CARD);
    // Quiet zone of 4 modules of 4 px: the symbol starts at (16, 16).
    expect(qr!.corners.topLeft.x).toBeCloseTo(16, -1);
    expect(qr!.corners.topLeft.y).toBeCloseTo(16, -1);
    expect(qr!.corners.bottomRight.x).toBeCloseTo(image.width - 16, -1);
    expect(qr!.ecLevel).toBe('M');
  });

  it('decodes RGBA (ImageData-like), RGB, PNG, JPEG, ArrayBuffer and Blob inputs', async () => {
    const rgba = greyToRgba(image);
    const rgb = new Uint8Array(image.width * image.height * 3).map((_, i) => image.data[Math.floor(i / 3)]!);
    const png = greyToPng(image);
    const inputs = [
      { data: rgba, width: image.width, height: image.height },
      { data: rgb, width: image.width, height: image.height, channels: 3 as const },
      png,
      greyToJpeg(image, 80),
      png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer,
      new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    ];
    for (const input of inputs) expect((await decodeQrImage(input)).map((q) => q.text)).toEqual([CARD]);
  });

  it('finds every QR code in one image', async () => {
    const both = sideBySide(image, renderQrImage(INSURANCE));
    const texts = (await decodeQrImage(both)).map((q) => q.text).sort();
    expect(texts).toEqual([CARD, INSURANCE].sort());
  });

  it('returns an empty list for an image without a QR code', async () => {
    expect(
      await decodeQrImage({ data: new Uint8Array(200 * 100).fill(200), width: 200, height: 100 }),
    ).toEqual([]);
  });

  it('gives ERR_QR_IMAGE_INPUT for pixels whose size does not add up', async () => {
    for (const raw of [
      { data: new Uint8Array(10), width: 3, height: 3 },
      { data: new Uint8Array(9), width: 3, height: 3, channels: 4 as const },
      { data: new Uint8Array(0), width: 0, height: 0 },
      { data: new Uint8Array(4), width: 1.5, height: 1 },
      { data: [1, 2, 3] as unknown as Uint8Array, width: 3, height: 1 },
    ]) {
      await expect(decodeQrImage(raw)).rejects.toMatchObject({ code: 'ERR_QR_IMAGE_INPUT' });
    }
  });

  it('gives ERR_QR_IMAGE_FORMAT for bytes that are not an image, hostile bytes included', async () => {
    await expect(decodeQrImage(new TextEncoder().encode(CARD))).rejects.toMatchObject({
      code: 'ERR_QR_IMAGE_FORMAT',
    });
    for (const bytes of hostileBytes) {
      const outcome = await decodeQrImage(bytes).then(
        (r) => r,
        (e: unknown) => e,
      );
      expect(Array.isArray(outcome) || isCancuocError(outcome)).toBe(true);
    }
  });

  it('answers a truncated PNG with no code or a CancuocError', async () => {
    const png = greyToPng(image);
    const outcome = await decodeQrImage(png.subarray(0, png.length / 2)).then(
      (r) => r,
      (e: unknown) => e,
    );
    expect(Array.isArray(outcome) ? outcome : isCancuocError(outcome)).toEqual(
      Array.isArray(outcome) ? [] : true,
    );
  });

  it('throws TypeError for inputs of other types', async () => {
    await expect(decodeQrImage('card.png' as never)).rejects.toThrow(TypeError);
  });

  it('reads every clean, rotated and mildly damaged image of the degradation corpus', async () => {
    const corpus = createQrDegradationCorpus([CARD, INSURANCE], {
      only: ['clean', 'rotation', 'perspective', 'background'],
    }).filter((c) => !(c.degradation === 'perspective' && c.level === '40% tilt'));
    for (const item of corpus) {
      const texts = (await decodeQrImage(item.image)).map((q) => q.text);
      expect(texts, `${item.degradation} ${item.level}`).toEqual([item.text]);
    }
  });
});

describe('readIdentityQrImage', () => {
  it('reads the identity QR code of a photo, skipping other QR codes', async () => {
    const { readIdentityQrImage } = await import('../src/image/index.js');
    const both = sideBySide(renderQrImage('https://example.com/pay?amount=100000'), renderQrImage(INSURANCE));
    const scan = await readIdentityQrImage(greyToPng(both));
    expect(scan.kind).toBe('insurance');
    if (scan.kind === 'insurance') expect(scan.insurance.fullName).toBe('Nguyễn Văn A');
    expect(scan.symbol.text).toBe(INSURANCE);
  });

  it('gives ERR_QR_NOT_FOUND without a QR code and ERR_QR_UNKNOWN_KIND with only other codes', async () => {
    const { readIdentityQrImage } = await import('../src/image/index.js');
    const blank = { data: new Uint8Array(100 * 100).fill(255), width: 100, height: 100 };
    await expect(readIdentityQrImage(blank)).rejects.toMatchObject({ code: 'ERR_QR_NOT_FOUND' });
    await expect(readIdentityQrImage(renderQrImage('WIFI:S:guest;;'))).rejects.toMatchObject({
      code: 'ERR_QR_UNKNOWN_KIND',
    });
  });
});
