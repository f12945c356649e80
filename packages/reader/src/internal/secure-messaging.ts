/**
 * Secure messaging of ICAO 9303-11 §9.8 for 3DES and AES, both the terminal side (protect
 * commands, check responses) and the card side (check commands, protect responses) so that the
 * software card of `@cancuoc/testkit` runs the very same code paths.
 */
import { encodeTlv, tryReadTlv } from '@cancuoc/chip/lite';
import { concatBytes, equalBytes } from '@cancuoc/core';
import type { CommandApdu, ResponseApdu } from '../apdu.js';
import { formatStatusWord } from '../apdu.js';
import { fail } from '../errors.js';
import { aesBlock, type CipherSuite, cbcDecrypt, cbcEncrypt, pad, smMac, unpad } from './crypto.js';

/** Session keys and send sequence counter of one secure-messaging session. */
export interface SessionKeys {
  readonly suite: CipherSuite;
  readonly ksEnc: Uint8Array;
  readonly ksMac: Uint8Array;
  /** Initial SSC: 8 bytes for 3DES, 16 bytes for AES. */
  readonly ssc: Uint8Array;
}

function encodeLe(le: number, extended: boolean): Uint8Array {
  if (extended) return le === 65536 ? Uint8Array.of(0, 0) : Uint8Array.of(le >> 8, le & 0xff);
  return Uint8Array.of(le === 256 ? 0 : le);
}

function decodeLe(bytes: Uint8Array): number {
  if (bytes.length === 1) return bytes[0] || 256;
  const v = ((bytes[0] as number) << 8) | (bytes[1] as number);
  return v || 65536;
}

/**
 * A secure-messaging session (9303-11 §9.8), terminal or card side. Holds key material in private
 * fields: never log or serialise it.
 *
 * @example
 * ```ts
 * const sm = new SecureMessaging({ suite: TDES_SUITE, ksEnc, ksMac, ssc });
 * const { command, extended } = sm.protectCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 }, false);
 * const plain = sm.unprotectResponse(parseResponseApdu(await transport.transmit(formatCommandApdu(command, { extended }))));
 * ```
 */
export class SecureMessaging {
  readonly suite: CipherSuite;
  readonly #ksEnc: Uint8Array;
  readonly #ksMac: Uint8Array;
  readonly #ssc: Uint8Array;
  readonly #block: number;

  constructor(keys: SessionKeys) {
    this.suite = keys.suite;
    this.#ksEnc = keys.ksEnc.slice();
    this.#ksMac = keys.ksMac.slice();
    this.#ssc = keys.ssc.slice();
    this.#block = keys.suite.family === 'AES' ? 16 : 8;
  }

  /** The current send sequence counter (a copy). */
  get ssc(): Uint8Array {
    return this.#ssc.slice();
  }

  // 9303-11 §9.8.6.1: the SSC is incremented before each command and each response.
  #increment(): void {
    for (let i = this.#ssc.length - 1; i >= 0; i--) {
      this.#ssc[i] = ((this.#ssc[i] as number) + 1) & 0xff;
      if (this.#ssc[i] !== 0) break;
    }
  }

  #iv(): Uint8Array | undefined {
    // 3DES: IV = 0; AES: IV = E(KSenc, SSC) (9303-11 §9.8.6.1).
    return this.suite.family === 'AES' ? aesBlock(this.#ksEnc, this.#ssc) : undefined;
  }

  #mac(message: Uint8Array): Uint8Array {
    return smMac(this.suite, this.#ksMac, concatBytes(this.#ssc, message));
  }

  /**
   * The data object carrying encrypted data (ISO/IEC 7816-4 §10.2, 9303-11 §9.8.6.2): DO85 without
   * a padding-content indicator when the plain value is BER-TLV, as it is for an odd INS (READ
   * BINARY B1 with its offset DO54 and its DO53 answer); DO87 with indicator 01 otherwise.
   */
  #cryptogram(plain: Uint8Array, ins: number | undefined): Uint8Array {
    const encrypted = cbcEncrypt(this.suite, this.#ksEnc, pad(plain, this.#block), this.#iv());
    return ins !== undefined && (ins & 1) === 1
      ? encodeTlv(0x85, encrypted)
      : encodeTlv(0x87, Uint8Array.of(0x01), encrypted);
  }

