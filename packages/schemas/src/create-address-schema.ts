/**
 * Addresses checked against the administrative units in force on a date: the 63 provinces
 * (with districts) until 30 June 2025, the 34 (without districts) from 1 July 2025, and
 * optionally a commune list.
 */
import {
  type CommuneIndex,
  type DateInput,
  getSuccessorProvince,
  listProvinces,
  type Province,
  provincesFrom2025,
} from '@cancuoc/admin-units';
import { addressShape, checkAddressBasics } from './address.js';
import { pushCodedIssue } from './internal/custom-issue.js';

/** Options of {@link createAddressSchema}. */
export interface AddressSchemaOptions {
  /**
   * The day the address must be valid on (a `Date`, an ISO or `dd/MM/yyyy` string, or a partial
   * date; default: today, read when the schema is created). Before 1 July 2025 the 63 provinces
   * and districts apply; from then on the 34 provinces and no districts.
   */
  readonly date?: DateInput;
  /**
   * A commune list for that date (`createCommuneIndex(parseCommuneList(rows))` of
   * `@cancuoc/admin-units`): a commune code must then be in it and in the address's province.
   */
  readonly communes?: CommuneIndex;
}

/**
 * Makes an address schema that holds the units to those in force on a date: the province code
 * must be one of that day's provinces (`ERR_SCHEMA_PROVINCE_MERGED` for an old code retired on
 * 1 July 2025, naming the province it went to; `ERR_SCHEMA_PROVINCE_UNKNOWN` otherwise); from
 * 1 July 2025 an address has no district (`ERR_SCHEMA_DISTRICT_AFTER_2025`); with a commune list,
 * a commune code must be in it (`ERR_SCHEMA_COMMUNE_UNKNOWN`) and in the address's province
 * (`ERR_SCHEMA_COMMUNE_PROVINCE_MISMATCH`). Use it for data that must follow the current units
 * (stay notices, new registrations); the plain {@link Address} accepts both schemes, as records
 * written before the merger do. Swap it into a record with zod's `safeExtend` (a `zod/mini`
 * schema: use zod's functions, `z.safeExtend` and `z.optional`).
 *
 * @throws TypeError / CancuocError `ERR_DATE_*` when `date` is not a readable date.
 * @example
 * ```ts
 * const CurrentAddress = createAddressSchema({ date: '2025-08-01' });
 * CurrentAddress.safeParse({ province: { code: '27', name: 'Bắc Ninh' } }).success; // false: 27 merged into 24
 * const Record2025 = z.safeExtend(ResidentRecord, { permanentResidence: z.optional(CurrentAddress) });
 * ```
 */
export function createAddressSchema(options: AddressSchemaOptions = {}) {
  const inForce = listProvinces(options.date === undefined ? {} : { date: options.date });
  const afterMerger = inForce === provincesFrom2025;
  const byCode = new Map<string, Province>(inForce.map((p) => [p.code, p]));
  const communes = options.communes;
  return addressShape().check((payload) => {
    const a = payload.value;
    const code = checkAddressBasics(payload);
    if (afterMerger && a.district !== undefined) {
      pushCodedIssue(payload, 'ERR_SCHEMA_DISTRICT_AFTER_2025', ['district'], { code: code ?? '?' });
    }
    if (code !== undefined && !byCode.has(code)) {
      const successor = afterMerger ? getSuccessorProvince(code) : undefined;
      if (successor && successor.code !== code) {
        pushCodedIssue(payload, 'ERR_SCHEMA_PROVINCE_MERGED', ['province', 'code'], {
          code,
          successorCode: successor.code,
          successor: successor.name,
        });
      } else {
        pushCodedIssue(payload, 'ERR_SCHEMA_PROVINCE_UNKNOWN', ['province', 'code'], { code });
      }
    }
    const communeCode = a.commune?.code;
    if (communes === undefined || communeCode === undefined || !/^\d{5}$/.test(communeCode)) return;
    const commune = communes.get(communeCode);
    if (commune === undefined) {
      pushCodedIssue(payload, 'ERR_SCHEMA_COMMUNE_UNKNOWN', ['commune', 'code'], { code: communeCode });
    } else if (code !== undefined && commune.provinceCode !== code) {
      pushCodedIssue(payload, 'ERR_SCHEMA_COMMUNE_PROVINCE_MISMATCH', ['commune', 'code'], {
        code: communeCode,
        provinceCode: code,
        expected: commune.provinceCode,
      });
    }
  });
}
