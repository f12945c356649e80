import {
  getSuccessorProvince,
  lookupBirthPlace,
  type Province,
  provincesBefore2025,
} from '@cancuoc/admin-units';
import { foldDiacritics, hasDiacritics } from '@cancuoc/core';
import { formatPersonalId, taxCodeCheckDigit } from '@cancuoc/id-number';
import { createRandom } from '../qr/image.js';
import {
  COMMUNE_WORDS,
  DISTRICT_WORDS,
  DISTRICTS,
  EMAIL_DOMAINS,
  ETHNICITIES,
  ETHNICITY_VARIANTS,
  FAMILY_NAMES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  INSURANCE_GROUPS,
  MALE_GIVEN,
  MALE_MIDDLE,
  MOBILE_PREFIXES,
  NATIONALITY_VARIANTS,
  RELIGION_VARIANTS,
  RELIGIONS,
  RENUMBERED_PREFIXES,
  STREETS,
} from './data.js';
import { toTcvn3, toVni } from './legacy-encodings.js';
import type {
  GeneratedResident,
  GenerateResidentsOptions,
  ResidentDefect,
  ResidentDirt,
  ResidentDirtKind,
  ResidentField,
  ResidentRecord,
} from './types.js';

/**
 * The dirt rates used when none are given: roughly what cleaning campaigns report of lists kept
 * by hand (a few percent of each defect, old addresses common after the 2025 merger).
 *
 * @example
 * ```ts
 * generateResidents({ count: 1000, dirt: { ...defaultResidentDirt, duplicate: 0.1 } });
 * ```
 */
export const defaultResidentDirt: Readonly<ResidentDirt> = Object.freeze({
  typo: 0.02,
  missingDiacritics: 0.03,
  tcvn3: 0.01,
  vni: 0.01,
  nameFormat: 0.03,
  swappedDayMonth: 0.01,
  impossibleDate: 0.005,
  dateFormat: 0.03,
  wrongProvinceDigits: 0.005,
  idMismatch: 0.005,
  lostLeadingZero: 0.02,
  legacyInIdColumn: 0.01,
  wrongCheckDigit: 0.01,
  invalidInsuranceCode: 0.005,
  oldAddress: 0.1,
  oldPhonePrefix: 0.05,
  phoneFormat: 0.05,
  categoryVariant: 0.03,
  missing: 0.01,
  duplicate: 0.02,
  idConflict: 0.002,
});

const NO_DIRT: ResidentDirt = Object.freeze(
  Object.fromEntries(Object.keys(defaultResidentDirt).map((k) => [k, 0])) as unknown as ResidentDirt,
);

/** How many earlier people duplicates and conflicts are drawn from: bounded, so memory stays flat. */
const RECENT = 4096;

type Random = () => number;

