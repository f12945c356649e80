/**
 * Synthetic photos of the back of a citizen ID card lying on a desk, as a front-desk phone or
 * webcam takes them: the card (outline, QR code with a realistic card payload, text blocks, MRZ)
 * placed in a 1280×720 or 1920×1080 frame with rotation and perspective, then defocus, motion
 * blur, low light, glare or uneven light, and saved as a JPEG of quality 35–80. Built from the
 * grey-image operations of `image.ts` (hand-written for the same reasons: deterministic, no native
 * image library).
 */
import { decode as decodeJpeg } from 'jpeg-js';
import {
  addNoise,
  blur,
  createRandom,
  type GreyImage,
  type Homography,
  homographyFromPoints,
  photoBackground,
  scale,
  warp,
} from './image.js';
import { greyToJpeg, renderQrImage } from './render.js';

/** The damage a card photo can carry on top of its rotation, tilt and JPEG compression. */
export type CardPhotoDegradation =
  | 'none'
  | 'defocus'
  | 'motion-blur'
  | 'low-light'
  | 'glare'
  | 'uneven-light'
  | 'strong-perspective';

/** What was done to make a card photo: the truth a decoder is scored against. */
export interface CardPhotoTruth {
  /** The card QR's text: `id|oldId|name|ddMMyyyy|Nam/Nữ|address|ddMMyyyy`. */
  readonly payload: string;
  /** Width of the QR symbol (without quiet zone) in the frame, in pixels, before tilt. */
  readonly qrWidthPx: number;
  /** Corners of the QR symbol (quiet zone excluded) in the frame: top-left, top-right, bottom-right, bottom-left. */
  readonly qrCorners: readonly (readonly [number, number])[];
  /** Pixels per QR module in the frame (qrWidthPx / modules). */
  readonly moduleSizePx: number;
  /** The degradations applied (one or two; `none` for rotation, tilt and JPEG only). */
  readonly degradations: readonly CardPhotoDegradation[];
  /** Rotation of the card on the desk, degrees. */
  readonly rotationDeg: number;
  /** Perspective tilt (0 = camera straight above the card). */
  readonly tilt: number;
  readonly jpegQuality: number;
}

/** One card photo: the JPEG as the camera saved it, its decoded grey pixels, and the truth. */
export interface CardPhoto {
  readonly index: number;
  readonly frame: { readonly width: number; readonly height: number };
  /** The JPEG file. */
  readonly jpeg: Uint8Array;
  /** The JPEG decoded back to grey pixels (what a decoder given the file sees). */
  readonly image: GreyImage;
  readonly truth: CardPhotoTruth;
}

/** Options of {@link createCardPhotoCorpus}. */
export interface CardPhotoCorpusOptions {
  /** Seed of every random choice (default 1): the same seed gives the same photos. */
  readonly seed?: number;
  /** Number of photos (default 200). */
  readonly count?: number;
  /** Only these frame sizes (default both 1280×720 and 1920×1080). */
  readonly frames?: readonly ('1280x720' | '1920x1080')[];
  /** QR width range in frame pixels (default [60, 260]). */
  readonly qrWidthPx?: readonly [number, number];
  /** Only these degradations (default all, with some photos carrying two at once). */
  readonly only?: readonly CardPhotoDegradation[];
  /**
   * The QR text of every photo (default: a generated card payload). The random choices are the
   * same either way, so a sequence of frames of one card differs only in what the options change.
   */
  readonly payload?: string;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Thanh', 'Đức', 'Thu', 'Quốc', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Cúc',
  'Dũng',
  'Hà',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Thảo',
  'Tuấn',
  'Yến',
];
// GSO province codes (first three digits of a personal ID, Circular 59/2021/TT-BCA appendix) with
// place names as printed on cards issued before the July 2025 merger.
const PLACES: readonly (readonly [string, string])[] = [
  ['001', 'Quận Ba Đình, Hà Nội'],
  ['031', 'Quận Lê Chân, Hải Phòng'],
  ['038', 'Thành phố Thanh Hóa, Thanh Hóa'],
  ['048', 'Quận Hải Châu, Đà Nẵng'],
  ['079', 'Quận 3, Thành phố Hồ Chí Minh'],
  ['092', 'Quận Ninh Kiều, Cần Thơ'],
];
const STREETS = ['Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Điện Biên Phủ', 'Lý Thường Kiệt'];

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;
const digits = (n: number, random: () => number): string =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * A card QR payload as the chip-card QR carries it, with an ID number consistent with the birth
 * year and sex (century/sex digit: 0/1 for 1900s male/female, 2/3 for 2000s).
 *
 * @example
 * ```ts
 * const text = cardQrPayload(createRandom(1)); // '0790…|…|Lê Thị Lan|…|Nữ|Số 12 Lê Lợi, Quận 3, …|…'
 * ```
 */
