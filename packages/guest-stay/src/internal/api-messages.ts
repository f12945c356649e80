/**
 * Reading the accommodation API's business errors: body `code: "400"` (sometimes under HTTP 200)
 * with a message whose parts are prefixed `Bản khai báo N:` (N is the 1-based item; API 12 says
 * `Bản ghi N:`), joined with `,\n` (KBTT API guide v1.4 §5.5, §6.5, §14.5).
 */
import { foldDiacritics, maskId } from '@cancuoc/core';
import type { GuestStayErrorCode } from '../errors.js';

/** The messages of a business error, sorted by the item they name. */
export interface BusinessErrors {
  /** 0-based item index → the messages naming it. */
  readonly byItem: ReadonlyMap<number, readonly string[]>;
  /** Parts that name no item of the batch. */
  readonly unattributed: readonly string[];
}

// "B ản" tolerates the stray space of the guide's PDF conversion; NFC is applied first.
const ITEM_PREFIX_RE = /B\s?ản\s+(?:khai\s+báo|ghi)\s+(\d{1,6})\s*:/giu;

/** Splits a business-error message into the items it names (`count` items were sent). */
export function parseBusinessErrors(message: string, count: number): BusinessErrors {
  const text = message.normalize('NFC');
  const byItem = new Map<number, string[]>();
  const unattributed: string[] = [];
  const matches = [...text.matchAll(ITEM_PREFIX_RE)];
  const head = text.slice(0, matches[0]?.index ?? text.length);
  if (clean(head) !== '') unattributed.push(clean(head));
  matches.forEach((m, k) => {
    const start = m.index + m[0].length;
    const end = matches[k + 1]?.index ?? text.length;
    const part = clean(text.slice(start, end));
    const n = Number(m[1]);
    if (n >= 1 && n <= count && part !== '') {
      const list = byItem.get(n - 1) ?? [];
      list.push(part);
      byItem.set(n - 1, list);
    } else if (part !== '') {
      unattributed.push(part);
    }
  });
  return { byItem, unattributed };
}

function clean(part: string): string {
  return part.replace(/^[\s,;.]+|[\s,;]+$/g, '');
}

const fold = (text: string): string =>
  foldDiacritics(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ');

// The two answers that mean "this stay is already held" (guide §5.6, §6.6).
const DUPLICATE_MARKERS = ['da ton tai khai bao trung thoi gian', 'dang tam tru tai cslt va chua checkout'];

/** Whether an API message says the stay is already held. */
export function isDuplicateMessage(message: string): boolean {
  const folded = fold(message);
  return DUPLICATE_MARKERS.some((m) => folded.includes(m));
}

// Known refusals of the guide (§5.6, §6.3 (*), §6.6, §14.6) and this package's code for each.
const KNOWN: readonly [string, GuestStayErrorCode][] = [
  ['ngay den cslt phai la ngay hien tai hoac hom qua', 'ERR_STAY_ARRIVAL_NOT_RECENT'],
  ['ngay di du kien phai lon hoac bang ngay hom qua', 'ERR_STAY_DEPARTURE_PAST'],
  ['ngay di du kien phai lon hoac bang ngay den', 'ERR_STAY_DEPARTURE_BEFORE_ARRIVAL'],
  ['thoi han tam tru phai lon hoac bang hom nay', 'ERR_STAY_PERMIT_EXPIRED'],
  ['loai giay to phai co gia tri', 'ERR_STAY_DOCUMENT_TYPE'],
  ['phai gom dung 12 chu so', 'ERR_STAY_DOCUMENT_NUMBER'],
  ['phai gom 9 hoac 12 chu so', 'ERR_STAY_DOCUMENT_NUMBER'],
  ['chi duoc chua chu', 'ERR_STAY_DOCUMENT_NUMBER'],
  ['khong duoc co ky tu dac biet', 'ERR_STAY_DOCUMENT_NUMBER'],
  ['dang khong ton tai trong he thong cslt', 'ERR_STAY_NOT_STAYING'],
  ['quoc tich', 'ERR_STAY_NATIONALITY'],
  ['so phong', 'ERR_STAY_ROOM'],
  ['ly do chi tiet', 'ERR_STAY_REASON_DETAIL'],
  ['ly do cu tru', 'ERR_STAY_REASON'],
];

/** This package's code for an API refusal (`ERR_STAY_API_REJECTED` when it is not a known one). */
export function codeForApiMessage(message: string): GuestStayErrorCode {
  const folded = fold(message);
  for (const [marker, code] of KNOWN) if (folded.includes(marker)) return code;
  return 'ERR_STAY_API_REJECTED';
}

const LONG_TOKEN_RE = /[A-Za-z0-9]{6,}/g;

/**
 * Masks what could be a document number in an API message (the API quotes `soGiayTo` in some
 * refusals; Decree 13/2023/NĐ-CP): the given numbers, and any run of 6+ letters and digits that
 * holds a digit.
 */
export function redact(message: string, numbers: readonly string[] = []): string {
  let out = message.slice(0, 2000);
  for (const n of numbers) if (n.length >= 4) out = out.split(n).join(maskId(n));
  return out.replace(LONG_TOKEN_RE, (token) => (/\d/.test(token) ? maskId(token) : token));
}