interface Person {
  readonly row: number;
  readonly clean: ResidentRecord;
  /** Birth date parts, for the date dirt. */
  readonly day: number;
  readonly month: number;
  readonly year: number;
  /** Old-structure forms of the address fields (with district and pre-2025 province). */
  readonly oldForms: Partial<Record<ResidentField, string>>;
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function weighted(list: ReadonlyArray<readonly [string, number]>): (random: Random) => string {
  const total = list.reduce((s, [, w]) => s + w, 0);
  return (random) => {
    let u = random() * total;
    for (const [value, w] of list) {
      u -= w;
      if (u < 0) return value;
    }
    return list[list.length - 1]![0];
  };
}
const familyName = weighted(FAMILY_NAMES);
const ethnicity = weighted(ETHNICITIES);
const religion = weighted(RELIGIONS);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (m: number, y: number) =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

// Birth-place codes assigned to no province: what a mistyped province part of an ID looks like.
let unassigned: readonly string[] | undefined;
function unassignedCodes(): readonly string[] {
  if (!unassigned) {
    const out: string[] = [];
    for (let n = 1; n <= 100; n++) if (lookupBirthPlace(pad(n, 3)) === undefined) out.push(pad(n, 3));
    unassigned = out;
  }
  return unassigned;
}

/** Per-prefix counters, so that personal IDs (and the other numbers) never collide by chance. */
class Serials {
  private readonly counts = new Map<string, number>();
  constructor(private readonly seed: number) {}
  next(prefix: string, modulus: number, multiplier: number): number {
    const c = this.counts.get(prefix) ?? 0;
    this.counts.set(prefix, c + 1);
    // FNV-1a of the prefix and seed picks where each prefix's sequence starts; a multiplier
    // coprime to the modulus permutes 0…modulus-1, so numbers look random yet repeat only after
    // `modulus` people with the same prefix.
    let h = 0x811c9dc5 ^ this.seed;
    for (let i = 0; i < prefix.length; i++) h = Math.imul(h ^ prefix.charCodeAt(i), 0x01000193);
    return (((h >>> 0) % modulus) + c * multiplier) % modulus;
  }
}

const OLD_PROVINCES = new Map(provincesBefore2025.map((p) => [p.code, p]));
const SUCCESSORS = new Map<string, Province>();
function successor(code: string): Province {
  let p = SUCCESSORS.get(code);
  if (!p) {
    p = getSuccessorProvince(code) ?? OLD_PROVINCES.get(code)!;
    SUCCESSORS.set(code, p);
  }
  return p;
}

function makeAddress(
  random: Random,
  oldCode: string,
  rural: boolean,
  withHouse: boolean,
): { clean: string; old: string } {
  const oldProvince = OLD_PROVINCES.get(oldCode)!;
  const newProvince = successor(oldCode);
  const commune = `${rural ? 'Xã' : 'Phường'} ${pick(random, COMMUNE_WORDS)}`;
  const districts = DISTRICTS[oldCode];
  const district = districts
    ? pick(random, districts)
    : `${rural ? 'Huyện' : 'Thị xã'} ${pick(random, DISTRICT_WORDS)}`;
  let head = '';
  if (withHouse) {
    const r = random();
    head = rural
      ? r < 0.5
        ? `Thôn ${1 + Math.floor(random() * 12)}, `
        : `Ấp ${pick(random, COMMUNE_WORDS)}, `
      : r < 0.8
        ? `Số ${1 + Math.floor(random() * 300)} ${pick(random, STREETS)}, `
        : `Tổ ${1 + Math.floor(random() * 30)}, `;
  }
  return {
    clean: `${head}${commune}, ${newProvince.fullName}`,
    old: `${head}${commune}, ${district}, ${oldProvince.fullName}`,
  };
}

// Big cities weigh more, as in real lists.
const RESIDENCE_CODES: readonly string[] = provincesBefore2025.flatMap((p) =>
  p.code === '01' || p.code === '79' ? [p.code, p.code, p.code, p.code, p.code, p.code] : [p.code],
);

function makePerson(random: Random, row: number, serials: Serials): Person {
  const sex = random() < 0.5 ? 'male' : 'female';
  const family = familyName(random);
  const middles = sex === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE;
  const given = pick(random, sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  const middle =
    random() < 0.25 ? `${pick(random, middles)} ${pick(random, middles)}` : pick(random, middles);
  const fullName = `${family} ${middle === `${given}` ? pick(random, middles) : middle} ${given}`;
  const year = 1940 + Math.floor(random() * 80);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * monthLength(month, year));
  const birthCode = pick(random, RESIDENCE_CODES);
  const idPrefix = `0${birthCode}${sex}${year}`;
  const personalId = formatPersonalId({
    birthPlaceCode: `0${birthCode}`,
    sex,
    birthYear: year,
    serial: pad(serials.next(idPrefix, 1_000_000, 7919), 6),
  });
  const legacyId =
    year <= 2001 && random() < 0.5
      ? `${pad(1 + Math.floor(random() * 37), 2)}${pad(serials.next('cmnd', 10_000_000, 7_919_111), 7)}`
      : '';
  const residence = random() < 0.7 ? birthCode : pick(random, RESIDENCE_CODES);
  const permanent = makeAddress(random, residence, random() < 0.4, true);
  const current =
    random() < 0.7 ? permanent : makeAddress(random, pick(random, RESIDENCE_CODES), random() < 0.3, true);
  const origin = makeAddress(random, birthCode, true, false);
  const newProvinceCode = successor(residence).code;
  let insuranceCode = '';
  if (random() < 0.8) {
    const sin = `${newProvinceCode}${pad(serials.next('bhxh', 100_000_000, 7_919_111), 8)}`;
    if (random() < 0.6) {
      const [group, level] = pick(random, INSURANCE_GROUPS);
      insuranceCode = `${group}${level}${newProvinceCode}${sin}`;
    } else insuranceCode = sin;
  }
  let taxCode = '';
  const t = random();
  if (t < 0.45) {
    // Tax codes of individuals commonly open with 8; the check digit is what matters here.
    for (;;) {
      const base = `8${pad(serials.next('mst', 100_000_000, 7_919_111), 8)}`;
      const check = taxCodeCheckDigit(base);
      if (check !== undefined) {
        taxCode = `${base}${check}`;
        break;
      }
    }
  } else if (t < 0.6) taxCode = personalId; // the personal ID is the tax code from 1 July 2025
  let phone = '';
  if (random() < 0.85) {
    const prefix = random() < 0.4 ? pick(random, RENUMBERED_PREFIXES)[1] : pick(random, MOBILE_PREFIXES);
    phone = `${prefix}${pad(serials.next(`tel${prefix}`, 10_000_000, 7_919_111), 7)}`;
  }
  const email =
    random() < 0.35
      ? `${foldDiacritics(given).toLowerCase()}.${foldDiacritics(family).toLowerCase()}${Math.floor(random() * 1000)}@${pick(random, EMAIL_DOMAINS)}`
      : '';
  const clean: ResidentRecord = {
    fullName,
    birthDate: `${pad(day, 2)}/${pad(month, 2)}/${year}`,
    sex: sex === 'male' ? 'Nam' : 'Nữ',
    personalId,
    legacyId,
    insuranceCode,
    taxCode,
    ethnicity: ethnicity(random),
    religion: religion(random),
    nationality: 'Việt Nam',
    permanentAddress: permanent.clean,
    currentAddress: current.clean,
    placeOfOrigin: origin.clean,
    phone,
    email,
  };
  return {
    row,
    clean,
    day,
    month,
    year,
    oldForms: { permanentAddress: permanent.old, currentAddress: current.old, placeOfOrigin: origin.old },
  };
}

// --- dirt on one field ---------------------------------------------------------------------

function typo(random: Random, name: string): string {
  const words = name.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 3);
  if (candidates.length === 0) return name;
  const [word, index] = pick(random, candidates);
  const chars = [...word];
  const at = 1 + Math.floor(random() * (chars.length - 1));
  const op = Math.floor(random() * 4);
  if (op === 0) chars.splice(at, 1);
  else if (op === 1) chars.splice(at, 0, chars[at]!);
  else if (op === 2 && at < chars.length - 1 && chars[at] !== chars[at + 1]) {
    [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  } else {
    const replacement = pick(
      random,
      [...'aeiouynhtc'].filter((c) => c !== chars[at]),
    );
    chars[at] = replacement;
  }
  words[index] = chars.join('');
  return words.join(' ');
}

function nameFormat(random: Random, name: string): string {
  switch (Math.floor(random() * 4)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.toLowerCase();
    case 2:
      return ` ${name.split(' ').join('  ')} `;
    default:
      return hasDiacritics(name) ? name.normalize('NFD') : name.toUpperCase();
  }
}

function dateFormat(random: Random, p: Person): string {
  const { day, month, year } = p;
  const options = [
    `${year}-${pad(month, 2)}-${pad(day, 2)}`,
    `${day}/${month}/${year}`,
    `${pad(day, 2)}-${pad(month, 2)}-${year}`,
    `${pad(day, 2)}.${pad(month, 2)}.${year}`,
  ].filter((s) => s !== p.clean.birthDate);
  return pick(random, options);
}

function impossibleDate(random: Random, p: Person): string {
  // 31 in a 30-day month, 30/31 February, or 29 February of a common year.
  const choices: [number, number][] = [
    [31, 4],
    [31, 6],
    [31, 9],
    [31, 11],
    [30, 2],
    [31, 2],
  ];
  if (!isLeap(p.year)) choices.push([29, 2]);
  const [d, m] = pick(random, choices);
  return `${pad(d, 2)}/${pad(m, 2)}/${p.year}`;
}

function idMismatch(random: Random, id: string): string {
  const g = Number(id[3]);
  // Flip the sex half of the century/sex digit, or move the birth year by 1–5 years (kept in
  // the past, so the number still parses on its own and only the consistency check catches it).
  if (random() < 0.5) return `${id.slice(0, 3)}${g ^ 1}${id.slice(4)}`;
  const yy = Number(id.slice(4, 6));
  const k = 1 + Math.floor(random() * 5);
  const century = 1900 + 100 * Math.floor(g / 2);
  const moved = yy + k <= 99 && century + yy + k <= 2025 ? yy + k : yy - k;
  return `${id.slice(0, 4)}${pad(moved, 2)}${id.slice(6)}`;
}

function phoneFormat(random: Random, phone: string): string {
  const rest = phone.slice(1);
  switch (Math.floor(random() * 4)) {
    case 0:
      return `+84 ${rest.slice(0, 3)} ${rest.slice(3, 6)} ${rest.slice(6)}`;
    case 1:
      return `${phone.slice(0, 4)}.${phone.slice(4, 7)}.${phone.slice(7)}`;
    case 2:
      return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
    default:
      return `84${rest}`;
  }
}

const SEX_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  Nam: ['nam', 'NAM', 'Male', 'M', '1'],
  Nữ: ['nữ', 'Nu', 'NỮ', 'Female', 'F', '0'],
};

