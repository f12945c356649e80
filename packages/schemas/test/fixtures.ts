/** Synthetic records used by the tests (no real person: IDs follow the structure, names are common). */
import type { CardData } from '../src/index.js';

/** Code 001 (Hà Nội), G = 0 (male, 1900s), year 98. */
export const maleId = '001098012345';
/** Code 079 (TP Hồ Chí Minh), G = 3 (female, 2000s), year 03. */
export const femaleId = '079303004567';

export const goodResident = {
  personalId: maleId,
  fullName: 'Nguyễn Văn An',
  dateOfBirth: { year: 1998, month: 8, day: 15 },
  sex: 'male',
  nationality: 'VNM',
  ethnicity: { code: '01', name: 'Kinh' },
  religion: { name: 'Không' },
  placeOfOrigin: { text: 'Xã Đông Anh, Hà Nội' },
  permanentResidence: {
    street: 'Số 12 Lý Thái Tổ',
    commune: { code: '00070', name: 'Phường Hoàn Kiếm' },
    province: { code: '01', name: 'Thành phố Hà Nội' },
  },
  documents: [
    {
      kind: 'citizen-card',
      number: maleId,
      dateOfIssue: { year: 2021, month: 5, day: 25 },
      dateOfExpiry: { year: 2038, month: 8, day: 15 },
    },
  ],
  father: { fullName: 'Nguyễn Văn Bình' },
  mother: { fullName: 'Trần Thị Cúc' },
} as const;

export const goodCard: CardData = {
  cardKind: 'cccd-2021',
  source: 'chip',
  personalId: maleId,
  legacyId: '012345678',
  fullName: 'NGUYỄN VĂN AN',
  dateOfBirth: { year: 1998, month: 8, day: 15 },
  sex: 'male',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Đông Anh, Hà Nội',
  permanentResidence: 'Số 12 Lý Thái Tổ, Hoàn Kiếm, Hà Nội',
  dateOfIssue: { year: 2021, month: 5, day: 25 },
  dateOfExpiry: { year: 2038, month: 8, day: 15 },
  father: 'NGUYỄN VĂN BÌNH',
  mother: 'TRẦN THỊ CÚC',
};
