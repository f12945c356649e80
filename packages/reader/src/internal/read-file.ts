/**
 * READ BINARY of a whole elementary file with the largest responses the card accepts
 * (ISO/IEC 7816-4 §11.2.3, 9303-10 §4.6): probes extended length, falls back on 6700 / 6Cxx,
 * reads the first chunk through the short EF identifier to save the SELECT, and reads past
 * offset 32 767 with the odd INS B1 and an offset data object (files over 32 KB: large faces).
 */
import { encodeTlv, encodeTlvLength, readTlvHeader, type TlvHeader, tryReadTlv } from '@cancuoc/chip/lite';
import { concatBytes, isCancuocError } from '@cancuoc/core';
import type { ResponseApdu } from '../apdu.js';
import { fail } from '../errors.js';
import type { Channel } from './channel.js';
import type { LdsFile } from './files.js';
import { isSuccess, statusError } from './status.js';

/** Largest offset of READ BINARY with even INS (15 bits, ISO/IEC 7816-4 §11.2.3). */
const MAX_EVEN_OFFSET = 0x7fff;

/** Negotiated read parameters, shared by every file of a session. */
export interface ReadState {
  /** 'probe' until the card answered one extended READ BINARY. */
  extended: 'probe' | 'yes' | 'no';
  /** Largest plaintext Le to ask in extended form. */
  extendedLe: number;
  /** Largest plaintext Le in short form that still fits a secure-messaging response. */
  shortLe: number;
  /** Whether the card honours short EF identifiers in READ BINARY. */
  sfi: boolean;
}