function categoryVariant(random: Random, field: ResidentField, value: string): string {
  const table =
    field === 'sex'
      ? SEX_VARIANTS[value]
      : field === 'ethnicity'
        ? ETHNICITY_VARIANTS[value]
        : field === 'religion'
          ? RELIGION_VARIANTS[value]
          : NATIONALITY_VARIANTS;
  return table && table.length > 0 ? pick(random, table) : value.toLowerCase();
}

type FieldDirt = (random: Random, p: Person, value: string) => string | undefined;

const legacyText =
  (encode: (s: string) => string): FieldDirt =>
  (_r, _p, v) =>
    hasDiacritics(v) ? encode(v) : undefined;
const missingDiacritics: FieldDirt = (_r, _p, v) => (hasDiacritics(v) ? foldDiacritics(v) : undefined);
const missing: FieldDirt = (_r, _p, v) => (v === '' ? undefined : '');

/** For each field, the kinds that can hit it, in the order their rates are laid on [0, 1). */
const FIELD_DIRT: Partial<Record<ResidentField, ReadonlyArray<readonly [ResidentDirtKind, FieldDirt]>>> = {
  fullName: [
    ['typo', (r, _p, v) => typo(r, v)],
    ['missingDiacritics', missingDiacritics],
    ['tcvn3', legacyText(toTcvn3)],
    ['vni', legacyText(toVni)],
    ['nameFormat', (r, _p, v) => nameFormat(r, v)],
  ],
  birthDate: [
    ['impossibleDate', (r, p) => impossibleDate(r, p)],
    [
      'swappedDayMonth',
      (_r, p) => (p.day > 12 ? `${pad(p.month, 2)}/${pad(p.day, 2)}/${p.year}` : undefined),
    ],
    ['dateFormat', (r, p) => dateFormat(r, p)],
    ['missing', missing],
  ],
  sex: [
    ['categoryVariant', (r, _p, v) => categoryVariant(r, 'sex', v)],
    ['missing', missing],
  ],
  personalId: [
    ['wrongProvinceDigits', (r, _p, v) => `${pick(r, unassignedCodes())}${v.slice(3)}`],
    ['idMismatch', (r, _p, v) => idMismatch(r, v)],
    ['lostLeadingZero', (_r, _p, v) => (v.startsWith('0') ? v.replace(/^0+/, '') : undefined)],
    ['legacyInIdColumn', (_r, p) => (p.clean.legacyId.length === 9 ? p.clean.legacyId : undefined)],
    ['missing', missing],
  ],
  insuranceCode: [
    [
      'invalidInsuranceCode',
      (r, _p, v) =>
        v === ''
          ? undefined
          : v.length === 15
            ? `${v.slice(0, 2)}${pick(r, ['0', '6', '7', '8', '9'])}${v.slice(3)}`
            : v.slice(0, 9),
    ],
  ],
  taxCode: [
    [
      'wrongCheckDigit',
      (r, _p, v) =>
        v.length === 10 ? `${v.slice(0, 9)}${(Number(v[9]) + 1 + Math.floor(r() * 9)) % 10}` : undefined,
    ],
  ],
  ethnicity: [
    ['categoryVariant', (r, _p, v) => categoryVariant(r, 'ethnicity', v)],
    ['missing', missing],
  ],
  religion: [['categoryVariant', (r, _p, v) => categoryVariant(r, 'religion', v)]],
  nationality: [
    ['categoryVariant', (r, _p, v) => categoryVariant(r, 'nationality', v)],
    ['missing', missing],
  ],
  phone: [
    [
      'oldPhonePrefix',
      (_r, _p, v) => {
        const old = RENUMBERED_PREFIXES.find(([, now]) => v.startsWith(now));
        return old ? `${old[0]}${v.slice(3)}` : undefined;
      },
    ],
    ['phoneFormat', (r, _p, v) => (v === '' ? undefined : phoneFormat(r, v))],
    ['missing', missing],
  ],
};
const ADDRESS_DIRT = (field: ResidentField): ReadonlyArray<readonly [ResidentDirtKind, FieldDirt]> => [
  ['oldAddress', (_r, p) => p.oldForms[field]],
  ['missingDiacritics', missingDiacritics],
  ['tcvn3', legacyText(toTcvn3)],
  ['vni', legacyText(toVni)],
  ...(field === 'permanentAddress' ? [['missing', missing] as const] : []),
];
FIELD_DIRT.permanentAddress = ADDRESS_DIRT('permanentAddress');
FIELD_DIRT.currentAddress = ADDRESS_DIRT('currentAddress');
FIELD_DIRT.placeOfOrigin = ADDRESS_DIRT('placeOfOrigin');

