import type { IdentityQrImage } from '../image/read-identity-qr-image.js';
import { type QrGuidance, scanIdentityQrFrame } from '../image/scan-identity-qr-frame.js';

/** Options of {@link readIdentityQrFromVideo}. */
export interface ReadIdentityQrFromVideoOptions {
  /** Stops scanning: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * Called when the hint for the user changes ("move closer", "avoid glare", "hold still"… in
   * English and Vietnamese), and with `undefined` when the last hint no longer applies.
   */
  readonly onGuidance?: (guidance: QrGuidance | undefined) => void;
  /** Time budget of the decoding cascade per frame in milliseconds (default 100). */
  readonly timeBudgetMs?: number;
  /** Frames wider than this are scaled down before decoding (default 1920). */
  readonly maxWidth?: number;
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The scan was aborted', 'AbortError');
}

/** Resolves at the next video frame (requestVideoFrameCallback), else the next animation frame. */
function nextFrame(video: HTMLVideoElement, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = (): void => {
      if (done) return;
      done = true;
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (typeof video.requestVideoFrameCallback === 'function' && !video.paused) {
      video.requestVideoFrameCallback(() => finish());
    } else if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => finish());
    } else {
      setTimeout(finish, 16);
    }
  });
}

/**
 * Scans a live camera (a `<video>` element playing it, or the `MediaStream` itself) for the
 * identity QR code on a citizen ID card or BHYT card, in the browser: samples frames as the video
 * delivers them, runs `scanIdentityQrFrame` (the photo cascade, stopping only at a valid payload)
 * on each, tells the user what to do through `onGuidance`, and resolves with the first card read.
 * Frames are drawn to an `OffscreenCanvas` (or a canvas) and never leave the page. A stream given
 * here is played in a detached, muted video; its tracks are left running (the caller owns them).
 *
 * @throws TypeError when `source` is neither an `HTMLVideoElement` nor a `MediaStream`.
 * @throws the signal's reason (an `AbortError` `DOMException` by default) once `signal` aborts.
 * @throws CancuocError `ERR_QR_WASM_NOT_CONFIGURED` when `configureQrImageDecoder` was not called.
 * @example
 * ```ts
 * configureQrImageDecoder({ wasmUrl: '/zxing_reader.wasm' });
 * const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
 * const scan = await readIdentityQrFromVideo(stream, { onGuidance: (g) => (hint.textContent = g?.vi ?? '') });
 * stream.getTracks().forEach((t) => t.stop());
 * ```
 */
export async function readIdentityQrFromVideo(
  source: HTMLVideoElement | MediaStream,
  options: ReadIdentityQrFromVideoOptions = {},
): Promise<IdentityQrImage> {
  const { signal, onGuidance } = options;
  const maxWidth = options.maxWidth ?? 1920;
  if (!Number.isFinite(maxWidth) || maxWidth < 16) throw new RangeError('maxWidth must be 16 pixels or more');
  let video: HTMLVideoElement;
  let owned = false;
  if (typeof HTMLVideoElement !== 'undefined' && source instanceof HTMLVideoElement) video = source;
  else if (typeof MediaStream !== 'undefined' && source instanceof MediaStream) {
    video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = source;
    owned = true;
  } else {
    throw new TypeError('readIdentityQrFromVideo expects an HTMLVideoElement or a MediaStream');
  }
  if (signal?.aborted) throw abortReason(signal);
  try {
    if (owned || video.paused) await video.play();
    let canvas: OffscreenCanvas | HTMLCanvasElement | undefined;
    let ctx: Canvas2D | null = null;
    let last: QrGuidance['code'] | undefined;
    for (;;) {
      await nextFrame(video, signal);
      if (signal?.aborted) throw abortReason(signal);
      if (video.readyState < 2 || video.videoWidth === 0) continue;
      const scale = Math.min(1, maxWidth / video.videoWidth);
      const width = Math.round(video.videoWidth * scale);
      const height = Math.round(video.videoHeight * scale);
      if (!canvas || canvas.width !== width || canvas.height !== height) {
        if (typeof OffscreenCanvas !== 'undefined') canvas = new OffscreenCanvas(width, height);
        else {
          canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
        }
        ctx = canvas.getContext('2d', { willReadFrequently: true }) as Canvas2D | null;
        if (!ctx) throw new TypeError('this browser gives no 2D canvas to read video frames');
      }
      ctx!.drawImage(video, 0, 0, width, height);
      const frame = ctx!.getImageData(0, 0, width, height);
      const result = await scanIdentityQrFrame(frame, {
        ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
        ...(signal ? { signal } : {}),
      });
      if (result.scan) {
        if (last !== undefined) onGuidance?.(undefined);
        return result.scan;
      }
      if (result.guidance?.code !== last) {
        last = result.guidance?.code;
        onGuidance?.(result.guidance);
      }
    }
  } finally {
    if (owned) {
      video.pause();
      video.srcObject = null;
    }
  }
}
