import { formatInstant, parseInstant } from '@finops/store';
import { FieldProblem } from './imported-event.js';
import { isAbsent, show } from './loose-values.js';

const NANOS_PER_MS = 1_000_000n;
const DECIMAL = /^\s*(\d+)(?:\.(\d+))?\s*$/;

/**
 * An ISO 8601 text as an instant in UTC with a `Z`. A text without an offset — OpenRouter's
 * `created_at`, LiteLLM DateTime dumps — is read as UTC, never as the machine's local time.
 *
 * @throws FieldProblem for a missing or impossible timestamp.
 * @example readIsoInstant('2025-01-15 10:30:00.123', 'created_at') // '2025-01-15T10:30:00.123Z'
 */
export function readIsoInstant(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new FieldProblem(field, `expected an ISO 8601 timestamp, got ${show(value)}`);
  }
  const instant = parseInstant(value);
  if (!instant.ok) throw new FieldProblem(field, instant.reason);
  return formatInstant(instant.ms);
}

/** Epoch milliseconds of an ISO 8601 text (naive means UTC), or undefined when absent. */
export function readIsoMs(value: unknown, field: string): number | undefined {
  if (isAbsent(value)) return undefined;
  return Date.parse(readIsoInstant(value, field));
}

/**
 * OTLP nanoseconds since the epoch — a decimal text past 2^53, so read with BigInt and never as
 * a float — in whole milliseconds (sub-millisecond digits are cut, as the store keeps ms).
 *
 * @throws FieldProblem for anything but a whole number.
 */
export function readEpochNanos(value: unknown, field: string): bigint {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+$/.test(text.trim())) {
    throw new FieldProblem(field, `expected whole nanoseconds as text, got ${show(value)}`);
  }
  return BigInt(text.trim());
}

/** Nanoseconds since the epoch as an ISO instant in UTC. */
export function nanosToInstant(nanos: bigint): string {
  return formatInstant(Number(nanos / NANOS_PER_MS));
}

/** Whole milliseconds between two nanosecond instants. */
export function nanosToMs(nanos: bigint): number {
  return Number(nanos / NANOS_PER_MS);
}

/**
 * Epoch seconds — an integer (OpenAI buckets) or a float (LiteLLM's `startTime`) — as an ISO
 * instant in UTC, read from the decimal digits so `1736937000.123` is exactly `.123Z`.
 *
 * @throws FieldProblem for anything but a non-negative number of seconds.
 */
export function epochSecondsToInstant(value: unknown, field: string): string {
  return formatInstant(readSecondsAsMs(value, field, 'floor'));
}

/**
 * A duration in seconds (Langfuse `latency`, LiteLLM `response_time`) in whole milliseconds,
 * rounded half up from its decimal digits. Absent gives undefined.
 */
export function secondsToMs(value: unknown, field: string): number | undefined {
  if (isAbsent(value)) return undefined;
  return readSecondsAsMs(value, field, 'round');
}

/**
 * A number times 10^places, computed on its decimal text (`1.5e-7` × 10^3 is exactly
 * `0.00015`), so no binary noise creeps in.
 */
export function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

function readSecondsAsMs(value: unknown, field: string, mode: 'floor' | 'round'): number {
  const ms =
    typeof value === 'string' && DECIMAL.test(value)
      ? Number(`${value.trim()}e3`)
      : typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? shiftDecimal(value, 3)
        : NaN;
  if (Number.isNaN(ms)) {
    throw new FieldProblem(field, `expected a non-negative number of seconds, got ${show(value)}`);
  }
  return mode === 'floor' ? Math.floor(ms) : Math.round(ms);
}
