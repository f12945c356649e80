import { findProvinceInText, getSuccessorProvince, type Province } from '@cancuoc/admin-units';

/** What the address rule found. */
export interface AddressOutcome {
  value: string;
  migrated?: { old: string; new: string };
  review?: { reasonEn: string; reasonVi: string };
}

const BEFORE_MERGER = '2025-06-30';
const CACHE_LIMIT = 20_000;
// Last comma-separated part (the province, as Vietnamese addresses end with it) → old province.
const provinceCache = new Map<string, Province | null>();

function oldProvinceOf(tail: string): Province | undefined {
  const hit = provinceCache.get(tail);
  if (hit !== undefined) return hit ?? undefined;
  const found = findProvinceInText(tail, { date: BEFORE_MERGER }) ?? null;
  if (provinceCache.size < CACHE_LIMIT) provinceCache.set(tail, found);
  return found ?? undefined;
}

// A district-level unit (cấp huyện) at the start of an address part: quận, huyện, thị xã (also
// unaccented or abbreviated), or a city (thành phố) that is not the last part, i.e. a provincial
// city. One regular expression over the whole address, not a split per part.
const DISTRICT_RE =
  /(?:^|,)\s*((?:quận|huyện|thị xã|quan|huyen|thi xa)\s[^,]*|(?:q|h|tx)\.\s*[^,]*|tx\s[^,]*|(?:thành phố|thanh pho|tp)\.?\s[^,]*(?=,))/i;

function lastIndexOfFolded(text: string, name: string): number {
  return text.toLowerCase().lastIndexOf(name.toLowerCase());
}

/**
 * Moves an address written with a province of before 1 July 2025 to the 34-province structure
 * (Resolution 202/2025/QH15): the old province's name is replaced by the province it became part
 * of. A district-level part (abolished on the same day, with communes merged) is kept and the
 * address is flagged for review: the new commune cannot be derived from the text alone.
 */
export function migrateAddress(text: string): AddressOutcome {
  const comma = text.lastIndexOf(',');
  const tail = comma >= 0 ? text.slice(comma + 1).trim() : text;
  let value = text;
  let migrated: AddressOutcome['migrated'];
  let old = oldProvinceOf(tail);
  if (old === undefined && comma >= 0) old = oldProvinceOf(text);
  if (old !== undefined) {
    const successor = getSuccessorProvince(old.code);
    if (successor !== undefined && successor.name !== old.name) {
      let at = lastIndexOfFolded(text, old.name);
      let len = old.name.length;
      if (at < 0) {
        at = lastIndexOfFolded(text, old.unaccentedName);
        len = old.unaccentedName.length;
      }
      if (at >= 0) {
        value = text.slice(0, at) + successor.name + text.slice(at + len);
        migrated = { old: old.name, new: successor.name };
      } else {
        return {
          value,
          review: {
            reasonEn: `the province ${old.name} became part of ${successor.name} on 1 July 2025`,
            reasonVi: `tỉnh ${old.name} đã nhập vào ${successor.name} từ ngày 1/7/2025`,
          },
        };
      }
    }
  }
  let review: AddressOutcome['review'];
  const m = comma >= 0 ? DISTRICT_RE.exec(text) : null;
  if (m) {
    const part = (m[1] as string).trim();
    review = {
      reasonEn: `it names a district (${part}); districts were abolished on 1 July 2025 and communes merged: check the new commune or ward`,
      reasonVi: `còn cấp huyện (${part}); từ ngày 1/7/2025 không còn cấp huyện và các xã, phường đã sắp xếp lại: cần xác định xã, phường mới`,
    };
  }
  return { value, ...(migrated ? { migrated } : {}), ...(review ? { review } : {}) };
}
