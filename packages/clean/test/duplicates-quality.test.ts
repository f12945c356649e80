/**
 * Precision and recall of duplicate detection on testkit's generated dirty lists, against the
 * truth the generator keeps aside (which rows repeat an earlier person, which carry another
 * person's ID). The numbers go into docs/benchmarks.md; the targets of issue 11 are asserted.
 */
import { type GeneratedResident, generateResidents } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { cleanRecord } from '../src/clean-record.js';
import { createDuplicateIndex, type DuplicateGroup } from '../src/duplicates/index.js';
import type { InputRecord } from '../src/types.js';

interface DuplicateQuality {
  trueGroups: number;
  foundGroups: number;
  groupRecall: number;
  reportedGroups: number;
  groupPrecision: number;
  conflicts: number;
  conflictRecall: number;
  conflictGroups: number;
  conflictPrecision: number;
}

/** Measures the groups of the cleaned rows against the generator's truth. */
async function measure(
  rows: readonly GeneratedResident[],
  store: 'memory' | 'duckdb',
): Promise<DuplicateQuality> {
  const person = new Map<number, number>();
  for (const r of rows)
    person.set(
      r.row,
      r.truth.duplicateOf === undefined ? r.row : (person.get(r.truth.duplicateOf) ?? r.truth.duplicateOf),
    );
  const index = await createDuplicateIndex({ store });
  const groups: DuplicateGroup[] = [];
  try {
    await index.add(rows.map((r) => cleanRecord(r.record as InputRecord, r.row)));
    for await (const g of index.groups()) groups.push(g);
  } finally {
    await index.close();
  }
  // Rows linked by any reported group, by union-find.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    const p = parent.get(x);
    if (p === undefined || p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const g of groups) for (const r of g.rows.slice(1)) parent.set(find(r), find(g.rows[0] as number));

  const byPerson = new Map<number, number[]>();
  for (const [row, p] of person) byPerson.set(p, [...(byPerson.get(p) ?? []), row]);
  const truth = [...byPerson.values()].filter((g) => g.length > 1);
  const found = truth.filter((g) => g.every((r) => find(r) === find(g[0] as number))).length;

  const dupGroups = groups.filter((g) => g.reason !== 'id-conflict');
  const onePerson = dupGroups.filter((g) => new Set(g.rows.map((r) => person.get(r))).size === 1).length;

  const conflictRows = rows.filter((r) => r.truth.conflictWith !== undefined);
  const conflictGroups = groups.filter((g) => g.reason === 'id-conflict');
  const conflictFound = conflictRows.filter((r) =>
    conflictGroups.some((g) => g.rows.includes(r.row) && g.rows.includes(r.truth.conflictWith as number)),
  ).length;
  const realConflicts = conflictGroups.filter(
    (g) => new Set(g.rows.map((r) => person.get(r))).size > 1,
  ).length;
  return {
    trueGroups: truth.length,
    foundGroups: found,
    groupRecall: found / truth.length,
    reportedGroups: dupGroups.length,
    groupPrecision: onePerson / dupGroups.length,
    conflicts: conflictRows.length,
    conflictRecall: conflictFound / conflictRows.length,
    conflictGroups: conflictGroups.length,
    conflictPrecision: realConflicts / conflictGroups.length,
  };
}

describe('duplicate detection on generated residents', () => {
  it('finds ≥ 0.95 of the duplicate groups at ≥ 0.95 precision, and the ID conflicts', async () => {
    const rows = [...generateResidents({ count: 20_000, seed: 2026 })];
    const q = await measure(rows, 'memory');
    expect(q.trueGroups).toBeGreaterThan(100);
    expect(q.groupRecall).toBeGreaterThanOrEqual(0.95);
    expect(q.groupPrecision).toBeGreaterThanOrEqual(0.95);
    expect(q.conflictRecall).toBeGreaterThanOrEqual(0.95);
    // Not a target of issue 11: one person whose birth date the per-record rules could not repair,
    // or whose name has two letters swapped (two edits), reads as two people under one ID.
    expect(q.conflictPrecision).toBeGreaterThanOrEqual(0.7);
  }, 120_000);
});
