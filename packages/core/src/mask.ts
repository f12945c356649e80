/** Options of {@link maskId}. */
export interface MaskIdOptions {
  /** Characters kept at the start (default 3: the birth-province code of a personal ID). */
  readonly keepStart?: number;
  /** Characters kept at the end (default 3). */
  readonly keepEnd?: number;
  /** The masking character (default `*`). */
  readonly maskChar?: string;
}

/**
 * Masks an identifier for logs and screens (Decree 13/2023/NĐ-CP treats it as personal data):
 * keeps a few characters at each end and hides the rest. Short values are masked whole except
 * for at most a third of their length, so a 6-digit CAN never shows in full.
 *
 * @example
 * ```ts
 * maskId('001098012345') // '001******345'
 * ```
 */
export function maskId(id: string, options: MaskIdOptions = {}): string {
  if (typeof id !== 'string') throw new TypeError('maskId expects a string');
  const value = id.trim();
  const maskChar = options.maskChar ?? '*';
  let keepStart = Math.max(0, options.keepStart ?? 3);
  let keepEnd = Math.max(0, options.keepEnd ?? 3);
  // Never reveal more than a third of the value on each side.
  const limit = Math.floor(value.length / 3);
  keepStart = Math.min(keepStart, limit);
  keepEnd = Math.min(keepEnd, limit);
  const hidden = value.length - keepStart - keepEnd;
  return value.slice(0, keepStart) + maskChar.repeat(hidden) + value.slice(value.length - keepEnd);
}
