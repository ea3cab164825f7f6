import { FieldProblem } from './imported-event.js';

/** Whether a source left a value out: undefined, null or an empty (CSV) cell. */
export function isAbsent(value: unknown): value is undefined | null | '' {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * A count (tokens, requests) as sources write it: a number, an integer text (`"1200"`, an OTLP
 * `intValue`) or a float text of a whole number (`"41.0"`, OpenAI CSVs). Absent gives undefined.
 *
 * @throws FieldProblem for anything else, negative or fractional counts included.
 */
export function readCount(value: unknown, field: string): number | undefined {
  if (isAbsent(value)) return undefined;
  const text =
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  const match = text === null ? null : /^(\d+)(?:\.0*)?$/.exec(text);
  if (!match?.[1]) throw new FieldProblem(field, `expected a whole number, got ${show(value)}`);
  const count = Number(match[1]);
  if (!Number.isSafeInteger(count)) throw new FieldProblem(field, `${match[1]} exceeds 2^53−1`);
  return count;
}

/**
 * A non-negative decimal (USD, seconds) as a number or a decimal text. Absent gives undefined.
 *
 * @throws FieldProblem for a negative, non-finite or non-numeric value.
 */
export function readDecimal(value: unknown, field: string): number | undefined {
  if (isAbsent(value)) return undefined;
  const number =
    typeof value === 'string' && /^\s*\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(value)
      ? Number(value)
      : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
    throw new FieldProblem(field, `expected a non-negative number, got ${show(value)}`);
  }
  return number;
}

/** A flag as sources write it: `true`, `"True"`, `"FALSE"`, `1`, `"0"`; anything else is null. */
export function readFlag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}

/** A text value, or undefined when absent; numbers are written out. */
export function readText(value: unknown): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A JSON object given as an object or as JSON text (raw dumps, CSV cells); else undefined. */
export function readJsonObject(value: unknown): Record<string, unknown> | undefined {
  const parsed = typeof value === 'string' ? parseJson(value) : value;
  return isRecord(parsed) ? parsed : undefined;
}

/** A JSON array given as an array or as JSON text; else undefined. */
export function readJsonArray(value: unknown): unknown[] | undefined {
  const parsed = typeof value === 'string' ? parseJson(value) : value;
  return Array.isArray(parsed) ? parsed : undefined;
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short rendering of a received value for messages. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A signed number for metadata (a discount may be negative); undefined when absent or not one. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(value)) {
    return undefined;
  }
  return Number(value);
}

/** The first value that is not absent (undefined, null or an empty cell). */
export function firstPresent(...values: unknown[]): unknown {
  return values.find((value) => !isAbsent(value));
}
