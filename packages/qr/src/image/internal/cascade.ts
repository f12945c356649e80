import type { ReadResult } from 'zxing-wasm/reader';
import type { DecodedQr } from '../decode-qr-image.js';
import {
  type Box,
  boxOfPoints,
  cropEnlargeStretch,
  findQrCandidates,
  type Grey,
  growBox,
  laplacianVariance,
  levelVariance,
  meanLevel,
  saturatedShare,
  sharpen,
} from './pixels.js';
import { type QrBinarizer, qrReaderOptions, readGrey, toDecoded } from './zxing-read.js';

/** What the cascade saw of the most likely QR region, for user guidance. */
export interface FrameObservation {
  /** The region that most looks like a QR code (zxing's position or the edge-density search). */
  readonly region?: Box;
  /** Whether zxing located a symbol there (finder patterns) without decoding it. */
  readonly located: boolean;
  /** Share of blown-out pixels (≥ 250) over the region. */
  readonly saturated: number;
  /**
   * Variance of the Laplacian over the region divided by the variance of its grey levels: a focus
   * measure that does not depend on exposure (about 1 or more for a sharp QR, well under for blur).
   */
  readonly sharpness: number;
  /** Mean grey level of the region. */
  readonly brightness: number;
  /** Passes run, in order (`base`, `region:…`, `upscale`). */
  readonly passes: readonly string[];
  /** Milliseconds since the start when each pass ended, in the same order. */
  readonly ends: readonly number[];
}

/** Options of {@link runCascade}. */
export interface CascadeOptions {
  readonly timeBudgetMs: number;
  readonly signal?: AbortSignal | undefined;
  readonly accept: (qr: DecodedQr) => boolean;
  readonly maxSymbols: number;
  /** Collect the observation (costs a pass over the region). */
  readonly observe?: boolean;
  /** When the caller started on this frame (`performance.now()`), so the budget covers its own work too. */
  readonly startedAt?: number;
}

interface Variant {
  readonly name: string;
  readonly binarizer: QrBinarizer;
  readonly sharpen: number;
  /** Enlargement for a QR region of `side` pixels. */
  readonly factor: (side: number) => number;
}

// Region variants, in the order of how many misses of the plain read each recovered on the
// seeded card-photo corpus of @cancuoc/testkit (crops around the true QR): an enlargement ×3 with
// the local-average binarizer (modules under 2 px, dim codes), a strongly sharpened ×2 with a fixed
// threshold after the contrast stretch (defocus, motion blur, strong tilt), a cheap ×1 of the same.
const VARIANTS: readonly Variant[] = [
  {
    name: 'enlarge',
    binarizer: 'LocalAverage',
    sharpen: 0,
    factor: (s) => Math.max(1, Math.min(3, 900 / s)),
  },
  {
    name: 'sharpen',
    binarizer: 'FixedThreshold',
    sharpen: 3,
    factor: (s) => Math.max(1, Math.min(2, 700 / s)),
  },
  { name: 'fixed', binarizer: 'FixedThreshold', sharpen: 1, factor: () => 1 },
];

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Cost model of the extra passes. A pass's time grows with the pixels it reads, at a rate per
 * pixel that is a multiple of the base pass's own (which zxing runs on a downscaled frame). That
 * multiple differs per kind of pass and per machine, so it is learned from the passes already run
 * in this process: the median of the last observations of each kind (robust to a garbage
 * collection landing inside a pass), times a safety margin. Until a kind has been seen, a
 * default measured on the seeded card-photo corpus stands in (upscale ×2 of a 1280×720 frame:
 * about fifteen base passes).
 */
export type PassKind = 'search' | 'region' | 'upscale';
const DEFAULT_RATIO: Record<PassKind, number> = { search: 1, region: 3, upscale: 4.5 };
const SAFETY = 1.25;
const KEEP = 15;
const seenRatios: Record<PassKind, number[]> = { search: [], region: [], upscale: [] };

