/**
 * Visit history: `POST /api/egw/Lskcb2025` (CV 2746/BHXH-CNTT, 2025), the token in the query
 * string. Its form is not public; the card check's (`maThe, hoTen, ngaySinh, hoTenCb, cccdCb`) is
 * sent, which is what the one public client suggests (reference notes integrations.md §2.2).
 */
import type { InsuranceCallOptions, InsuranceQuery } from './check-card.js';
import { callGateway, type GatewayContext } from './internal/call.js';
import { cardCheckForm, type Staff } from './internal/query.js';
import { parseVisitHistoryResponse, type VisitHistory } from './parse-visit-history-response.js';

/** The gateway path of the visit history. */
export const VISIT_HISTORY_PATH = '/api/egw/Lskcb2025';

/** @internal The visit history of a client; see `InsuranceClient.getVisitHistory`. */
export async function getVisitHistory(
  context: GatewayContext,
  staff: Staff,
  query: InsuranceQuery,
  options: InsuranceCallOptions = {},
): Promise<VisitHistory> {
  const form = cardCheckForm(query, staff);
  const body = await callGateway(context, VISIT_HISTORY_PATH, form, options.signal);
  return parseVisitHistoryResponse(body);
}
