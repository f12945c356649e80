import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanRecord } from '../src/clean-record.js';
import { createDuplicateIndex, type DuplicateGroup, type DuplicateIndex } from '../src/duplicates/index.js';
import type { CleanedRecord, DuplicateKeys } from '../src/types.js';

const rec = (row: number, keys: DuplicateKeys): CleanedRecord => ({ row, values: {}, issues: [], keys });

async function collect(index: DuplicateIndex): Promise<DuplicateGroup[]> {
  const out: DuplicateGroup[] = [];
  for await (const g of index.groups()) out.push(g);
  return out;
}

const open: DuplicateIndex[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

describe.each(['memory', 'duckdb'] as const)('createDuplicateIndex (%s)', (store) => {
  async function groupsOf(records: CleanedRecord[], batches = 1): Promise<DuplicateGroup[]> {
    const index = await createDuplicateIndex({ store });
    open.push(index);
    const size = Math.ceil(records.length / batches);
    for (let i = 0; i < records.length; i += size) await index.add(records.slice(i, i + size));
    return collect(index);
  }

  it('groups rows with one personal ID that agree on name and birth date as same-id', async () => {
    const groups = await groupsOf([
      rec(1, { personalId: '001098012345', foldedName: 'nguyen van an', birthDate: '01/02/1998' }),
      rec(2, { personalId: '079201000001', foldedName: 'tran thi binh' }),
      rec(3, { personalId: '001098012345', foldedName: 'nguyen van an' }),
    ]);
    expect(groups).toEqual([{ group: 1, reason: 'same-id', rows: [1, 3] }]);
  });

  it('reports one ID carried by two different people as id-conflict', async () => {
    const groups = await groupsOf([
      rec(1, { personalId: '001098012345', foldedName: 'nguyen van an', birthDate: '01/02/1998' }),
      rec(2, { personalId: '001098012345', foldedName: 'le thi hoa', birthDate: '01/02/1998' }),
      rec(3, { personalId: '001098012345', foldedName: 'nguyen van an', birthDate: '02/01/1998' }),
    ]);
    expect(groups).toEqual([{ group: 1, reason: 'id-conflict', rows: [1, 2, 3] }]);
  });

  it('groups the same folded name, birth date and birth place without an ID, across batches', async () => {
    const k = { foldedName: 'pham minh chau', birthDate: '1990', birthPlace: '079' };
    const groups = await groupsOf(
      [
        rec(5, k),
        rec(2, { ...k, birthPlace: '001' }),
        rec(9, k),
        rec(7, { ...k, personalId: '079090000123' }),
      ],
      3,
    );
    expect(groups).toEqual([{ group: 1, reason: 'same-name-birth-date-place', rows: [5, 7, 9] }]);
  });

  it('links names one typo apart on the same birth date, transitively, but not across birth places', async () => {
    const groups = await groupsOf([
      rec(1, { foldedName: 'nguyen van an', birthDate: '03/04/1985', birthPlace: '001' }),
      rec(2, { foldedName: 'nguyen van anh', birthDate: '03/04/1985' }),
      rec(3, { foldedName: 'nguyen van ánh', birthDate: '03/04/1985' }), // not folded: left to the exact rules
      rec(4, { foldedName: 'nguyen van ah', birthDate: '03/04/1985', birthPlace: '001' }),
      rec(5, { foldedName: 'nguyen van an', birthDate: '03/04/1985', birthPlace: '079' }),
      rec(6, { foldedName: 'nguyen van an', birthDate: '03/04/1986', birthPlace: '001' }),
      rec(7, { foldedName: 'nguyen vn ah', birthDate: '03/04/1985', birthPlace: '002' }),
    ]);
    // 1–2 (an/anh, 2 has no place), 1–4 (an/ah), 2–5 (anh/an, no conflict of place); 7 is two
    // edits from 1 and one from 4 but born elsewhere; 6 was born on another day.
    expect(groups).toEqual([{ group: 1, reason: 'similar-name', rows: [1, 2, 4, 5] }]);
  });

  it('reports a group of one ID once, even when its rows also match by name, date and place', async () => {
    const k = { personalId: '001098012345', foldedName: 'vu van tu', birthDate: '1998', birthPlace: '001' };
    const groups = await groupsOf([
      rec(1, k),
      rec(2, k),
      rec(3, { foldedName: k.foldedName, birthDate: k.birthDate, birthPlace: k.birthPlace }),
    ]);
    expect(groups).toEqual([
      { group: 1, reason: 'same-id', rows: [1, 2] },
      { group: 2, reason: 'same-name-birth-date-place', rows: [1, 2, 3] },
    ]);
  });

  it('keeps one ID whose names are one typo apart as same-id, and links a place code to a place text', async () => {
    const groups = await groupsOf([
      rec(1, {
        personalId: '001098012345',
        foldedName: 'nguyen cong an',
        birthDate: '01/02/1998',
        birthPlace: '001',
      }),
      rec(2, { personalId: '001098012345', foldedName: 'nguyen cong ah', birthDate: '01/02/1998' }),
      rec(3, { foldedName: 'nguyen cong an', birthDate: '01/02/1998', birthPlace: 'xa dong anh, ha noi' }),
      rec(4, { foldedName: 'nguyen cong an', birthDate: '01/02/1998', birthPlace: '079' }),
      rec(5, { foldedName: 'le thi mai', birthDate: '1970', birthPlace: 'hue' }),
      rec(6, { foldedName: 'le thi mai', birthDate: '1970', birthPlace: 'ha noi' }),
    ]);
    // 1, 3 and 4: one (name, date) holding both kinds of place; 5 and 6: two texts that differ.
    expect(groups).toEqual([
      { group: 1, reason: 'same-id', rows: [1, 2] },
      { group: 2, reason: 'same-name-birth-date-place', rows: [1, 3, 4] },
      { group: 3, reason: 'similar-name', rows: [1, 2, 3, 4] },
    ]);
  });

  it('treats blank keys as absent and finds nothing in an empty index', async () => {
    expect(await groupsOf([])).toEqual([]);
    const groups = await groupsOf([
      rec(1, { personalId: ' ', foldedName: '', birthDate: '1990' }),
      rec(2, { personalId: '', foldedName: '', birthDate: '1990' }),
    ]);
    expect(groups).toEqual([]);
  });

  it('takes the keys cleanRecord produces', async () => {
    const a = cleanRecord(
      { fullName: 'Nguyễn  Văn An', birthDate: '01/02/1998', personalId: '001098012345' },
      1,
    );
    const b = cleanRecord(
      { fullName: 'nguyen van an', birthDate: '01/02/1998', personalId: '001098012345' },
      2,
    );
    expect(await groupsOf([a, b])).toEqual([{ group: 1, reason: 'same-id', rows: [1, 2] }]);
  });

  it('rejects a row added twice, a record without a row, and use after close', async () => {
    const index = await createDuplicateIndex({ store });
    open.push(index);
    await index.add([rec(1, { personalId: '001098012345' })]);
    await expect(index.add([{ keys: {} } as unknown as CleanedRecord])).rejects.toThrow(TypeError);
    await expect(index.add('x' as unknown as CleanedRecord[])).rejects.toThrow(TypeError);
    await index.add([rec(1, { personalId: '001098012345' })]);
    await expect(collect(index)).rejects.toThrow(RangeError);
    await index.close();
    await expect(index.add([])).rejects.toThrow(TypeError);
    expect(() => index.groups()).toThrow(TypeError);
  });
});

describe('createDuplicateIndex options', () => {
  it('rejects an unknown store and bad DuckDB settings', async () => {
    await expect(createDuplicateIndex({ store: 'sqlite' as 'memory' })).rejects.toThrow(RangeError);
    await expect(createDuplicateIndex({ store: 'duckdb', memoryLimit: 'lots' })).rejects.toThrow(RangeError);
    await expect(createDuplicateIndex({ store: 'duckdb', threads: 0 })).rejects.toThrow(RangeError);
    await expect(createDuplicateIndex({ store: 'duckdb', partitionKeys: 0 })).rejects.toThrow(RangeError);
    await expect(createDuplicateIndex({ store: 'duckdb', partitionKeys: 1.5 })).rejects.toThrow(RangeError);
    await expect(createDuplicateIndex(null as unknown as object)).rejects.toThrow(TypeError);
  });

  it('fails with ERR_CLEAN_DUPLICATE_STORE when the DuckDB file cannot be created', async () => {
    await expect(
      createDuplicateIndex({ store: 'duckdb', path: '/nonexistent-dir/x/dups.duckdb' }),
    ).rejects.toMatchObject({
      code: 'ERR_CLEAN_DUPLICATE_STORE',
    });
  });
});

describe('the memory index without SharedArrayBuffer', () => {
  it('keeps its columns in plain memory where the runtime has no shared memory', async () => {
    // A web page that is not cross-origin isolated has no SharedArrayBuffer.
    const g = globalThis as { SharedArrayBuffer?: SharedArrayBufferConstructor | undefined };
    const saved = g.SharedArrayBuffer;
    vi.resetModules();
    delete g.SharedArrayBuffer;
    try {
      const { createMemoryIndex } = await import('../src/duplicates/memory-store.js');
      const index = createMemoryIndex();
      const k = { personalId: '001098012345', foldedName: 'nguyen van an', birthDate: '01/02/1998' };
      // More rows than the columns' first size, so that they grow.
      await index.add(Array.from({ length: 3000 }, (_, i) => rec(i + 1, i % 1000 === 0 ? k : {})));
      expect(await collect(index)).toEqual([{ group: 1, reason: 'same-id', rows: [1, 1001, 2001] }]);
    } finally {
      g.SharedArrayBuffer = saved;
      vi.resetModules();
    }
  });
});
