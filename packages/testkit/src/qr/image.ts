/**
 * Grey images and the geometric and photometric operations the QR degradation corpus is made
 * of. Hand-written on purpose: they are a few dozen lines of arithmetic, deterministic across
 * machines, and image libraries on npm (sharp, jimp) bring native builds or far more than tests need.
 */

/** An 8-bit grey image, row by row. */
export interface GreyImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A seeded pseudo-random generator (mulberry32) returning numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard-normal sample from a uniform generator (Box–Muller). */
function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** Bilinear sample; `undefined` outside the image. */
function sample(img: GreyImage, x: number, y: number): number | undefined {
  if (x < -0.5 || y < -0.5 || x > img.width - 0.5 || y > img.height - 0.5) return undefined;
  const fx = Math.min(Math.max(x, 0), img.width - 1);
  const fy = Math.min(Math.max(y, 0), img.height - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, img.width - 1);
  const y1 = Math.min(y0 + 1, img.height - 1);
  const dx = fx - x0;
  const dy = fy - y0;
  const w = img.width;
  const d = img.data;
  const top = d[y0 * w + x0]! * (1 - dx) + d[y0 * w + x1]! * dx;
  const bottom = d[y1 * w + x0]! * (1 - dx) + d[y1 * w + x1]! * dx;
  return top * (1 - dy) + bottom * dy;
}

/** A 3×3 projective transform, row-major. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

function apply(h: Homography, x: number, y: number): [number, number] {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

/** The homography taking four source points to four destination points (8×8 linear solve). */
export function homographyFromPoints(
  from: readonly (readonly [number, number])[],
  to: readonly (readonly [number, number])[],
): Homography {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let pivot = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const h = a.map((row, i) => row[8]! / row[i]!);
  return [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
}

function invert(h: Homography): Homography {
  const [a, b, c, d, e, f, g, k, l] = h;
  const A = e * l - f * k;
  const B = -(d * l - f * g);
  const C = d * k - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * l - c * k) / det,
    (b * f - c * e) / det,
    B / det,
    (a * l - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * k - b * g) / det,
    (a * e - b * d) / det,
  ];
}

/**
 * Draws `src` onto `dest` (or a new `width`×`height` image filled with `fill`) through the
 * homography `h` (source → destination coordinates), with bilinear sampling.
 */
export function warp(
  src: GreyImage,
  h: Homography,
  target: GreyImage | { width: number; height: number; fill: number },
): GreyImage {
  const out =
    'data' in target
      ? { data: new Uint8Array(target.data), width: target.width, height: target.height }
      : {
          data: new Uint8Array(target.width * target.height).fill(target.fill),
          width: target.width,
          height: target.height,
        };
  const inv = invert(h);
  // Only the destination pixels the source's corners can reach (plus a pixel for the bilinear edge).
  const corners = [
    apply(h, 0, 0),
    apply(h, src.width, 0),
    apply(h, src.width, src.height),
    apply(h, 0, src.height),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - 1);
  const x1 = Math.min(out.width, Math.ceil(Math.max(...xs)) + 1);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - 1);
  const y1 = Math.min(out.height, Math.ceil(Math.max(...ys)) + 1);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const [sx, sy] = apply(inv, x + 0.5, y + 0.5);
      const v = sample(src, sx - 0.5, sy - 0.5);
      if (v !== undefined) out.data[y * out.width + x] = clamp(v);
    }
  }
  return out;
}

/** Rotates by `degrees` about the centre, growing the canvas to hold every corner; new area is white. */
export function rotate(img: GreyImage, degrees: number, fill = 255): GreyImage {
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  // The tolerance keeps cos(90°) ≈ 6e-17 from growing a quarter-turned canvas by a pixel.
  const width = Math.ceil(Math.abs(img.width * cos) + Math.abs(img.height * sin) - 1e-9);
  const height = Math.ceil(Math.abs(img.width * sin) + Math.abs(img.height * cos) - 1e-9);
  const cx = img.width / 2;
  const cy = img.height / 2;
  const h: Homography = [
    cos,
    -sin,
    width / 2 - cos * cx + sin * cy,
    sin,
    cos,
    height / 2 - sin * cx - cos * cy,
    0,
    0,
    1,
  ];
  return warp(img, h, { width, height, fill });
}

/** Scales by `factor` with area averaging when shrinking (what a camera sensor does). */
export function scale(img: GreyImage, factor: number): GreyImage {
  const width = Math.max(1, Math.round(img.width * factor));
  const height = Math.max(1, Math.round(img.height * factor));
  const out = new Uint8Array(width * height);
  const fx = img.width / width;
  const fy = img.height / height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const x0 = x * fx;
      const y0 = y * fy;
      let sum = 0;
      let area = 0;
      for (let sy = Math.floor(y0); sy < Math.min(Math.ceil(y0 + fy), img.height); sy++) {
        const wy = Math.min(sy + 1, y0 + fy) - Math.max(sy, y0);
        for (let sx = Math.floor(x0); sx < Math.min(Math.ceil(x0 + fx), img.width); sx++) {
          const wx = Math.min(sx + 1, x0 + fx) - Math.max(sx, x0);
          sum += img.data[sy * img.width + sx]! * wx * wy;
          area += wx * wy;
        }
      }
      out[y * width + x] = clamp(sum / area);
    }
  }
  return { data: out, width, height };
}