export interface ReadProgress {
  readonly file: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface FileReadResult {
  readonly bytes: Uint8Array;
  readonly apdus: number;
}

/**
 * Total length of a file from its first bytes, `undefined` while its header is incomplete. A header no
 * further bytes can repair (a bad tag, an over-long or indefinite length) is a malformed file.
 */
function totalLength(head: Uint8Array, file: string): number | undefined {
  let header: TlvHeader | undefined;
  try {
    header = readTlvHeader(head);
  } catch {
    throw fail('ERR_READER_FILE_MALFORMED', { file });
  }
  if (header === undefined) return undefined;
  if (header.length === undefined) throw fail('ERR_READER_FILE_MALFORMED', { file });
  return header.headerLength + header.length;
}

/** Offset DO54 of READ BINARY B1: the offset as an unsigned big-endian number (ISO/IEC 7816-4 §11.2.3). */
function offsetObject(offset: number): Uint8Array {
  const bytes: number[] = [];
  for (let v = offset; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return encodeTlv(0x54, Uint8Array.from(bytes));
}

/**
 * The file bytes of an answer to READ BINARY B1: exactly one discretionary-data object DO53
 * (ISO/IEC 7816-4 §11.2.3). A DO53 whose length runs past the answer, leaves bytes after it, or
 * holds nothing is refused rather than read short or long.
 */
function unwrapOddAnswer(data: Uint8Array, file: string): Uint8Array {
  const t = tryReadTlv(data);
  if (t?.tag !== 0x53 || t.raw.length !== data.length || t.value.length === 0) {
    throw fail('ERR_READER_RESPONSE_MALFORMED', {
      reason: `READ BINARY B1 answer for ${file} is not one non-empty DO53 filling the response`,
    });
  }
  return t.value;
}

async function select(channel: Channel, file: LdsFile): Promise<void> {
  const r = await channel.send({
    cla: 0,
    ins: 0xa4,
    p1: 0x02,
    p2: 0x0c,
    data: Uint8Array.of(file.fid >> 8, file.fid & 0xff),
  });
  if (r.sw !== 0x9000) throw statusError(r.sw, file.name);
}

/** Reads a whole file; `onChunk` receives progress after each response. */
export async function readFile(
  channel: Channel,
  file: LdsFile,
  state: ReadState,
  maxFileLength: number,
  onChunk: (p: ReadProgress) => void,
): Promise<FileReadResult> {
  const before = channel.apdus;
  const chunks: Uint8Array[] = [];
  let read = 0;
  let total: number | undefined;
  let selected = false;
  let useSfi = state.sfi;
  if (!useSfi) {
    // The card takes no short EF identifiers: make this file the current EF first.
    await select(channel, file);
    selected = true;
  }

  const readAt = async (offset: number, le: number, extended: boolean): Promise<ResponseApdu> => {
    if (offset > MAX_EVEN_OFFSET) {
      // Past the 15 bits of P1-P2: odd INS B1, P1-P2 = 0000 (the current EF, selected by the
      // earlier reads), offset in DO54, file bytes in a DO53 answer (ISO/IEC 7816-4 §11.2.3).
      const command = { cla: 0, ins: 0xb1, p1: 0, p2: 0, data: offsetObject(offset), le };
      const r = await channel.send(command, { extended });
      if (isSuccess(r.sw)) return { data: unwrapOddAnswer(r.data, file.name), sw: r.sw };
      if ((r.sw & 0xff00) === 0x6c00 || r.sw === 0x6700) return r;
      throw statusError(r.sw, file.name);
    }
    const bySfi = !selected && useSfi && offset <= 0xff;
    const p1 = bySfi ? 0x80 | file.sfi : offset >> 8;
    const p2 = bySfi ? offset : offset & 0xff;
    const r = await channel.send({ cla: 0, ins: 0xb0, p1, p2, le }, { extended });
    if (
      bySfi &&
      (r.sw === 0x6a82 || r.sw === 0x6a86 || r.sw === 0x6a81 || r.sw === 0x6b00 || r.sw === 0x6d00)
    ) {
      // No SFI support (or the file is not reachable that way): SELECT, then read by offset.
      if (r.sw !== 0x6a82) state.sfi = false;
      useSfi = false;
      await select(channel, file);
      selected = true;
      return readAt(offset, le, extended);
    }
    const probing = extended && state.extended === 'probe' && r.sw !== 0x6982 && r.sw !== 0x6a82;
    if (isSuccess(r.sw) || (r.sw & 0xff00) === 0x6c00 || r.sw === 0x6700 || probing) {
      if (isSuccess(r.sw)) selected = true;
      return r;
    }
    throw statusError(r.sw, file.name);
  };

  while (total === undefined || read < total) {
    channel.checkAborted();
    const remaining = total === undefined ? Number.POSITIVE_INFINITY : total - read;
    const useExtended = state.extended !== 'no';
    const cap = useExtended ? state.extendedLe : state.shortLe;
    let le = Math.min(cap, remaining);
    if (read > MAX_EVEN_OFFSET && total !== undefined) {
      // The B1 answer carries the DO53 tag and length too: ask room for them, not an extra APDU.
      le = Math.min(cap, remaining + 1 + encodeTlvLength(remaining).length);
    }
    const probe = useExtended && le > 256 && state.extended === 'probe';
    let r: ResponseApdu;
    try {
      r = await readAt(read, le, useExtended && le > 256);
    } catch (error) {
      // Readers without extended-length support (many USB NFC readers) fail the transmit itself.
      if (!probe || !isCancuocError(error) || error.code !== 'ERR_READER_TRANSPORT') throw error;
      state.extended = 'no';
      continue;
    }
    if (probe && !isSuccess(r.sw) && (r.sw & 0xff00) !== 0x6c00) {
      // The first extended READ BINARY was refused: the card has short lengths only.
      state.extended = 'no';
      continue;
    }
    if (r.sw === 0x6700 || (r.sw & 0xff00) === 0x6c00) {
      const exact = r.sw & 0xff;
      if ((r.sw & 0xff00) === 0x6c00 && exact > 0) {
        le = exact;
      } else if (useExtended && le > state.shortLe) {
        // The card took extended lengths before (in plain) but refuses them now, typically under
        // secure messaging: one refusal is enough, go straight to the short maximum rather than
        // asking smaller extended lengths (each refusal is a round trip, and every one is refused
        // by cards whose secure-messaging buffer holds short APDUs only).
        state.extended = 'no';
        continue;
      } else if (total === undefined && le > 8) {
        le = 8; // some cards refuse an Le past the end of the file: read the header first
      } else {
        throw statusError(r.sw, file.name);
      }
      r = await readAt(read, le, false);
      if (!isSuccess(r.sw)) throw statusError(r.sw, file.name);
    }
    if (useExtended && le > 256 && state.extended === 'probe') state.extended = 'yes';
    if (r.data.length === 0) {
      throw fail('ERR_READER_RESPONSE_MALFORMED', { reason: `empty READ BINARY answer for ${file.name}` });
    }
    const data = total === undefined ? r.data : r.data.subarray(0, Math.min(r.data.length, total - read));
    chunks.push(data);
    read += data.length;
    if (total === undefined) {
      total = totalLength(concatBytes(...chunks), file.name);
      if (total === undefined) {
        if (read >= 8) throw fail('ERR_READER_FILE_MALFORMED', { file: file.name });
        continue;
      }
      if (total > maxFileLength) {
        throw fail('ERR_READER_FILE_TOO_LARGE', { file: file.name, length: total, max: maxFileLength });
      }
      if (read > total) {
        const all = concatBytes(...chunks).slice(0, total);
        chunks.length = 0;
        chunks.push(all);
        read = total;
      }
    }
    onChunk({ file: file.name, bytesRead: read, totalBytes: total });
  }
  return { bytes: concatBytes(...chunks), apdus: channel.apdus - before };
}