export function cardQrPayload(random: () => number): string {
  const [province, place] = pick(PLACES, random);
  const female = random() < 0.5;
  const year = 1950 + Math.floor(random() * 56);
  const century = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const id = `${province}${century}${pad(year % 100)}${digits(6, random)}`;
  const oldId = year < 2000 && random() < 0.6 ? digits(9, random) : '';
  const name = `${pick(FAMILY, random)} ${female ? 'Thị' : pick(MIDDLE, random)} ${pick(GIVEN, random)}`;
  const birth = `${pad(1 + Math.floor(random() * 28))}${pad(1 + Math.floor(random() * 12))}${year}`;
  const address = `Số ${1 + Math.floor(random() * 200)} ${pick(STREETS, random)}, ${place}`;
  const issued = `${pad(1 + Math.floor(random() * 28))}${pad(1 + Math.floor(random() * 12))}${2021 + Math.floor(random() * 4)}`;
  return `${id}|${oldId}|${name}|${birth}|${female ? 'Nữ' : 'Nam'}|${address}|${issued}`;
}

/** Fills a rectangle of a grey image. */
function fillRect(img: GreyImage, x: number, y: number, w: number, h: number, v: number): void {
  const x0 = Math.max(0, Math.round(x));
  const x1 = Math.min(img.width, Math.round(x + w));
  for (let r = Math.max(0, Math.round(y)); r < Math.min(img.height, Math.round(y + h)); r++) {
    img.data.fill(v, r * img.width + x0, r * img.width + x1);
  }
}

/** Lines of "text": runs of dark dashes of word-like lengths. */
function textBlock(
  img: GreyImage,
  x: number,
  y: number,
  w: number,
  lines: number,
  lineH: number,
  random: () => number,
): void {
  for (let l = 0; l < lines; l++) {
    let cx = x;
    const end = x + w * (0.5 + random() * 0.5);
    while (cx < end) {
      const word = lineH * (1 + random() * 4);
      fillRect(img, cx, y + l * lineH * 1.8, Math.min(word, end - cx), lineH, 40 + random() * 50);
      cx += word + lineH * 0.6;
    }
  }
}

/**
 * The back of a card, `qr` (rendered at 8 px/module, quiet zone included) placed top right and
 * taking about a quarter of the card's width; ID-1 proportions (85.6 × 54 mm).
 */
