import { MAX_STORABLE_NANOS, usdToNanos } from './money.js';

/** Outcome of reading one field of a raw record. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A refused field and why. */
export function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** First key of `keys` whose value in `record` is neither undefined nor null. */
export function pickFirst(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = record[key];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/**
 * A token count: a non-negative integer up to 2^53−1, as a number or an integer-valued numeric
 * string (`"128"`). Missing means 0.
 */
export function readTokenCount(value: unknown): FieldResult<number> {
  if (value === undefined) return { ok: true, value: 0 };
  if (typeof value === 'string') {
    const text = value.trim();
    if (!/^\d+$/.test(text)) return fail(`expected a whole number, got ${show(value)}`);
    if (BigInt(text) > MAX_SAFE) return fail(`${text} exceeds 2^53−1`);
    return { ok: true, value: Number(text) };
  }
  if (typeof value !== 'number') return fail(`expected a whole number, got ${show(value)}`);
  if (!Number.isFinite(value)) return fail(`expected a finite number, got ${show(value)}`);
  if (value < 0) return fail(`must not be negative, got ${value}`);
  if (!Number.isInteger(value)) return fail(`must be a whole number, got ${value}`);
  if (value > Number.MAX_SAFE_INTEGER) return fail(`${value} exceeds 2^53−1`);
  return { ok: true, value };
}

/** A duration in milliseconds: non-negative; a fraction is truncated (`250.7` → 250). */
export function readDuration(value: unknown): FieldResult<number> {
  if (value === undefined) return { ok: true, value: 0 };
  const number =
    typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    return fail(`expected a finite number of milliseconds, got ${show(value)}`);
  }
  if (number < 0) return fail(`must not be negative, got ${number}`);
  if (number > Number.MAX_SAFE_INTEGER) return fail(`${number} exceeds 2^53−1`);
  return { ok: true, value: Math.trunc(number) };
}

/** A cost in USD: a finite number ≥ 0 (or a decimal string); missing means not reported. */
export function readCost(value: unknown): FieldResult<number | null> {
  if (value === undefined) return { ok: true, value: null };
  const number =
    typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number') return fail(`expected a number, got ${show(value)}`);
  if (!Number.isFinite(number)) return fail(`must be finite, got ${show(value)}`);
  if (number < 0) return fail(`must not be negative, got ${number}`);
  if (usdToNanos(number) > MAX_STORABLE_NANOS) {
    return fail(`${number} exceeds the largest storable cost, 9223372036.854775807`);
  }
  return { ok: true, value: number };
}

/** A required text of 1 to `max` characters. */
export function readRequiredText(value: unknown, max: number): FieldResult<string> {
  if (value === undefined) return fail('is required');
  if (typeof value !== 'string') return fail(`expected text, got ${show(value)}`);
  if (value.trim() === '') return fail('must not be empty');
  if (value.length > max) return fail(`must be at most ${max} characters`);
  return { ok: true, value };
}

/** Optional text: a string (numbers are written out); blank or missing means null. */
export function readOptionalText(value: unknown): FieldResult<string | null> {
  if (value === undefined) return { ok: true, value: null };
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { ok: true, value: String(value) };
  }
  if (typeof value !== 'string') return fail(`expected text, got ${show(value)}`);
  return { ok: true, value: value === '' ? null : value };
}

/** A short, safe rendering of a received value for error messages. */
export function show(value: unknown): string {
  const text =
    typeof value === 'number' || typeof value === 'bigint'
      ? String(value)
      : String(JSON.stringify(value) ?? value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