/** @internal The cost multiple the next pass of `kind` is planned with. */
export function learnedRatio(kind: PassKind): number {
  const seen = seenRatios[kind];
  if (seen.length < 3) return DEFAULT_RATIO[kind] * SAFETY;
  const sorted = [...seen].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]! * SAFETY;
}

/** @internal Records what a pass of `kind` cost, as a multiple of the base pass's rate per pixel. */
export function observeRatio(kind: PassKind, ratio: number): void {
  if (!Number.isFinite(ratio) || ratio <= 0) return;
  const seen = seenRatios[kind];
  seen.push(ratio);
  if (seen.length > KEEP) seen.shift();
}

/** @internal Forgets what was learned (tests). */
export function resetPassCosts(): void {
  for (const kind of Object.keys(seenRatios) as PassKind[]) seenRatios[kind].length = 0;
}

function overlaps(a: Box, b: Box): boolean {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return ix * iy > 0.5 * Math.min(a.width * a.height, b.width * b.height);
}

/**
 * The photo decoding cascade (issue 16): the cheap whole-frame read first, then, while the time
 * budget lasts and the signal is not aborted, each candidate QR region cropped, enlarged ×2/×3,
 * contrast-stretched and read with other binarizers, and a whole-frame ×2 enlargement last. Stops
 * at the first pass that yields a result `accept` takes; a pass is not started once the budget is
 * spent, nor when its expected cost (from the base pass's time) would overrun the budget.
 */
