import type { CleanedRecord, CleanField, Severity } from '../types.js';

/** Counts of one issue code. */
export interface CodeCount {
  code: string;
  severity: Severity;
  count: number;
  messageVi: string;
  messageEn: string;
}

/** What a cleaning run found, for people (HTML) and machines (JSON). */
export interface CleanSummary {
  /** Data records read. */
  records: number;
  /** Records without any issue. */
  cleanRecords: number;
  /** Records with at least one issue of each severity. */
  recordsWith: Record<Severity, number>;
  /** Records by their worst issue: no issue, only repairs, warnings, errors (these add up to `records`). */
  byStatus: { clean: number; fixed: number; warning: number; error: number };
  /** Issues by severity. */
  bySeverity: Record<Severity, number>;
  /** Issues by code, most frequent first. */
  byCode: CodeCount[];
  /** Issues by field (`record` for issues about the whole record). */
  byField: Partial<Record<CleanField | 'record', number>>;
  /** Duplicate groups by reason and the records in them (`checked` is false when no duplicates file was asked for). */
  duplicates: { checked: boolean; groups: number; records: number; byReason: Record<string, number> };
  input: {
    format: string;
    encoding: string;
    delimiter: string;
    columns: string[];
    mapped: Partial<Record<CleanField, string>>;
  };
  profile: string;
  startedAt: string;
  elapsedSeconds: number;
  recordsPerSecond: number;
}

/** Counts of one batch (crosses the thread boundary). */
export interface SummaryPart {
  records: number;
  clean: number;
  recordsWith: Record<Severity, number>;
  bySeverity: Record<Severity, number>;
  byStatus: { clean: number; fixed: number; warning: number; error: number };
  codes: CodeCount[];
  byField: Partial<Record<CleanField | 'record', number>>;
}

/** Accumulates a {@link CleanSummary} batch by batch. */
export class SummaryBuilder {
  records = 0;
  clean = 0;
  readonly recordsWith: Record<Severity, number> = { error: 0, warning: 0, fixed: 0 };
  readonly byStatus = { clean: 0, fixed: 0, warning: 0, error: 0 };
  readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, fixed: 0 };
  private readonly codes = new Map<string, CodeCount>();
  readonly byField: Partial<Record<CleanField | 'record', number>> = {};
  readonly startedAt = new Date();

  add(batch: readonly CleanedRecord[]): void {
    for (const r of batch) {
      this.records++;
      if (r.issues.length === 0) {
        this.clean++;
        this.byStatus.clean++;
        continue;
      }
      let e = false;
      let w = false;
      let f = false;
      for (const i of r.issues) {
        this.bySeverity[i.severity]++;
        if (i.severity === 'error') e = true;
        else if (i.severity === 'warning') w = true;
        else f = true;
        let c = this.codes.get(i.code);
        if (c === undefined) {
          // The code's message without the record's details (first seen, placeholders filled).
          c = {
            code: i.code,
            severity: i.severity,
            count: 0,
            messageVi: i.messageVi,
            messageEn: i.messageEn,
          };
          this.codes.set(i.code, c);
        }
        c.count++;
        const k = i.field ?? 'record';
        this.byField[k] = (this.byField[k] ?? 0) + 1;
      }
      if (e) this.recordsWith.error++;
      if (w) this.recordsWith.warning++;
      if (f) this.recordsWith.fixed++;
      this.byStatus[e ? 'error' : w ? 'warning' : 'fixed']++;
    }
  }

  /** Plain counts of this builder, to send from a worker thread and {@link merge} in the main thread. */
  part(): SummaryPart {
    return {
      records: this.records,
      clean: this.clean,
      recordsWith: this.recordsWith,
      bySeverity: this.bySeverity,
      byStatus: this.byStatus,
      codes: [...this.codes.values()],
      byField: this.byField,
    };
  }

  /** Adds the counts of a worker's batch. */
  merge(p: SummaryPart): void {
    this.records += p.records;
    this.clean += p.clean;
    for (const k of ['error', 'warning', 'fixed'] as const) {
      this.recordsWith[k] += p.recordsWith[k];
      this.bySeverity[k] += p.bySeverity[k];
      this.byStatus[k] += p.byStatus[k];
    }
    this.byStatus.clean += p.byStatus.clean;
    for (const c of p.codes) {
      const mine = this.codes.get(c.code);
      if (mine) mine.count += c.count;
      else this.codes.set(c.code, { ...c });
    }
    for (const [f, n] of Object.entries(p.byField) as [CleanField | 'record', number][])
      this.byField[f] = (this.byField[f] ?? 0) + n;
  }

  build(extra: Pick<CleanSummary, 'duplicates' | 'input' | 'profile'>): CleanSummary {
    const elapsed = (Date.now() - this.startedAt.getTime()) / 1000;
    return {
      records: this.records,
      cleanRecords: this.clean,
      recordsWith: { ...this.recordsWith },
      byStatus: { ...this.byStatus },
      bySeverity: { ...this.bySeverity },
      byCode: [...this.codes.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      byField: { ...this.byField },
      ...extra,
      startedAt: this.startedAt.toISOString(),
      elapsedSeconds: Math.round(elapsed * 1000) / 1000,
      recordsPerSecond: elapsed > 0 ? Math.round(this.records / elapsed) : this.records,
    };
  }
}
