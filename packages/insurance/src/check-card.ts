/**
 * The card check (tra cứu thông tin thẻ BHYT / thông tuyến): `POST /api/egw/KQNhanLichSuKCB2024`
 * with form `maThe, hoTen, ngaySinh, hoTenCb, cccdCb` (CV 1923/BHXH-CNTT of 20/06/2024; reference
 * notes integrations.md §2.2). `maThe` is the BHYT card code or the 12-digit personal ID number.
 */
import type { PartialDate } from '@cancuoc/core';
import { callGateway, type GatewayContext } from './internal/call.js';
import { cardCheckForm, type Staff } from './internal/query.js';
import { type CardCheckResult, parseCardCheckResponse } from './parse-card-check-response.js';

/**
 * Who to check: the BHYT card code (`cardCode` — mã thẻ BHYT) or the personal ID number
 * (`personalId` — số định danh cá nhân), with the full name and date of birth to match. When both
 * codes are given the card code is sent.
 */
export interface InsuranceQuery {
  /** The 15-character card code (a 20-character scan is cut to 15), or the 10-digit BHXH number. */
  readonly cardCode?: string;
  /** The 12-digit personal ID number (chip ID card, its QR, VNeID). */
  readonly personalId?: string;
  /** Họ và tên, as on the card. */
  readonly fullName: string;
  /** Ngày sinh: a partial date, or `dd/MM/yyyy` / `yyyy` text. Sent as `dd/MM/yyyy`, or `yyyy` when the day is unknown. */
  readonly dateOfBirth: PartialDate | string;
}

/** Per-call options. */
export interface InsuranceCallOptions {
  /** Cancels the call (and any retry or wait for a session). */
  readonly signal?: AbortSignal;
}

/** The gateway path of the card check. */
export const CARD_CHECK_PATH = '/api/egw/KQNhanLichSuKCB2024';

/** @internal The card check of a client; see `InsuranceClient.checkCard`. */
export async function checkCard(
  context: GatewayContext,
  staff: Staff,
  query: InsuranceQuery,
  options: InsuranceCallOptions = {},
): Promise<CardCheckResult> {
  const form = cardCheckForm(query, staff);
  const body = await callGateway(context, CARD_CHECK_PATH, form, options.signal);
  return parseCardCheckResponse(body);
}
