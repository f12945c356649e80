// `pnpm bench schemas`: ResidentRecord.safeParse records/s (target ≥ 200 k/s), against the same
// shape as a plain zod schema without refinements, measured in the same run.
import { Bench } from 'tinybench';
import { z } from 'zod';
import { ResidentRecord, validateResident } from '../src/index.js';

// 1 000 synthetic records: IDs agree with sex and birth year, over several province codes.
const codes = ['001', '024', '031', '079', '092'];
const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'];
const records = Array.from({ length: 1000 }, (_, i) => {
  const female = i % 2 === 1;
  const year = 1950 + (i % 60);
  const g = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  return {
    personalId: `${codes[i % 5]}${g}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`,
    fullName: `${families[i % 5]} ${female ? 'Thị' : 'Văn'} An`,
    dateOfBirth: { year, month: (i % 12) + 1, day: (i % 28) + 1 },
    sex: female ? 'female' : 'male',
    nationality: 'VNM',
    ethnicity: { code: '01', name: 'Kinh' },
    religion: { name: 'Không' },
    permanentResidence: {
      street: 'Số 12 Lý Thái Tổ',
      commune: { code: '00070', name: 'Phường Hoàn Kiếm' },
      province: { code: '01', name: 'Hà Nội' },
    },
    documents: [
      {
        kind: 'citizen-card',
        number: '001098012345',
        dateOfIssue: { year: 2021, month: 5, day: 25 },
        dateOfExpiry: null,
      },
    ],
    father: { fullName: 'Nguyễn Văn Bình' },
  };
});

// The same fields with plain zod types and no refinements: what a hand-rolled schema checks.
const date = z.object({ year: z.int(), month: z.int().optional(), day: z.int().optional() });
const unit = z.object({ code: z.string().optional(), name: z.string() });
const address = z.object({
  text: z.string().optional(),
  street: z.string().optional(),
  commune: unit.optional(),
  district: unit.optional(),
  province: unit.optional(),
  country: z.string().optional(),
});
const Plain = z.object({
  personalId: z.string().regex(/^\d{12}$/),
  fullName: z.string().min(1),
  dateOfBirth: date,
  sex: z.enum(['male', 'female']),
  nationality: z.string().optional(),
  ethnicity: unit.optional(),
  religion: unit.optional(),
  permanentResidence: address.optional(),
  documents: z
    .array(
      z.object({
        kind: z.string(),
        number: z.string(),
        dateOfIssue: date.optional(),
        dateOfExpiry: date.nullable().optional(),
      }),
    )
    .optional(),
  father: z.object({ fullName: z.string(), personalId: z.string().optional() }).optional(),
});

// The same records with the sex flipped and the name emptied: two issues each, mapped to
// bilingual cancuoc issues.
const badRecords = records.map((r) => ({ ...r, sex: r.sex === 'male' ? 'female' : 'male', fullName: '' }));

for (const r of records) if (!ResidentRecord.safeParse(r).success) throw new Error('bench record invalid');

let sink = 0;
let i = 0;
const bench = new Bench({ time: 2000 });
bench
  .add('ResidentRecord.safeParse (all refinements)', () => {
    sink += ResidentRecord.safeParse(records[i++ % 1000]).success ? 1 : 0;
  })
  .add('validateResident (issues + warnings)', () => {
    sink += validateResident(records[i++ % 1000]).success ? 1 : 0;
  })
  .add('validateResident (invalid record: 2 bilingual issues)', () => {
    sink += validateResident(badRecords[i++ % 1000]).issues.length;
  })
  .add('plain zod schema, same shape, no refinements', () => {
    sink += Plain.safeParse(records[i++ % 1000]).success ? 1 : 0;
  });

await bench.run();
console.table(
  bench.tasks.map((t) => ({
    task: t.name,
    'records/s': t.result && 'throughput' in t.result ? Math.round(t.result.throughput.mean) : undefined,
  })),
);
if (sink === 42) console.log('');
