/**
 * The 54 ethnic groups of Viet Nam with their GSO codes, from the list of Quyết định
 * 121-TCTK/PPCĐ (02/03/1979) of the General Statistics Office ("Danh mục các dân tộc Việt Nam").
 * The same codes fill `MA_DANTOC` in the BHYT XML files (QĐ 4750/QĐ-BYT). Names follow the
 * spelling of the decision; `aliases` are other spellings seen on cards and in public systems.
 */

/** One ethnic group of the GSO list. */
export interface EthnicityEntry {
  /** Two-digit GSO code, `01` (Kinh) to `54` (Rơ-măm). */
  readonly code: string;
  /** Name as spelled in Decision 121-TCTK/PPCĐ. */
  readonly name: string;
  /** Other spellings in common use (without the folded variants, which always match). */
  readonly aliases: readonly string[];
}

const LIST: ReadonlyArray<[string, string[]?]> = [
  ['Kinh', ['Việt']],
  ['Tày'],
  ['Thái'],
  ['Hoa', ['Hán', 'Hoa (Hán)']],
  ['Khơ-me', ['Khmer', 'Khơ Me', 'Khmer Krôm']],
  ['Mường'],
  ['Nùng'],
  ['HMông', ['Mông', "H'Mông", 'Hmông']],
  ['Dao'],
  ['Gia-rai', ['Jrai']],
  ['Ngái'],
  ['Ê-đê', ['Êđê', 'Rađê']],
  ['Ba-na', ['Bahnar']],
  ['Xơ-đăng', ['Xê Đăng']],
  ['Sán Chay', ['Cao Lan', 'Sán Chỉ', 'Cao Lan-Sán Chỉ']],
  ['Cơ-ho', ["K'Ho", 'Kơ Ho']],
  ['Chăm', ['Chàm', 'Chăm Hroi']],
  ['Sán Dìu'],
  ['Hrê'],
  ['Mnông', ["M'Nông"]],
  ['Ra-glai', ['Raglai', 'Ra Glay']],
  ['Xtiêng', ["X'Tiêng", 'Stiêng']],
  ['Bru-Vân Kiều', ['Vân Kiều', 'Bru']],
  ['Thổ'],
  ['Giáy'],
  ['Cơ-tu', ['Ka Tu', 'Katu']],
  ['Gié-Triêng', ['Gié', 'Triêng']],
  ['Mạ'],
  ['Khơ-mú', ['Khmu', 'Khơ Mú']],
  ['Co'],
  ['Tà-ôi', ['Ta Ôi', 'Pa Cô']],
  ['Chơ-ro', ['Chơ Ro', 'Châu Ro']],
  ['Kháng'],
  ['Xinh-mun'],
  ['Hà Nhì'],
  ['Chu-ru', ['Chu Ru']],
  ['Lào'],
  ['La Chí'],
  ['La Ha'],
  ['Phù Lá'],
  ['La Hủ'],
  ['Lự'],
  ['Lô Lô'],
  ['Chứt'],
  ['Mảng'],
  ['Pà Thẻn'],
  ['Cơ Lao', ['Cờ Lao']],
  ['Cống'],
  ['Bố Y'],
  ['Si La'],
  ['Pu Péo'],
  ['Brâu'],
  ['Ơ Đu'],
  ['Rơ-măm'],
];

/**
 * The 54 ethnic groups (dân tộc) of the GSO list, in code order (`01` Kinh … `54` Rơ-măm).
 * Source: Decision 121-TCTK/PPCĐ of 2 March 1979, General Statistics Office of Viet Nam.
 *
 * @example
 * ```ts
 * ethnicities.map((e) => `${e.code} ${e.name}`); // ['01 Kinh', '02 Tày', …, '54 Rơ-măm']
 * ```
 */
export const ethnicities: readonly EthnicityEntry[] = Object.freeze(
  LIST.map(([name, aliases = []], i) =>
    Object.freeze({ code: String(i + 1).padStart(2, '0'), name, aliases: Object.freeze(aliases) }),
  ),
);