function renderCardBack(qr: GreyImage, random: () => number): GreyImage {
  const width = Math.round(qr.width / 0.3);
  const height = Math.round((width * 54) / 85.6);
  const img: GreyImage = { data: new Uint8Array(width * height).fill(222), width, height };
  // Printed guilloche-like background: faint diagonal waves.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      img.data[y * width + x] = 214 + Math.round(8 * Math.sin((x + y) / (width / 60)));
    }
  }
  const unit = width / 85.6; // pixels per millimetre
  // Two fingerprint boxes at left, the identifying-marks and issue text, the MRZ at the bottom.
  for (const fx of [4, 24]) {
    fillRect(img, fx * unit, 6 * unit, 17 * unit, 20 * unit, 190);
    for (let k = 0; k < 7; k++)
      fillRect(img, (fx + 2) * unit, (8 + 2.5 * k) * unit, 13 * unit, 0.6 * unit, 120);
  }
  textBlock(img, 4 * unit, 29 * unit, 38 * unit, 3, 1.4 * unit, random);
  textBlock(img, 43 * unit, 4 * unit, 11 * unit, 4, 1.2 * unit, random);
  // QR top right, 4 mm from the edges (its quiet zone is white on the card).
  const qx = width - qr.width - 3 * unit;
  const qy = 3 * unit;
  // Printed ink is not black and paper is not blown out: 0/255 become about 25/240.
  for (let r = 0; r < qr.height; r++) {
    const row = Math.round(qy + r) * width + Math.round(qx);
    for (let c = 0; c < qr.width; c++)
      img.data[row + c] = 25 + Math.round(qr.data[r * qr.width + c]! * 0.845);
  }
  // (drawn last: nothing printed may reach into its quiet zone)
  for (let l = 0; l < 3; l++) {
    for (let c = 0; c < 30; c++) {
      if (random() < 0.15) continue;
      fillRect(img, (5 + c * 2.5) * unit, (40 + l * 4.2) * unit, 1.6 * unit, 2.6 * unit, 30 + random() * 30);
    }
  }
  return img;
}

/** Averages samples along a line of `length` pixels at `angle` radians (camera shake). */
function motionBlur(img: GreyImage, length: number, angle: number): GreyImage {
  const { width, height } = img;
  const steps = Math.max(2, Math.round(length));
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const offsets = Array.from({ length: steps }, (_, i) => {
    const t = i - (steps - 1) / 2;
    return [Math.round(t * dx), Math.round(t * dy)] as const;
  });
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (const [ox, oy] of offsets) {
        const sx = Math.min(Math.max(x + ox, 0), width - 1);
        const sy = Math.min(Math.max(y + oy, 0), height - 1);
        acc += img.data[sy * width + sx]!;
      }
      out[y * width + x] = Math.round(acc / steps);
    }
  }
  return { data: out, width, height };
}

/** Applies `f(value, x, y)` to each pixel, clamped to 0–255. */
function mapPixels(img: GreyImage, f: (v: number, x: number, y: number) => number): GreyImage {
  const out = new Uint8Array(img.data.length);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = f(img.data[y * img.width + x]!, x, y);
      out[y * img.width + x] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
  return { data: out, width: img.width, height: img.height };
}

/**
 * A desk under room light: `photoBackground` made at an eighth of the size and enlarged (the
 * lighting and blotches are smooth anyway), plus wood-like streaks and sensor grain; about ten
 * times faster than `photoBackground` at full size.
 */
function deskBackground(width: number, height: number, random: () => number): GreyImage {
  const coarse = photoBackground(Math.ceil(width / 8) + 1, Math.ceil(height / 8) + 1, random);
  const streaks = Array.from({ length: 4 }, () => ({
    f: 20 + random() * 60,
    p: random() * 6.3,
    a: 3 + random() * 5,
  }));
  const out = new Uint8Array(width * height);
  let seed = Math.floor(random() * 2 ** 31);
  for (let y = 0; y < height; y++) {
    const cy = y / 8;
    const y0 = Math.floor(cy);
    const dy = cy - y0;
    let streak = 0;
    for (const s of streaks) streak += s.a * Math.sin((s.f * y) / height + s.p);
    for (let x = 0; x < width; x++) {
      const cx = x / 8;
      const x0 = Math.floor(cx);
      const dx = cx - x0;
      const i = y0 * coarse.width + x0;
      const c = coarse.data;
      const v =
        (c[i]! * (1 - dx) + c[i + 1]! * dx) * (1 - dy) +
        (c[i + coarse.width]! * (1 - dx) + c[i + coarse.width + 1]! * dx) * dy;
      // xorshift grain: cheaper than a Gaussian per pixel, and grain only needs to look random.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      const grain = ((seed >>> 0) % 13) - 6;
      const g = v + streak + grain;
      out[y * width + x] = g < 0 ? 0 : Math.min(g, 255);
    }
  }
  return { data: out, width, height };
}

