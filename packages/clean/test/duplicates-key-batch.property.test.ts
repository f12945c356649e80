import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankKey, KeyBatchBuilder, recordsOfKeyBatch } from '../src/duplicates/key-batch.js';

// Keys that sit on the edges of the number encodings: digits of every length up to and past 13
// (leading zeros), dates that almost are dd/mm/yyyy, 3-character places that almost are codes,
// blanks, and names in any script (lone surrogates included).
const digits = fc.string({ unit: fc.constantFrom('0', '1', '9'), maxLength: 15 });
const id = fc.oneof(
  digits,
  fc.constantFrom('', ' ', ' 001090012345 ', '00109001234x', '1e5', '-12'),
  fc.string(),
);
const date = fc.oneof(
  fc
    .tuple(digits, digits, digits)
    .map(
      ([d, m, y]) =>
        `${d.slice(0, 2).padStart(2, '0')}/${m.slice(0, 2).padStart(2, '0')}/${y.slice(0, 4).padStart(4, '0')}`,
    ),
  fc.constantFrom(
    '',
    '  ',
    '1990',
    '1/2/1990',
    '01-02-1990',
    '01/02/199x',
    'aa/bb/cccc',
    '00/00/0000',
    '99/99/9999',
  ),
  fc.string({ maxLength: 12 }),
);
const place = fc.oneof(
  digits.map((d) => d.slice(0, 4)),
  fc.constantFrom('', ' 079 ', 'ha noi', '07a', '+12'),
  fc.string({ maxLength: 5 }),
);
const name = fc.oneof(
  fc.string(),
  fc.constantFrom('', '  ', 'nguyen van an', ' tran thi b '),
  fc.string({ unit: 'binary' }),
);
const keys = fc.record({
  id: fc.option(id),
  name: fc.option(name),
  date: fc.option(date),
  place: fc.option(place),
});

describe('duplicate keys as numbers (KeyBatch)', () => {
  it('gives back every key exactly, blank keys absent and keys trimmed', () => {
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 40 }), fc.integer({ min: 1, max: 1e9 }), (list, firstRow) => {
        const b = new KeyBatchBuilder();
        for (const k of list) b.add(k.id, k.name, k.date, k.place);
        const batch = b.finish();
        expect(batch.count).toBe(list.length);
        const back = recordsOfKeyBatch(firstRow, batch);
        list.forEach((k, i) => {
          const want: Record<string, string> = {};
          const put = (field: string, v: string | null | undefined) => {
            const x = blankKey(v);
            if (x !== null) want[field] = x;
          };
          put('personalId', k.id);
          put('foldedName', k.name);
          put('birthDate', k.date);
          put('birthPlace', k.place);
          expect(back[i]?.row).toBe(firstRow + i);
          expect(back[i]?.keys).toEqual(want);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps batches larger than its first arrays (growth)', () => {
    const b = new KeyBatchBuilder();
    for (let i = 0; i < 5000; i++)
      b.add(String(i).padStart(12, '0'), `ten ${'x'.repeat(i % 40)}`, '01/02/1990', '079');
    const back = recordsOfKeyBatch(1, b.finish());
    expect(back).toHaveLength(5000);
    expect(back[4999]?.keys).toEqual({
      personalId: '000000004999',
      foldedName: `ten ${'x'.repeat(4999 % 40)}`,
      birthDate: '01/02/1990',
      birthPlace: '079',
    });
  });
});
