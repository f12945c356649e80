import {
  addNoise,
  blur,
  createRandom,
  embed,
  type GreyImage,
  perspective,
  photoBackground,
  rotate,
  scale,
  setContrast,
} from './image.js';
import { renderQrImage } from './render.js';

/** The kinds of damage in the corpus. */
export type Degradation =
  | 'clean'
  | 'rotation'
  | 'small-modules'
  | 'blur'
  | 'noise'
  | 'low-contrast'
  | 'perspective'
  | 'background'
  | 'photo';

/** One corpus image: which payload, what was done to it, and the pixels. */
export interface CorpusImage {
  /** Index of the payload in the list given to {@link createQrDegradationCorpus}. */
  readonly payloadIndex: number;
  readonly text: string;
  readonly degradation: Degradation;
  /** The level of damage, e.g. `45°`, `1.5 px/module`, `σ=2`. */
  readonly level: string;
  readonly image: GreyImage;
}

/** Options of {@link createQrDegradationCorpus}. */
export interface QrCorpusOptions {
  /** Seed of every random choice (default 1): the same seed gives the same images. */
  readonly seed?: number;
  /** Limit to these degradations (default all). */
  readonly only?: readonly Degradation[];
}

type Step = {
  degradation: Degradation;
  level: string;
  make: (text: string, random: () => number) => GreyImage;
};

const base = (text: string, moduleSize = 4): GreyImage => renderQrImage(text, { moduleSize });

// Levels chosen to walk from easy to beyond what phone cameras at a front desk produce.
const STEPS: readonly Step[] = [
  { degradation: 'clean', level: '4 px/module', make: (t) => base(t) },
  ...[10, 30, 45, 90, 135, 180, 225, 300].map(
    (deg): Step => ({ degradation: 'rotation', level: `${deg}°`, make: (t) => rotate(base(t), deg) }),
  ),
  ...[2, 1.5, 1.2, 1].map(
    (px): Step => ({
      degradation: 'small-modules',
      level: `${px} px/module`,
      make: (t) => scale(base(t, 8), px / 8),
    }),
  ),
  ...[0.8, 1.2, 1.6, 2.2].map(
    (sigma): Step => ({ degradation: 'blur', level: `σ=${sigma} px`, make: (t) => blur(base(t), sigma) }),
  ),
  ...[20, 40, 60, 80].map(
    (sigma): Step => ({
      degradation: 'noise',
      level: `σ=${sigma}`,
      make: (t, r) => addNoise(base(t), sigma, r),
    }),
  ),
  ...(
    [
      [70, 180],
      [100, 150],
      [115, 140],
      [122, 134],
    ] as const
  ).map(
    ([dark, light]): Step => ({
      degradation: 'low-contrast',
      level: `${dark}/${light}`,
      make: (t) => setContrast(base(t), dark, light),
    }),
  ),
  ...[0.1, 0.2, 0.3, 0.4].map(
    (amount): Step => ({
      degradation: 'perspective',
      level: `${Math.round(amount * 100)}% tilt`,
      make: (t) => perspective(base(t), amount),
    }),
  ),
  ...[640, 1280].map(
    (width): Step => ({
      degradation: 'background',
      level: `${width}×${(width * 9) / 16} frame`,
      make: (t, r) => {
        const qr = base(t, 3);
        const height = (width * 9) / 16;
        const bg = photoBackground(width, height, r);
        return embed(qr, bg, r() * (width - qr.width * 1.5), r() * (height - qr.height * 1.5), r() * 40 - 20);
      },
    }),
  ),
  {
    degradation: 'photo',
    level: 'tilt+rotation+blur+noise in 1280×720',
    make: (t, r) => {
      const qr = perspective(blur(base(t, 3), 0.8), 0.15);
      const bg = photoBackground(1280, 720, r);
      return addNoise(embed(qr, bg, 200 + r() * 600, 100 + r() * 200, r() * 360), 12, r);
    },
  },
];

/**
 * Renders each payload as a QR code and damages it the ways phone cameras and scanners do:
 * rotation (0–360°), small modules, blur, noise, low contrast, perspective tilt, a photo-like
 * background, and all of them together. Deterministic for a seed, so the corpus is generated in
 * tests and benchmarks instead of being stored.
 *
 * @example
 * ```ts
 * for (const item of createQrDegradationCorpus([payload], { only: ['blur'] })) decode(item.image);
 * ```
 */
export function createQrDegradationCorpus(
  payloads: readonly string[],
  options: QrCorpusOptions = {},
): CorpusImage[] {
  const random = createRandom(options.seed ?? 1);
  const out: CorpusImage[] = [];
  for (const step of STEPS) {
    if (options.only && !options.only.includes(step.degradation)) continue;
    payloads.forEach((text, payloadIndex) => {
      out.push({
        payloadIndex,
        text,
        degradation: step.degradation,
        level: step.level,
        image: step.make(text, random),
      });
    });
  }
  return out;
}