const ALL: readonly CardPhotoDegradation[] = [
  'none',
  'defocus',
  'motion-blur',
  'low-light',
  'glare',
  'uneven-light',
  'strong-perspective',
];

/**
 * Makes `count` seeded photos of card backs on a desk (see {@link CardPhoto}): QR 60–260 px wide
 * in 1280×720 and 1920×1080 frames, rotated and tilted, with defocus, motion blur, low light,
 * glare, uneven light or strong perspective (about a third of them two at once), saved as JPEG of
 * quality 35–80. The same seed and options always give the same bytes.
 *
 * @throws RangeError for a count that is not a whole number from 0 to 10 000.
 * @example
 * ```ts
 * for (const photo of createCardPhotoCorpus({ count: 20 })) {
 *   const found = await decodeQrImage({ ...photo.image, channels: 1 });
 *   const ok = found.some((q) => q.text === photo.truth.payload);
 * }
 * ```
 */
export function createCardPhotoCorpus(options: CardPhotoCorpusOptions = {}): CardPhoto[] {
  const count = options.count ?? 200;
  if (!Number.isInteger(count) || count < 0 || count > 10_000) {
    throw new RangeError('count must be a whole number from 0 to 10 000');
  }
  const out: CardPhoto[] = [];
  for (let i = 0; i < count; i++) out.push(createCardPhoto(i, options));
  return out;
}

/**
 * The `index`-th photo of {@link createCardPhotoCorpus} with the same options, made alone (each
 * photo has its own seeded generator, so a corpus can be produced lazily, one photo at a time).
 *
 * @example
 * ```ts
 * const photo = createCardPhoto(7, { seed: 3 });
 * ```
 */
