/**
 * Grey-pixel operations of the photo decoding cascade: crop, enlarge, contrast stretch, sharpen,
 * candidate QR regions, blur and glare measures. Hand-written: each is a loop of a few lines over
 * a `Uint8Array`, image libraries on npm either need native builds (sharp) or decode files we
 * already hold as pixels (jimp), and the browser canvas is not available in Node or workers alike.
 */

/** 8-bit grey pixels, row by row. */
export interface Grey {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** An axis-aligned rectangle in frame pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Grey from 1, 3 or 4 bytes per pixel (ITU-R BT.601 luma weights, as zxing-cpp uses). */
export function toGrey(
  data: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: number,
): Grey {
  if (channels === 1)
    return { data: data instanceof Uint8Array ? data : new Uint8Array(data), width, height };
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += channels) {
    out[i] = (306 * data[p]! + 601 * data[p + 1]! + 117 * data[p + 2]!) >> 10;
  }
  return { data: out, width, height };
}

/** The box grown by `margin` of its size on each side, clipped to the frame. */
export function growBox(box: Box, margin: number, width: number, height: number): Box {
  const mx = box.width * margin;
  const my = box.height * margin;
  const x = Math.max(0, Math.floor(box.x - mx));
  const y = Math.max(0, Math.floor(box.y - my));
  return {
    x,
    y,
    width: Math.min(width, Math.ceil(box.x + box.width + mx)) - x,
    height: Math.min(height, Math.ceil(box.y + box.height + my)) - y,
  };
}

/**
 * The part of `img` inside `box`, enlarged `factor` times with bilinear sampling and its grey
 * levels stretched so that the 1st and 99th percentiles map to black and white (a dim or washed-out
 * QR gets its full contrast back before binarization).
 */
export function cropEnlargeStretch(img: Grey, box: Box, factor: number, stretch: boolean): Grey {
  const w = Math.max(1, Math.round(box.width * factor));
  const h = Math.max(1, Math.round(box.height * factor));
  let lo = 0;
  let hi = 255;
  if (stretch) {
    const hist = new Uint32Array(256);
    for (let y = box.y; y < box.y + box.height; y++) {
      for (let x = box.x; x < box.x + box.width; x++) hist[img.data[y * img.width + x]!]!++;
    }
    const total = box.width * box.height;
    let acc = 0;
    lo = -1;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (lo < 0 && acc >= total * 0.01) lo = v;
      if (acc >= total * 0.99) {
        hi = v;
        break;
      }
    }
    if (hi - lo < 8) {
      lo = 0;
      hi = 255;
    }
  }
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  const out = new Uint8Array(w * h);
  const maxX = img.width - 1;
  const maxY = img.height - 1;
  for (let y = 0; y < h; y++) {
    const sy = Math.min(maxY, Math.max(0, box.y + (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(maxY, y0 + 1);
    const dy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(maxX, Math.max(0, box.x + (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(maxX, x0 + 1);
      const dx = sx - x0;
      const d = img.data;
      const top = d[y0 * img.width + x0]! * (1 - dx) + d[y0 * img.width + x1]! * dx;
      const bottom = d[y1 * img.width + x0]! * (1 - dx) + d[y1 * img.width + x1]! * dx;
      out[y * w + x] = lut[Math.round(top * (1 - dy) + bottom * dy)]!;
    }
  }
  return { data: out, width: w, height: h };
}

/** Unsharp mask (3×3 box blur subtracted with weight `amount`): restores edges of a defocused QR. */
export function sharpen(img: Grey, amount: number): Grey {
  const { width, height, data } = img;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) {
        out[i] = data[i]!;
        continue;
      }
      const mean =
        (data[i - width - 1]! +
          data[i - width]! +
          data[i - width + 1]! +
          data[i - 1]! +
          data[i]! +
          data[i + 1]! +
          data[i + width - 1]! +
          data[i + width]! +
          data[i + width + 1]!) /
        9;
      const v = data[i]! + amount * (data[i]! - mean);
      out[i] = v < 0 ? 0 : Math.min(v, 255);
    }
  }
  return { data: out, width, height };
}

const TILE = 8;

/**
 * Regions that look like a QR code: 8×8-pixel tiles with dense, strong edges (many dark/light
 * transitions) grouped into connected blocks, kept when the block is roughly square and filled,
 * largest first. Cheap (one pass over the frame) and works where zxing's finder-pattern search
 * fails, e.g. modules under 2 px or a finder pattern under glare.
 */
export function findQrCandidates(img: Grey, max = 4): Box[] {
  const tw = Math.floor(img.width / TILE);
  const th = Math.floor(img.height / TILE);
  if (tw < 3 || th < 3) return [];
  const energy = new Float32Array(tw * th);
  const { data, width } = img;
  // A "strong" edge is relative to the frame's bright level, so that a dim photo still has some.
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i += 7) hist[data[i]!]!++;
  let seen99 = 0;
  let bright = 255;
  const samples = Math.ceil(data.length / 7);
  for (let v = 0; v < 256; v++) {
    seen99 += hist[v]!;
    if (seen99 >= samples * 0.99) {
      bright = v;
      break;
    }
  }
  const edge = Math.max(6, Math.round((24 * bright) / 255));
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      let sum = 0;
      let strong = 0;
      // Every other row: half the cost, and a QR's modules span at least one row pair.
      for (let y = ty * TILE; y < ty * TILE + TILE; y += 2) {
        const row = y * width;
        for (let x = tx * TILE; x < tx * TILE + TILE - 1; x++) {
          const d = Math.abs(data[row + x + 1]! - data[row + x]!);
          sum += d;
          if (d > edge) strong++;
        }
        if (y + 1 < img.height) {
          for (let x = tx * TILE; x < tx * TILE + TILE; x += 2) {
            const d = Math.abs(data[row + width + x]! - data[row + x]!);
            sum += d;
            if (d > edge) strong++;
          }
        }
      }
      energy[ty * tw + tx] = strong >= 3 ? sum / ((TILE * TILE) / 2) : 0;
    }
  }
  // Threshold relative to the frame: the QR is among the busiest areas of a card photo.
  const sorted = Array.from(energy)
    .filter((e) => e > 0)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const threshold = Math.max(edge / 4, sorted[Math.floor(sorted.length * 0.5)]!);
  const mark = new Uint8Array(tw * th);
  for (let i = 0; i < mark.length; i++) mark[i] = energy[i]! >= threshold ? 1 : 0;
  const seen = new Uint8Array(tw * th);
  const boxes: { box: Box; score: number }[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mark.length; start++) {
    if (!mark[start] || seen[start]) continue;
    let minX = tw;
    let minY = th;
    let maxX = 0;
    let maxY = 0;
    let count = 0;
    let total = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % tw;
      const y = (i - x) / tw;
      count++;
      total += energy[i]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= tw || ny >= th) continue;
          const j = ny * tw + nx;
          if (mark[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    const bw = maxX - minX + 1;
    const bh = maxY - minY + 1;
    // A QR of 60 px or more spans at least 6 tiles; keep blocks from 5 tiles and not too elongated.
    if (bw < 5 || bh < 5 || bw > 5 * bh || bh > 5 * bw) continue;
    const fill = count / (bw * bh);
    if (fill < 0.35) continue;
    boxes.push({
      box: { x: minX * TILE, y: minY * TILE, width: bw * TILE, height: bh * TILE },
      score: (total * Math.min(1, fill * 1.5) * Math.min(bw, bh)) / Math.max(bw, bh),
    });
  }
  return boxes
    .sort((a, b) => b.score - a.score)
    .slice(0, max)
    .map((b) => b.box);
}

