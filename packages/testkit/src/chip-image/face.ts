/** A small synthetic face portrait drawn by code (no real person), as JPEG bytes for DG2. */
import { greyToJpeg } from '../qr/render.js';

/** Draws a 120 × 160 grey portrait: background, head, eyes, nose and mouth. */
export function syntheticFaceJpeg(width = 120, height = 160): Uint8Array {
  const data = new Uint8Array(width * height);
  const cx = width / 2;
  const cy = height * 0.45;
  const rx = width * 0.32;
  const ry = height * 0.33;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 215 - Math.round((y / height) * 30); // light background gradient
      const dx = (x - cx) / rx;
      const dy = (y - cy) / ry;
      if (dx * dx + dy * dy <= 1) v = 170; // face
      if (y > height * 0.82 && Math.abs(x - cx) < width * 0.42) v = 60; // shoulders
      for (const ex of [cx - rx * 0.4, cx + rx * 0.4]) {
        const ey = cy - ry * 0.2;
        if ((x - ex) ** 2 + (y - ey) ** 2 < 25) v = 40; // eyes
      }
      if (Math.abs(x - cx) < 3 && y > cy - ry * 0.1 && y < cy + ry * 0.25) v = 140; // nose
      if (Math.abs(y - (cy + ry * 0.5)) < 2 && Math.abs(x - cx) < rx * 0.35) v = 90; // mouth
      if (dy < -0.55 && dx * dx + dy * dy <= 1.05) v = 50; // hair
      data[y * width + x] = v;
    }
  }
  return greyToJpeg({ data, width, height }, 80);
}
