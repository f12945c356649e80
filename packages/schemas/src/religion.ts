/**
 * Religion (tôn giáo): free text plus an optional code, because no official code list of the
 * population database has been published.
 */
import * as z from 'zod/mini';
import { textField } from './internal/text-field.js';
import { FIELD, object } from './internal/zod.js';

/** One religion of {@link religions}. */
export interface ReligionEntry {
  readonly code: string;
  readonly name: string;
}

/**
 * Religions in the numbering shared by two independent Vietnamese record systems (public code
 * seen in 2025). **This numbering is not official**: no code list of the national population
 * database (CSDLQG về dân cư) has been published, and other systems number differently. Store
 * the name as printed (`Không` means none) and treat a code as a hint.
 *
 * @example
 * ```ts
 * religions.find((r) => r.name === 'Công giáo')?.code; // '3'
 * ```
 */
export const religions: readonly ReligionEntry[] = Object.freeze(
  [
    'Không',
    'Phật giáo',
    'Công giáo',
    'Phật giáo Hòa Hảo',
    'Hồi giáo',
    'Cao Đài',
    'Minh Sư đạo',
    'Minh Lý đạo',
    'Tin Lành',
    'Tịnh độ Cư sĩ Phật hội Việt Nam',
    'Đạo Tứ Ân Hiếu Nghĩa',
    'Bửu Sơn Kỳ Hương',
    "Baha'i",
    'Tôn giáo khác',
  ].map((name, i) => Object.freeze({ code: String(i + 1), name })),
);

/**
 * Religion (tôn giáo) `{ code?, name }`: the name as printed (`Không` for none), with an
 * optional code of whatever list the source system uses (see {@link religions}).
 *
 * @example
 * ```ts
 * Religion.parse({ name: 'Không' });
 * ```
 */
export const Religion = /* @__PURE__ */ object(
  {
    code: z.optional(textField(10)),
    name: textField(100),
  },
  FIELD,
);
/** `{ code?: string; name: string }`. */
export type Religion = z.infer<typeof Religion>;
