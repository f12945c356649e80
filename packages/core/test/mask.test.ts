import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskId } from '../src/index.js';

describe('maskId', () => {
  it('masks a personal ID as 001******345', () => {
    expect(maskId('001098012345')).toBe('001******345');
  });
  it('masks a 9-digit legacy ID and a 6-digit CAN without revealing more than a third', () => {
    expect(maskId('012345678')).toBe('012***678');
    expect(maskId('012345')).toBe('01**45');
    expect(maskId('12')).toBe('**');
  });
  it('honours options', () => {
    expect(maskId('001098012345', { keepStart: 0, keepEnd: 4, maskChar: '•' })).toBe('••••••••2345');
  });
  it('keeps the length and hides at least a third of any value', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s),
        (s) => {
          const m = maskId(s);
          expect(m.length).toBe(s.length);
          const hidden = [...m].filter((c, i) => c === '*' && s[i] !== '*').length;
          expect(hidden).toBeGreaterThanOrEqual(
            Math.floor(s.length / 3) - [...s].filter((c) => c === '*').length,
          );
        },
      ),
    );
  });
});
