/** Reading the gateway's JSON bodies defensively: nothing of the body is ever quoted in an error. */
import { insuranceError } from '../errors.js';

/** A JSON object as parsed. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Whether a value is a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a body that must be a JSON object.
 *
 * @throws CancuocError `ERR_INSURANCE_RESPONSE` (not JSON, or not an object). The parser's own
 *   message is dropped: V8 quotes the offending text, which may hold personal data.
 */
export function parseJsonObject(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw insuranceError('ERR_INSURANCE_RESPONSE', { reason: 'not JSON', reasonVi: 'không phải JSON' });
  }
  return requireObject(value);
}

/**
 * A body given as text is parsed; one given as a value must already be a JSON object.
 *
 * @throws CancuocError `ERR_INSURANCE_RESPONSE`
 */
export function bodyObject(body: unknown): JsonObject {
  return typeof body === 'string' ? parseJsonObject(body) : requireObject(body);
}

function requireObject(value: unknown): JsonObject {
  if (!isJsonObject(value)) {
    throw insuranceError('ERR_INSURANCE_RESPONSE', {
      reason: 'not a JSON object',
      reasonVi: 'không phải đối tượng JSON',
    });
  }
  return value;
}

/** A wrong-type error naming the field (never its value). */
export function fieldError(field: string, expected: string) {
  return insuranceError('ERR_INSURANCE_RESPONSE', {
    reason: `${field} is not ${expected}`,
    reasonVi: `trường ${field} không phải ${expected}`,
    field,
  });
}

/**
 * The gateway's `maKetQua`, as the three-digit text of the published tables. Numbers are padded
 * (`0` → `000`); anything else that is not 1–4 digits is a malformed response.
 */
export function resultCode(body: JsonObject, field = 'maKetQua'): string {
  const value = body[field];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10_000) {
    return String(value).padStart(3, '0');
  }
  if (typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)) return value.trim().padStart(3, '0');
  throw fieldError(field, 'a result code');
}

/** An optional text field: `undefined` when empty; a non-string is a malformed response. */
export function optionalText(body: JsonObject, field: string, max = 2000): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw fieldError(field, 'text');
  const text = value.normalize('NFC').trim();
  if (text.length > max) throw fieldError(field, `text of at most ${max} characters`);
  return text === '' ? undefined : text;
}

/** An optional array of objects (`null` and absent give `undefined`). */
export function optionalObjects(body: JsonObject, field: string, max = 10_000): JsonObject[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > max || !value.every(isJsonObject)) {
    throw fieldError(field, 'a list of objects');
  }
  return value;
}