/** The box around four corner points, clipped to the frame. */
export function boxOfPoints(points: readonly { x: number; y: number }[], width: number, height: number): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.max(0, Math.floor(Math.min(...xs)));
  const y = Math.max(0, Math.floor(Math.min(...ys)));
  return {
    x,
    y,
    width: Math.max(1, Math.min(width, Math.ceil(Math.max(...xs))) - x),
    height: Math.max(1, Math.min(height, Math.ceil(Math.max(...ys))) - y),
  };
}

/**
 * Sharpness of a region: variance of the Laplacian (4-neighbour), the usual focus measure
 * (Pech-Pacheco et al., "Diatom autofocusing in brightfield microscopy", ICPR 2000). Low means blur.
 */
export function laplacianVariance(img: Grey, box: Box): number {
  let sum = 0;
  let sum2 = 0;
  let n = 0;
  const { data, width } = img;
  for (let y = Math.max(1, box.y); y < Math.min(img.height - 1, box.y + box.height); y++) {
    for (let x = Math.max(1, box.x); x < Math.min(width - 1, box.x + box.width); x++) {
      const i = y * width + x;
      const l = data[i - 1]! + data[i + 1]! + data[i - width]! + data[i + width]! - 4 * data[i]!;
      sum += l;
      sum2 += l * l;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

/** Share of pixels of a region at 250 or above (blown-out highlights: glare). */
export function saturatedShare(img: Grey, box: Box): number {
  let hot = 0;
  let n = 0;
  for (let y = box.y; y < Math.min(img.height, box.y + box.height); y++) {
    for (let x = box.x; x < Math.min(img.width, box.x + box.width); x++) {
      if (img.data[y * img.width + x]! >= 250) hot++;
      n++;
    }
  }
  return n === 0 ? 0 : hot / n;
}

/** Variance of the grey levels of a region (contrast). */
export function levelVariance(img: Grey, box: Box): number {
  let sum = 0;
  let sum2 = 0;
  let n = 0;
  for (let y = box.y; y < Math.min(img.height, box.y + box.height); y++) {
    for (let x = box.x; x < Math.min(img.width, box.x + box.width); x++) {
      const v = img.data[y * img.width + x]!;
      sum += v;
      sum2 += v * v;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

/** Mean grey level of a region. */
export function meanLevel(img: Grey, box: Box): number {
  let sum = 0;
  let n = 0;
  for (let y = box.y; y < Math.min(img.height, box.y + box.height); y++) {
    for (let x = box.x; x < Math.min(img.width, box.x + box.width); x++) {
      sum += img.data[y * img.width + x]!;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}
