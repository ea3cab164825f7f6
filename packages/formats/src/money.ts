import { decimalToScaled, nanosToUsd, usdToNanos } from '@finops/store';
import { FieldProblem } from './imported-event.js';
import { isAbsent, readDecimal, show } from './loose-values.js';

/** Decimal places of nano-dollars, the store's unit of money. */
const NANO_PLACES = 9;

/**
 * A cost in USD as a number or decimal text; absent gives null (not reported), a real `0`
 * stays 0.
 *
 * @throws FieldProblem for a negative or non-numeric cost.
 */
export function readUsd(value: unknown, field: string): number | null {
  return readDecimal(value, field) ?? null;
}

/** The exact sum of USD amounts (summed as nano-dollars); null when every part is null. */
export function sumUsd(amounts: readonly (number | null)[]): number | null {
  const known = amounts.filter((amount): amount is number => amount !== null);
  if (known.length === 0) return null;
  const total = known.reduce((sum, amount) => sum + usdToNanos(amount), 0n);
  return nanosToUsd(total, NANO_PLACES);
}

/**
 * US cents written as a decimal text (Anthropic's cost report `amount`, `"123.45"`) in USD,
 * exactly: `"123.45"` → 1.2345.
 *
 * @throws FieldProblem for anything but a non-negative decimal.
 */
export function centsToUsd(value: unknown, field: string): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text.trim())) {
    throw new FieldProblem(field, `expected non-negative cents as a decimal, got ${show(value)}`);
  }
  return nanosToUsd(decimalToScaled(text.trim(), NANO_PLACES - 2), NANO_PLACES);
}

/**
 * An integer count of nano-dollars (Helicone's ClickHouse `cost`, USD × 1e9) in USD; absent
 * gives null.
 *
 * @throws FieldProblem for anything but a whole non-negative number.
 */
export function nanoDollarsToUsd(value: unknown, field: string): number | null {
  if (isAbsent(value)) return null;
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+$/.test(text.trim())) {
    throw new FieldProblem(field, `expected whole USD×1e9 (ClickHouse cost), got ${show(value)}`);
  }
  return nanosToUsd(BigInt(text.trim()), NANO_PLACES);
}
