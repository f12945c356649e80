import { fail } from './errors.js';

/**
 * A command APDU (ISO/IEC 7816-4 §5.1). `le` is the number of response bytes expected:
 * `undefined` = none, 1–256 in short form (256 is encoded `00`), up to 65536 in extended form.
 */
export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  readonly le?: number;
}

/** A response APDU: the data field and the status word (e.g. `0x9000`). */
export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

/** Options of {@link formatCommandApdu}. */
export interface FormatCommandApduOptions {
  /** Force extended length fields even when short ones would fit. */
  readonly extended?: boolean;
}

/**
 * Whether a command needs extended length fields (data over 255 bytes or Le over 256).
 *
 * @example
 * ```ts
 * needsExtendedLength({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1024 }); // true
 * ```
 */
export function needsExtendedLength(command: CommandApdu): boolean {
  return (command.data?.length ?? 0) > 255 || (command.le ?? 0) > 256;
}

/**
 * Encodes a command APDU in short or extended form (ISO/IEC 7816-4 §5.1, cases 1–4).
 *
 * @throws RangeError when a field is out of range.
 * @example
 * ```ts
 * formatCommandApdu({ cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, le: 4 }); // 00 B0 00 00 04
 * ```
 */
export function formatCommandApdu(command: CommandApdu, options: FormatCommandApduOptions = {}): Uint8Array {
  const { cla, ins, p1, p2 } = command;
  for (const [name, v] of [
    ['cla', cla],
    ['ins', ins],
    ['p1', p1],
    ['p2', p2],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 0xff) throw new RangeError(`${name} must be a byte`);
  }
  const data = command.data ?? new Uint8Array(0);
  const le = command.le;
  if (data.length > 65535) throw new RangeError('command data longer than 65535 bytes');
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > 65536)) {
    throw new RangeError('le must be between 1 and 65536');
  }
  const extended = options.extended === true || needsExtendedLength(command);
  const out: number[] = [cla, ins, p1, p2];
  if (!extended) {
    if (data.length > 0) out.push(data.length, ...data);
    if (le !== undefined) out.push(le === 256 ? 0 : le);
    return Uint8Array.from(out);
  }
  if (data.length > 0) {
    out.push(0, data.length >> 8, data.length & 0xff, ...data);
    if (le !== undefined) out.push((le >> 8) & 0xff, le & 0xff);
  } else if (le !== undefined) {
    out.push(0, (le >> 8) & 0xff, le & 0xff);
  }
  return Uint8Array.from(out);
}

/**
 * Decodes a command APDU (the card's side of {@link formatCommandApdu}).
 *
 * @throws CancuocError `ERR_READER_RESPONSE_MALFORMED` when the length fields do not add up.
 * @example
 * ```ts
 * parseCommandApdu(Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x04)).le; // 4
 * ```
 */
export function parseCommandApdu(bytes: Uint8Array): CommandApdu & { readonly extended: boolean } {
  const bad = (reason: string) => fail('ERR_READER_RESPONSE_MALFORMED', { reason });
  if (bytes.length < 4) throw bad('command shorter than 4 bytes');
  const [cla, ins, p1, p2] = bytes as unknown as [number, number, number, number];
  const body = bytes.subarray(4);
  if (body.length === 0) return { cla, ins, p1, p2, extended: false };
  if (body.length === 1) return { cla, ins, p1, p2, le: body[0] || 256, extended: false };
  if (body[0] !== 0) {
    const lc = body[0] as number;
    if (body.length === 1 + lc) return { cla, ins, p1, p2, data: body.slice(1), extended: false };
    if (body.length === 2 + lc) {
      return { cla, ins, p1, p2, data: body.slice(1, 1 + lc), le: body[1 + lc] || 256, extended: false };
    }
    throw bad('short Lc does not match the body');
  }
  // Extended form: 00 then two bytes.
  if (body.length === 3) {
    const le = ((body[1] as number) << 8) | (body[2] as number);
    return { cla, ins, p1, p2, le: le || 65536, extended: true };
  }
  if (body.length < 3) throw bad('truncated extended length');
  const lc = ((body[1] as number) << 8) | (body[2] as number);
  if (lc === 0) throw bad('extended Lc of zero');
  if (body.length === 3 + lc) return { cla, ins, p1, p2, data: body.slice(3), extended: true };
  if (body.length === 5 + lc) {
    const le = ((body[3 + lc] as number) << 8) | (body[4 + lc] as number);
    return { cla, ins, p1, p2, data: body.slice(3, 3 + lc), le: le || 65536, extended: true };
  }
  throw bad('extended Lc does not match the body');
}

/**
 * Splits a response APDU into its data and status word.
 *
 * @throws CancuocError `ERR_READER_RESPONSE_MALFORMED` when it is shorter than the 2-byte status word.
 * @example
 * ```ts
 * parseResponseApdu(Uint8Array.of(0x60, 0x14, 0x90, 0x00)); // { data: 60 14, sw: 0x9000 }
 * ```
 */
export function parseResponseApdu(bytes: Uint8Array): ResponseApdu {
  if (!(bytes instanceof Uint8Array) || bytes.length < 2) {
    throw fail('ERR_READER_RESPONSE_MALFORMED', { reason: 'response shorter than a status word' });
  }
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: ((bytes[n - 2] as number) << 8) | (bytes[n - 1] as number) };
}

/**
 * Encodes a response APDU (data then status word), as a card or a simulator sends it.
 *
 * @example
 * ```ts
 * formatResponseApdu({ data: Uint8Array.of(0x60, 0x14), sw: 0x9000 }); // 60 14 90 00
 * ```
 */
export function formatResponseApdu(response: ResponseApdu): Uint8Array {
  const out = new Uint8Array(response.data.length + 2);
  out.set(response.data);
  out[out.length - 2] = (response.sw >> 8) & 0xff;
  out[out.length - 1] = response.sw & 0xff;
  return out;
}

/**
 * Formats a status word as four upper-case hex digits.
 *
 * @example
 * ```ts
 * formatStatusWord(0x6a82); // '6A82'
 * ```
 */
export function formatStatusWord(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
