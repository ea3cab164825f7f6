import type { Nanos } from './contract.js';

/** Nano-dollars in one US dollar. */
const NANOS_PER_USD = 1_000_000_000n;

/** The largest amount a SQLite INTEGER holds: 2^63−1 nanos, about 9.2 billion USD. */
export const MAX_STORABLE_NANOS = 2n ** 63n - 1n;

/**
 * Converts a finite, non-negative USD amount to exact nano-dollars, reading the number's shortest
 * decimal form so `9.6` becomes 9,600,000,000 and not a binary approximation. Digits past the
 * ninth decimal are rounded half up.
 */
export function usdToNanos(usd: number): Nanos {
  // Fast path: when scaling and rounding gives back the very same number, the amount has at most
  // nine decimals and the scaled integer is exact; anything else takes the decimal-text route.
  const scaled = Math.round(usd * 1e9);
  if (scaled <= Number.MAX_SAFE_INTEGER && scaled / 1e9 === usd) return BigInt(scaled);
  return decimalToScaled(decimalText(usd), 9);
}

/**
 * Rounds nano-dollars to `decimals` places (half away from zero) and returns the nearest number,
 * which prints without binary noise (`151.45`, never `151.45000000000002`).
 */
export function nanosToUsd(nanos: Nanos, decimals = 6): number {
  const step = 10n ** BigInt(9 - decimals);
  return Number(divideRounded(nanos, step)) / 10 ** decimals;
}

/** Integer division rounded half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** A number's plain decimal text, expanding exponent notation (`1e-7` → `0.0000001`). */
function decimalText(value: number): string {
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;

  const digits = `${match[1]}${match[2] ?? ''}`;
  const point = (match[1] ?? '').length + Number(match[3]);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Scales a plain non-negative decimal text by 10^scale, rounding half up. */
export function decimalToScaled(text: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  const kept = fraction.slice(0, scale).padEnd(scale, '0');
  const roundUp = (fraction.charCodeAt(scale) || 0) >= 53; // '5'
  const scaled = BigInt(whole) * 10n ** BigInt(scale) + BigInt(kept || '0');
  return roundUp ? scaled + 1n : scaled;
}

export { NANOS_PER_USD };