/** Gaussian blur with standard deviation `sigma` pixels (separable kernel). */
export function blur(img: GreyImage, sigma: number): GreyImage {
  if (sigma <= 0) return img;
  const radius = Math.ceil(sigma * 3);
  const kernel: number[] = [];
  let total = 0;
  for (let i = -radius; i <= radius; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    kernel.push(v);
    total += v;
  }
  const k = kernel.map((v) => v / total);
  const { width, height } = img;
  const pass = (src: Uint8Array, horizontal: boolean): Uint8Array => {
    const out = new Uint8Array(src.length);
    const span = horizontal ? width : height;
    const stride = horizontal ? 1 : width;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const at = horizontal ? x : y;
        const base = y * width + x;
        let acc = 0;
        if (at >= radius && at < span - radius) {
          // Interior: no edge clamping (same sum, in the same order, as the clamped branch).
          for (let i = -radius; i <= radius; i++) acc += src[base + i * stride]! * k[i + radius]!;
        } else {
          for (let i = -radius; i <= radius; i++) {
            const sx = horizontal ? Math.min(Math.max(x + i, 0), width - 1) : x;
            const sy = horizontal ? y : Math.min(Math.max(y + i, 0), height - 1);
            acc += src[sy * width + sx]! * k[i + radius]!;
          }
        }
        out[base] = clamp(acc);
      }
    }
    return out;
  };
  return { data: pass(pass(img.data, true), false), width, height };
}

/** Adds Gaussian noise of standard deviation `sigma` grey levels. */
export function addNoise(img: GreyImage, sigma: number, random: () => number): GreyImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = clamp(img.data[i]! + sigma * gaussian(random));
  return { data, width: img.width, height: img.height };
}

/** Maps black to `dark` and white to `light` (a faded print, a dim room). */
export function setContrast(img: GreyImage, dark: number, light: number): GreyImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = clamp(dark + ((light - dark) * img.data[i]!) / 255);
  return { data, width: img.width, height: img.height };
}

/**
 * Tilts the image as a camera held off-axis sees it: one side shrinks by `amount` (0–0.5) of the
 * image's height, so the square becomes a trapezoid.
 */
export function perspective(img: GreyImage, amount: number, fill = 255): GreyImage {
  const { width: w, height: h } = img;
  const inset = amount * h;
  const H = homographyFromPoints(
    [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ],
    [
      [0, 0],
      [w, inset],
      [w, h - inset],
      [0, h],
    ],
  );
  return warp(img, H, { width: w, height: h, fill });
}

/**
 * A photo-like background: smooth lighting gradients, blotches (a desk, a hand, a card's
 * printed pattern) and sensor grain, all from the seed.
 */
export function photoBackground(width: number, height: number, random: () => number): GreyImage {
  const data = new Uint8Array(width * height);
  const waves = Array.from({ length: 5 }, () => ({
    fx: (random() * 6 + 0.5) / width,
    fy: (random() * 6 + 0.5) / height,
    phase: random() * Math.PI * 2,
    amp: 15 + random() * 25,
  }));
  const blobs = Array.from({ length: 12 }, () => ({
    x: random() * width,
    y: random() * height,
    r: (0.05 + random() * 0.2) * Math.min(width, height),
    v: random() * 120 - 60,
  }));
  const base = 90 + random() * 60;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = base + (60 * x) / width - (30 * y) / height;
      for (const wv of waves) v += wv.amp * Math.sin(2 * Math.PI * (wv.fx * x + wv.fy * y) + wv.phase);
      for (const b of blobs) {
        const d2 = ((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r);
        if (d2 < 4) v += b.v * Math.exp(-d2);
      }
      data[y * width + x] = clamp(v + 6 * gaussian(random));
    }
  }
  return { data, width, height };
}

/**
 * Places `img` onto `background` with its top-left corner at (x, y), rotated by `degrees` about
 * its centre (a card lying on a desk, photographed).
 */
export function embed(img: GreyImage, background: GreyImage, x: number, y: number, degrees = 0): GreyImage {
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = img.width / 2;
  const cy = img.height / 2;
  const h: Homography = [
    cos,
    -sin,
    x + cx - cos * cx + sin * cy,
    sin,
    cos,
    y + cy - sin * cx - cos * cy,
    0,
    0,
    1,
  ];
  return warp(img, h, background);
}

/** RGBA pixels of a grey image, as `ImageData` and jsQR take them. */
export function greyToRgba(img: GreyImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0; i < img.data.length; i++) {
    const v = img.data[i]!;
    out[4 * i] = v;
    out[4 * i + 1] = v;
    out[4 * i + 2] = v;
    out[4 * i + 3] = 255;
  }
  return out;
}
