import { divideRounded } from '@finops/store';

// Every rounding here is decimal and exact: integers are divided as bigints, rounded half away
// from zero, and only the final quotient becomes a number, so no output carries float noise.

const RATIO_SCALE = 1_000_000n;

/**
 * The ratio `numerator / denominator` rounded to 6 decimals; 0 when the denominator is 0.
 *
 * @example roundRatio(-11_230_000_000n, 162_680_000_000n) // -0.069031
 */
export function roundRatio(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) return 0;

  return Number(divideRounded(numerator * RATIO_SCALE, denominator)) / 1_000_000;
}

/**
 * The mean `sum / count` rounded to `decimals` places (3 by default); 0 when the count is 0.
 *
 * @example roundAverage(19_645, 21) // 935.476
 */
export function roundAverage(sum: number, count: number, decimals = 3): number {
  if (count === 0) return 0;

  const scale = 10n ** BigInt(decimals);
  return Number(divideRounded(BigInt(sum) * scale, BigInt(count))) / 10 ** decimals;
}

/**
 * Percent text of a 6-decimal change ratio: its magnitude times 100 with one decimal and `%`.
 *
 * @example formatPercent(-0.069031) // '6.9%'
 */
export function formatPercent(ratio: number): string {
  const micros = BigInt(Math.round(Math.abs(ratio) * 1_000_000));
  const tenths = divideRounded(micros, 1_000n);
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/**
 * Token count in millions with two decimals, as summaries print it.
 *
 * @example formatMillionTokens(72_120 + 29_680) // '0.10'
 */
export function formatMillionTokens(tokens: number): string {
  const hundredths = divideRounded(BigInt(tokens), 10_000n);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}