const FIELDS = Object.keys(FIELD_DIRT) as ResidentField[];

function dirtyRecord(
  random: Random,
  p: Person,
  rates: ResidentDirt,
  defects: ResidentDefect[],
): ResidentRecord {
  const record: ResidentRecord = { ...p.clean };
  for (const field of FIELDS) {
    const value = record[field];
    if (value === '') continue;
    // One draw per field: each kind owns a slice of [0, 1) as wide as its rate, so each rate is
    // exact and a field never gets two kinds.
    let u = random();
    for (const [kind, apply] of FIELD_DIRT[field]!) {
      const rate = rates[kind];
      if (u < rate) {
        const dirty = apply(random, p, value);
        if (dirty !== undefined && dirty !== value) {
          record[field] = dirty;
          defects.push(`${field}:${kind}`);
        }
        break;
      }
      u -= rate;
    }
  }
  return record;
}

/** A repeat of an earlier person: exactly, or with one or two of the variations lists show. */
function duplicateRecord(random: Random, p: Person, defects: ResidentDefect[]): ResidentRecord {
  const record: ResidentRecord = { ...p.clean };
  defects.push('row:duplicate');
  if (random() < 0.2) return record;
  const variations = 1 + Math.floor(random() * 2);
  for (let i = 0; i < variations; i++) {
    const v = Math.floor(random() * 6);
    const set = (field: ResidentField, kind: ResidentDirtKind, value: string | undefined) => {
      if (value !== undefined && value !== record[field] && !defects.some((d) => d.startsWith(`${field}:`))) {
        record[field] = value;
        defects.push(`${field}:${kind}`);
      }
    };
    if (v === 0) set('fullName', 'typo', typo(random, record.fullName));
    else if (v === 1) set('fullName', 'missingDiacritics', foldDiacritics(record.fullName));
    else if (v === 2) set('fullName', 'nameFormat', nameFormat(random, record.fullName));
    else if (v === 3) set('birthDate', 'dateFormat', dateFormat(random, p));
    else if (v === 4) set('personalId', 'missing', '');
    else if (record.phone !== '') set('phone', 'phoneFormat', phoneFormat(random, record.phone));
  }
  return record;
}