export async function runCascade(
  frame: Grey,
  options: CascadeOptions,
): Promise<{ found: DecodedQr[]; plain: DecodedQr[]; observation: FrameObservation }> {
  const start = options.startedAt ?? now();
  const deadline = start + options.timeBudgetMs;
  const passes: string[] = ['base'];
  const baseStart = now();
  const base = await readGrey(frame, qrReaderOptions(true, options.maxSymbols, { returnErrors: true }));
  const baseMs = Math.max(1, now() - baseStart);
  const ends: number[] = [now() - start];
  // Cost model: zxing's time grows with the pixels read; the base pass measured the rate.
  const framePixels = frame.width * frame.height;
  const msPerPixel = baseMs / framePixels;
  const estimate = (kind: PassKind, pixels: number): number => pixels * msPerPixel * learnedRatio(kind);
  const timed = <T>(kind: PassKind, pixels: number, run: () => T): T => {
    const t0 = now();
    const out = run();
    observeRatio(kind, (now() - t0) / (pixels * msPerPixel));
    return out;
  };
  const valid = base.filter((r) => r.isValid).map((r) => toDecoded(r));
  const accepted = valid.filter(options.accept);
  // zxing's QR reader also runs the Micro QR detector, whose false positives land on text; only a
  // full-size QR symbol it located but could not decode tells where to look.
  const located = base.filter((r) => !r.isValid && r.format === 'QRCode');
  const regions: Box[] = [];
  const addRegion = (box: Box): void => {
    if (box.width < 8 || box.height < 8) return;
    if (!regions.some((r) => overlaps(r, box))) regions.push(box);
  };
  const observe = (): FrameObservation => {
    const region = regions[0];
    if (!region || !options.observe) {
      return {
        located: located.length > 0,
        saturated: 0,
        sharpness: 0,
        brightness: 0,
        passes,
        ends,
        ...(region ? { region } : {}),
      };
    }
    return {
      region,
      located: located.length > 0,
      saturated: saturatedShare(frame, region),
      sharpness: laplacianVariance(frame, region) / (levelVariance(frame, region) + 1),
      brightness: meanLevel(frame, region),
      passes,
      ends,
    };
  };
  if (accepted.length > 0) {
    for (const q of accepted) addRegion(boxOfPoints(Object.values(q.corners), frame.width, frame.height));
    return { found: accepted, plain: valid, observation: observe() };
  }
  const found: DecodedQr[] = [];
  const spent = (cost = 0): boolean => options.signal?.aborted === true || now() + cost > deadline;
  // Regions zxing located but could not decode come first, then the edge-density search.
  for (const r of located) {
    addRegion(
      growBox(
        boxOfPoints(Object.values(r.position), frame.width, frame.height),
        0.5,
        frame.width,
        frame.height,
      ),
    );
  }
  const skipSearch = !options.observe && (options.timeBudgetMs <= 0 || options.signal?.aborted === true);
  let searched = false;
  const search = (): void => {
    searched = true;
    const boxes = timed('search', framePixels, () => findQrCandidates(frame, 4));
    for (const box of boxes) addRegion(growBox(box, 0.3, frame.width, frame.height));
    passes.push('search');
    ends.push(now() - start);
  };
  // The guidance needs the search whatever the budget; the passes need it only if it fits.
  const searchFits = (): boolean => options.observe === true || !spent(estimate('search', framePixels));
  // The edge-density search costs a pass over the frame: where zxing located a symbol, that region
  // is tried first and the search waits until it has failed.
  if (!skipSearch && regions.length === 0 && searchFits()) search();
  // Region by region (the first is nearly always the QR), each with every variant.
  let next = 0;
  outer: for (;;) {
    if (next >= Math.min(regions.length, 3)) {
      if (searched || skipSearch || !searchFits()) break;
      search();
      if (next >= Math.min(regions.length, 3)) break;
    }
    const index = next++;
    const box = regions[index]!;
    for (const variant of VARIANTS) {
      const factor = variant.factor(Math.max(box.width, box.height));
      const pixels = box.width * box.height * factor * factor;
      if (spent(estimate('region', pixels))) break outer;
      const t0 = now();
      let img = cropEnlargeStretch(frame, box, factor, true);
      if (variant.sharpen > 0) img = sharpen(img, variant.sharpen);
      const name = `region${index}:${variant.name}×${Math.round(factor * 10) / 10}`;
      passes.push(name);
      const results = await readGrey(
        img,
        // Rotation and inversion retries are for 1D codes and negative prints; the QR detector is
        // rotation-invariant and cards are printed dark on light.
        qrReaderOptions(true, options.maxSymbols, {
          binarizer: variant.binarizer,
          tryRotate: false,
          tryInvert: false,
          tryDownscale: false,
        }),
      );
      observeRatio('region', (now() - t0) / (pixels * msPerPixel));
      ends.push(now() - start);
      const map = (p: { x: number; y: number }) => ({ x: box.x + p.x / factor, y: box.y + p.y / factor });
      const ok = results
        .filter((r: ReadResult) => r.isValid)
        .map((r) => toDecoded(r, map, name))
        .filter(options.accept);
      if (ok.length > 0) {
        found.push(...ok);
        break outer;
      }
    }
  }
  // Observation for guidance needs the search even when the budget ended the passes.
  if (options.observe && !searched && !skipSearch && regions.length === 0) search();
  // Four times the pixels, read without zxing's downscaling, plus the enlargement itself.
  if (found.length === 0 && !spent(estimate('upscale', framePixels * 4))) {
    const t0 = now();
    passes.push('upscale×2');
    const big = cropEnlargeStretch(frame, { x: 0, y: 0, width: frame.width, height: frame.height }, 2, false);
    const results = await readGrey(
      big,
      qrReaderOptions(true, options.maxSymbols, { tryRotate: false, tryInvert: false, tryDownscale: false }),
    );
    observeRatio('upscale', (now() - t0) / (framePixels * 4 * msPerPixel));
    ends.push(now() - start);
    const map = (p: { x: number; y: number }) => ({ x: p.x / 2, y: p.y / 2 });
    found.push(
      ...results
        .filter((r) => r.isValid)
        .map((r) => toDecoded(r, map, 'upscale×2'))
        .filter(options.accept),
    );
  }
  return { found, plain: valid, observation: observe() };
}
