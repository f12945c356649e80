/**
 * An in-memory stand-in for the accommodation API behind a `StaySubmitter`, for the outbox's unit
 * tests: it holds each stay once (a second send of a key is answered `duplicate`, as the real API
 * does), and injects the failures the outbox must survive.
 */
import { CancuocError } from '@cancuoc/core';
import type { NoticeVerdict, StayNotice, StaySubmitter, SubmitResult } from '../../src/types.js';

export interface FakeStayApiFaults {
  /** Accept the batch, then fail with ERR_STAY_NETWORK (the answer is lost) on these submissions (1-based). */
  dropAfterAccept?: (submission: number) => boolean;
  /** Fail before processing with this error on these submissions. */
  failBefore?: (submission: number) => CancuocError | undefined;
  /** A business refusal for a notice. */
  reject?: (notice: StayNotice) => NoticeVerdict | undefined;
  /** Never answer until the signal aborts. */
  hang?: (submission: number) => boolean;
}

export interface FakeStayApi extends StaySubmitter {
  /** Every acceptance, in order (a key appearing twice is a double acceptance). */
  readonly accepted: string[];
  readonly submissions: StayNotice[][];
  faults: FakeStayApiFaults;
}

export function stayError(code: string, details: Record<string, unknown> = {}): CancuocError {
  return new CancuocError(code, { message: `fake ${code}`, messageVi: `giả ${code}`, details });
}

export function createFakeStayApi(faults: FakeStayApiFaults = {}): FakeStayApi {
  const held = new Set<string>();
  const api: FakeStayApi = {
    accepted: [],
    submissions: [],
    faults,
    async submit(notices, options = {}): Promise<SubmitResult> {
      api.submissions.push([...notices]);
      const n = api.submissions.length;
      if (api.faults.hang?.(n)) {
        await new Promise<void>((_, reject) => {
          const fail = () => reject(stayError('ERR_STAY_ABORTED'));
          if (options.signal?.aborted) fail();
          options.signal?.addEventListener('abort', fail);
        });
      }
      const before = api.faults.failBefore?.(n);
      if (before) throw before;
      const verdicts = notices.map((notice): NoticeVerdict => {
        const refusal = api.faults.reject?.(notice);
        if (refusal) return refusal;
        if (held.has(notice.key))
          return { status: 'duplicate', message: 'Đã tồn tại khai báo trùng thời gian tại CSLT' };
        held.add(notice.key);
        api.accepted.push(notice.key);
        return { status: 'accepted' };
      });
      if (api.faults.dropAfterAccept?.(n)) throw stayError('ERR_STAY_NETWORK');
      return { verdicts };
    },
  };
  return api;
}

/** A synthetic notice (the outbox only reads kind, key, label and deadline). */
export function makeNotice(
  i: number,
  overrides: Partial<{ kind: StayNotice['kind']; deadline: string; key: string }> = {},
): StayNotice {
  const number = `001099${String(i).padStart(6, '0')}`;
  return {
    kind: overrides.kind ?? 'vietnamese',
    payload: { hoTen: `Khách ${i}`, loaiGiayTo: 1, soGiayTo: number, soPhong: String(100 + (i % 50)) },
    arrival: '2026-12-06T14:30:00+07:00',
    expectedDeparture: '2026-12-08T12:00:00+07:00',
    deadline: overrides.deadline ?? '2099-12-06T23:00:00+07:00',
    key: overrides.key ?? `1|${number}|2026-12-06T14:30`,
    label: `001******${number.slice(-3)} · P.${100 + (i % 50)}`,
  };
}
