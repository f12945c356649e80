import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { createDuplicateIndex, type DuplicateGroup } from '../src/duplicates/index.js';
import { createMemoryIndex, groupsWith, similarNamesOfShard } from '../src/duplicates/memory-store.js';
import type { CleanedRecord } from '../src/types.js';

// Small alphabets so that random records collide on every rule often.
const name = fc.oneof(
  fc.constantFrom('an', 'anh', 'ah', 'van an', 'van anh', 'vn an', 'bao', 'bo', 'ánh', ''),
  fc.string({ unit: fc.constantFrom('a', 'b', 'n'), maxLength: 4 }),
  fc.constantFrom('a'.repeat(255), `${'a'.repeat(255)}b`, `${'a'.repeat(254)}b`),
);
const keys = fc.record(
  {
    personalId: fc.constantFrom('001098012345', '079201000001', '031190000777', ''),
    foldedName: name,
    birthDate: fc.constantFrom('1990', '01/02/1990', '02/01/1990'),
    birthPlace: fc.constantFrom('001', '079', 'ha noi', 'hue', ' '),
  },
  { requiredKeys: [] },
);
const dataset = fc.array(keys, { maxLength: 24 }).chain((list) =>
  fc
    .shuffledSubarray(
      Array.from({ length: list.length * 2 }, (_, i) => i + 1),
      { minLength: list.length, maxLength: list.length },
    )
    .map((rows) =>
      list.map((k, i): CleanedRecord => ({ row: rows[i] as number, values: {}, issues: [], keys: k })),
    ),
);

/** The rules written the slow, obvious way: every pair of rows compared, components by union-find. */
function oracle(records: readonly CleanedRecord[]): DuplicateGroup[] {
  const k = records.map((r) => {
    const b = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
    return {
      row: r.row,
      id: b(r.keys.personalId),
      name: b(r.keys.foldedName),
      date: b(r.keys.birthDate),
      place: b(r.keys.birthPlace),
    };
  });
  type K = (typeof k)[number];
  const components = (link: (a: K, b: K) => boolean, member: (a: K) => boolean): K[][] => {
    const items = k.filter(member);
    const parent = items.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : find(parent[i] as number));
    const linked = new Set<number>();
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++)
        if (link(items[i] as K, items[j] as K)) {
          parent[find(i)] = find(j);
          linked.add(i).add(j);
        }
    const out = new Map<number, K[]>();
    for (const i of linked) out.set(find(i), [...(out.get(find(i)) ?? []), items[i] as K]);
    return [...out.values()];
  };
  const oneId = (g: K[]) => g.every((r) => r.id !== null && r.id === g[0]?.id);
  const found: { reason: DuplicateGroup['reason']; rows: number[]; tier: number }[] = [];
  const ascii = (n: string) => n.length <= 255 && /^[\x00-\x7f]*$/.test(n);
  const code = (p: string) => /^[0-9]{3}$/.test(p);
  const placesAgree = (p: string | null, q: string | null) =>
    p === null || q === null || p === q || code(p) !== code(q);
  for (const g of components(
    (a, b) => a.id === b.id,
    (a) => a.id !== null,
  )) {
    const names = [...new Set(g.map((r) => r.name).filter((n) => n !== null))] as string[];
    const dates = new Set(g.map((r) => r.date).filter((n) => n !== null));
    const differ = names.some((x) =>
      names.some((y) => x !== y && !(ascii(x) && ascii(y) && distance(x, y) <= 1)),
    );
    found.push({
      reason: dates.size > 1 || differ ? 'id-conflict' : 'same-id',
      rows: g.map((r) => r.row),
      tier: 0,
    });
  }
  for (const g of components(
    (a, b) => a.name === b.name && a.date === b.date && placesAgree(a.place, b.place),
    (a) => a.name !== null && a.date !== null && a.place !== null,
  ))
    if (!oneId(g)) found.push({ reason: 'same-name-birth-date-place', rows: g.map((r) => r.row), tier: 1 });
  for (const g of components(
    (a, b) =>
      a.date === b.date &&
      placesAgree(a.place, b.place) &&
      distance(a.name as string, b.name as string) === 1,
    (a) => a.name !== null && a.date !== null && ascii(a.name),
  ))
    if (!oneId(g)) found.push({ reason: 'similar-name', rows: g.map((r) => r.row), tier: 2 });
  for (const f of found) f.rows.sort((a, b) => a - b);
  found.sort((a, b) => (a.rows[0] as number) - (b.rows[0] as number) || a.tier - b.tier);
  return found.map((f, i) => ({ group: i + 1, reason: f.reason, rows: f.rows }));
}

async function run(
  store: 'memory' | 'duckdb',
  records: CleanedRecord[],
  cut: number,
  partitionKeys?: number,
): Promise<DuplicateGroup[]> {
  const index = await createDuplicateIndex({
    store,
    threads: 1,
    memoryLimit: '128MB',
    ...(partitionKeys ? { partitionKeys } : {}),
  });
  try {
    await index.add(records.slice(0, cut));
    await index.add(records.slice(cut));
    const out: DuplicateGroup[] = [];
    for await (const g of index.groups()) out.push(g);
    return out;
  } finally {
    await index.close();
  }
}

describe('duplicate index properties', () => {
  it('the memory store gives what comparing every pair of rows gives', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.nat(), async (records, cut) => {
        expect(await run('memory', records, cut % (records.length + 1))).toEqual(oracle(records));
      }),
      { numRuns: 300 },
    );
  });

  it('the memory store gives the same groups with its similar-name pass cut into parts on other threads', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.nat(), fc.integer({ min: 1, max: 4 }), async (records, cut, shards) => {
        const index = createMemoryIndex();
        const at = cut % (records.length + 1);
        await index.add(records.slice(0, at));
        await index.add(records.slice(at));
        const parts: number[] = [];
        // Each part crosses a thread boundary's structured clone (the columns are shared memory).
        const groups = await index[groupsWith](async (task) => {
          parts.push(task.similarNames.shard);
          return structuredClone(similarNamesOfShard(structuredClone(task)));
        }, shards);
        expect(parts.sort()).toEqual(Array.from({ length: shards }, (_, i) => i));
        expect(groups).toEqual(oracle(records));
      }),
      { numRuns: 300 },
    );
  });

  it('the memory store reports a failed part after the others settle', async () => {
    const index = createMemoryIndex();
    await index.add([
      { row: 1, values: {}, issues: [], keys: { foldedName: 'an', birthDate: '01/02/1990' } },
    ]);
    let settled = 0;
    const failing = index[groupsWith](async (task) => {
      if (task.similarNames.shard === 0) throw new Error('worker gone');
      await new Promise((r) => setTimeout(r, 20));
      settled++;
      return [];
    }, 2);
    await expect(failing).rejects.toThrow('worker gone');
    expect(settled).toBe(1);
  });

  it('the DuckDB store gives the same groups, in the same order, as the memory store', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.nat(), async (records, cut) => {
        const at = cut % (records.length + 1);
        expect(await run('duckdb', records, at)).toEqual(await run('memory', records, at));
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it('the DuckDB store gives the same groups when its similar-name join runs in many partitions', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.nat(), fc.integer({ min: 1, max: 4 }), async (records, cut, keys) => {
        const at = cut % (records.length + 1);
        expect(await run('duckdb', records, at, keys)).toEqual(await run('memory', records, at));
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});
