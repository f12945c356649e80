// The full metadata: the smaller sets check lengths only and would call 011… valid.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CleanIssueCode } from './issue-codes.js';

// Decision 798/QĐ-BTTTT (25 May 2018) of the Ministry of Information and Communications: the
// 11-digit mobile ranges 012x, 016x, 018x, 0199 became 10-digit ranges from September 2018.
const OLD_PREFIXES: Readonly<Record<string, string>> = {
  // Viettel
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  // MobiFone
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  // VinaPhone
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  // Vietnamobile
  '0186': '056',
  '0188': '058',
  // Gmobile
  '0199': '059',
};

// Mobile ranges in force (MIC numbering plan, 10 digits): 03x, 05x, 07x, 08x, 09x.
function isMobile10(d: string): boolean {
  if (d.length !== 10 || d.charCodeAt(0) !== 48) return false;
  const a = d.charCodeAt(1) - 48;
  const b = d.charCodeAt(2) - 48;
  switch (a) {
    case 3:
      return b >= 2;
    case 5:
      return b === 2 || b === 5 || b === 6 || b === 8 || b === 9;
    case 7:
      return b === 0 || b >= 6;
    case 8:
      return b >= 1;
    case 9:
      return true;
    default:
      return false;
  }
}

/** The phone number in national format and the finding, if any. */
export function repairPhone(text: string): { value: string; code?: CleanIssueCode } {
  // Fast path: digits with the usual separators and an optional +84 / 84 prefix.
  let digits = '';
  let plus = false;
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += text[i];
    else if (c === 43 && digits === '') plus = true;
    else if (c !== 32 && c !== 46 && c !== 45 && c !== 40 && c !== 41) other = true;
  }
  if (!other) {
    let national = digits;
    if ((plus || digits.length === 11 || digits.length === 12) && digits.startsWith('84'))
      national = `0${digits.slice(2)}`;
    else if (digits.length === 9 && !plus) national = `0${digits}`; // leading zero dropped by a spreadsheet
    if (isMobile10(national))
      return national === text ? { value: national } : { value: national, code: 'CLEAN_PHONE_NORMALIZED' };
    if (national.length === 11) {
      const to = OLD_PREFIXES[national.slice(0, 4)];
      if (to !== undefined) return { value: to + national.slice(4), code: 'CLEAN_PHONE_OLD_PREFIX' };
    }
  }
  // Landlines, foreign numbers, extensions: libphonenumber's metadata.
  const parsed = parsePhoneNumberFromString(text, 'VN');
  if (parsed?.isValid()) {
    const value = parsed.country === 'VN' ? parsed.formatNational().replace(/\s/g, '') : parsed.number;
    return value === text ? { value } : { value, code: 'CLEAN_PHONE_NORMALIZED' };
  }
  return { value: text, code: 'CLEAN_PHONE_INVALID' };
}