  /** Decrypts the value of a DO85 or DO87; `undefined` when its layout or padding is wrong. */
  #decrypt(tag: number, value: Uint8Array): Uint8Array | undefined {
    if (tag === 0x87 && value[0] !== 0x01) return undefined;
    const cipher = tag === 0x87 ? value.subarray(1) : value;
    if (cipher.length === 0 || cipher.length % this.#block !== 0) return undefined;
    return unpad(cbcDecrypt(this.suite, this.#ksEnc, cipher, this.#iv()))?.slice();
  }

  /**
   * Protects a command: CLA with bit 0x0C, DO87 (encrypted data), DO97 (Le), DO8E (MAC).
   * Returns the protected command and whether it must be sent with extended lengths.
   */
  protectCommand(command: CommandApdu, extended: boolean): { command: CommandApdu; extended: boolean } {
    this.#increment();
    const cla = (command.cla & 0xf0) | 0x0c;
    const header = pad(Uint8Array.of(cla, command.ins, command.p1, command.p2), this.#block);
    const parts: Uint8Array[] = [];
    if (command.data && command.data.length > 0) {
      parts.push(this.#cryptogram(command.data, command.ins));
    }
    const wrappedExtended = extended || (command.le ?? 0) > 256;
    if (command.le !== undefined) parts.push(encodeTlv(0x97, encodeLe(command.le, wrappedExtended)));
    const body = concatBytes(...parts);
    const mac = this.#mac(concatBytes(header, body));
    const data = concatBytes(body, encodeTlv(0x8e, mac));
    return {
      command: {
        cla,
        ins: command.ins,
        p1: command.p1,
        p2: command.p2,
        data,
        le: wrappedExtended ? 65536 : 256,
      },
      extended: wrappedExtended || data.length > 255,
    };
  }

  /**
   * Checks and decrypts a protected response. A response with no secure-messaging objects and an
   * error status is passed through (cards answer some errors in plain); any other response
   * without a valid DO8E fails with `ERR_READER_SM_MAC` / `ERR_READER_SM_MISSING`.
   */
  unprotectResponse(response: ResponseApdu): ResponseApdu {
    this.#increment();
    const sw = formatStatusWord(response.sw);
    if (response.data.length === 0) {
      if (response.sw === 0x6988) throw fail('ERR_READER_SM_MAC', { sw });
      if (response.sw === 0x9000 || response.sw === 0x6282) throw fail('ERR_READER_SM_MISSING', { sw });
      return response;
    }
    let do87: { tag: number; value: Uint8Array } | undefined;
    let do99: Uint8Array | undefined;
    let do8e: Uint8Array | undefined;
    let macEnd = 0;
    let offset = 0;
    while (offset < response.data.length) {
      const t = tryReadTlv(response.data, offset);
      if (!t) throw fail('ERR_READER_SM_MISSING', { sw });
      if (t.tag === 0x87 || t.tag === 0x85) do87 = t;
      else if (t.tag === 0x99) do99 = t.value;
      else if (t.tag === 0x8e) do8e = t.value;
      const end = t.offset + t.raw.length;
      if (t.tag !== 0x8e) macEnd = end;
      offset = end;
    }
    if (!do8e) throw fail('ERR_READER_SM_MISSING', { sw });
    const expected = this.#mac(response.data.subarray(0, macEnd));
    if (!equalBytes(expected, do8e)) throw fail('ERR_READER_SM_MAC', { sw });
    const status = do99 && do99.length === 2 ? ((do99[0] as number) << 8) | (do99[1] as number) : response.sw;
    if (!do87) return { data: new Uint8Array(0), sw: status };
    const plain = this.#decrypt(do87.tag, do87.value);
    if (!plain) throw fail('ERR_READER_SM_MISSING', { sw });
    return { data: plain, sw: status };
  }

  /**
   * Card side: checks and decrypts a protected command. Returns `undefined` when the MAC or the
   * data objects are wrong (the card then answers 6988 and drops the session).
   */
  unprotectCommand(command: CommandApdu): CommandApdu | undefined {
    this.#increment();
    if ((command.cla & 0x0c) !== 0x0c || !command.data) return undefined;
    let do87: { tag: number; value: Uint8Array } | undefined;
    let do97: Uint8Array | undefined;
    let do8e: Uint8Array | undefined;
    let macEnd = 0;
    let offset = 0;
    const odd = (command.ins & 1) === 1;
    while (offset < command.data.length) {
      const t = tryReadTlv(command.data, offset);
      if (!t) return undefined;
      if (t.tag === (odd ? 0x85 : 0x87)) do87 = t;
      else if (t.tag === 0x97) do97 = t.value;
      else if (t.tag === 0x8e) do8e = t.value;
      else return undefined;
      const end = t.offset + t.raw.length;
      if (t.tag !== 0x8e) macEnd = end;
      offset = end;
    }
    if (!do8e) return undefined;
    const header = pad(Uint8Array.of(command.cla, command.ins, command.p1, command.p2), this.#block);
    if (!equalBytes(this.#mac(concatBytes(header, command.data.subarray(0, macEnd))), do8e)) return undefined;
    let data: Uint8Array | undefined;
    if (do87) {
      data = this.#decrypt(do87.tag, do87.value);
      if (!data) return undefined;
    }
    const cla = command.cla & 0xf0;
    const base = { cla, ins: command.ins, p1: command.p1, p2: command.p2 };
    return {
      ...base,
      ...(data ? { data } : {}),
      ...(do97 && (do97.length === 1 || do97.length === 2) ? { le: decodeLe(do97) } : {}),
    };
  }

  /**
   * Card side: protects a response (DO87 when there is data, DO85 instead for the BER-TLV answer to
   * an odd `ins`, DO99, DO8E).
   */
  protectResponse(response: ResponseApdu, ins?: number): ResponseApdu {
    this.#increment();
    const parts: Uint8Array[] = [];
    if (response.data.length > 0) parts.push(this.#cryptogram(response.data, ins));
    parts.push(encodeTlv(0x99, Uint8Array.of(response.sw >> 8, response.sw & 0xff)));
    const body = concatBytes(...parts);
    return { data: concatBytes(body, encodeTlv(0x8e, this.#mac(body))), sw: response.sw };
  }
}
