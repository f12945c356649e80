/**
 * Precision and recall of each rule against the truth that testkit's generateResidents keeps
 * aside: shared by the quality test (which asserts the targets) and the quality benchmark (which
 * prints the table for docs/benchmarks.md).
 */
import { generateResidents } from '@cancuoc/testkit';
import { cleanRecord } from '../../src/clean-record.js';
import type { CleanedRecord, CleanField, RecordIssue } from '../../src/types.js';

type Defect = string; // `${field}:${kind}`

interface RuleSpec {
  rule: string;
  /** The defects this rule must find, as `field:kind` (field `*` = any field). */
  defects: readonly Defect[];
  /** Whether an issue is this rule's finding. */
  matches: (issue: RecordIssue) => boolean;
}

const TEXT = ['fullName', 'permanentAddress', 'currentAddress', 'placeOfOrigin'] as const;
const ADDRESSES = ['permanentAddress', 'currentAddress', 'placeOfOrigin'] as const;

export const RULES: readonly RuleSpec[] = [
  {
    rule: 'invalid personal ID',
    defects: ['personalId:wrongProvinceDigits'],
    matches: (i) => i.field === 'personalId' && i.severity === 'error' && i.code.startsWith('ERR_ID_'),
  },
  {
    rule: 'ID inconsistent with birth year or sex',
    defects: ['personalId:idMismatch'],
    matches: (i) => i.code === 'ERR_ID_BIRTH_YEAR_MISMATCH' || i.code === 'ERR_ID_SEX_MISMATCH',
  },
  {
    rule: 'impossible date',
    defects: ['birthDate:impossibleDate'],
    matches: (i) => i.code === 'CLEAN_DATE_IMPOSSIBLE',
  },
  {
    rule: 'swapped day/month',
    defects: ['birthDate:swappedDayMonth'],
    matches: (i) => i.code === 'CLEAN_DATE_SWAPPED',
  },
  {
    rule: 'date layout',
    defects: ['birthDate:dateFormat'],
    matches: (i) => i.code === 'CLEAN_DATE_NORMALIZED',
  },
  {
    rule: 'lost leading zero',
    defects: ['personalId:lostLeadingZero'],
    matches: (i) => i.code === 'CLEAN_ID_LEADING_ZERO',
  },
  {
    rule: 'CMND in ID column',
    defects: ['personalId:legacyInIdColumn'],
    matches: (i) => i.code === 'CLEAN_ID_LEGACY_IN_ID_COLUMN',
  },
  {
    rule: 'tax code check digit',
    defects: ['taxCode:wrongCheckDigit'],
    matches: (i) => i.code === 'ERR_ID_TAX_CHECK_DIGIT',
  },
  {
    rule: 'invalid BHYT code',
    defects: ['insuranceCode:invalidInsuranceCode'],
    matches: (i) => i.field === 'insuranceCode' && i.severity === 'error',
  },
  {
    rule: 'TCVN3 font',
    defects: TEXT.map((f) => `${f}:tcvn3`),
    matches: (i) => i.code === 'CLEAN_LEGACY_FONT' && i.messageEn.includes('TCVN3'),
  },
  {
    rule: 'VNI font',
    defects: TEXT.map((f) => `${f}:vni`),
    matches: (i) => i.code === 'CLEAN_LEGACY_FONT' && i.messageEn.includes('VNI'),
  },
  {
    rule: 'old address (2025 merger)',
    defects: ADDRESSES.map((f) => `${f}:oldAddress`),
    matches: (i) => i.code === 'CLEAN_ADDRESS_PROVINCE_MIGRATED' || i.code === 'CLEAN_ADDRESS_NEEDS_REVIEW',
  },
  {
    rule: 'old 11-digit mobile',
    defects: ['phone:oldPhonePrefix'],
    matches: (i) => i.code === 'CLEAN_PHONE_OLD_PREFIX',
  },
  {
    rule: 'phone layout',
    defects: ['phone:phoneFormat'],
    matches: (i) => i.code === 'CLEAN_PHONE_NORMALIZED',
  },
  {
    rule: 'name without diacritics',
    defects: ['fullName:missingDiacritics'],
    matches: (i) => i.code === 'CLEAN_NAME_NO_DIACRITICS',
  },
  {
    rule: 'name layout (case, spaces, NFD)',
    defects: ['fullName:nameFormat'],
    matches: (i) => i.code === 'CLEAN_NAME_NORMALIZED',
  },
  {
    rule: 'category spelling (sex, ethnicity, religion, nationality)',
    defects: ['sex', 'ethnicity', 'religion', 'nationality'].map((f) => `${f}:categoryVariant`),
    matches: (i) => /^CLEAN_(SEX|ETHNICITY|RELIGION|NATIONALITY)_NORMALIZED$/.test(i.code),
  },
];

/** One rule's counts, per (row, field). */
export interface RuleQuality {
  rule: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Measures every rule of {@link RULES} over `count` generated residents. */
export function measureRuleQuality(
  count: number,
  seed = 1,
): { rules: RuleQuality[]; records: number; repairs: { rule: string; exact: number; total: number }[] } {
  const stats = RULES.map((r) => ({ rule: r.rule, tp: 0, fp: 0, fn: 0 }));
  const repairs = new Map<string, { exact: number; total: number }>();
  let records = 0;
  for (const g of generateResidents({ count, seed })) {
    records++;
    const cleaned: CleanedRecord = cleanRecord(g.record as Record<CleanField, string>, g.row, {
      profile: { name: 'none', required: [] },
    });
    const defects = new Set(g.truth.defects);
    RULES.forEach((spec, k) => {
      const s = stats[k] as (typeof stats)[number];
      const expectedFields = new Set(
        spec.defects.filter((d) => defects.has(d as never)).map((d) => d.split(':')[0]),
      );
      const foundFields = new Set<string>(
        cleaned.issues.filter(spec.matches).map((i) => i.field ?? 'record'),
      );
      // Row-level rules (consistency) may report on another field than the defect's.
      if (spec.rule.startsWith('ID inconsistent')) {
        // A row carrying another person's ID (an ID conflict) is inconsistent too.
        const e = expectedFields.size > 0 || g.truth.conflictWith !== undefined;
        const f = foundFields.size > 0;
        if (e && f) s.tp++;
        else if (f) s.fp++;
        else if (e) s.fn++;
        return;
      }
      for (const f of foundFields) {
        if (expectedFields.has(f)) s.tp++;
        else s.fp++;
      }
      for (const f of expectedFields) if (!foundFields.has(f as string)) s.fn++;
    });
    // Repairs: does the repaired value equal the true one?
    for (const i of cleaned.issues) {
      if (i.severity !== 'fixed' || i.field === null) continue;
      const kind = [...defects].find((d) => d.startsWith(`${i.field}:`));
      // Old addresses cannot be compared: the true address names the new commune, which the
      // text alone does not give; typos are the duplicate index's business.
      if (kind === undefined || kind.endsWith(':oldAddress') || kind.endsWith(':typo')) continue;
      const r = repairs.get(kind.split(':')[1] as string) ?? { exact: 0, total: 0 };
      r.total++;
      const truth = (g.truth.clean as Record<string, string>)[i.field];
      if (cleaned.values[i.field] === truth) r.exact++;
      repairs.set(kind.split(':')[1] as string, r);
    }
  }
  return {
    records,
    rules: stats.map((s) => ({
      rule: s.rule,
      truePositives: s.tp,
      falsePositives: s.fp,
      falseNegatives: s.fn,
      precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
      recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
    })),
    repairs: [...repairs].map(([rule, r]) => ({ rule, ...r })),
  };
}
