import { readIdentityQr } from '../read-identity-qr.js';
import { decodeQrImageDetailed, type RawImage } from './decode-qr-image.js';
import type { FrameObservation } from './internal/cascade.js';
import { type IdentityQrImage, identityText, isAcceptableIdentityQr } from './read-identity-qr-image.js';

/** What the user should do for the next frame to read. */
export type QrGuidanceCode = 'show-qr' | 'move-closer' | 'avoid-glare' | 'hold-still' | 'more-light';

/** A hint for the person holding the card, in English and Vietnamese, for a camera UI. */
export interface QrGuidance {
  readonly code: QrGuidanceCode;
  readonly en: string;
  readonly vi: string;
}

const GUIDANCE: Readonly<Record<QrGuidanceCode, Omit<QrGuidance, 'code'>>> = {
  'show-qr': { en: 'Show the QR code on the card to the camera', vi: 'Đưa mã QR trên thẻ vào khung hình' },
  'move-closer': { en: 'Move the card closer', vi: 'Đưa thẻ lại gần camera hơn' },
  'avoid-glare': { en: 'Tilt the card to avoid glare', vi: 'Nghiêng thẻ để tránh lóa sáng' },
  'hold-still': { en: 'Hold the card still', vi: 'Giữ yên thẻ' },
  'more-light': { en: 'Find more light', vi: 'Cần thêm ánh sáng' },
};

// Thresholds measured on testkit's card-photo corpus (createCardPhotoCorpus): blown-out pixels
// cover under 5% of a QR region without glare (JPEG ringing on white) and 6–50% with it; sharpness × module size stays
// above 1 for sharp frames and under 0.8 for defocus and strong motion blur; the cascade reads
// most codes down to about 2 px per module (a card QR has 41–49 modules: about 90 px).
const GLARE_SHARE = 0.05;
const MIN_QR_PX = 90;
const MIN_FOCUS = 0.8;
const MIN_BRIGHTNESS = 45;
/** The regions the cascade looks at are the QR grown by 30% on each side. */
const REGION_GROWTH = 1.6;
const CARD_QR_MODULES = 45;

/**
 * The hint for the user from what the decoder saw of a frame it could not read: no QR-like region
 * → show the QR; blown-out pixels over it → avoid glare; a small region → move closer; edges soft
 * for its size → hold still; a dark region → more light. `undefined` when nothing stands out.
 *
 * @example
 * ```ts
 * const hint = qrGuidance({ region: { x: 0, y: 0, width: 80, height: 80 }, located: false, saturated: 0, sharpness: 2, brightness: 150, passes: [], ends: [] });
 * hint?.code; // 'move-closer'
 * ```
 */
export function qrGuidance(seen: FrameObservation): QrGuidance | undefined {
  const pick = (code: QrGuidanceCode): QrGuidance => ({ code, ...GUIDANCE[code] });
  if (!seen.region) return pick('show-qr');
  const qrPx = Math.max(seen.region.width, seen.region.height) / REGION_GROWTH;
  if (seen.saturated > GLARE_SHARE) return pick('avoid-glare');
  if (qrPx < MIN_QR_PX) return pick('move-closer');
  if (seen.sharpness * (qrPx / CARD_QR_MODULES) < MIN_FOCUS) return pick('hold-still');
  if (seen.brightness < MIN_BRIGHTNESS) return pick('more-light');
  return undefined;
}

/** What {@link scanIdentityQrFrame} made of one camera frame. */
export interface IdentityQrFrameScan {
  /** The identity QR read from the frame, when one was. */
  readonly scan?: IdentityQrImage;
  /** When nothing was read: what the user should do (absent when nothing stands out). */
  readonly guidance?: QrGuidance;
  /** What the decoder saw: the likely QR region, glare, sharpness, brightness, passes run. */
  readonly seen?: FrameObservation;
}

/** Options of {@link scanIdentityQrFrame}. */
export interface ScanIdentityQrFrameOptions {
  /** Time budget of the photo cascade in milliseconds (default 100). */
  readonly timeBudgetMs?: number;
  /** Stops the cascade's further passes. */
  readonly signal?: AbortSignal;
}

/**
 * Reads one camera frame for a live scanner: the photo cascade of `decodeQrImage` stopping only at
 * a valid card or BHYT QR, and, when none is read, a bilingual hint ("move closer", "avoid glare",
 * "hold still"…) from what the decoder saw. Never throws for a frame without a code: scanners call
 * it frame after frame. `readIdentityQrFromVideo` (`@cancuoc/qr/video`) runs it on a camera.
 *
 * @throws CancuocError `ERR_QR_IMAGE_INPUT` for pixels whose size does not add up, the wasm
 *   loading codes of `decodeQrImage`.
 * @throws RangeError for a negative `timeBudgetMs`.
 * @example
 * ```ts
 * const frame = ctx.getImageData(0, 0, canvas.width, canvas.height);
 * const { scan, guidance } = await scanIdentityQrFrame(frame);
 * hint.textContent = scan ? '' : (guidance?.vi ?? '');
 * ```
 */
export async function scanIdentityQrFrame(
  frame: RawImage,
  options: ScanIdentityQrFrameOptions = {},
): Promise<IdentityQrFrameScan> {
  const { found, observation } = await decodeQrImageDetailed(frame, {
    timeBudgetMs: options.timeBudgetMs ?? 100,
    ...(options.signal ? { signal: options.signal } : {}),
    accept: isAcceptableIdentityQr,
    observe: true,
  });
  const [symbol] = found;
  if (symbol)
    return {
      scan: { ...readIdentityQr(identityText(symbol)), symbol },
      ...(observation ? { seen: observation } : {}),
    };
  if (!observation) return {};
  const guidance = qrGuidance(observation);
  return { seen: observation, ...(guidance ? { guidance } : {}) };
}