/**
 * Makes a synthetic, realistic and dirty resident list, row by row: Vietnamese names by sex,
 * birth dates, personal ID numbers consistent with birth province, century, sex and year, legacy
 * CMND numbers, BHYT codes, tax codes with valid check digits, ethnicity, religion, nationality,
 * addresses on the 34 provinces, phones and emails, then dirt injected at the given rates
 * (typos, missing diacritics, TCVN3/VNI text, swapped or impossible dates, wrong ID digits, wrong
 * tax check digits, pre-2025 addresses, old phone prefixes, duplicates with variations, one ID
 * carried by two people …). Each row carries the truth beside the dirty record, so that tests
 * measure the precision and recall of each cleaning rule and of duplicate detection.
 *
 * A generator: ten million rows never sit in memory (duplicates and conflicts are drawn from the
 * last 4,096 people). The same seed gives the same rows. Every person is invented; personal IDs
 * never repeat by chance, only where `duplicate` or `idConflict` put them.
 *
 * @param options - `count` rows, `seed` (default 1), `dirt` rates over {@link defaultResidentDirt}
 *   (`'none'` for a clean list).
 * @throws RangeError when `count` is not a non-negative safe integer, or a rate is outside 0–1.
 * @throws TypeError when `seed` is not a finite number.
 * @example
 * ```ts
 * for (const { row, record, truth } of generateResidents({ count: 3, seed: 7 })) {
 *   record.fullName; // 'Nguyễn Thị Lan', or 'Nguyen Thi Lan' with truth.defects ['fullName:missingDiacritics']
 * }
 * ```
 */
