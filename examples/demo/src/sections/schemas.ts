import { cardDataToResident, validateResident } from '@cancuoc/schemas';
import { heading, line } from '../print.js';

/** Resident records: a good one, a bad one with bilingual issues, and card data → resident. */
export function schemasSection(): void {
  heading('schemas: validating resident records');
  // Synthetic people: the ID numbers follow the structure (001 Hà Nội, 0 = male 1900s, 98).
  const good = {
    personalId: '001098012345',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '15/08/1998',
    sex: 'male',
    ethnicity: { code: '01', name: 'Kinh' },
    permanentResidence: { commune: { name: 'Phường Hoàn Kiếm' }, province: { code: '01', name: 'Hà Nội' } },
  };
  const ok = validateResident(good, { coerceDates: true });
  line('good record', ok.success ? `valid (${ok.issues.length} warnings)` : 'invalid');

  // 079 3 03 …: the ID says female, born 2003; the record says male, born 2002.
  const bad = {
    personalId: '079303004567',
    fullName: 'Trần Thị B\ufffdnh',
    dateOfBirth: '2002',
    sex: 'male',
    ethnicity: { code: '01', name: 'Tày' },
    documents: [
      { kind: 'can-cuoc', number: '079303004567', dateOfIssue: '01/08/2024', dateOfExpiry: '31/02/2040' },
    ],
  };
  const r = validateResident(bad, { coerceDates: true });
  for (const issue of r.issues) {
    line(issue.path.join('.') || '(record)', `${issue.code}`);
    line('', `vi: ${issue.messageVi}`);
    line('', `en: ${issue.message}`);
  }

  const resident = cardDataToResident({
    cardKind: 'can-cuoc',
    source: 'chip',
    personalId: '001098012345',
    fullName: 'NGUYỄN VĂN AN',
    dateOfBirth: { year: 1998, month: 8, day: 15 },
    sex: 'male',
    nationality: 'Việt Nam',
    ethnicity: 'Kinh',
    placeOfOrigin: 'Hà Nội',
    dateOfIssue: { year: 2024, month: 8, day: 1 },
    dateOfExpiry: null,
  });
  line('card → resident nationality', resident.nationality);
  line('card → resident ethnicity', resident.ethnicity);
  line('card → birth registration', resident.placeOfBirthRegistration);
}
