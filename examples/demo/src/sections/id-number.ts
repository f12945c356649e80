import { findProvinceInText, getFormerProvinces, getProvince } from '@cancuoc/admin-units';
import { maskId } from '@cancuoc/core';
import {
  checkConsistency,
  detectIdKind,
  parseInsuranceCode,
  parsePersonalId,
  safeParsePersonalId,
  safeParseTaxCode,
} from '@cancuoc/id-number';
import { heading, line } from '../print.js';

/** Provinces across the 2025 merger, ID number decoding, tax codes, BHYT codes, kind detection. */
export function idNumberSection(): void {
  heading('admin-units + id-number: provinces, ID numbers, tax and insurance codes');
  line('province 24 on 2025-06-30', getProvince('24', { date: '2025-06-30' })?.fullName);
  line('province 24 on 2025-07-01', getProvince('24', { date: '2025-07-01' })?.fullName);
  line(
    'Ninh Bình (37) formed from',
    getFormerProvinces('37').map((p) => p.name),
  );

  // Synthetic numbers only: built from the structure, not taken from real people.
  for (const value of ['024180012345', '036058001234', '175099012345']) {
    const id = parsePersonalId(value);
    const place =
      id.birthPlace.kind === 'province'
        ? `${id.birthPlace.name}${id.birthPlace.merged ? ` (now ${id.birthPlace.currentProvince.name})` : ''}`
        : `abroad: ${id.birthPlace.name}`;
    line(`ID ${maskId(value)}`, `${place}, ${id.sex}, born ${id.birthYear}`);
  }
  line(
    '"…Lạng Giang, Tỉnh Bắc Giang"',
    `province today: ${findProvinceInText('Xã Tân Dĩnh, Huyện Lạng Giang, Tỉnh Bắc Giang')?.fullName}`,
  );
  const issues = checkConsistency('024180012345', {
    dateOfBirth: '1981-03-02',
    sex: 'female',
    placeOfBirthRegistration: 'Thành phố Hà Nội',
  });
  for (const issue of issues)
    line(`consistency: ${issue.path[0]}`.slice(0, 28), `${issue.severity} ${issue.code}: ${issue.messageVi}`);
  const rejected = safeParsePersonalId('003098012345');
  if (!rejected.success)
    line(`ID ${maskId('003098012345')}`, `${rejected.error.code}: ${rejected.error.messageVi}`);

  for (const value of ['0100233488', '0100233480', '0314409058-002']) {
    const r = safeParseTaxCode(value);
    line(
      `tax code ${value}`,
      r.success ? `valid (${r.data.format})` : `${r.error.code}: ${r.error.messageVi}`,
    );
  }
  const card = parseInsuranceCode('GD4790123456789');
  if (card.format !== 'social-insurance-number') {
    line(
      'BHYT GD4790123456789',
      `group ${card.beneficiaryGroup}, level ${card.benefitLevel}, province ${card.provinceCode}, BHXH no. ${maskId(card.socialInsuranceNumber)}`,
    );
  }
  for (const value of ['001098012345', '0100233488', 'GD4790123456789', '012345678', 'C1234567']) {
    const d = detectIdKind(value);
    line(`detectIdKind ${maskId(value)}`, `${d.kind} (${d.candidates.join(', ')})`);
  }
}