export function* generateResidents(
  options: GenerateResidentsOptions,
): Generator<GeneratedResident, void, undefined> {
  const { count, seed = 1, dirt } = options ?? ({} as GenerateResidentsOptions);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new TypeError('seed must be a finite number');
  const rates: ResidentDirt = dirt === 'none' ? NO_DIRT : { ...defaultResidentDirt, ...dirt };
  for (const [kind, rate] of Object.entries(rates)) {
    if (!(kind in defaultResidentDirt)) throw new RangeError(`unknown dirt kind: ${kind}`);
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
      throw new RangeError(`dirt.${kind} must be from 0 to 1`);
  }
  if (rates.duplicate + rates.idConflict > 1)
    throw new RangeError('dirt.duplicate + dirt.idConflict must not exceed 1');
  const random = createRandom(seed);
  const serials = new Serials(seed >>> 0);
  const recent: Person[] = [];
  for (let row = 1; row <= count; row++) {
    const defects: ResidentDefect[] = [];
    const u = random();
    if (recent.length > 0 && u < rates.duplicate) {
      const original = pick(random, recent);
      const record = duplicateRecord(random, original, defects);
      yield { row, record, truth: { clean: original.clean, defects, duplicateOf: original.row } };
      continue;
    }
    const person = makePerson(random, row, serials);
    const record = dirtyRecord(random, person, rates, defects);
    let conflictWith: number | undefined;
    if (recent.length > 0 && u >= rates.duplicate && u < rates.duplicate + rates.idConflict) {
      const owner = pick(random, recent);
      record.personalId = owner.clean.personalId;
      conflictWith = owner.row;
      for (let i = defects.length - 1; i >= 0; i--)
        if (defects[i]!.startsWith('personalId:')) defects.splice(i, 1);
      defects.push('personalId:idConflict');
    }
    if (recent.length < RECENT) recent.push(person);
    else recent[Math.floor(random() * RECENT)] = person;
    yield {
      row,
      record,
      truth:
        conflictWith === undefined
          ? { clean: person.clean, defects }
          : { clean: person.clean, defects, conflictWith },
    };
  }
}
