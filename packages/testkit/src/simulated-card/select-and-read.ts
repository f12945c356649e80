/**
 * SELECT and READ BINARY on the software card (ISO/IEC 7816-4 §11.1 and §11.2.3): the
 * eMRTD application and its files, EF.CardAccess in plain, short and extended lengths, and the
 * odd INS B1 with an offset DO for files over 32 767 bytes.
 */
import { encodeTlv, tryTlvChildren } from '@cancuoc/chip';
import { concatBytes, equalBytes } from '@cancuoc/core';
import type { ResponseApdu } from '@cancuoc/reader';
import { EMRTD_AID } from '@cancuoc/reader/protocol';
import { type CardCommand, type CardState, plain } from './card-state.js';

const DENIED = new Set([3, 4]); // DG3 and DG4 need EAC (9303-11 §7), which the card does not run

/** SELECT by AID (the eMRTD application), of the MF, or of an EF by file identifier. */
export function select(state: CardState, c: CardCommand): ResponseApdu {
  const data = c.data ?? new Uint8Array(0);
  if (c.p1 === 0x04) {
    if (!equalBytes(data, EMRTD_AID)) return plain(0x6a82);
    state.appSelected = true;
    state.selected = undefined;
    if (!state.session.sm) {
      state.pace = undefined;
      state.paceFailed = false;
    }
    return plain(0x9000);
  }
  if (c.p1 === 0x00 && (data.length === 0 || (data[0] === 0x3f && data[1] === 0x00))) {
    state.appSelected = false;
    state.selected = undefined;
    return plain(0x9000);
  }
  if (c.p1 === 0x02 && data.length === 2) {
    const fid = ((data[0] as number) << 8) | (data[1] as number);
    if (fid === 0x011c && state.cardAccess) {
      state.selected = fid;
      return plain(0x9000);
    }
    if (!state.appSelected || !state.files.has(fid)) return plain(0x6a82);
    state.selected = fid;
    return plain(0x9000);
  }
  return plain(0x6a86);
}

/** READ BINARY B0 before access control: EF.CardAccess only, by SFI or once it is the current EF. */
export function readCardAccess(state: CardState, c: CardCommand): ResponseApdu {
  const { cardAccess } = state;
  if ((c.p1 & 0x80) !== 0 && (c.p1 & 0x1f) === 0x1c && cardAccess) {
    state.selected = 0x011c;
    return readBinary(state, cardAccess, c.p2, c);
  }
  if ((c.p1 & 0x80) === 0 && state.selected === 0x011c && cardAccess) {
    return readBinary(state, cardAccess, (c.p1 << 8) | c.p2, c);
  }
  return plain(0x6982);
}

/** READ BINARY B0 under secure messaging: the current EF, or the EF a short identifier in P1 names. */
export function readBinaryEven(state: CardState, c: CardCommand): ResponseApdu {
  let fid = state.selected;
  let offset = (c.p1 << 8) | c.p2;
  if ((c.p1 & 0x80) !== 0) {
    if (state.faults.noShortFileIds) return plain(0x6a86);
    const sfi = c.p1 & 0x1f;
    fid = sfi === 0x1c ? 0x011c : 0x0100 + sfi;
    offset = c.p2;
    if (fid !== 0x011c && !state.files.has(fid)) return plain(0x6a82);
    state.selected = fid;
  }
  if (fid === undefined) return plain(0x6986);
  if (fid === 0x011c && state.cardAccess) return readBinary(state, state.cardAccess, offset, c);
  if (DENIED.has(fid - 0x0100)) return plain(0x6982);
  const file = state.files.get(fid);
  if (!file) return plain(0x6a82);
  return readBinary(state, file, offset, c);
}

function readBinary(state: CardState, file: Uint8Array, offset: number, c: CardCommand): ResponseApdu {
  const { faults } = state;
  if (offset > file.length) return plain(0x6b00);
  const le = c.le ?? 256;
  const cap = Math.min(state.maxResponse, c.extended || le > 256 ? 65536 : 256);
  if (le > cap && faults.strictLe) return plain(0x6c00 | (cap & 0xff));
  if (faults.wrongLengthPastEnd && offset + le > file.length) return plain(0x6700);
  const n = Math.min(le, cap, file.length - offset);
  const data = file.slice(offset, offset + n);
  return plain(n < le && offset + n >= file.length ? 0x6282 : 0x9000, data);
}

/**
 * READ BINARY B1 (ISO/IEC 7816-4 §11.2.3): P1-P2 0000 = the current EF, 001F-masked = a short
 * EF identifier, else a file identifier; the offset in DO54; the bytes answered in a DO53 that
 * fits Le with its tag and length.
 */
export function readBinaryOdd(state: CardState, c: CardCommand): ResponseApdu {
  const { faults } = state;
  if (faults.noOddReadBinary) return plain(0x6d00);
  const p1p2 = (c.p1 << 8) | c.p2;
  let fid = state.selected;
  if (p1p2 !== 0) {
    fid = c.p1 === 0 && (c.p2 & 0xe0) === 0 && (c.p2 & 0x1f) !== 0x1f ? 0x0100 + c.p2 : p1p2;
    if (!state.files.has(fid)) return plain(0x6a82);
    state.selected = fid;
  }
  if (fid === undefined) return plain(0x6986);
  if (DENIED.has(fid - 0x0100)) return plain(0x6982);
  const file = state.files.get(fid);
  if (!file) return plain(0x6a82);
  const items = c.data ? tryTlvChildren(c.data) : undefined;
  const offsetDo = items?.length === 1 && items[0]?.tag === 0x54 ? items[0].value : undefined;
  if (!offsetDo || offsetDo.length === 0 || offsetDo.length > 3) return plain(0x6a80);
  const offset = offsetDo.reduce((v, b) => v * 256 + b, 0);
  if (offset >= file.length) return plain(0x6b00);
  const le = c.le ?? 256;
  const cap = Math.min(state.maxResponse, c.extended || le > 256 ? 65536 : 256, le);
  let n = Math.min(file.length - offset, cap - 2);
  if (n > 0x7f) n = Math.min(n, cap - 3);
  if (n > 0xff) n = Math.min(n, cap - 4);
  if (n <= 0) return plain(0x6700);
  const body = file.subarray(offset, offset + n);
  const lie = faults.oddReadBinaryLengthLie;
  if (lie === undefined) return plain(0x9000, encodeTlv(0x53, body));
  // A DO53 announcing another length than it holds: same bytes, rewritten length field.
  const announced = Math.max(0, n + lie);
  const header = encodeTlv(0x53, new Uint8Array(announced));
  return plain(0x9000, concatBytes(header.subarray(0, header.length - announced), body));
}
