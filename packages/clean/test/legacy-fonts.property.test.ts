import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideLegacyFont, fixLegacyFont } from '../src/internal/legacy-fonts.js';

// What the detector looks at: plain and marked vowels, Latin-1 letters that are and are not
// Vietnamese, capitals, VIQR marks, TCVN3 and VNI codes, no-break spaces.
const unit = fc.constantFrom(
  ...'aeiouyAEIOUY nNgGhHtTxX ^(+ àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ ¨©®µ¶·¸ÐÞßä÷ë ăđơưễĐ\u00a0,.',
);
const text = fc.array(unit, { maxLength: 20 }).map((a) => a.join(''));

describe('fixLegacyFont', () => {
  it('decides exactly as without its fast path', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (s) => {
        expect(fixLegacyFont(s)).toEqual(decideLegacyFont(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('lets genuine Unicode text through and still converts legacy text', () => {
    expect(fixLegacyFont('Hoàng Xuân Toàn, Quận Hoàn Kiếm')).toBeUndefined();
    expect(fixLegacyFont('NguyÔn V¨n A')?.text).toBe('Nguyễn Văn A');
    expect(fixLegacyFont('Nguyeãn Vaên A')?.encoding).toBe('vni');
    expect(fixLegacyFont('Nguye^n Va(n A')?.encoding).toBe('viqr');
  });
});
