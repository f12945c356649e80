// The photo cascade of decodeQrImage / readIdentityQrImage (issue 16) on testkit's seeded photos
// of card backs: it reads strictly more than zxing's plain read of the same frames, never a wrong
// text, skips its extra passes when the budget is 0 or the signal aborted, and guides the user.
// Budgets here are huge so that counts never depend on the machine's speed (no timing asserted).
import { type CardPhoto, createCardPhoto, createCardPhotoCorpus } from '@cancuoc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeQrImage,
  qrGuidance,
  readIdentityQrImage,
  scanIdentityQrFrame,
} from '../../src/image/index.js';

const UNLIMITED = 600_000;
const frame = (p: CardPhoto) => ({ ...p.image, channels: 1 as const });

describe('photo cascade on seeded card photos', () => {
  let corpus: CardPhoto[];
  beforeAll(() => {
    corpus = createCardPhotoCorpus({
      seed: 16,
      count: 14,
      frames: ['1280x720'],
      qrWidthPx: [62, 140],
      only: ['glare', 'low-light', 'defocus', 'strong-perspective', 'motion-blur'],
    });
  });

  it('reads strictly more card photos than zxing alone, and no wrong text', async () => {
    let plain = 0;
    let cascade = 0;
    let wrong = 0;
    for (const photo of corpus) {
      const raw = await decodeQrImage(frame(photo));
      if (raw.some((q) => q.text === photo.truth.payload)) plain++;
      const found = await decodeQrImage(frame(photo), { timeBudgetMs: UNLIMITED });
      if (found.some((q) => q.text === photo.truth.payload)) cascade++;
      wrong += found.filter((q) => q.text !== photo.truth.payload).length;
    }
    expect(wrong).toBe(0);
    expect(cascade).toBeGreaterThan(plain);
  }, 600_000);

  it('readIdentityQrImage reads the JPEG files themselves with the cascade', async () => {
    let read = 0;
    for (const photo of corpus.slice(0, 6)) {
      try {
        const scan = await readIdentityQrImage(photo.jpeg, { timeBudgetMs: UNLIMITED });
        expect(scan.kind === 'card' && scan.card.personalId).toBe(photo.truth.payload.slice(0, 12));
        read++;
      } catch (e) {
        expect((e as { code?: string }).code).toBe('ERR_QR_NOT_FOUND');
      }
    }
    expect(read).toBeGreaterThan(0);
  }, 600_000);
});

describe('time budget and abort signal', () => {
  // A photo zxing's plain read misses and the cascade reads (found by running both on the corpus).
  let photo: CardPhoto;
  beforeAll(() => {
    photo = createCardPhoto(79);
  });

  it('the plain read misses this photo and the cascade reads it', async () => {
    expect(await decodeQrImage(frame(photo))).toEqual([]);
    const found = await decodeQrImage(frame(photo), { timeBudgetMs: UNLIMITED });
    expect(found.map((q) => q.text)).toEqual([photo.truth.payload]);
    expect(found[0]?.pass).toMatch(/^(region|upscale)/);
  }, 120_000);

  it('runs no extra pass with a budget of 0', async () => {
    expect(await decodeQrImage(frame(photo), { timeBudgetMs: 0 })).toEqual([]);
  });

  it('runs no extra pass once the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const found = await decodeQrImage(frame(photo), { timeBudgetMs: UNLIMITED, signal: controller.signal });
    expect(found).toEqual([]);
    const scan = await scanIdentityQrFrame(frame(photo), {
      timeBudgetMs: UNLIMITED,
      signal: controller.signal,
    });
    expect(scan.scan).toBeUndefined();
    expect(scan.seen?.passes).toEqual(['base', 'search']);
  });

  it('refuses a negative or NaN budget', async () => {
    await expect(decodeQrImage(frame(photo), { timeBudgetMs: -1 })).rejects.toBeInstanceOf(RangeError);
    await expect(decodeQrImage(frame(photo), { timeBudgetMs: Number.NaN })).rejects.toBeInstanceOf(
      RangeError,
    );
  });
});

describe('guidance', () => {
  it('asks to move closer when the QR is small', async () => {
    const photo = createCardPhoto(0, { seed: 5, frames: ['1920x1080'], qrWidthPx: [60, 64], only: ['none'] });
    const { seen } = await scanIdentityQrFrame(frame(photo), { timeBudgetMs: 0 });
    expect(seen && qrGuidance(seen)).toMatchObject({ code: 'move-closer', vi: 'Đưa thẻ lại gần camera hơn' });
  });

  it('asks to avoid glare when blown-out pixels cover the QR', async () => {
    const photo = createCardPhoto(1, {
      seed: 5,
      frames: ['1280x720'],
      qrWidthPx: [150, 200],
      only: ['glare'],
    });
    const result = await scanIdentityQrFrame(frame(photo), { timeBudgetMs: 0 });
    expect(result.seen && qrGuidance(result.seen)).toMatchObject({
      code: 'avoid-glare',
      en: 'Tilt the card to avoid glare',
    });
  });

  it('asks to hold still when the QR is blurred', async () => {
    const photo = createCardPhoto(2, {
      seed: 5,
      frames: ['1280x720'],
      qrWidthPx: [150, 200],
      only: ['defocus'],
    });
    const result = await scanIdentityQrFrame(frame(photo), { timeBudgetMs: 0 });
    expect(result.seen && qrGuidance(result.seen)).toMatchObject({ code: 'hold-still' });
  });

  it('asks to show the QR when the frame holds none', async () => {
    const blank = {
      data: new Uint8Array(320 * 240).fill(128),
      width: 320,
      height: 240,
      channels: 1 as const,
    };
    const result = await scanIdentityQrFrame(blank);
    expect(result.scan).toBeUndefined();
    expect(result.guidance).toMatchObject({ code: 'show-qr' });
  });

  it('gives no hint and the card for a sharp, close, well-lit QR', async () => {
    const photo = createCardPhoto(3, {
      seed: 5,
      frames: ['1280x720'],
      qrWidthPx: [180, 200],
      only: ['none'],
    });
    const result = await scanIdentityQrFrame(frame(photo));
    expect(result.scan?.kind === 'card' && result.scan.card.personalId).toBe(
      photo.truth.payload.slice(0, 12),
    );
    expect(result.seen && qrGuidance(result.seen)).toBeUndefined();
  });
});
