import { describe, expect, it } from 'vitest';
import { FullName } from '../src/index.js';
import { NFC_SAFE } from '../src/internal/text-field.js';

describe('the NFC fast path', () => {
  it('only skips normalisation for text that NFC leaves unchanged', () => {
    const points: number[] = [];
    for (let cp = 0; cp <= 0x02ff; cp++) points.push(cp);
    for (let cp = 0x1e00; cp <= 0x1eff; cp++) points.push(cp);
    const chars = points.map((cp) => String.fromCodePoint(cp));
    for (const c of chars) {
      expect(NFC_SAFE.test(c)).toBe(true);
      expect(c.normalize('NFC')).toBe(c);
    }
    // No pair of these composes either (compositions need a combining second character).
    const letters = chars.filter((c) => /\p{L}/u.test(c));
    const composed: string[] = [];
    for (const a of letters)
      for (const b of chars) if ((a + b).normalize('NFC') !== a + b) composed.push(a + b);
    expect(composed).toEqual([]);
  });

  it('still normalises decomposed input', () => {
    expect(NFC_SAFE.test('Nguye\u0302\u0303n')).toBe(false);
    expect(FullName.parse('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });
});