export function createCardPhoto(index: number, options: CardPhotoCorpusOptions = {}): CardPhoto {
  const random = createRandom(((options.seed ?? 1) * 1_000_003 + index * 7919) >>> 0);
  const frames = options.frames ?? ['1280x720', '1920x1080'];
  const [fw, fh] = pick(frames, random) === '1920x1080' ? [1920, 1080] : [1280, 720];
  const [minQr, maxQr] = options.qrWidthPx ?? [60, 260];
  const kinds = options.only ?? ALL;
  const first = pick(kinds, random);
  const degradations: CardPhotoDegradation[] = [first];
  if (first !== 'none' && random() < 0.35) {
    const second = pick(kinds, random);
    if (second !== 'none' && second !== first) degradations.push(second);
  }
  const has = (d: CardPhotoDegradation): boolean => degradations.includes(d);

  const generated = cardQrPayload(random);
  const payload = options.payload ?? generated;
  const qrImage = renderQrImage(payload, { moduleSize: 8 });
  const modules = qrImage.width / 8 - 8;
  const qrWidthPx = Math.round(minQr + random() * (maxQr - minQr));
  const card = renderCardBack(qrImage, random);
  // The card scaled so that its QR is qrWidthPx wide (area averaging, as a sensor integrates).
  const factor = qrWidthPx / (modules * 8);
  const small = scale(card, factor);

  // Placement: rotation on the desk, a tilt of the camera, the card wholly inside the frame.
  const rotationDeg = random() < 0.5 ? random() * 30 - 15 : random() * 360;
  const tilt = has('strong-perspective') ? 0.18 + random() * 0.12 : random() * 0.1;
  const t = (rotationDeg * Math.PI) / 180;
  const hw = small.width / 2;
  const hh = small.height / 2;
  // Tilt: the far edge shrinks towards the centre line, as a camera held off-axis sees it.
  const local: (readonly [number, number])[] = [
    [-hw * (1 - tilt), -hh * (1 - tilt / 2)],
    [hw * (1 - tilt), -hh * (1 - tilt / 2)],
    [hw, hh],
    [-hw, hh],
  ];
  const about = local.map(
    ([x, y]) => [x * Math.cos(t) - y * Math.sin(t), x * Math.sin(t) + y * Math.cos(t)] as const,
  );
  const centred = homographyFromPoints(
    [
      [0, 0],
      [small.width, 0],
      [small.width, small.height],
      [0, small.height],
    ],
    about,
  );
  const project = (m: Homography, x: number, y: number): readonly [number, number] => {
    const w = m[6] * x + m[7] * y + m[8];
    return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
  };
  // Where the QR's centre lands with the card centred at the origin; then the card is moved so
  // that the whole QR is in the frame (the rest of a large card may be cut off, as in real photos).
  const margin = (qrImage.width * factor) / 2;
  const mm = small.width / 85.6;
  const [qx0, qy0] = project(centred, small.width - 3 * mm - margin, 3 * mm + margin);
  const reach = margin * 1.5;
  const gx = reach + random() * Math.max(0, fw - 2 * reach);
  const gy = reach + random() * Math.max(0, fh - 2 * reach);
  const h: Homography = homographyFromPoints(
    [
      [0, 0],
      [small.width, 0],
      [small.width, small.height],
      [0, small.height],
    ],
    about.map(([x, y]) => [x + gx - qx0, y + gy - qy0] as const),
  );
  let frame = warp(small, h, deskBackground(fw, fh, random));
  const quiet = 4 * 8 * factor;
  const qLeft = small.width - 3 * mm - 2 * margin + quiet;
  const qTop = 3 * mm + quiet;
  const qSide = 2 * margin - 2 * quiet;
  const qrCorners = (
    [
      [qLeft, qTop],
      [qLeft + qSide, qTop],
      [qLeft + qSide, qTop + qSide],
      [qLeft, qTop + qSide],
    ] as const
  ).map(
    ([x, y]) => project(h, x, y).map((v) => Math.round(v * 10) / 10) as unknown as readonly [number, number],
  );

  for (const d of degradations) {
    if (d === 'defocus') frame = blur(frame, 0.8 + random() * 1.4);
    else if (d === 'motion-blur') frame = motionBlur(frame, 3 + random() * 7, random() * Math.PI);
    else if (d === 'low-light') {
      const gain = 0.2 + random() * 0.2;
      frame = addNoise(
        mapPixels(frame, (v) => v * gain),
        4 + random() * 6,
        random,
      );
    } else if (d === 'glare') {
      // A saturated reflection of a ceiling light, centred near the QR.
      const r = qrWidthPx * (0.25 + random() * 0.4);
      const ox = gx + (random() - 0.5) * qrWidthPx * 0.8;
      const oy = gy + (random() - 0.5) * qrWidthPx * 0.8;
      const amp = 140 + random() * 160;
      frame = mapPixels(frame, (v, x, y) => {
        const d2 = ((x - ox) ** 2 + (y - oy) ** 2) / (r * r);
        return d2 > 9 ? v : v + amp * Math.exp(-d2);
      });
    } else if (d === 'uneven-light') {
      // A lamp on one side and a shadow band across the frame.
      const angle = random() * Math.PI * 2;
      const ux = Math.cos(angle) / fw;
      const uy = Math.sin(angle) / fh;
      const shadow = random() * 0.6 + 0.2;
      frame = mapPixels(frame, (v, x, y) => {
        const s = (x * ux + y * uy) * 1.4;
        const band = Math.abs(x / fw - shadow) < 0.08 ? 0.55 : 1;
        return v * (0.35 + 0.75 * (0.5 + s / 2)) * band;
      });
    }
  }
  const jpegQuality = 35 + Math.floor(random() * 46);
  const jpeg = greyToJpeg(frame, jpegQuality);
  const decoded = decodeJpeg(jpeg, { useTArray: true, formatAsRGBA: true });
  const grey = new Uint8Array(fw * fh);
  for (let p = 0; p < grey.length; p++) grey[p] = decoded.data[4 * p]!;
  return {
    index,
    frame: { width: fw, height: fh },
    jpeg,
    image: { data: grey, width: fw, height: fh },
    truth: {
      payload,
      qrWidthPx,
      qrCorners,
      moduleSizePx: qrWidthPx / modules,
      degradations,
      rotationDeg: Math.round(rotationDeg * 10) / 10,
      tilt: Math.round(tilt * 1000) / 1000,
      jpegQuality,
    },
  };
}
