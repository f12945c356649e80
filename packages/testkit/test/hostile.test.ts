import { describe, expect, it } from 'vitest';
import { hostileBytes, hostileStrings } from '../src/index.js';

describe('hostile inputs', () => {
  it('offers strings and byte arrays of the shapes parsers must survive', () => {
    expect(hostileStrings).toContain('');
    expect(hostileStrings.some((s) => s.length >= 1_000_000)).toBe(true);
    expect(hostileBytes.some((b) => b.length === 0)).toBe(true);
    expect(hostileBytes.every((b) => b instanceof Uint8Array)).toBe(true);
  });
});
