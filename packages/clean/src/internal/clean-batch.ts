import type { CleanedRecord, CleanField, InputRecord, Profile } from '../types.js';
import { runRules } from './rules.js';

/** One batch of rows sent to a worker thread (plain data: it crosses the thread boundary). */
export interface BatchTask {
  rows: string[][];
  /** `[field, column index]` pairs. */
  columns: [CleanField, number][];
  /** Data row number of `rows[0]` (1-based). */
  firstRow: number;
  profile: Profile;
}

/** Cleans a batch of rows: the unit of work of the worker pool. */
export function cleanBatch(task: BatchTask): CleanedRecord[] {
  const out: CleanedRecord[] = new Array(task.rows.length);
  const cols = task.columns;
  for (let i = 0; i < task.rows.length; i++) {
    const row = task.rows[i] as string[];
    const input: InputRecord = {};
    for (let j = 0; j < cols.length; j++) {
      const [field, at] = cols[j] as [CleanField, number];
      const v = row[at];
      if (v !== undefined && v !== '') input[field] = v;
    }
    out[i] = runRules(input, task.firstRow + i, task.profile);
  }
  return out;
}
